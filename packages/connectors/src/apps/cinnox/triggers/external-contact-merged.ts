// Trigger "External Contact Merged": external contacts were merged in CINNOX (⚠ INFERRED subscription and status words).
import { CINNOX_CONTACT_STATUSES, contactEventOutputFields, contactEventSample, contactEventsWith } from '../contact-events.ts';
import { CINNOX_SUBSCRIPTIONS, cinnoxTrigger } from '../subscription.ts';

export const externalContactMerged = cinnoxTrigger({
  key: 'external_contact_merged',
  name: 'External Contact Merged',
  description: 'Starts when external contacts are merged in CINNOX. Instant, through the contact event subscription.',
  subscription: CINNOX_SUBSCRIPTIONS.contact,
  sample: { ...contactEventSample, status: 'merge' },
  outputFields: contactEventOutputFields,
  pick: contactEventsWith(CINNOX_CONTACT_STATUSES.merged),
});
