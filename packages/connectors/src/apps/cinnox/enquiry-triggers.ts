// Enquiry triggers: one subscription (inquiry-event-sub), four triggers told apart by the enquiry's status.
import { CINNOX_SUBSCRIPTIONS, cinnoxTrigger, eventOf, sameWord } from './subscription.ts';

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

const sample: EnquiryEvent = {
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

/** Keeps enquiry notifications whose status is `status`, with the enquiry record id as `enquiryID`. */
function enquiryWith(status: string) {
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

const about =
  'Instant, through CINNOX’s enquiry event subscription. CINNOX sends all enquiry events of an App to one URL, so one zap per App can use an enquiry trigger (see the CINNOX app notes).';

export const newEnquiry = cinnoxTrigger({
  key: 'new_enquiry',
  name: 'New Enquiry',
  description: `Starts when a visitor opens a new enquiry (status Opened). ${about}`,
  subscription: CINNOX_SUBSCRIPTIONS.enquiry,
  sample,
  pick: enquiryWith('Opened'),
});

export const enquiryHandled = cinnoxTrigger({
  key: 'enquiry_handled',
  name: 'Enquiry Handled by Staff',
  description: `Starts when a staff member picks an enquiry up (status Handling). ${about}`,
  subscription: CINNOX_SUBSCRIPTIONS.enquiry,
  sample: { ...sample, status: 'Handling' },
  pick: enquiryWith('Handling'),
});

export const enquiryClosed = cinnoxTrigger({
  key: 'enquiry_closed',
  name: 'Enquiry Closed',
  description: `Starts when an enquiry is closed (status Closed). ${about}`,
  subscription: CINNOX_SUBSCRIPTIONS.enquiry,
  sample: { ...sample, status: 'Closed' },
  pick: enquiryWith('Closed'),
});

export const enquiryMissed = cinnoxTrigger({
  key: 'enquiry_missed',
  name: 'Enquiry Missed',
  description: `Starts when an enquiry is missed (status Missed). ${about}`,
  subscription: CINNOX_SUBSCRIPTIONS.enquiry,
  sample: { ...sample, status: 'Missed' },
  pick: enquiryWith('Missed'),
});
