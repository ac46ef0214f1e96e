// Trigger "Tag Deleted": a tag was deleted in CINNOX (⚠ INFERRED payload, see tag-events.ts).
import { CINNOX_SUBSCRIPTIONS, cinnoxTrigger } from '../subscription.ts';
import { CINNOX_TAG_EVENTS, tagEventOutputFields, tagEventSample, tagEventsUnverified, tagEventsWith, tagSubscriptionNote } from '../tag-events.ts';

export const tagDeleted = cinnoxTrigger({
  key: 'tag_deleted',
  name: 'Tag Deleted',
  description: `Starts when a tag is deleted in CINNOX. ${tagSubscriptionNote}`,
  subscription: CINNOX_SUBSCRIPTIONS.tag,
  unverified: tagEventsUnverified,
  sample: { ...tagEventSample, status: 'delete' },
  outputFields: tagEventOutputFields,
  pick: tagEventsWith(CINNOX_TAG_EVENTS.deleted),
});
