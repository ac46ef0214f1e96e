// CINNOX (omnichannel contact centre): instant triggers through its event subscriptions, contact, enquiry, SMS and IM actions.
import { defineApp, type AppAuth } from '../../kit/define.ts';
import { addExternalContact } from './actions/add-external-contact.ts';
import { customCall } from './actions/custom-api-call.ts';
import { getEnquiry } from './actions/get-enquiry-by-display-case-number.ts';
import { getExternalContactByFullName } from './actions/get-external-contact-by-full-name.ts';
import { getNumberList } from './actions/get-number-list.ts';
import { sendImToGroupRoom } from './actions/send-im-to-group-room.ts';
import { sendImToStaff } from './actions/send-im-to-staff.ts';
import { sendSms } from './actions/send-sms.ts';
import { updateExternalContact } from './actions/update-external-contact.ts';
import { CINNOX_CONNECTION_TEST, cinnoxAuthFields, cinnoxSend } from './client.ts';
import { enquiryClosed } from './triggers/enquiry-closed.ts';
import { enquiryHandled } from './triggers/enquiry-handled.ts';
import { enquiryMissed } from './triggers/enquiry-missed.ts';
import { externalContactAdded } from './triggers/external-contact-added.ts';
import { externalContactDeleted } from './triggers/external-contact-deleted.ts';
import { externalContactEdited } from './triggers/external-contact-edited.ts';
import { externalContactMerged } from './triggers/external-contact-merged.ts';
import { externalContactOwnershipTransferred } from './triggers/external-contact-ownership-transferred.ts';
import { newEnquiry } from './triggers/new-enquiry.ts';
import { smsDeliveryStatus } from './triggers/sms-delivery-status.ts';
import { tagAdded } from './triggers/tag-added.ts';
import { tagDeleted } from './triggers/tag-deleted.ts';
import { tagEdited } from './triggers/tag-edited.ts';

const auth: AppAuth<typeof cinnoxAuthFields> = {
  fields: cinnoxAuthFields,
  async test(context) {
    await cinnoxSend(context, { path: CINNOX_CONNECTION_TEST.path, query: { ...CINNOX_CONNECTION_TEST.query } });
  },
};

export const cinnoxApp = defineApp({
  key: 'cinnox',
  name: 'CINNOX',
  description: 'Omnichannel contact centre: enquiries, external contacts, SMS and instant messages.',
  auth,
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
