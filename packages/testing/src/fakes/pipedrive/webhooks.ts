// The fake Pipedrive's webhooks: the registry behind /v1/webhooks and deliveries in the real v1.0 and v2.0 payload shapes, with Basic auth.
import type { AddWebhookRequest, BaseWebhook } from 'pipedrive/v1';
import { FakeApiError, v1Time, type FakeClock } from './store.ts';

/** The events a webhook can subscribe to, as the official SDK's AddWebhookRequest publishes them ('*' aside). */
export type EventAction = Exclude<AddWebhookRequest['event_action'], '*'>;
export type EventObject = Exclude<AddWebhookRequest['event_object'], '*'>;

export interface FakeWebhook {
  id: number;
  company_id: number;
  owner_id: number;
  user_id: number;
  event_action: EventAction | '*';
  event_object: EventObject | '*';
  subscription_url: string;
  name: string;
  version: NonNullable<AddWebhookRequest['version']>;
  is_active: 0 | 1;
  add_time: string;
  remove_time: string | null;
  type: 'general';
  http_auth_user: string | null;
  http_auth_password: string | null;
  last_delivery_time: string | null;
  last_http_status: number | null;
}

export interface WebhookDelivery {
  webhookId: number;
  url: string;
  headers: Record<string, string>;
  payload: unknown;
  /** The receiver's status, or null when it could not be reached. */
  status: number | null;
  error?: string;
}

export interface RecordEvent {
  action: EventAction;
  object: EventObject;
  entityId: number;
  current: Record<string, unknown> | null;
  previous: Record<string, unknown> | null;
  source: 'app' | 'api';
}

const eventActions: readonly string[] = ['create', 'change', 'delete', '*'] satisfies AddWebhookRequest['event_action'][];
/** Names older docs and integrations register with. */
const legacyActions: Record<string, EventAction> = { added: 'create', updated: 'change', deleted: 'delete', merged: 'delete' };
const eventObjects: readonly string[] = [
  'activity',
  'deal',
  'lead',
  'note',
  'organization',
  'person',
  'pipeline',
  'product',
  'stage',
  'user',
  '*',
] satisfies AddWebhookRequest['event_object'][];
const v1Actions: Record<EventAction, string> = { create: 'added', change: 'updated', delete: 'deleted' };

export const WEBHOOK_LIMIT_PER_USER = 40;

/** The fields of `after` whose value differs from `before`, with their old values (v2's `previous`). */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, unknown> {
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(before)) {
    if (key === 'update_time') continue;
    if (JSON.stringify(value) !== JSON.stringify(after[key])) changed[key] = value;
  }
  return changed;
}

export class WebhookRegistry {
  readonly hooks = new Map<number, FakeWebhook>();
  readonly deliveries: WebhookDelivery[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private nextId = 1;
  private nextEventId = 1;

  constructor(
    private readonly clock: FakeClock,
    private readonly company: { id: number; domain: string },
  ) {}

  register(body: Record<string, unknown>, userId: number): FakeWebhook {
    const text = (key: string): string | undefined =>
      typeof body[key] === 'string' && (body[key] as string).trim() ? (body[key] as string).trim() : undefined;
    const url = text('subscription_url');
    if (!url) throw new FakeApiError(400, 'subscription_url is required');
    try {
      const parsed = new URL(url);
      if (!['http:', 'https:'].includes(parsed.protocol)) throw new Error('scheme');
    } catch {
      throw new FakeApiError(400, 'subscription_url must be a valid http(s) URL');
    }
    const rawAction = text('event_action');
    const action = rawAction && legacyActions[rawAction] ? legacyActions[rawAction] : rawAction;
    if (!action || !eventActions.includes(action)) throw new FakeApiError(400, 'event_action must be one of create, change, delete, *');
    const object = text('event_object');
    if (!object || !eventObjects.includes(object)) throw new FakeApiError(400, `event_object must be one of ${eventObjects.join(', ')}`);
    const name = text('name');
    if (!name) throw new FakeApiError(400, 'name is required');
    const version = text('version') ?? '2.0';
    if (version !== '1.0' && version !== '2.0') throw new FakeApiError(400, 'version must be 1.0 or 2.0');
    const owned = [...this.hooks.values()].filter((hook) => hook.owner_id === userId).length;
    if (owned >= WEBHOOK_LIMIT_PER_USER) throw new FakeApiError(400, `The limit of ${WEBHOOK_LIMIT_PER_USER} webhooks per user has been reached`);
    const hook: FakeWebhook = {
      id: this.nextId++,
      company_id: this.company.id,
      owner_id: userId,
      user_id: typeof body.user_id === 'number' ? body.user_id : userId,
      event_action: action as FakeWebhook['event_action'],
      event_object: object as FakeWebhook['event_object'],
      subscription_url: url,
      name,
      version,
      is_active: 1,
      add_time: v1Time(this.clock.now()),
      remove_time: null,
      type: 'general',
      http_auth_user: text('http_auth_user') ?? null,
      http_auth_password: typeof body.http_auth_password === 'string' ? body.http_auth_password : null,
      last_delivery_time: null,
      last_http_status: null,
    };
    this.hooks.set(hook.id, hook);
    return hook;
  }

  remove(id: number): void {
    if (!this.hooks.delete(id)) throw new FakeApiError(404, 'Webhook not found');
  }

  /** What GET/POST /v1/webhooks show: the SDK's BaseWebhook, which includes the Basic auth password. */
  view(hook: FakeWebhook): BaseWebhook {
    return { ...hook, remove_reason: null, admin_id: hook.owner_id };
  }

  payloadFor(hook: FakeWebhook, event: RecordEvent): unknown {
    const now = this.clock.now();
    const timestamp = Math.floor(now.getTime() / 1000);
    const eventId = this.nextEventId++;
    if (hook.version === '1.0') {
      return {
        v: 1,
        matches_filters: { current: [], previous: [] },
        meta: {
          action: v1Actions[event.action],
          change_source: event.source,
          company_id: this.company.id,
          host: `${this.company.domain}.pipedrive.com`,
          id: event.entityId,
          is_bulk_update: false,
          object: event.object,
          permitted_user_ids: [hook.user_id],
          pipedrive_service: false,
          timestamp,
          timestamp_micro: timestamp * 1_000_000,
          trans_pending: false,
          user_id: hook.user_id,
          v: 1,
          webhook_id: String(hook.id),
        },
        current: event.action === 'delete' ? null : event.current,
        previous: event.previous,
        retry: 0,
        event: `${v1Actions[event.action]}.${event.object}`,
      };
    }
    const previous = event.action === 'change' && event.previous && event.current ? changedFields(event.previous, event.current) : event.previous;
    return {
      meta: {
        action: event.action,
        entity: event.object,
        version: '2.0',
        company_id: this.company.id,
        user_id: hook.user_id,
        id: `00000000-0000-4000-8000-${String(eventId).padStart(12, '0')}`,
        entity_id: event.entityId,
        webhook_id: String(hook.id),
        webhook_owner_id: hook.owner_id,
        permitted_user_ids: [hook.user_id],
        attempt: 1,
        host: `${this.company.domain}.pipedrive.com`,
        timestamp,
        change_source: event.source,
        is_bulk_edit: false,
      },
      data: event.action === 'delete' ? null : event.current,
      previous: event.action === 'create' ? null : previous,
    };
  }

  /** Posts the event to every active hook that subscribed to it; `settle()` waits for the posts. */
  dispatch(event: RecordEvent): void {
    for (const hook of this.hooks.values()) {
      if (!hook.is_active) continue;
      if (hook.event_object !== '*' && hook.event_object !== event.object) continue;
      if (hook.event_action !== '*' && hook.event_action !== event.action) continue;
      const payload = this.payloadFor(hook, event);
      const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'Pipedrive Webhooks' };
      if (hook.http_auth_user !== null) {
        headers.authorization = `Basic ${Buffer.from(`${hook.http_auth_user}:${hook.http_auth_password ?? ''}`).toString('base64')}`;
      }
      const delivery: WebhookDelivery = { webhookId: hook.id, url: hook.subscription_url, headers, payload, status: null };
      this.deliveries.push(delivery);
      const sending = fetch(hook.subscription_url, { method: 'POST', headers, body: JSON.stringify(payload), signal: AbortSignal.timeout(5_000) })
        .then(async (response) => {
          await response.arrayBuffer();
          delivery.status = response.status;
          hook.last_http_status = response.status;
        })
        .catch((error: unknown) => {
          delivery.error = error instanceof Error ? error.message : String(error);
        })
        .finally(() => {
          hook.last_delivery_time = v1Time(this.clock.now());
          this.inFlight.delete(sending);
        });
      this.inFlight.add(sending);
    }
  }

  async settle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }
}
