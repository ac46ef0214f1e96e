// What the ticket operations share: the fields and body of create/update, and the tickets the triggers watch.
import { z } from 'zod';
import { optionalChoice, optionalDateTime, optionalLongText, optionalNumber, optionalTextId, optionalTextIds } from '../../kit/fields.ts';
import { customFieldsBody, customFieldsField } from './custom-fields.ts';
import { categoryOptions, statusOptions, userOptions } from './options.ts';
import { equals, type WatchedRecords } from './record-triggers.ts';
import { ticketOutputFields, ticketSample } from './samples.ts';

export const TICKET_STAGES = ['OPEN', 'WAIT', 'CLOSE', 'ARCHIVE'] as const;
export const TICKET_PRIORITIES = ['LOW', 'MEDIUM', 'HIGH'] as const;

/** The fields create_ticket and update_ticket both offer. */
export const ticketFields = z.object({
  user: optionalTextId({ title: 'Assigned user', description: 'The user (login) the ticket is assigned to.', dynamicOptions: true }),
  contact: optionalTextId({ title: 'Contact', description: 'The contact’s name (id), e.g. contacts_5fa2….' }),
  parentTicket: optionalNumber({ title: 'Parent ticket', description: 'Number of the parent ticket.' }, { integer: true }),
  description: optionalLongText({ title: 'Description' }),
  sla_deadtime: optionalDateTime({ title: 'SLA deadline', description: 'YYYY-MM-DD HH:MM:SS, the instance’s time.' }, 'local'),
  reopen: optionalDateTime({ title: 'Reopen at', description: 'When a waiting ticket opens again (YYYY-MM-DD HH:MM:SS).' }, 'local'),
  statuses: optionalTextIds({ title: 'Statuses', description: 'Status names; comma-separated text works too.', dynamicOptions: true }),
  followers: optionalTextIds({ title: 'Followers', description: 'User logins to follow the ticket.', dynamicOptions: true }),
  comment: optionalLongText({ title: 'Comment', description: 'A comment added to the ticket with this change.' }),
  customFields: customFieldsField(),
});

export const ticketOptions = { category: categoryOptions, user: userOptions, statuses: statusOptions, followers: userOptions };

export function ticketBody(input: z.output<typeof ticketFields>): Record<string, unknown> {
  return {
    user: input.user,
    contact: input.contact,
    parentTicket: input.parentTicket,
    description: input.description,
    sla_deadtime: input.sla_deadtime,
    reopen: input.reopen,
    statuses: input.statuses,
    followers: input.followers,
    comment: input.comment,
    customFields: customFieldsBody(input.customFields),
  };
}

const ticketFilter = z.object({
  category: optionalTextId({ title: 'Category', description: 'Only tickets in this category (leave empty for all).', dynamicOptions: true }),
  stage: optionalChoice(TICKET_STAGES, { title: 'Stage', description: 'Only tickets in this stage (leave empty for all).' }),
});

export const watchedTickets: WatchedRecords<typeof ticketFilter> = {
  model: 'tickets',
  input: ticketFilter,
  conditions: (input) => [...equals('category', input.category), ...equals('stage', input.stage)],
  sample: ticketSample,
  outputFields: ticketOutputFields,
  options: { category: categoryOptions },
};
