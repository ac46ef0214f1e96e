// Twenty's instant triggers: a webhook per zap (POST /rest/metadata/webhooks) for records created, updated or deleted.
import { z } from 'zod';
import { defineTrigger, type Delivery, type IncomingRequest } from '../../kit/define.ts';
import type { TwentyContext, TwentyRecord } from './client.ts';
import { samplePerson } from './fields.ts';
import { loadObjects, objectField, singularName, STANDARD_OBJECTS } from './objects.ts';
import { createWebhook, deleteWebhook, verifyTwentySignature, webhookPayloadSchema } from './webhooks.ts';

type RecordEvent = 'created' | 'updated' | 'deleted' | 'destroyed';

async function subscribeTo(context: TwentyContext & { hookUrl: string; secret: string }, object: string, events: RecordEvent[], label: string): Promise<{ externalId: string }> {
  const singular = await singularName(context, object);
  const externalId = await createWebhook(context, {
    targetUrl: context.hookUrl,
    operations: events.map((event) => `${singular}.${event}`),
    description: `Switchyard: ${label} (${object})`,
    secret: context.secret,
  });
  return { externalId };
}

function bodyOf(request: IncomingRequest): unknown {
  if (typeof request.body !== 'string' && request.body !== null) return request.body;
  try {
    return JSON.parse(request.rawBody) as unknown;
  } catch {
    return null;
  }
}

/** Verifies the signature, then keeps the delivery only when it is one of `events` on the zap's object. */
function receiveRecords(request: IncomingRequest, secret: string, object: string, events: RecordEvent[]): Delivery {
  verifyTwentySignature(request, secret);
  const payload = webhookPayloadSchema.safeParse(bodyOf(request));
  if (!payload.success) return { items: [] };
  const separator = payload.data.eventName.lastIndexOf('.');
  const objectName = payload.data.objectMetadata?.nameSingular ?? payload.data.eventName.slice(0, separator);
  const event = payload.data.eventName.slice(separator + 1);
  if (!(events as string[]).includes(event)) return { items: [] };
  // Custom objects' singular names are only known to the subscription; standard ones are checked here as well.
  const expected = STANDARD_OBJECTS[object];
  if (expected !== undefined && objectName !== expected) return { items: [] };
  return { items: [payload.data.record] };
}

const objectInput = z.object({ object: objectField });

export const recordCreated = defineTrigger({
  key: 'record_created',
  name: 'New record (instant)',
  description: 'Starts the zap as soon as a record of the chosen object is created in Twenty (through a Twenty webhook).',
  type: 'app_webhook',
  input: objectInput,
  sample: samplePerson as TwentyRecord,
  options: { object: loadObjects },
  subscribe: ({ input, auth, http, hookUrl, secret }) => subscribeTo({ auth, http, hookUrl, secret }, input.object, ['created'], 'record created'),
  unsubscribe: ({ auth, http, externalId }) => deleteWebhook({ auth, http }, externalId),
  receive: (request, { input, secret }) => receiveRecords(request, secret, input.object, ['created']),
});

export const recordUpdated = defineTrigger({
  key: 'record_updated',
  name: 'Updated record (instant)',
  description: 'Starts the zap as soon as a record of the chosen object is changed in Twenty (through a Twenty webhook).',
  type: 'app_webhook',
  input: objectInput,
  sample: samplePerson as TwentyRecord,
  options: { object: loadObjects },
  subscribe: ({ input, auth, http, hookUrl, secret }) => subscribeTo({ auth, http, hookUrl, secret }, input.object, ['updated'], 'record updated'),
  unsubscribe: ({ auth, http, externalId }) => deleteWebhook({ auth, http }, externalId),
  receive: (request, { input, secret }) => receiveRecords(request, secret, input.object, ['updated']),
});

const deletedInput = z.object({
  object: objectField,
  includeDestroyed: z.boolean().default(true).meta({
    title: 'Include permanent deletions',
    description:
      'On: fires when a record is moved to the trash and when it is destroyed (API deletions are permanent). A record trashed and later destroyed fires twice. Off: trash only.',
  }),
});

// An input stored before the field existed has no value: permanent deletions are included, as the default says.
function deleteEvents(includeDestroyed: boolean | undefined): RecordEvent[] {
  return includeDestroyed === false ? ['deleted'] : ['deleted', 'destroyed'];
}

export const recordDeleted = defineTrigger({
  key: 'record_deleted',
  name: 'Deleted record (instant)',
  description: 'Starts the zap when a record of the chosen object is deleted in Twenty; the data is the record as it was before.',
  type: 'app_webhook',
  input: deletedInput,
  sample: samplePerson as TwentyRecord,
  options: { object: loadObjects },
  subscribe: ({ input, auth, http, hookUrl, secret }) =>
    subscribeTo({ auth, http, hookUrl, secret }, input.object, deleteEvents(input.includeDestroyed), 'record deleted'),
  unsubscribe: ({ auth, http, externalId }) => deleteWebhook({ auth, http }, externalId),
  receive: (request, { input, secret }) => receiveRecords(request, secret, input.object, deleteEvents(input.includeDestroyed)),
});
