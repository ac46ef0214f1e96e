// Trigger "Tag Edited": a tag was renamed or otherwise edited in CINNOX (⚠ INFERRED payload, see tag-events.ts).
import { CINNOX_SUBSCRIPTIONS, cinnoxTrigger } from '../subscription.ts';
import { CINNOX_TAG_EVENTS, tagEventOutputFields, tagEventSample, tagEventsUnverified, tagEventsWith, tagSubscriptionNote } from '../tag-events.ts';

export const tagEdited = cinnoxTrigger({
  key: 'tag_edited',
  name: 'Tag Edited',
  description: `Starts when a tag is renamed or otherwise edited in CINNOX. ${tagSubscriptionNote}`,
  subscription: CINNOX_SUBSCRIPTIONS.tag,
  unverified: tagEventsUnverified,
  sample: { ...tagEventSample, status: 'edit' },
  outputFields: tagEventOutputFields,
  pick: tagEventsWith(CINNOX_TAG_EVENTS.edited),
});
