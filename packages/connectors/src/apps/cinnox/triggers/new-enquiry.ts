// Trigger "New Enquiry": a visitor opened a new enquiry (enquiry status Opened).
import { enquirySubscriptionNote, enquiryEventOutputFields, enquiryEventSample, enquiryEventsWith } from '../enquiry-events.ts';
import { CINNOX_SUBSCRIPTIONS, cinnoxTrigger } from '../subscription.ts';

export const newEnquiry = cinnoxTrigger({
  key: 'new_enquiry',
  name: 'New Enquiry',
  description: `Starts when a visitor opens a new enquiry (status Opened). ${enquirySubscriptionNote}`,
  subscription: CINNOX_SUBSCRIPTIONS.enquiry,
  sample: enquiryEventSample,
  outputFields: enquiryEventOutputFields,
  pick: enquiryEventsWith('Opened'),
});
