// The factory of Twenty's instant triggers: a webhook per zap (POST /rest/metadata/webhooks) for one kind of record event.
import type { z } from 'zod';
import { defineTrigger, type Delivery, type IncomingRequest } from '../../kit/define.ts';
import { loadObjects, singularName, STANDARD_OBJECTS } from './objects.ts';
import { personOutputFields, samplePerson } from './samples.ts';
import { createWebhook, deleteWebhook, readWebhookPayload, unreadablePayload, verifyTwentySignature } from './webhooks.ts';

export type RecordEvent = 'created' | 'updated' | 'deleted' | 'destroyed';

function bodyOf(request: IncomingRequest): unknown {
  if (typeof request.body !== 'string' && request.body !== null) return request.body;
  try {
    return JSON.parse(request.rawBody) as unknown;
  } catch {
    return null;
  }
}

/**
 * Verifies the signature, then keeps the records of the delivery (batched or single) when it is one of `events` on the
 * zap's object. A signed body in neither shape is a problem the zap shows, not an empty delivery.
 */
function receiveRecords(request: IncomingRequest, secret: string, object: string, events: RecordEvent[]): Delivery {
  verifyTwentySignature(request, secret);
  const body = bodyOf(request);
  const payload = readWebhookPayload(body);
  if (payload === undefined) return { items: [], problem: unreadablePayload(body) };
  const separator = payload.eventName.lastIndexOf('.');
  const objectName = payload.objectName ?? payload.eventName.slice(0, separator);
  const event = payload.eventName.slice(separator + 1);
  if (!(events as string[]).includes(event)) return { items: [] };
  // Custom objects' singular names are only known to the subscription; standard ones are checked here as well.
  const expected = STANDARD_OBJECTS[object];
  if (expected !== undefined && objectName !== expected) return { items: [] };
  return { items: payload.items.map((item) => item.record), keys: payload.keys };
}

export interface RecordWebhookTrigger<Schema extends z.ZodType<{ object: string }>> {
  key: string;
  name: string;
  description: string;
  input: Schema;
  /** Names the webhook in Twenty's settings: `Switchyard: {label} ({object})`. */
  label: string;
  /** The events on the zap's object that start it (`created` subscribes to `person.created` for people). */
  events(input: z.output<Schema>): RecordEvent[];
}

/**
 * What the instant triggers still take on trust: the version of call-webhook.job.ts that posts batches was not
 * available to read, so batches are checked as the single-record version signs (and the OpenAPI webhook docs describe).
 */
export const TWENTY_BATCH_SIGNATURE_UNVERIFIED =
  'Batched deliveries are taken to be signed like single ones (hex HMAC-SHA256 of "timestamp:body"); the batch-sending version of Twenty\'s call-webhook.job.ts was not available to read.';

/** An app_webhook trigger whose items are the records of the chosen object, as Twenty delivers them. */
export function recordWebhookTrigger<Schema extends z.ZodType<{ object: string }>>(trigger: RecordWebhookTrigger<Schema>) {
  return defineTrigger({
    key: trigger.key,
    name: trigger.name,
    description: trigger.description,
    type: 'app_webhook',
    unverified: TWENTY_BATCH_SIGNATURE_UNVERIFIED,
    input: trigger.input,
    sample: samplePerson,
    outputFields: personOutputFields,
    options: { object: loadObjects },
    async subscribe(context) {
      const { input } = context;
      const singular = await singularName(context, input.object);
      const externalId = await createWebhook(context, {
        targetUrl: context.hookUrl,
        operations: trigger.events(input).map((event) => `${singular}.${event}`),
        description: `Switchyard: ${trigger.label} (${input.object})`,
        secret: context.secret,
      });
      return { externalId };
    },
    unsubscribe: (context) => deleteWebhook(context, context.externalId),
    receive: (request, { input, secret }) => receiveRecords(request, secret, input.object, trigger.events(input)),
  });
}
