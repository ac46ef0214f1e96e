// Trigger "External Contact Merged": external contacts were merged in CINNOX (⚠ INFERRED status word).
import { CINNOX_CONTACT_STATUSES, contactEventOutputFields, contactEventSample, contactEventsWith } from '../contact-events.ts';
import { CINNOX_SUBSCRIPTIONS, cinnoxTrigger } from '../subscription.ts';

export const externalContactMerged = cinnoxTrigger({
  key: 'external_contact_merged',
  name: 'External Contact Merged',
  description:
    'Starts when external contacts are merged in CINNOX. Instant, through the external contact event subscription, which added, edited and deleted contacts share.',
  subscription: CINNOX_SUBSCRIPTIONS.externalContact,
  unverified: 'CINNOX sends merges through this subscription but does not publish the status word a merge carries; “merge” and “merged” are accepted.',
  sample: { ...contactEventSample, status: 'merge' },
  outputFields: contactEventOutputFields,
  pick: contactEventsWith(CINNOX_CONTACT_STATUSES.merged),
});
