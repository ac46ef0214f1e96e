// What the external contact triggers share: added, edited, deleted and merged arrive through external-contact-event-sub;
// ownership transfers only through the contact event subscription (contact-event-sub). The payload is documented.
import type { OutputField } from '../../kit/define.ts';
import { eventOf, sameWord } from './subscription.ts';

/**
 * The `message.status` words that mean each event. create/edit/delete are documented; the merge and transfer words
 * are ⚠ INFERRED (not published), so each accepts its likely spellings.
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

export const contactEventSample: ContactEvent = {
  type: 'contact',
  status: 'create',
  id: '6650b7d1e4b0f5a1b2c3d4f6',
  fullName: 'Chan Tai Man',
  serviceId: 'svc_1a2b3c',
};

export const contactEventOutputFields: readonly OutputField[] = [
  { key: 'type', label: 'Event type', type: 'string' },
  { key: 'status', label: 'Contact event', type: 'string' },
  { key: 'id', label: 'Contact ID', type: 'string' },
  { key: 'fullName', label: 'Full name', type: 'string' },
  { key: 'serviceId', label: 'Service ID', type: 'string' },
];

/** Keeps external-contact notifications (`message.type` "contact") whose status is one of `statuses`. */
export function contactEventsWith(statuses: readonly string[]) {
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
