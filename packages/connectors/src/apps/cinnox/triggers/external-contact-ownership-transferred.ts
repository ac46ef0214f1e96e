// Trigger "External Contact Ownership Transferred": a contact got another owner (⚠ INFERRED status word).
import { CINNOX_CONTACT_STATUSES, contactEventOutputFields, contactEventSample, contactEventsWith } from '../contact-events.ts';
import { CINNOX_SUBSCRIPTIONS, cinnoxTrigger } from '../subscription.ts';

export const externalContactOwnershipTransferred = cinnoxTrigger({
  key: 'external_contact_ownership_transferred',
  name: 'External Contact Ownership Transferred',
  description:
    'Starts when an external contact is given to another owner in CINNOX. Instant, through the contact event subscription, the one that carries ownership transfers.',
  subscription: CINNOX_SUBSCRIPTIONS.contact,
  unverified:
    'CINNOX sends ownership transfers through the contact event subscription but does not publish the status word they carry; “transfer” and its likely spellings are accepted.',
  sample: { ...contactEventSample, status: 'transfer' },
  outputFields: contactEventOutputFields,
  pick: contactEventsWith(CINNOX_CONTACT_STATUSES.ownershipTransferred),
});
