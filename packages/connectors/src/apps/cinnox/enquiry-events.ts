// What the enquiry triggers share: one subscription (inquiry-event-sub), four triggers told apart by the enquiry's status.
import type { OutputField } from '../../kit/define.ts';
import { eventOf, sameWord } from './subscription.ts';

export interface EnquiryEvent {
  status: string;
  enquiryID: string;
  displayCaseNumber: string;
  type: string;
  channel: string;
  date: string;
  destination: string;
  destinationTypes: unknown;
  [field: string]: unknown;
}

export const enquiryEventSample: EnquiryEvent = {
  status: 'Opened',
  enquiryID: '6650a1c2e4b0f5a1b2c3d4e5',
  displayCaseNumber: '100245',
  type: 'inquiry',
  channel: 'WHATSAPP',
  date: '2025-05-20T08:15:30Z',
  destination: 'Sales',
  destinationTypes: ['team'],
  eid: '6650a1c2e4b0f5a1b2c3d4e5',
  serviceId: 'svc_1a2b3c',
  channelOri: 'WHATSAPP',
  socialId: '85291234567',
};

export const enquiryEventOutputFields: readonly OutputField[] = [
  { key: 'status', label: 'Enquiry status', type: 'string' },
  { key: 'enquiryID', label: 'Enquiry ID', type: 'string' },
  { key: 'displayCaseNumber', label: 'Display case number', type: 'string' },
  { key: 'type', label: 'Event type', type: 'string' },
  { key: 'channel', label: 'Channel', type: 'string' },
  { key: 'date', label: 'Date', type: 'datetime' },
  { key: 'destination', label: 'Destination', type: 'string' },
  { key: 'destinationTypes', label: 'Destination types', type: 'array' },
  { key: 'eid', label: 'Enquiry record ID (eid)', type: 'string' },
  { key: 'serviceId', label: 'Service ID', type: 'string' },
  { key: 'channelOri', label: 'Original channel', type: 'string' },
  { key: 'socialId', label: 'Social ID', type: 'string' },
];

/** Keeps enquiry notifications whose status is `status`, with the enquiry record id as `enquiryID`. */
export function enquiryEventsWith(status: string) {
  return (notification: Record<string, unknown>): EnquiryEvent | undefined => {
    const event = eventOf(notification);
    const isEnquiry = sameWord(event.type, ['inquiry', 'enquiry']) || (event.type === undefined && 'eid' in event);
    if (!isEnquiry || !sameWord(event.status, [status])) return undefined;
    const { status: given, eid, displayCaseNumber, type, channel, date, destination, destinationTypes, ...rest } = event;
    return {
      status: String(given),
      enquiryID: String(eid ?? event.enquiryID ?? ''),
      displayCaseNumber: String(displayCaseNumber ?? ''),
      type: String(type ?? 'inquiry'),
      channel: String(channel ?? ''),
      date: String(date ?? ''),
      destination: String(destination ?? ''),
      destinationTypes: destinationTypes ?? [],
      eid,
      ...rest,
    };
  };
}

/** How the enquiry triggers arrive, said once in each description. */
export const enquirySubscriptionNote =
  'Instant, through CINNOX’s enquiry event subscription. CINNOX sends all enquiry events of an App to one URL, so one zap per App can use an enquiry trigger (see the CINNOX app notes).';
