// "Update ticket": PUT /tickets/{name}.json, with the fields Daktela requires on every update filled in from the ticket.
import { z } from 'zod';
import { defineAction } from '../../../kit/define.ts';
import { compact, optionalChoice, optionalText, optionalTextId, textId } from '../../../kit/fields.ts';
import { daktelaRecord, recordPath, referenceName } from '../client.ts';
import { ticketOutputFields, ticketSample } from '../samples.ts';
import { TICKET_PRIORITIES, TICKET_STAGES, ticketBody, ticketFields, ticketOptions } from '../tickets.ts';

/** Daktela's UpdateTicket requires these in every PUT; update_ticket re-sends the ticket's current values for any left empty. */
export const TICKET_UPDATE_REQUIRED = ['title', 'category', 'stage', 'priority'] as const;

export const updateTicket = defineAction({
  key: 'update_ticket',
  name: 'Update ticket',
  description: 'Changes a Daktela ticket; fields left empty keep their values.',
  input: z.object({
    name: textId({ title: 'Ticket number', description: 'The ticket’s `name` (its number).' }),
    title: optionalText({ title: 'Title' }),
    category: optionalTextId({ title: 'Category', dynamicOptions: true }),
    stage: optionalChoice(TICKET_STAGES, { title: 'Stage' }),
    priority: optionalChoice(TICKET_PRIORITIES, { title: 'Priority' }),
    ...ticketFields.shape,
  }),
  sample: ticketSample,
  outputFields: ticketOutputFields,
  options: ticketOptions,
  async perform(context) {
    const { input } = context;
    const path = recordPath('tickets', input.name);
    const body: Record<string, unknown> = compact({
      title: input.title,
      category: input.category,
      stage: input.stage,
      priority: input.priority,
      ...ticketBody(input),
    });
    const missing = TICKET_UPDATE_REQUIRED.filter((field) => body[field] === undefined);
    if (missing.length > 0) {
      const current = await daktelaRecord(context, { endpoint: path });
      for (const field of missing) body[field] = referenceName(current[field]);
    }
    return daktelaRecord(context, { method: 'PUT', endpoint: path, body: compact(body) });
  },
});
