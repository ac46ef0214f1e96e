// The Twenty CRM connector: records of any object (people, companies, opportunities, custom) through Twenty's REST API.
import { customApiCall } from '../../kit/common.ts';
import { defineApp, type AppAuth } from '../../kit/define.ts';
import { sendToTwenty, TWENTY_CONNECTION_TEST, twentyAuthFields } from './client.ts';
import { createRecord } from './create-record.ts';
import { deleteRecord } from './delete-record.ts';
import { findRecord } from './find-record.ts';
import { recordCreated, recordDeleted, recordUpdated } from './instant-triggers.ts';
import { recordCreatedPolling, recordUpdatedPolling } from './polling-triggers.ts';
import { updateRecord } from './update-record.ts';
import { upsertRecord } from './upsert-record.ts';

const customCall = customApiCall('Twenty', async ({ auth, http }, request) => {
  const path = `/${request.path.replace(/^\/+/, '')}`;
  const response = await sendToTwenty(
    { auth, http },
    { method: request.method, path, ...(request.query ? { query: request.query } : {}), ...(request.body !== undefined ? { body: request.body } : {}) },
  );
  return { status: response.status, headers: response.headers, body: response.body };
});

const auth: AppAuth<typeof twentyAuthFields> = {
  fields: twentyAuthFields,
  async test({ auth: credentials, http }) {
    await sendToTwenty({ auth: credentials, http }, { path: TWENTY_CONNECTION_TEST.path, query: { ...TWENTY_CONNECTION_TEST.query } });
  },
};

export const twentyApp = defineApp({
  key: 'twenty',
  name: 'Twenty',
  description: 'Open-source CRM: create, update, find and delete people, companies, opportunities and custom records; react to changes instantly.',
  auth,
  actions: [createRecord, updateRecord, deleteRecord, findRecord, upsertRecord, customCall],
  triggers: [recordCreated, recordUpdated, recordDeleted, recordCreatedPolling, recordUpdatedPolling],
});
