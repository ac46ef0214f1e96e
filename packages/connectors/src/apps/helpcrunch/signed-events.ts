// What the customer and chat event triggers share: a catch hook the user registers in HelpCrunch (Settings → Developers
// → Webhooks), each delivery checked against `X-HelpCrunch-Signature` = hex HMAC-SHA1 of the raw body with the signing key.
import { isRecord } from '../../kit/common.ts';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { DeliveryRejected, type Delivery, type IncomingRequest, type OutputField } from '../../kit/define.ts';

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

/** The envelope every event shares; each trigger adds the `data.…` fields people map most. */
export const eventOutputFields: readonly OutputField[] = [
  { key: 'event', label: 'Event', type: 'string' },
  { key: 'eventId', label: 'Event ID', type: 'string' },
  { key: 'createdAt', label: 'Happened at (unix seconds)', type: 'integer' },
  { key: 'attempts', label: 'Delivery attempt', type: 'integer' },
  { key: 'data', label: 'Event data', type: 'object' },
];

function bodyOf(request: IncomingRequest): unknown {
  if (isRecord(request.body)) return request.body;
  try {
    return JSON.parse(request.rawBody) as unknown;
  } catch {
    return null;
  }
}

/** Verifies, then keeps events of `family` (and of `wanted`, when some are chosen). The old `chats.new` spelling counts as `chat.new`. */
export function receiveEvents(request: IncomingRequest, signingKey: string, family: 'customer' | 'chat', wanted: readonly string[]): Delivery {
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

/**
 * The kit has no secret field for trigger inputs; the key is kept exactly as pasted, since the signature is computed
 * over it byte for byte.
 */
export const signingKeyField = z.string().min(1).meta({
  title: 'Signing key',
  description: 'The webhook signing key HelpCrunch shows in Settings → Developers → Webhooks, where you also paste this zap’s URL.',
  secret: true,
});
