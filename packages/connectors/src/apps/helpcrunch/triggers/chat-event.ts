// Trigger "Chat Event": HelpCrunch's signed chat webhooks (new, status updated, assigned, closed, rated, …).
import { z } from 'zod';
import { defineTrigger } from '../../../kit/define.ts';
import { chatEvents, eventOutputFields, receiveEvents, signingKeyField, type HelpCrunchEvent } from '../signed-events.ts';

export const chatEvent = defineTrigger({
  key: 'chat_event',
  name: 'Chat Event',
  description:
    'Starts when HelpCrunch reports a chat event (new, status updated, assigned, snoozed/unsnoozed, closed, rated). Paste this zap’s URL and the signing key into HelpCrunch’s webhook settings; unsigned or wrongly signed deliveries are refused.',
  type: 'hook',
  input: z.object({
    signingKey: signingKeyField,
    // A choice of several: the kit's choices take one value.
    events: z.array(z.enum(chatEvents)).default([]).meta({ title: 'Events', description: 'Only these events; leave empty for all chat events.' }),
  }),
  sample: {
    event: 'chat.closed',
    eventId: '0f3c9a2e-7d41-4b8e-a6c5-91e2d4b7f380',
    createdAt: 1603889346,
    attempts: 1,
    data: { id: 5215261, status: 'closed', customer: { id: 542335, name: 'John Doe', email: 'john@example.com' }, assignee: { id: 4188, name: 'Sam' } },
  } satisfies HelpCrunchEvent,
  outputFields: [
    ...eventOutputFields,
    { key: 'data.id', label: 'Chat ID', type: 'integer' },
    { key: 'data.status', label: 'Chat status', type: 'string' },
    { key: 'data.customer.name', label: 'Customer name', type: 'string' },
    { key: 'data.customer.email', label: 'Customer email', type: 'string' },
    { key: 'data.assignee.name', label: 'Assigned agent', type: 'string' },
  ],
  receive: (request, { input }) => receiveEvents(request, input.signingKey, 'chat', input.events),
});
