// The Pipedrive connector: API-token connection, polling and instant triggers, record actions and a custom API call.
import { z } from 'zod';
import { customApiCall } from '../../kit/common.ts';
import { defineApp, type AppAuth } from '../../kit/define.ts';
import { createActivity, updateActivity } from './activities.ts';
import { pipedriveAuthFields, pipedriveData, sendToPipedrive } from './client.ts';
import { createDeal, updateDeal } from './deals.ts';
import { instantTriggers } from './instant.ts';
import { createNote } from './notes.ts';
import { createOrganization, updateOrganization } from './organizations.ts';
import { createPerson, findPerson, updatePerson } from './persons.ts';
import { pollingTriggers } from './polling.ts';

const me = z.looseObject({ id: z.number() });

const auth: AppAuth<typeof pipedriveAuthFields> = {
  fields: pipedriveAuthFields,
  async test(context) {
    // The who-am-I call: a bad or revoked token answers 401 "unauthorized access", which the client turns into the failure.
    me.parse(await pipedriveData(context, { path: '/v1/users/me' }));
  },
};

export const pipedriveApp = defineApp({
  key: 'pipedrive',
  name: 'Pipedrive',
  description: 'Sales CRM: deals, people, organizations and activities.',
  auth,
  triggers: [...pollingTriggers, ...instantTriggers],
  actions: [
    createDeal,
    updateDeal,
    createPerson,
    updatePerson,
    findPerson,
    createOrganization,
    updateOrganization,
    createActivity,
    updateActivity,
    createNote,
    customApiCall('Pipedrive', async (context, request) => {
      const response = await sendToPipedrive(context, { method: request.method, path: request.path, query: request.query, body: request.body });
      return { status: response.status, body: response.body };
    }),
  ],
});
