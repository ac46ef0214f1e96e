// "Updated ticket": each change to a ticket in Daktela, found by its `edited` time.
import { recordTrigger } from '../record-triggers.ts';
import { watchedTickets } from '../tickets.ts';

export const updatedTicket = recordTrigger(watchedTickets, {
  key: 'updated_ticket',
  name: 'Updated ticket',
  description: 'Triggers when a ticket is changed in Daktela, by its `edited` time (a new ticket counts as its first change).',
  time: 'edited',
});
