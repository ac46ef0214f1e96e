// Twenty webhooks: registering one through the metadata API, removing it, and verifying a delivery's signature.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { StepFailure } from '../../http/errors.ts';
import { DeliveryRejected, type IncomingRequest, type ServiceContext } from '../../kit/define.ts';
import { sendToTwenty, TWENTY_WEBHOOKS_PATH } from './client.ts';

export const SIGNATURE_HEADER = 'x-twenty-webhook-signature';
export const TIMESTAMP_HEADER = 'x-twenty-webhook-timestamp';

/**
 * How far a delivery's X-Twenty-Webhook-Timestamp may be from our clock. Twenty documents no window (its docs only say
 * to check the signature); ours refuses replays of old deliveries while tolerating queueing and clock skew.
 */
export const TWENTY_SIGNATURE_MAX_AGE_MS = 15 * 60_000;

/** Registers `targetUrl` for `operations` such as person.created, with our per-subscription secret; returns the webhook id. */
export async function createWebhook(
  context: ServiceContext,
  webhook: { targetUrl: string; operations: string[]; description: string; secret: string },
): Promise<string> {
  const response = await sendToTwenty(context, { method: 'POST', path: TWENTY_WEBHOOKS_PATH, body: webhook });
  // The webhook controller answers the entity itself; a GraphQL-backed route would wrap it in {data: {createWebhook: …}}.
  const body = response.body as { id?: unknown; data?: Record<string, { id?: unknown } | undefined> } | null;
  const id = typeof body?.id === 'string' ? body.id : Object.values(body?.data ?? {}).find((value) => typeof value?.id === 'string')?.id;
  if (typeof id !== 'string') throw new StepFailure('Twenty created the webhook but did not answer its id', { transient: false, code: 'INVALID_RESPONSE' });
  return id;
}

/** Removes a webhook; one that is already gone counts as removed. */
export async function deleteWebhook(context: ServiceContext, id: string): Promise<void> {
  try {
    await sendToTwenty(context, { method: 'DELETE', path: `${TWENTY_WEBHOOKS_PATH}/${encodeURIComponent(id)}` });
  } catch (error) {
    if (error instanceof StepFailure && error.status === 404) return;
    throw error;
  }
}

function sameHex(given: string, expected: string): boolean {
  if (!/^[0-9a-f]+$/i.test(given) || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(given.toLowerCase(), 'hex'), Buffer.from(expected, 'hex'));
}

/**
 * X-Twenty-Webhook-Signature = hex HMAC-SHA256(secret, `${X-Twenty-Webhook-Timestamp}:${body}`), the body being the JSON
 * Twenty sent (call-webhook.job.ts signs JSON.stringify of exactly what it posts).
 */
export function verifyTwentySignature(request: IncomingRequest, secret: string, now = Date.now()): void {
  const signature = request.headers[SIGNATURE_HEADER]?.trim();
  const timestamp = request.headers[TIMESTAMP_HEADER]?.trim();
  if (!signature || !timestamp) throw new DeliveryRejected('The delivery carries no X-Twenty-Webhook-Signature and X-Twenty-Webhook-Timestamp');
  const expected = createHmac('sha256', secret).update(`${timestamp}:${request.rawBody}`).digest('hex');
  if (!sameHex(signature, expected)) throw new DeliveryRejected('The X-Twenty-Webhook-Signature does not match the delivery');
  const sentAt = Number(timestamp);
  if (!Number.isFinite(sentAt) || Math.abs(now - sentAt) > TWENTY_SIGNATURE_MAX_AGE_MS) {
    throw new DeliveryRejected('The X-Twenty-Webhook-Timestamp is too far from now (a replayed delivery?)');
  }
}

const recordSchema = z.record(z.string(), z.unknown());

/** One changed record: the state after the event (before it, for deletions) and, for updates, the fields that changed. */
const itemSchema = z.looseObject({ record: recordSchema, updatedFields: z.array(z.string()).nullish() });

/** What every delivery says about the event. */
const envelope = {
  eventName: z.string(),
  objectMetadata: z.looseObject({ nameSingular: z.string() }).nullish(),
  webhookId: z.string().nullish(),
  eventDate: z.string().nullish(),
};

/**
 * The batched body current Twenty posts (transform-webhook-event-batch-to-webhook-data.ts): every record one operation
 * changed, in `items`.
 */
export const batchPayloadSchema = z.looseObject({ ...envelope, items: z.array(itemSchema), batchSize: z.number().nullish() });

/** The single-record body of versions before batches (call-webhook-jobs.job.ts; kept there for a while as a deprecated block). */
export const recordPayloadSchema = z.looseObject({ ...envelope, ...itemSchema.shape });

export type WebhookItem = z.output<typeof itemSchema>;

export interface WebhookEvents {
  eventName: string;
  objectName: string | undefined;
  /** The records, in order. */
  items: WebhookItem[];
  /**
   * One per item, the same for both copies of one event: Twenty versions with the deprecated block post a batch, then
   * each of its records alone, all with the batch's webhookId and eventDate (call-webhook-jobs.job.ts).
   */
  keys: string[];
}

type Envelope = z.output<z.ZodObject<typeof envelope>>;

function eventsOf(payload: Envelope, items: WebhookItem[]): WebhookEvents {
  const key = (item: WebhookItem) =>
    createHash('sha256')
      .update(JSON.stringify([payload.webhookId, payload.eventName, payload.eventDate, item.record, item.updatedFields ?? null]))
      .digest('hex');
  return { eventName: payload.eventName, objectName: payload.objectMetadata?.nameSingular, items, keys: items.map(key) };
}

/** A delivery in either shape, as its event and its records; undefined when it is neither. */
export function readWebhookPayload(body: unknown): WebhookEvents | undefined {
  const batch = batchPayloadSchema.safeParse(body);
  if (batch.success) return eventsOf(batch.data, batch.data.items);
  const single = recordPayloadSchema.safeParse(body);
  if (!single.success) return undefined;
  return eventsOf(single.data, [{ record: single.data.record, updatedFields: single.data.updatedFields }]);
}

/** Why a body is in neither shape, for the zap's last error: it names the body's fields, never their values (personal data). */
export function unreadablePayload(body: unknown): string {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return 'its body is not a JSON object.';
  const fields = Object.keys(body);
  const named = fields.length === 0 ? 'none' : `${fields.slice(0, 20).join(', ')}${fields.length > 20 ? ', …' : ''}`;
  return `it is neither a batch ({eventName, items: [{record}]}) nor a single record ({eventName, record}); its fields: ${named}.`;
}
