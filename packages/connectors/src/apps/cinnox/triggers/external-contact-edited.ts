// Trigger "External Contact Edited": an external contact was edited in CINNOX.
import { CINNOX_CONTACT_STATUSES, contactEventOutputFields, contactEventSample, contactEventsWith } from '../contact-events.ts';
import { CINNOX_SUBSCRIPTIONS, cinnoxTrigger } from '../subscription.ts';

export const externalContactEdited = cinnoxTrigger({
  key: 'external_contact_edited',
  name: 'External Contact Edited',
  description: 'Starts when an external contact is edited in CINNOX. Instant, through the external contact event subscription.',
  subscription: CINNOX_SUBSCRIPTIONS.externalContact,
  sample: { ...contactEventSample, status: 'edit' },
  outputFields: contactEventOutputFields,
  pick: contactEventsWith(CINNOX_CONTACT_STATUSES.edited),
});
