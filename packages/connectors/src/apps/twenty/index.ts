// The Twenty CRM connector: records of any object (people, companies, opportunities, custom) through Twenty's REST API.
import { defineApp, type AppAuth } from '../../kit/define.ts';
import { createRecord } from './actions/create-record.ts';
import { customCall } from './actions/custom-api-call.ts';
import { deleteRecord } from './actions/delete-record.ts';
import { findRecord } from './actions/find-record.ts';
import { updateRecord } from './actions/update-record.ts';
import { upsertRecord } from './actions/upsert-record.ts';
import { sendToTwenty, TWENTY_CONNECTION_TEST, twentyAuthFields } from './client.ts';
import { recordCreatedPolling } from './triggers/record-created-polling.ts';
import { recordCreated } from './triggers/record-created.ts';
import { recordDeleted } from './triggers/record-deleted.ts';
import { recordUpdatedPolling } from './triggers/record-updated-polling.ts';
import { recordUpdated } from './triggers/record-updated.ts';

const auth: AppAuth<typeof twentyAuthFields> = {
  fields: twentyAuthFields,
  async test(context) {
    await sendToTwenty(context, { path: TWENTY_CONNECTION_TEST.path, query: { ...TWENTY_CONNECTION_TEST.query } });
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
