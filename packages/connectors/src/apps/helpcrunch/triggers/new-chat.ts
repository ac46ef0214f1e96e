// Trigger "New Chat" (polling): chats created since the newest one seen, by the search's `chats.createdAt` filter.
import { z } from 'zod';
import { defineTrigger } from '../../../kit/define.ts';
import { helpcrunchCall, pageOf, searchAll, unixSeconds } from '../client.ts';

const sample = {
  id: 5215261,
  status: 'new',
  createdAt: 1603885746,
  closedAt: null,
  lastMessageAt: 1603885790,
  lastCustomerMessageAt: 1603885790,
  lastMessageText: 'Hi, is the annual plan refundable?',
  applicationId: 1,
  rating: null,
  agents: [],
  customer: { id: 542335, name: 'John Doe', email: 'john@example.com', userId: 'user_1234567890' },
  assignee: null,
  department: { id: 3, name: 'Sales' },
};

export const newChat = defineTrigger({
  key: 'new_chat',
  name: 'New Chat',
  description: 'Starts when a new chat (conversation) is started in HelpCrunch.',
  type: 'polling',
  input: z.object({}),
  sample,
  outputFields: [
    { key: 'id', label: 'Chat ID', type: 'integer' },
    { key: 'status', label: 'Status', type: 'string' },
    { key: 'createdAt', label: 'Created at (unix seconds)', type: 'integer' },
    { key: 'closedAt', label: 'Closed at (unix seconds)', type: 'integer' },
    { key: 'lastMessageAt', label: 'Last message at (unix seconds)', type: 'integer' },
    { key: 'lastCustomerMessageAt', label: 'Last customer message at (unix seconds)', type: 'integer' },
    { key: 'lastMessageText', label: 'Last message', type: 'string' },
    { key: 'applicationId', label: 'Application ID', type: 'integer' },
    { key: 'rating', label: 'Rating', type: 'string' },
    { key: 'agents', label: 'Agents', type: 'array' },
    { key: 'customer', label: 'Customer', type: 'object' },
    { key: 'customer.id', label: 'Customer ID', type: 'integer' },
    { key: 'customer.name', label: 'Customer name', type: 'string' },
    { key: 'customer.email', label: 'Customer email', type: 'string' },
    { key: 'assignee', label: 'Assigned agent', type: 'object' },
    { key: 'department', label: 'Department', type: 'object' },
    { key: 'department.name', label: 'Department name', type: 'string' },
  ],
  dedupeKey: (chat: Record<string, unknown>) => String(chat.id ?? ''),
  async perform(context) {
    // The search takes UNIX timestamps in whole seconds; createdAt (and so a cursor kept from it) may carry a fraction.
    const cursor = unixSeconds(context.cursor);
    const since = cursor === undefined ? undefined : Math.floor(cursor);
    const items =
      since === undefined
        ? pageOf(await helpcrunchCall(context, { path: 'chats', query: { sort: 'chats.createdAt', order: 'desc', limit: 100, offset: 0 } })).items
        : await searchAll(context, 'chats/search', {
            // >= keeps chats created in the same second as the newest one seen; dedupe by id drops that one.
            filter: [{ field: 'chats.createdAt', operator: '>=', value: since }],
            sort: 'chats.createdAt',
            order: 'desc',
          });
    const newest = Math.floor(Math.max(since ?? 0, ...items.map((chat) => unixSeconds(chat.createdAt) ?? 0)));
    const ordered = [...items].sort((a, b) => (unixSeconds(b.createdAt) ?? 0) - (unixSeconds(a.createdAt) ?? 0) || Number(b.id) - Number(a.id));
    return { items: ordered, cursor: newest > 0 ? newest : (since ?? null) };
  },
});
