// "New Chat" (polling): chats created since the newest one seen, by the search's `chats.createdAt` filter.
import { z } from 'zod';
import { defineTrigger } from '../../kit/define.ts';
import { helpcrunchCall, pageOf, searchAll, unixSeconds } from './client.ts';

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
  dedupeKey: (chat: Record<string, unknown>) => String(chat.id ?? ''),
  async perform({ auth, http, cursor }) {
    const since = unixSeconds(cursor);
    const items =
      since === undefined
        ? pageOf(await helpcrunchCall(http, auth, { path: 'chats', query: { sort: 'chats.createdAt', order: 'desc', limit: 100, offset: 0 } })).items
        : await searchAll(http, auth, 'chats/search', {
            // >= keeps chats created in the same second as the newest one seen; dedupe by id drops that one.
            filter: [{ field: 'chats.createdAt', operator: '>=', value: since }],
            sort: 'chats.createdAt',
            order: 'desc',
          });
    const newest = Math.max(since ?? 0, ...items.map((chat) => unixSeconds(chat.createdAt) ?? 0));
    const ordered = [...items].sort((a, b) => (unixSeconds(b.createdAt) ?? 0) - (unixSeconds(a.createdAt) ?? 0) || Number(b.id) - Number(a.id));
    return { items: ordered, cursor: newest > 0 ? newest : (since ?? null) };
  },
});
