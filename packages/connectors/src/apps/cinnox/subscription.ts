// How every CINNOX trigger works: a PATCH to the event type's `*-event-sub` endpoint, the `{"challenge"}` handshake,
// and deliveries filtered down to the one event a trigger is about. CINNOX keeps ONE URL per event type per App.
import { isRecord } from '../../kit/common.ts';
import { z } from 'zod';
import { StepFailure } from '../../http/errors.ts';
import {
  defineTrigger,
  type AppWebhookTriggerDefinition,
  type Delivery,
  type IncomingRequest,
  type OutputField,
  type ServiceContext,
} from '../../kit/define.ts';
import { flag } from '../../kit/fields.ts';
import { cinnoxCall } from './client.ts';

/** Subscription endpoints under `/v1/api/apps/{appID}/`, each documented on docs.cinnox.com (see the README). */
export const CINNOX_SUBSCRIPTIONS = {
  enquiry: 'inquiry-event-sub',
  /** Added, edited, deleted and merged external contacts. */
  externalContact: 'external-contact-event-sub',
  /** The contact event subscription: all of the above, ownership transfers, and staff contacts. */
  contact: 'contact-event-sub',
  outboundSms: 'outbound-sms-event-sub',
  /** Label events; what they deliver is not published, so tag events are taken to arrive here. */
  tag: 'label-event-sub',
} as const;

export const takeOverInput = z.object({
  takeOver: flag(
    {
      title: 'Take over the subscription',
      description:
        'CINNOX sends each event type of an App to one URL only. When another URL already receives this event type (another zap), turning this zap on is refused unless this is on; then the events go to this zap instead.',
    },
    { default: false },
  ),
});

interface SubscriptionState {
  enabled: boolean;
  url: string;
}

/**
 * The event type's current subscription, or undefined when CINNOX cannot tell us.
 * ⚠ INFERRED: a GET on the same `*-event-sub` path answers `{enabled, url, updatedAt}` like the PATCH does.
 */
async function readSubscription(context: ServiceContext, path: string): Promise<SubscriptionState | undefined> {
  try {
    const result = await cinnoxCall(context, { path });
    if (!isRecord(result)) return undefined;
    return { enabled: result.enabled === true, url: typeof result.url === 'string' ? result.url : '' };
  } catch (error) {
    // Not readable (no such GET, or a transient error): decide without it rather than block the zap.
    if (error instanceof StepFailure && error.code === 'HTTP_ERROR' && !error.transient) return undefined;
    throw error;
  }
}

async function subscribeTo(context: ServiceContext, path: string, hookUrl: string, takeOver: boolean): Promise<{ externalId: string }> {
  const current = await readSubscription(context, path);
  if (current?.enabled && current.url && current.url !== hookUrl && !takeOver) {
    throw new StepFailure(
      `CINNOX already sends ${path} events of this App to another URL (${current.url}). CINNOX keeps one URL per event type and App, so turning this zap on would cut that one off. Turn the other zap off, connect this zap with a separate CINNOX App, or switch on "Take over the subscription" if that URL is no longer used.`,
      { transient: false, code: 'SUBSCRIPTION_CONFLICT' },
    );
  }
  await cinnoxCall(context, { method: 'PATCH', path, body: { enabled: true, url: hookUrl } });
  return { externalId: path };
}

/** Turns the event type off, unless it has since been pointed at another URL (another zap took it over). */
async function unsubscribeFrom(context: ServiceContext, path: string, hookUrl: string): Promise<void> {
  const current = await readSubscription(context, path);
  if (current && current.url !== hookUrl) return;
  await cinnoxCall(context, { method: 'PATCH', path, body: { enabled: false, url: hookUrl } });
}

function parsedBody(request: IncomingRequest): unknown {
  if (typeof request.body !== 'string') return request.body;
  try {
    return JSON.parse(request.body) as unknown;
  } catch {
    return request.body;
  }
}

/** A URL verification is `{"challenge": "…"}` alone; notifications may carry a challenge too, next to their event. */
function isVerification(body: Record<string, unknown>): boolean {
  return typeof body.challenge === 'string' && !['message', 'type', 'Type', 'eid', 'status', 'Status'].some((key) => key in body);
}

/**
 * Answers CINNOX's URL verification with `{"code":0,"result":{"challenge":<same>}}` (API-NOTES §5.2), and turns a
 * notification (or an array of them) into the items `pick` keeps: the other events of a shared subscription are dropped.
 */
export function cinnoxDelivery<Item>(request: IncomingRequest, pick: (event: Record<string, unknown>) => Item | undefined): Delivery {
  const body = parsedBody(request);
  if (isRecord(body) && isVerification(body)) return { reply: { status: 200, body: { code: 0, result: { challenge: body.challenge } } } };
  const events = (Array.isArray(body) ? body : [body]).filter(isRecord);
  const items: Item[] = [];
  for (const event of events) {
    const item = pick(event);
    if (item !== undefined) items.push(item);
  }
  return { items };
}

/** The event itself: contact, tag and some other notifications wrap it in `message`. */
export function eventOf(notification: Record<string, unknown>): Record<string, unknown> {
  return isRecord(notification.message) ? notification.message : notification;
}

export function sameWord(value: unknown, words: readonly string[]): boolean {
  return typeof value === 'string' && words.some((word) => word.toLowerCase() === value.trim().toLowerCase());
}

/** One CINNOX trigger: which subscription it rides on, and which of its events it keeps. */
export function cinnoxTrigger<Item>(definition: {
  key: string;
  name: string;
  description: string;
  subscription: string;
  sample: Item;
  outputFields: readonly OutputField[];
  pick: (event: Record<string, unknown>) => Item | undefined;
  /** What about the trigger's events is guessed, when CINNOX does not describe them (see the kit's `unverified`). */
  unverified?: string;
}): AppWebhookTriggerDefinition<typeof takeOverInput, Item> {
  return defineTrigger({
    key: definition.key,
    name: definition.name,
    description: definition.description,
    unverified: definition.unverified,
    type: 'app_webhook',
    input: takeOverInput,
    sample: definition.sample,
    outputFields: definition.outputFields,
    subscribe: (context) => subscribeTo(context, definition.subscription, context.hookUrl, context.input.takeOver),
    unsubscribe: (context) => unsubscribeFrom(context, context.externalId || definition.subscription, context.hookUrl),
    receive: (request) => cinnoxDelivery(request, definition.pick),
  });
}
