// "Create ticket": POST /tickets.json.
import { z } from 'zod';
import { defineAction } from '../../../kit/define.ts';
import { choice, compact, optionalText, text, textId } from '../../../kit/fields.ts';
import { daktelaRecord } from '../client.ts';
import { ticketOutputFields, ticketSample } from '../samples.ts';
import { TICKET_PRIORITIES, TICKET_STAGES, ticketBody, ticketFields, ticketOptions } from '../tickets.ts';

export const createTicket = defineAction({
  key: 'create_ticket',
  name: 'Create ticket',
  description: 'Creates a ticket in Daktela.',
  input: z.object({
    title: text({ title: 'Title' }),
    category: textId({ title: 'Category', dynamicOptions: true }),
    stage: choice(TICKET_STAGES, { title: 'Stage' }, { default: 'OPEN' }),
    priority: choice(TICKET_PRIORITIES, { title: 'Priority' }, { default: 'MEDIUM' }),
    email: optionalText({ title: 'Customer e-mail', description: 'Only when creating: the address replies go to.' }, { max: 500 }),
    ...ticketFields.shape,
  }),
  sample: ticketSample,
  outputFields: ticketOutputFields,
  options: ticketOptions,
  async perform(context) {
    const { input } = context;
    return daktelaRecord(context, {
      method: 'POST',
      endpoint: 'tickets',
      body: compact({ title: input.title, category: input.category, stage: input.stage, priority: input.priority, email: input.email, ...ticketBody(input) }),
    });
  },
});
