// Ticket actions: create a ticket, update a ticket (POST /tickets.json, PUT /tickets/{name}.json).
import { z } from 'zod';
import { defineAction } from '../../kit/define.ts';
import { daktelaRecord, recordPath, referenceName } from './client.ts';
import { choice, compact, optionalChoice, optionalDateTime, optionalLongText, optionalNumber, optionalText, optionalTextId, optionalTextIds, text, textId } from '../../kit/fields.ts';
import { customFieldsBody, customFieldsField } from './custom-fields.ts';
import { categoryOptions, statusOptions, userOptions } from './options.ts';
import { ticketSample } from './samples.ts';

const STAGES = ['OPEN', 'WAIT', 'CLOSE', 'ARCHIVE'] as const;
const PRIORITIES = ['LOW', 'MEDIUM', 'HIGH'] as const;

/** Daktela's UpdateTicket requires these in every PUT; update_ticket re-sends the ticket's current values for any left empty. */
export const TICKET_UPDATE_REQUIRED = ['title', 'category', 'stage', 'priority'] as const;

const shared = z.object({
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

const options = { category: categoryOptions, user: userOptions, statuses: statusOptions, followers: userOptions };

type SharedInput = z.output<typeof shared>;

function sharedBody(input: SharedInput): Record<string, unknown> {
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

export const createTicket = defineAction({
  key: 'create_ticket',
  name: 'Create ticket',
  description: 'Creates a ticket in Daktela.',
  input: z.object({
    title: text({ title: 'Title' }),
    category: textId({ title: 'Category', dynamicOptions: true }),
    stage: choice(STAGES, { title: 'Stage' }, { default: 'OPEN' }),
    priority: choice(PRIORITIES, { title: 'Priority' }, { default: 'MEDIUM' }),
    email: optionalText({ title: 'Customer e-mail', description: 'Only when creating: the address replies go to.' }, { max: 500 }),
    ...shared.shape,
  }),
  sample: ticketSample,
  options,
  perform: ({ input, ...context }) =>
    daktelaRecord(context, {
      method: 'POST',
      endpoint: 'tickets',
      body: compact({ title: input.title, category: input.category, stage: input.stage, priority: input.priority, email: input.email, ...sharedBody(input) }),
    }),
});

export const updateTicket = defineAction({
  key: 'update_ticket',
  name: 'Update ticket',
  description: 'Changes a Daktela ticket; fields left empty keep their values.',
  input: z.object({
    name: textId({ title: 'Ticket number', description: 'The ticket’s `name` (its number).' }),
    title: optionalText({ title: 'Title' }),
    category: optionalTextId({ title: 'Category', dynamicOptions: true }),
    stage: optionalChoice(STAGES, { title: 'Stage' }),
    priority: optionalChoice(PRIORITIES, { title: 'Priority' }),
    ...shared.shape,
  }),
  sample: ticketSample,
  options,
  perform: async ({ input, ...context }) => {
    const path = recordPath('tickets', input.name);
    const body: Record<string, unknown> = compact({ title: input.title, category: input.category, stage: input.stage, priority: input.priority, ...sharedBody(input) });
    const missing = TICKET_UPDATE_REQUIRED.filter((field) => body[field] === undefined);
    if (missing.length > 0) {
      const current = await daktelaRecord(context, { endpoint: path });
      for (const field of missing) body[field] = referenceName(current[field]);
    }
    return daktelaRecord(context, { method: 'PUT', endpoint: path, body: compact(body) });
  },
});
