// HelpCrunch (customer chat): new customers and chats by polling, signed customer and chat events, customer and message actions.
import { defineApp, type AppAuth } from '../../kit/define.ts';
import { addCustomerNote } from './actions/add-customer-note.ts';
import { createCustomer } from './actions/create-customer.ts';
import { customCall } from './actions/custom-api-call.ts';
import { searchCustomers } from './actions/search-customers.ts';
import { sendMessage } from './actions/send-message.ts';
import { tagCustomer } from './actions/tag-customer.ts';
import { updateCustomer } from './actions/update-customer.ts';
import { helpcrunchAuthFields, helpcrunchSend } from './client.ts';
import { chatEvent } from './triggers/chat-event.ts';
import { customerEvent } from './triggers/customer-event.ts';
import { newChat } from './triggers/new-chat.ts';
import { newCustomer } from './triggers/new-customer.ts';

const auth: AppAuth<typeof helpcrunchAuthFields> = {
  fields: helpcrunchAuthFields,
  async test(context) {
    await helpcrunchSend(context, { path: 'organization' });
  },
};

export const helpcrunchApp = defineApp({
  key: 'helpcrunch',
  name: 'HelpCrunch',
  description: 'Customer chat and messaging: customers, chats and messages.',
  auth,
  triggers: [newCustomer, newChat, customerEvent, chatEvent],
  actions: [createCustomer, updateCustomer, searchCustomers, tagCustomer, addCustomerNote, sendMessage, customCall],
});
