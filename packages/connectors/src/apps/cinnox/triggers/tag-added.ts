// Trigger "Tag Added": a tag was created in CINNOX (⚠ INFERRED payload, see tag-events.ts).
import { CINNOX_SUBSCRIPTIONS, cinnoxTrigger } from '../subscription.ts';
import { CINNOX_TAG_EVENTS, tagEventOutputFields, tagEventSample, tagEventsUnverified, tagEventsWith, tagSubscriptionNote } from '../tag-events.ts';

export const tagAdded = cinnoxTrigger({
  key: 'tag_added',
  name: 'Tag Added',
  description: `Starts when a tag is created in CINNOX. ${tagSubscriptionNote}`,
  subscription: CINNOX_SUBSCRIPTIONS.tag,
  unverified: tagEventsUnverified,
  sample: tagEventSample,
  outputFields: tagEventOutputFields,
  pick: tagEventsWith(CINNOX_TAG_EVENTS.added),
});
