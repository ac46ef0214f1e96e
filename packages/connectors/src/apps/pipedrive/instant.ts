// The instant triggers' factory: a Pipedrive webhook (POST /v1/webhooks) per zap for added or updated records of one kind.
import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { StepFailure } from '../../http/errors.ts';
import { defineTrigger, DeliveryRejected, type IncomingRequest, type OutputField } from '../../kit/define.ts';
import { pipedriveData, sendToPipedrive } from './client.ts';
import { triggerFilterChoices, triggerFilters, type TriggerFilters } from './filters.ts';
import { recordTypes, type RecordKind, type RecordType } from './records.ts';

/**
 * The payload version we register. 2.0 (`{meta, data, previous}`) is Pipedrive's default for new webhooks since
 * 2025-03-17; receive() also understands 1.0 (`{meta, current, previous, event}`) for webhooks made elsewhere.
 */
export const PIPEDRIVE_WEBHOOK_VERSION = '2.0' as const;
/** Pipedrive only authenticates deliveries with HTTP Basic: this user name, and the subscription's secret as password. */
export const PIPEDRIVE_WEBHOOK_USER = 'switchyard';

export type Change = 'added' | 'updated';
/** Registration's event_action, and the `meta.action` values each payload version uses for it. */
const actions: Record<Change, { register: 'create' | 'change'; matches: string[] }> = {
  added: { register: 'create', matches: ['create', 'added'] },
  updated: { register: 'change', matches: ['change', 'updated'] },
};

const payloadSchema = z.looseObject({
  meta: z.looseObject({ action: z.string().optional(), entity: z.string().optional(), object: z.string().optional() }).optional(),
  data: z.record(z.string(), z.unknown()).nullish(),
  current: z.record(z.string(), z.unknown()).nullish(),
  previous: z.record(z.string(), z.unknown()).nullish(),
});

const webhookSchema = z.looseObject({ id: z.union([z.number(), z.string()]) });

function basicAuthMatches(header: string | undefined, secret: string): boolean {
  const match = /^Basic\s+(\S+)$/i.exec(header?.trim() ?? '');
  if (!match?.[1]) return false;
  const given = Buffer.from(match[1], 'base64');
  const expected = Buffer.from(`${PIPEDRIVE_WEBHOOK_USER}:${secret}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** v2 records name the owner owner_id; some v1 records (deals, activities) call it user_id. */
function passesFilters(record: Record<string, unknown>, input: TriggerFilters): boolean {
  const owner = record.owner_id ?? record.user_id;
  const ownerId = typeof owner === 'object' && owner !== null ? (owner as { id?: unknown }).id : owner;
  if (input.owner_id !== undefined && Number(ownerId) !== input.owner_id) return false;
  if (input.pipeline_id !== undefined && Number(record.pipeline_id) !== input.pipeline_id) return false;
  return true;
}

/** One delivery → one item: the record as Pipedrive sent it, plus `previous` (what changed) and `meta`. */
export function receiveDelivery(request: IncomingRequest, secret: string, type: RecordType, change: Change, input: TriggerFilters): { items: unknown[] } {
  if (!basicAuthMatches(request.headers.authorization, secret))
    throw new DeliveryRejected('The Pipedrive delivery’s Basic auth does not match this subscription');
  const parsed = payloadSchema.safeParse(request.body);
  if (!parsed.success) return { items: [] };
  const { meta, data, current, previous } = parsed.data;
  const entity = meta?.entity ?? meta?.object;
  const record = data ?? current;
  // A delivery for another event (a webhook shared by hand, a delete) starts nothing.
  if (!record || (entity && entity !== type.kind) || (meta?.action && !actions[change].matches.includes(meta.action))) return { items: [] };
  if (!passesFilters(record, input)) return { items: [] };
  return { items: [{ ...record, previous: previous ?? null, meta: meta ?? null }] };
}

/** The v1 registration body of a webhook for `change`s of `type`, delivered to `hookUrl` with Basic auth `secret`. */
export function webhookBody(type: RecordType, change: Change, hookUrl: string, secret: string) {
  return {
    subscription_url: hookUrl,
    event_action: actions[change].register,
    event_object: type.kind,
    name: `Switchyard: ${change === 'added' ? 'new' : 'updated'} ${type.label}`,
    http_auth_user: PIPEDRIVE_WEBHOOK_USER,
    http_auth_password: secret,
    version: PIPEDRIVE_WEBHOOK_VERSION,
  };
}

/** What a delivery adds to the record. */
const deliveryOutputFields: OutputField[] = [
  { key: 'previous', label: 'Previous values (of the changed fields)', type: 'object' },
  { key: 'meta', label: 'Webhook event', type: 'object' },
  { key: 'meta.action', label: 'Event action', type: 'string' },
  { key: 'meta.change_source', label: 'Changed through (app or api)', type: 'string' },
  { key: 'meta.timestamp', label: 'Event time (Unix seconds)', type: 'integer' },
];

export function instantTrigger(kind: RecordKind, change: Change) {
  const type = recordTypes[kind];
  return defineTrigger({
    key: `${change === 'added' ? 'new' : 'updated'}_${type.kind}_instant`,
    name: `${change === 'added' ? 'New' : 'Updated'} ${type.title} (Instant)`,
    description: `Triggers the moment a ${type.label} is ${change === 'added' ? 'added' : 'changed'} in Pipedrive, through a Pipedrive webhook that is registered when the zap is turned on.`,
    type: 'app_webhook',
    input: triggerFilters(type.kind),
    sample: {
      ...type.sample,
      previous: change === 'updated' ? { update_time: '2025-01-15T09:00:00Z' } : null,
      meta: {
        action: actions[change].register,
        entity: type.kind,
        version: PIPEDRIVE_WEBHOOK_VERSION,
        entity_id: type.sample.id,
        change_source: 'app',
        timestamp: 1737021900,
      },
    },
    outputFields: [...type.outputFields, ...deliveryOutputFields],
    options: triggerFilterChoices(type.kind),
    async subscribe(context) {
      const webhook = webhookSchema.safeParse(
        await pipedriveData(context, { method: 'POST', path: '/v1/webhooks', body: webhookBody(type, change, context.hookUrl, context.secret) }),
      );
      if (!webhook.success) throw new StepFailure('Pipedrive created the webhook but did not return its id', { transient: false, code: 'INVALID_RESPONSE' });
      return { externalId: String(webhook.data.id) };
    },
    async unsubscribe(context) {
      try {
        await sendToPipedrive(context, { method: 'DELETE', path: `/v1/webhooks/${encodeURIComponent(context.externalId)}` });
      } catch (error) {
        // Already deleted in Pipedrive (by hand, or with the user): nothing left to remove.
        if (error instanceof StepFailure && (error.status === 404 || error.status === 410)) return;
        throw error;
      }
    },
    receive: (request, { input: filters, secret }) => receiveDelivery(request, secret, type, change, filters),
  });
}
