// The Pipedrive connector: API-token connection, polling and instant triggers, record actions and a custom API call.
import { z } from 'zod';
import { defineApp, type AppAuth } from '../../kit/define.ts';
import { createActivity } from './actions/create-activity.ts';
import { createDeal } from './actions/create-deal.ts';
import { createNote } from './actions/create-note.ts';
import { createOrganization } from './actions/create-organization.ts';
import { createPerson } from './actions/create-person.ts';
import { customCall } from './actions/custom-api-call.ts';
import { findPerson } from './actions/find-person.ts';
import { updateActivity } from './actions/update-activity.ts';
import { updateDeal } from './actions/update-deal.ts';
import { updateOrganization } from './actions/update-organization.ts';
import { updatePerson } from './actions/update-person.ts';
import { pipedriveAuthFields, pipedriveData } from './client.ts';
import { newActivity } from './triggers/new-activity.ts';
import { newActivityInstant } from './triggers/new-activity-instant.ts';
import { newDeal } from './triggers/new-deal.ts';
import { newDealInstant } from './triggers/new-deal-instant.ts';
import { newOrganization } from './triggers/new-organization.ts';
import { newOrganizationInstant } from './triggers/new-organization-instant.ts';
import { newPerson } from './triggers/new-person.ts';
import { newPersonInstant } from './triggers/new-person-instant.ts';
import { updatedActivity } from './triggers/updated-activity.ts';
import { updatedActivityInstant } from './triggers/updated-activity-instant.ts';
import { updatedDeal } from './triggers/updated-deal.ts';
import { updatedDealInstant } from './triggers/updated-deal-instant.ts';
import { updatedOrganization } from './triggers/updated-organization.ts';
import { updatedOrganizationInstant } from './triggers/updated-organization-instant.ts';
import { updatedPerson } from './triggers/updated-person.ts';
import { updatedPersonInstant } from './triggers/updated-person-instant.ts';

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
  triggers: [
    newDeal,
    updatedDeal,
    newPerson,
    updatedPerson,
    newOrganization,
    updatedOrganization,
    newActivity,
    updatedActivity,
    newDealInstant,
    updatedDealInstant,
    newPersonInstant,
    updatedPersonInstant,
    newOrganizationInstant,
    updatedOrganizationInstant,
    newActivityInstant,
    updatedActivityInstant,
  ],
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
    customCall,
  ],
});
