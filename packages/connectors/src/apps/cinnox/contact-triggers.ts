// External contact triggers: added, edited and deleted arrive through external-contact-event-sub; merged and
// ownership transferred through the contact event subscription (⚠ INFERRED path and status words).
import { CINNOX_SUBSCRIPTIONS, cinnoxTrigger, eventOf, sameWord } from './subscription.ts';

/**
 * The `message.status` words that mean each event. create/edit/delete are documented; the merge and transfer words
 * are ⚠ INFERRED, so each accepts its likely spellings.
 */
export const CINNOX_CONTACT_STATUSES = {
  added: ['create'],
  edited: ['edit'],
  deleted: ['delete'],
  merged: ['merge', 'merged'],
  ownershipTransferred: ['transfer', 'transferred', 'ownership_transfer', 'ownershipTransfer', 'transferOwnership'],
} as const;

export interface ContactEvent {
  type: string;
  status: string;
  id: string;
  fullName: string;
  serviceId: string;
  [field: string]: unknown;
}

const sample: ContactEvent = { type: 'contact', status: 'create', id: '6650b7d1e4b0f5a1b2c3d4f6', fullName: 'Chan Tai Man', serviceId: 'svc_1a2b3c' };

/** Keeps external-contact notifications (`message.type` "contact") whose status is one of `statuses`. */
function contactWith(statuses: readonly string[]) {
  return (notification: Record<string, unknown>): ContactEvent | undefined => {
    const event = eventOf(notification);
    if (!sameWord(event.type, ['contact']) || !sameWord(event.status, statuses)) return undefined;
    return {
      ...event,
      type: String(event.type),
      status: String(event.status),
      id: String(event.id ?? ''),
      fullName: String(event.fullName ?? ''),
      serviceId: String(event.serviceId ?? ''),
    };
  };
}

export const externalContactAdded = cinnoxTrigger({
  key: 'external_contact_added',
  name: 'External Contact Added',
  description: 'Starts when an external contact is created in CINNOX. Instant, through the external contact event subscription.',
  subscription: CINNOX_SUBSCRIPTIONS.externalContact,
  sample,
  pick: contactWith(CINNOX_CONTACT_STATUSES.added),
});

export const externalContactEdited = cinnoxTrigger({
  key: 'external_contact_edited',
  name: 'External Contact Edited',
  description: 'Starts when an external contact is edited in CINNOX. Instant, through the external contact event subscription.',
  subscription: CINNOX_SUBSCRIPTIONS.externalContact,
  sample: { ...sample, status: 'edit' },
  pick: contactWith(CINNOX_CONTACT_STATUSES.edited),
});

export const externalContactDeleted = cinnoxTrigger({
  key: 'external_contact_deleted',
  name: 'External Contact Deleted',
  description: 'Starts when an external contact is deleted in CINNOX. Instant, through the external contact event subscription.',
  subscription: CINNOX_SUBSCRIPTIONS.externalContact,
  sample: { ...sample, status: 'delete' },
  pick: contactWith(CINNOX_CONTACT_STATUSES.deleted),
});

export const externalContactMerged = cinnoxTrigger({
  key: 'external_contact_merged',
  name: 'External Contact Merged',
  description: 'Starts when external contacts are merged in CINNOX. Instant, through the contact event subscription.',
  subscription: CINNOX_SUBSCRIPTIONS.contact,
  sample: { ...sample, status: 'merge' },
  pick: contactWith(CINNOX_CONTACT_STATUSES.merged),
});

export const externalContactOwnershipTransferred = cinnoxTrigger({
  key: 'external_contact_ownership_transferred',
  name: 'External Contact Ownership Transferred',
  description: 'Starts when an external contact is given to another owner in CINNOX. Instant, through the contact event subscription.',
  subscription: CINNOX_SUBSCRIPTIONS.contact,
  sample: { ...sample, status: 'transfer' },
  pick: contactWith(CINNOX_CONTACT_STATUSES.ownershipTransferred),
});
