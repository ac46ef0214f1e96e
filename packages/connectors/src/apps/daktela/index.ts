// Daktela (contact centre, REST API v6): polling triggers for CRM and ticket records, and actions for records, calls and messages.
import { StepFailure } from '../../http/errors.ts';
import { defineApp, type AppAuth } from '../../kit/define.ts';
import { createAccount } from './actions/create-account.ts';
import { createCampaignRecord } from './actions/create-campaign-record.ts';
import { createContact } from './actions/create-contact.ts';
import { createCrmRecord } from './actions/create-crm-record.ts';
import { createTicket } from './actions/create-ticket.ts';
import { customCall } from './actions/custom-api-call.ts';
import { makeCall } from './actions/make-call.ts';
import { sendEmail } from './actions/send-email.ts';
import { sendSms } from './actions/send-sms.ts';
import { setPause } from './actions/set-pause.ts';
import { updateAccount } from './actions/update-account.ts';
import { updateContact } from './actions/update-contact.ts';
import { updateCrmRecord } from './actions/update-crm-record.ts';
import { updateTicket } from './actions/update-ticket.ts';
import { daktelaAuthFields, daktelaRequest } from './client.ts';
import { newAccount } from './triggers/new-account.ts';
import { newCampaignRecord } from './triggers/new-campaign-record.ts';
import { newContact } from './triggers/new-contact.ts';
import { newCrmRecord } from './triggers/new-crm-record.ts';
import { newTicket } from './triggers/new-ticket.ts';
import { updatedAccount } from './triggers/updated-account.ts';
import { updatedCampaignRecord } from './triggers/updated-campaign-record.ts';
import { updatedContact } from './triggers/updated-contact.ts';
import { updatedCrmRecord } from './triggers/updated-crm-record.ts';
import { updatedTicket } from './triggers/updated-ticket.ts';

const auth: AppAuth<typeof daktelaAuthFields> = {
  fields: daktelaAuthFields,
  // whoim (sic) is the PHP connector's ping: it answers with the token's user.
  async test(context) {
    const result = await daktelaRequest(context, { endpoint: 'whoim' });
    const user = (result as { user?: unknown } | null)?.user;
    if (user === null || typeof user !== 'object') {
      throw new StepFailure('Daktela accepted the token but named no user for it; check the API URL.', { transient: false, code: 'INVALID_RESPONSE' });
    }
  },
};

export const daktelaApp = defineApp({
  key: 'daktela',
  name: 'Daktela',
  description: 'Contact centre: tickets, CRM contacts, companies and records, campaigns, calls, SMS and e-mail.',
  auth,
  triggers: [
    newTicket,
    updatedTicket,
    newContact,
    updatedContact,
    newCrmRecord,
    updatedCrmRecord,
    newCampaignRecord,
    updatedCampaignRecord,
    newAccount,
    updatedAccount,
  ],
  actions: [
    createTicket,
    updateTicket,
    createContact,
    updateContact,
    createCrmRecord,
    updateCrmRecord,
    createCampaignRecord,
    createAccount,
    updateAccount,
    makeCall,
    sendEmail,
    setPause,
    sendSms,
    customCall,
  ],
});
