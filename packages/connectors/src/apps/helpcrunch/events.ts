// Customer and chat events through a catch hook the user registers in HelpCrunch (Settings → Developers → Webhooks),
// each delivery checked against `X-HelpCrunch-Signature` = hex HMAC-SHA1 of the raw body with the signing key.
import { isRecord } from '../../kit/common.ts';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { DeliveryRejected, defineTrigger, type Delivery, type IncomingRequest } from '../../kit/define.ts';

export const HELPCRUNCH_SIGNATURE_HEADER = 'x-helpcrunch-signature';

export const customerEvents = [
  'customer.new',
  'customer.email_updated',
  'customer.tags_changed',
  'customer.unsubscribed',
  'customer.subscribed',
  'customer.blocked',
  'customer.unblocked',
  'customer.deleted',
] as const;

export const chatEvents = ['chat.new', 'chat.status_updated', 'chat.assigned', 'chat.snoozed', 'chat.unsnoozed', 'chat.closed', 'chat.rated'] as const;

export function helpcrunchSignature(rawBody: string, signingKey: string): string {
  return createHmac('sha1', signingKey).update(rawBody, 'utf8').digest('hex');
}

/** Throws DeliveryRejected unless the delivery carries the signature of its exact body with this key. */
export function verifySignature(request: IncomingRequest, signingKey: string): void {
  const given = request.headers[HELPCRUNCH_SIGNATURE_HEADER]?.trim().toLowerCase();
  if (!given) throw new DeliveryRejected('The delivery has no X-HelpCrunch-Signature header.');
  const expected = Buffer.from(helpcrunchSignature(request.rawBody, signingKey), 'utf8');
  const actual = Buffer.from(given, 'utf8');
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
    throw new DeliveryRejected('The X-HelpCrunch-Signature does not match the signing key.');
  }
}

export interface HelpCrunchEvent {
  /** e.g. `customer.new`, `chat.closed`. */
  event: string;
  eventId: string;
  createdAt: number | string | null;
  attempts: number | null;
  /** The event's `eventData`: the customer (`id, name, email, userId, unsubscribed, customData`) or the chat. */
  data: Record<string, unknown>;
}


function bodyOf(request: IncomingRequest): unknown {
  if (isRecord(request.body)) return request.body;
  try {
    return JSON.parse(request.rawBody) as unknown;
  } catch {
    return null;
  }
}

/** Verifies, then keeps events of `family` (and of `wanted`, when some are chosen). The old `chats.new` spelling counts as `chat.new`. */
function receiveEvents(request: IncomingRequest, signingKey: string, family: 'customer' | 'chat', wanted: readonly string[]): Delivery {
  verifySignature(request, signingKey);
  const body = bodyOf(request);
  if (!isRecord(body) || typeof body.event !== 'string') return { items: [] };
  const event = body.event.replace(/^(customer|chat)s\./, '$1.');
  if (!event.startsWith(`${family}.`) || (wanted.length > 0 && !wanted.includes(event))) return { items: [] };
  const item: HelpCrunchEvent = {
    event,
    eventId: String(body.id ?? ''),
    createdAt: typeof body.createdAt === 'number' || typeof body.createdAt === 'string' ? body.createdAt : null,
    attempts: typeof body.attempts === 'number' ? body.attempts : null,
    data: isRecord(body.eventData) ? body.eventData : {},
  };
  return { items: [item] };
}

const signingKey = z.string().min(1).meta({
  title: 'Signing key',
  description: 'The webhook signing key HelpCrunch shows in Settings → Developers → Webhooks, where you also paste this zap’s URL.',
  secret: true,
});

export const customerEvent = defineTrigger({
  key: 'customer_event',
  name: 'Customer Event',
  description:
    'Starts when HelpCrunch reports a customer event (new, email updated, tags changed, subscribed/unsubscribed, blocked/unblocked, deleted). Paste this zap’s URL and the signing key into HelpCrunch’s webhook settings; unsigned or wrongly signed deliveries are refused.',
  type: 'hook',
  input: z.object({
    signingKey,
    events: z.array(z.enum(customerEvents)).default([]).meta({ title: 'Events', description: 'Only these events; leave empty for all customer events.' }),
  }),
  sample: {
    event: 'customer.new',
    eventId: '6b1f7c3e-2a9d-4e0b-8f51-3c7d2e9a1b04',
    createdAt: 1603885746,
    attempts: 1,
    data: { id: 542335, name: 'John Doe', email: 'john@example.com', userId: 'user_1234567890', unsubscribed: false, customData: { subscription_status: 'active' } },
  } satisfies HelpCrunchEvent,
  receive: (request, { input }) => receiveEvents(request, input.signingKey, 'customer', input.events),
});

export const chatEvent = defineTrigger({
  key: 'chat_event',
  name: 'Chat Event',
  description:
    'Starts when HelpCrunch reports a chat event (new, status updated, assigned, snoozed/unsnoozed, closed, rated). Paste this zap’s URL and the signing key into HelpCrunch’s webhook settings; unsigned or wrongly signed deliveries are refused.',
  type: 'hook',
  input: z.object({
    signingKey,
    events: z.array(z.enum(chatEvents)).default([]).meta({ title: 'Events', description: 'Only these events; leave empty for all chat events.' }),
  }),
  sample: {
    event: 'chat.closed',
    eventId: '0f3c9a2e-7d41-4b8e-a6c5-91e2d4b7f380',
    createdAt: 1603889346,
    attempts: 1,
    data: { id: 5215261, status: 'closed', customer: { id: 542335, name: 'John Doe', email: 'john@example.com' }, assignee: { id: 4188, name: 'Sam' } },
  } satisfies HelpCrunchEvent,
  receive: (request, { input }) => receiveEvents(request, input.signingKey, 'chat', input.events),
});
