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

/** The body Twenty POSTs, key order included (the signature covers JSON.stringify of it). */
export interface TwentyWebhookPayload {
  targetUrl: string;
  eventName: string;
  objectMetadata: { id: string; nameSingular: string };
  workspaceId: string;
  webhookId: string;
  eventDate: string;
  record: Record<string, unknown>;
  updatedFields?: string[];
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
