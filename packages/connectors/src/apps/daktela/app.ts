// Daktela (contact centre, REST API v6): polling triggers for CRM and ticket records, and actions for records, calls and messages.
import { StepFailure } from '../../http/errors.ts';
import { customApiCall } from '../../kit/common.ts';
import { defineApp, type AppAuth } from '../../kit/define.ts';
import { createAccount, updateAccount } from './accounts.ts';
import { makeCall } from './calls.ts';
import { createCampaignRecord } from './campaign-records.ts';
import { daktelaAuthFields, daktelaRequest, daktelaSend } from './client.ts';
import { createContact, updateContact } from './contacts.ts';
import { createCrmRecord, updateCrmRecord } from './crm-records.ts';
import { sendEmail, sendSms } from './messages.ts';
import { setPause } from './pause.ts';
import { createTicket, updateTicket } from './tickets.ts';
import { triggers } from './triggers.ts';

export const customCall = customApiCall('Daktela', daktelaSend);

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
  triggers,
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
