// Trigger "Enquiry Closed": an enquiry was closed (enquiry status Closed).
import { enquirySubscriptionNote, enquiryEventOutputFields, enquiryEventSample, enquiryEventsWith } from '../enquiry-events.ts';
import { CINNOX_SUBSCRIPTIONS, cinnoxTrigger } from '../subscription.ts';

export const enquiryClosed = cinnoxTrigger({
  key: 'enquiry_closed',
  name: 'Enquiry Closed',
  description: `Starts when an enquiry is closed (status Closed). ${enquirySubscriptionNote}`,
  subscription: CINNOX_SUBSCRIPTIONS.enquiry,
  sample: { ...enquiryEventSample, status: 'Closed' },
  outputFields: enquiryEventOutputFields,
  pick: enquiryEventsWith('Closed'),
});
