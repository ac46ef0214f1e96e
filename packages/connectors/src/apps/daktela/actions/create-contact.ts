// "Create contact": POST /contacts.json, the full name made from first and last name when not given.
import { z } from 'zod';
import { defineAction } from '../../../kit/define.ts';
import { compact, optionalText, optionalTextId, text, textId } from '../../../kit/fields.ts';
import { daktelaRecord } from '../client.ts';
import { contactBody, contactFields, contactOptions } from '../contacts.ts';
import { contactOutputFields, contactSample } from '../samples.ts';

export const createContact = defineAction({
  key: 'create_contact',
  name: 'Create contact',
  description: 'Creates a contact in the Daktela CRM.',
  unverified: 'No Daktela source says whether a contact needs a unique name: left empty, it relies on Daktela generating one.',
  input: z.object({
    lastname: text({ title: 'Last name' }, { max: 500 }),
    title: optionalText({ title: 'Full name', description: 'The contact’s display name; first and last name when left empty.' }, { max: 500 }),
    database: textId({ title: 'Database', description: 'The CRM database, e.g. "default".', dynamicOptions: true }),
    name: optionalTextId({
      title: 'Unique name',
      description: 'The contact’s id; left empty, Daktela is expected to generate one (its documentation does not say).',
    }),
    ...contactFields.shape,
  }),
  sample: contactSample,
  outputFields: contactOutputFields,
  options: contactOptions,
  async perform(context) {
    const { input } = context;
    return daktelaRecord(context, {
      method: 'POST',
      endpoint: 'contacts',
      body: compact({
        name: input.name,
        title: input.title ?? [input.firstname, input.lastname].filter(Boolean).join(' '),
        lastname: input.lastname,
        database: input.database,
        ...contactBody(input),
      }),
    });
  },
});
