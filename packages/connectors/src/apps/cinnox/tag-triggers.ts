// Tag triggers: added, edited, deleted. ⚠ INFERRED throughout: the subscription (label-event-sub) and the payload,
// taken to be shaped like contact events: `{"type":"message","message":{"type":"label","status":"create|edit|delete",…}}`.
import { CINNOX_SUBSCRIPTIONS, cinnoxTrigger, eventOf, sameWord } from './subscription.ts';

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

const sample: TagEvent = { type: 'label', status: 'create', id: '6650c2a0e4b0f5a1b2c3d501', name: 'VIP', serviceId: 'svc_1a2b3c' };

function tagWith(statuses: readonly string[]) {
  return (notification: Record<string, unknown>): TagEvent | undefined => {
    const event = eventOf(notification);
    if (!sameWord(event.type, CINNOX_TAG_EVENTS.types) || !sameWord(event.status, statuses)) return undefined;
    return { ...event, type: String(event.type), status: String(event.status), id: String(event.id ?? ''), name: String(event.name ?? '') };
  };
}

const about = 'Instant, through CINNOX’s label (tag) event subscription.';

export const tagAdded = cinnoxTrigger({
  key: 'tag_added',
  name: 'Tag Added',
  description: `Starts when a tag is created in CINNOX. ${about}`,
  subscription: CINNOX_SUBSCRIPTIONS.tag,
  sample,
  pick: tagWith(CINNOX_TAG_EVENTS.added),
});

export const tagEdited = cinnoxTrigger({
  key: 'tag_edited',
  name: 'Tag Edited',
  description: `Starts when a tag is renamed or otherwise edited in CINNOX. ${about}`,
  subscription: CINNOX_SUBSCRIPTIONS.tag,
  sample: { ...sample, status: 'edit' },
  pick: tagWith(CINNOX_TAG_EVENTS.edited),
});

export const tagDeleted = cinnoxTrigger({
  key: 'tag_deleted',
  name: 'Tag Deleted',
  description: `Starts when a tag is deleted in CINNOX. ${about}`,
  subscription: CINNOX_SUBSCRIPTIONS.tag,
  sample: { ...sample, status: 'delete' },
  pick: tagWith(CINNOX_TAG_EVENTS.deleted),
});
