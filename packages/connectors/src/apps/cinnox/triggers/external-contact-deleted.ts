// Trigger "External Contact Deleted": an external contact was deleted in CINNOX.
import { CINNOX_CONTACT_STATUSES, contactEventOutputFields, contactEventSample, contactEventsWith } from '../contact-events.ts';
import { CINNOX_SUBSCRIPTIONS, cinnoxTrigger } from '../subscription.ts';

export const externalContactDeleted = cinnoxTrigger({
  key: 'external_contact_deleted',
  name: 'External Contact Deleted',
  description: 'Starts when an external contact is deleted in CINNOX. Instant, through the external contact event subscription.',
  subscription: CINNOX_SUBSCRIPTIONS.externalContact,
  sample: { ...contactEventSample, status: 'delete' },
  outputFields: contactEventOutputFields,
  pick: contactEventsWith(CINNOX_CONTACT_STATUSES.deleted),
});
