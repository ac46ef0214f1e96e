// Trigger "Enquiry Missed": an enquiry was missed (enquiry status Missed).
import { enquirySubscriptionNote, enquiryEventOutputFields, enquiryEventSample, enquiryEventsWith } from '../enquiry-events.ts';
import { CINNOX_SUBSCRIPTIONS, cinnoxTrigger } from '../subscription.ts';

export const enquiryMissed = cinnoxTrigger({
  key: 'enquiry_missed',
  name: 'Enquiry Missed',
  description: `Starts when an enquiry is missed (status Missed). ${enquirySubscriptionNote}`,
  subscription: CINNOX_SUBSCRIPTIONS.enquiry,
  sample: { ...enquiryEventSample, status: 'Missed' },
  outputFields: enquiryEventOutputFields,
  pick: enquiryEventsWith('Missed'),
});
