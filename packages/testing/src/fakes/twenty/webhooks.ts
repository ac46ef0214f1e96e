// The fake Twenty's webhooks: the registry behind /rest/metadata/webhooks and deliveries signed as call-webhook.job.ts signs them.
import { createHmac } from 'node:crypto';

/** The webhook entity, as the webhook controller returns it (bare, not enveloped). */
export interface TwentyWebhook {
  id: string;
  targetUrl: string;
  operations: string[];
  description: string | null;
  secret: string | null;
  workspaceId: string;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

/** One changed record: the state after the event (before it, for deletions) and, for updates, the fields that changed. */
export type TwentyWebhookItem = {
  record: Record<string, unknown>;
  updatedFields?: string[];
};

/** What every delivery says about the event, in Twenty's key order (the signature covers JSON.stringify of the body). */
export type TwentyWebhookEnvelope = {
  targetUrl: string;
  eventName: string;
  objectMetadata: { id: string; nameSingular: string };
  workspaceId: string;
  webhookId: string;
  eventDate: string;
};

/**
 * The batched body (transform-webhook-event-batch-to-webhook-data.ts): one delivery per webhook for all the records
 * one operation changed, `batchSize` being their count.
 */
export type TwentyWebhookBatchPayload = TwentyWebhookEnvelope & {
  items: TwentyWebhookItem[];
  batchSize: number;
};

/** The single-record body: one delivery per record, as call-webhook-jobs.job.ts sent before batches (and in its deprecated block). */
export type TwentyWebhookRecordPayload = TwentyWebhookEnvelope & TwentyWebhookItem;

export type TwentyWebhookPayload = TwentyWebhookBatchPayload | TwentyWebhookRecordPayload;

/**
 * Which bodies one event becomes. `batch`: current Twenty, after the deprecated block was removed. `single`: versions
 * before batches. `both`: the versions with the deprecated block, which post the batch and then each record alone,
 * all sharing one eventDate.
 */
export type TwentyWebhookShape = 'batch' | 'single' | 'both';

/** The bodies Twenty posts to one webhook for one operation's records, in the order its jobs are queued. */
export function webhookPayloads(shape: TwentyWebhookShape, envelope: TwentyWebhookEnvelope, items: TwentyWebhookItem[]): TwentyWebhookPayload[] {
  const batch: TwentyWebhookBatchPayload = { ...envelope, items, batchSize: items.length };
  const singles: TwentyWebhookRecordPayload[] = items.map((item) => ({ ...envelope, ...item }));
  if (shape === 'batch') return [batch];
  if (shape === 'single') return singles;
  return [batch, ...singles];
}

/** One delivery attempt, for tests to inspect. */
export interface TwentyDelivery {
  webhookId: string;
  targetUrl: string;
  eventName: string;
  headers: Record<string, string>;
  /** Exactly the bytes sent. */
  body: string;
  payload: TwentyWebhookPayload;
  /** The target's answer; null when it could not be reached. */
  status: number | null;
  error?: string;
}

export const SIGNATURE_HEADER = 'X-Twenty-Webhook-Signature';
export const TIMESTAMP_HEADER = 'X-Twenty-Webhook-Timestamp';
export const NONCE_HEADER = 'X-Twenty-Webhook-Nonce';

/** hex HMAC-SHA256(secret, `${timestamp}:${JSON.stringify(payloadWithoutSecret)}`), as CallWebhookJob.generateSignature. */
export function signTwentyWebhook(secret: string, timestamp: string, json: string): string {
  return createHmac('sha256', secret).update(`${timestamp}:${json}`).digest('hex');
}

/** The operation patterns a webhook must hold to receive `person.created`, as CallWebhookJobsJob looks them up. */
export function operationMatches(operations: readonly string[], nameSingular: string, action: string): boolean {
  const wanted = [`${nameSingular}.${action}`, `*.${action}`, `${nameSingular}.*`, '*.*'];
  return operations.some((operation) => wanted.includes(operation));
}

/** POSTs one payload; never throws (Twenty only logs a failed delivery, and retries nothing in the job). */
export async function deliverWebhook(webhook: TwentyWebhook, payload: TwentyWebhookPayload, nonce: string, timeoutMs = 5_000): Promise<TwentyDelivery> {
  const body = JSON.stringify(payload);
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (webhook.secret) {
    const timestamp = Date.now().toString();
    headers[TIMESTAMP_HEADER] = timestamp;
    headers[SIGNATURE_HEADER] = signTwentyWebhook(webhook.secret, timestamp, body);
    headers[NONCE_HEADER] = nonce;
  }
  const delivery: TwentyDelivery = { webhookId: webhook.id, targetUrl: webhook.targetUrl, eventName: payload.eventName, headers, body, payload, status: null };
  try {
    const response = await fetch(webhook.targetUrl, { method: 'POST', headers, body, signal: AbortSignal.timeout(timeoutMs) });
    await response.arrayBuffer();
    delivery.status = response.status;
  } catch (error) {
    delivery.error = error instanceof Error ? error.message : String(error);
  }
  return delivery;
}
