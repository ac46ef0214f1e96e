// HelpCrunch (customer chat): new customers and chats by polling, signed customer and chat events, customer and message actions.
import { customApiCall } from '../../kit/common.ts';
import { defineApp } from '../../kit/define.ts';
import { helpcrunchAuthFields, helpcrunchSend } from './client.ts';
import { createCustomer, searchCustomers, tagCustomer, updateCustomer } from './customers.ts';
import { chatEvent, customerEvent } from './events.ts';
import { sendMessage } from './messages.ts';
import { newChat } from './new-chat.ts';
import { newCustomer } from './new-customer.ts';

/** Paths are relative to /v1/ (e.g. /customers/542335), or start with /v1/. */
const customCall = customApiCall('HelpCrunch', async ({ auth, http }, request) => {
  const response = await helpcrunchSend(http, auth, {
    method: request.method,
    path: request.path,
    ...(request.query ? { query: request.query } : {}),
    ...(request.body !== undefined && request.method !== 'GET' ? { body: request.body } : {}),
  });
  return { status: response.status, body: response.body };
});

export const helpcrunchApp = defineApp({
  key: 'helpcrunch',
  name: 'HelpCrunch',
  description: 'Customer chat and messaging: customers, chats and messages.',
  auth: {
    fields: helpcrunchAuthFields,
    async test({ auth, http }) {
      await helpcrunchSend(http, auth, { path: 'organization' });
    },
  },
  triggers: [newCustomer, newChat, customerEvent, chatEvent],
  actions: [createCustomer, updateCustomer, searchCustomers, tagCustomer, sendMessage, customCall],
});
