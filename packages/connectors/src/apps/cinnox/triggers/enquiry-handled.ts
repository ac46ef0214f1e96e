// Trigger "Enquiry Handled by Staff": a staff member picked an enquiry up (enquiry status Handling).
import { enquirySubscriptionNote, enquiryEventOutputFields, enquiryEventSample, enquiryEventsWith } from '../enquiry-events.ts';
import { CINNOX_SUBSCRIPTIONS, cinnoxTrigger } from '../subscription.ts';

export const enquiryHandled = cinnoxTrigger({
  key: 'enquiry_handled',
  name: 'Enquiry Handled by Staff',
  description: `Starts when a staff member picks an enquiry up (status Handling). ${enquirySubscriptionNote}`,
  subscription: CINNOX_SUBSCRIPTIONS.enquiry,
  sample: { ...enquiryEventSample, status: 'Handling' },
  outputFields: enquiryEventOutputFields,
  pick: enquiryEventsWith('Handling'),
});
