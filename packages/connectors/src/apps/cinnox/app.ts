// CINNOX (omnichannel contact centre): instant triggers through its event subscriptions, contact, enquiry, SMS and IM actions.
import { customApiCall } from '../../kit/common.ts';
import { defineApp } from '../../kit/define.ts';
import { CINNOX_CONNECTION_TEST, cinnoxAuthFields, cinnoxSend } from './client.ts';
import { externalContactAdded, externalContactDeleted, externalContactEdited, externalContactMerged, externalContactOwnershipTransferred } from './contact-triggers.ts';
import { addExternalContact, getExternalContactByFullName, updateExternalContact } from './contacts.ts';
import { getEnquiry } from './enquiries.ts';
import { enquiryClosed, enquiryHandled, enquiryMissed, newEnquiry } from './enquiry-triggers.ts';
import { sendImToGroupRoom, sendImToStaff } from './messages.ts';
import { getNumberList } from './numbers.ts';
import { sendSms } from './sms.ts';
import { smsDeliveryStatus } from './sms-triggers.ts';
import { tagAdded, tagDeleted, tagEdited } from './tag-triggers.ts';

/** Paths starting with /v1/ are taken from the Base URL; others are relative to /v1/api/apps/{appID}/. */
const customCall = customApiCall('CINNOX', async ({ auth, http }, request) => {
  const response = await cinnoxSend(http, auth, {
    method: request.method,
    path: request.path,
    ...(request.query ? { query: request.query } : {}),
    ...(request.body !== undefined && request.method !== 'GET' ? { body: request.body } : {}),
  });
  return { status: response.status, body: response.body };
});

export const cinnoxApp = defineApp({
  key: 'cinnox',
  name: 'CINNOX',
  description: 'Omnichannel contact centre: enquiries, external contacts, SMS and instant messages.',
  auth: {
    fields: cinnoxAuthFields,
    async test({ auth, http }) {
      await cinnoxSend(http, auth, { path: CINNOX_CONNECTION_TEST.path, query: { ...CINNOX_CONNECTION_TEST.query } });
    },
  },
  triggers: [
    externalContactAdded,
    externalContactEdited,
    externalContactMerged,
    externalContactOwnershipTransferred,
    externalContactDeleted,
    newEnquiry,
    enquiryHandled,
    enquiryClosed,
    enquiryMissed,
    smsDeliveryStatus,
    tagAdded,
    tagEdited,
    tagDeleted,
  ],
  actions: [
    getEnquiry,
    addExternalContact,
    getExternalContactByFullName,
    getNumberList,
    updateExternalContact,
    sendSms,
    sendImToStaff,
    sendImToGroupRoom,
    customCall,
  ],
});
