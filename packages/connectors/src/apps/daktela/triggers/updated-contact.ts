// "Updated contact": each change to a contact in Daktela, found by its `edited` time.
import { watchedContacts } from '../contacts.ts';
import { recordTrigger } from '../record-triggers.ts';

export const updatedContact = recordTrigger(watchedContacts, {
  key: 'updated_contact',
  name: 'Updated contact',
  description: 'Triggers when a contact is changed in Daktela, by its `edited` time (a new contact counts as its first change).',
  time: 'edited',
});
