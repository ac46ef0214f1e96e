// Trigger "Customer Event": HelpCrunch's signed customer webhooks (new, email updated, tags changed, …).
import { z } from 'zod';
import { defineTrigger } from '../../../kit/define.ts';
import { customerEvents, eventOutputFields, receiveEvents, signingKeyField, type HelpCrunchEvent } from '../signed-events.ts';

export const customerEvent = defineTrigger({
  key: 'customer_event',
  name: 'Customer Event',
  description:
    'Starts when HelpCrunch reports a customer event (new, email updated, tags changed, subscribed/unsubscribed, blocked/unblocked, deleted). Paste this zap’s URL and the signing key into HelpCrunch’s webhook settings; unsigned or wrongly signed deliveries are refused.',
  type: 'hook',
  input: z.object({
    signingKey: signingKeyField,
    // A choice of several: the kit's choices take one value.
    events: z.array(z.enum(customerEvents)).default([]).meta({ title: 'Events', description: 'Only these events; leave empty for all customer events.' }),
  }),
  sample: {
    event: 'customer.new',
    eventId: '6b1f7c3e-2a9d-4e0b-8f51-3c7d2e9a1b04',
    createdAt: 1603885746,
    attempts: 1,
    data: {
      id: 542335,
      name: 'John Doe',
      email: 'john@example.com',
      userId: 'user_1234567890',
      unsubscribed: false,
      customData: { subscription_status: 'active' },
    },
  } satisfies HelpCrunchEvent,
  outputFields: [
    ...eventOutputFields,
    { key: 'data.id', label: 'Customer ID', type: 'integer' },
    { key: 'data.name', label: 'Customer name', type: 'string' },
    { key: 'data.email', label: 'Customer email', type: 'string' },
    { key: 'data.userId', label: 'Customer user ID', type: 'string' },
  ],
  receive: (request, { input }) => receiveEvents(request, input.signingKey, 'customer', input.events),
});
