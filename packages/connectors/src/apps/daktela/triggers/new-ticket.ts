// "New ticket": each ticket created in Daktela, found by its `created` time.
import { recordTrigger } from '../record-triggers.ts';
import { watchedTickets } from '../tickets.ts';

export const newTicket = recordTrigger(watchedTickets, {
  key: 'new_ticket',
  name: 'New ticket',
  description: 'Triggers when a ticket is created in Daktela.',
  time: 'created',
});
