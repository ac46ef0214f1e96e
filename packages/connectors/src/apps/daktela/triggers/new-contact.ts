// "New contact": each contact created in Daktela, found by its `created` time.
import { watchedContacts } from '../contacts.ts';
import { recordTrigger } from '../record-triggers.ts';

export const newContact = recordTrigger(watchedContacts, {
  key: 'new_contact',
  name: 'New contact',
  description: 'Triggers when a contact is created in Daktela.',
  time: 'created',
});
