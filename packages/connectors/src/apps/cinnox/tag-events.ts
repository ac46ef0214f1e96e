// What the tag triggers share: CINNOX's labels ("a form of tags") and their documented label-event-sub, whose payload
// is ⚠ INFERRED, taken to be shaped like contact events: `{"type":"message","message":{"type":"label","status":…}}`.
import type { OutputField } from '../../kit/define.ts';
import { eventOf, sameWord } from './subscription.ts';

/** ⚠ INFERRED words for the tag event's `type` and `status`; each accepts its likely spellings. */
export const CINNOX_TAG_EVENTS = {
  types: ['label', 'tag'],
  added: ['create', 'created', 'add', 'added'],
  edited: ['edit', 'edited', 'update', 'updated'],
  deleted: ['delete', 'deleted', 'remove', 'removed'],
} as const;

export interface TagEvent {
  type: string;
  status: string;
  id: string;
  name: string;
  [field: string]: unknown;
}

export const tagEventSample: TagEvent = { type: 'label', status: 'create', id: '6650c2a0e4b0f5a1b2c3d501', name: 'VIP', serviceId: 'svc_1a2b3c' };

export const tagEventOutputFields: readonly OutputField[] = [
  { key: 'type', label: 'Event type', type: 'string' },
  { key: 'status', label: 'Tag event', type: 'string' },
  { key: 'id', label: 'Tag ID', type: 'string' },
  { key: 'name', label: 'Tag name', type: 'string' },
  { key: 'serviceId', label: 'Service ID', type: 'string' },
];

export function tagEventsWith(statuses: readonly string[]) {
  return (notification: Record<string, unknown>): TagEvent | undefined => {
    const event = eventOf(notification);
    if (!sameWord(event.type, CINNOX_TAG_EVENTS.types) || !sameWord(event.status, statuses)) return undefined;
    return { ...event, type: String(event.type), status: String(event.status), id: String(event.id ?? ''), name: String(event.name ?? '') };
  };
}

/** How the tag triggers arrive, said once in each description. */
export const tagSubscriptionNote = 'Instant, through CINNOX’s label (tag) event subscription.';

/** Why the tag triggers are unverified, said once for all three. */
export const tagEventsUnverified =
  'CINNOX documents label-event-sub but not what its notifications carry: they are taken to be shaped like contact events (type label or tag, status create/edit/delete).';
