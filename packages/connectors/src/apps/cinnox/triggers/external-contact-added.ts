// Trigger "External Contact Added": an external contact was created in CINNOX.
import { CINNOX_CONTACT_STATUSES, contactEventOutputFields, contactEventSample, contactEventsWith } from '../contact-events.ts';
import { CINNOX_SUBSCRIPTIONS, cinnoxTrigger } from '../subscription.ts';

export const externalContactAdded = cinnoxTrigger({
  key: 'external_contact_added',
  name: 'External Contact Added',
  description: 'Starts when an external contact is created in CINNOX. Instant, through the external contact event subscription.',
  subscription: CINNOX_SUBSCRIPTIONS.externalContact,
  sample: contactEventSample,
  outputFields: contactEventOutputFields,
  pick: contactEventsWith(CINNOX_CONTACT_STATUSES.added),
});
