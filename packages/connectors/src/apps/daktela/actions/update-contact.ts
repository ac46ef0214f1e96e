// "Update contact": PUT /contacts/{name}.json with the fields given.
import { z } from 'zod';
import { defineAction } from '../../../kit/define.ts';
import { compact, optionalText, optionalTextId, textId } from '../../../kit/fields.ts';
import { daktelaRecord, recordPath } from '../client.ts';
import { contactBody, contactFields, contactOptions } from '../contacts.ts';
import { contactOutputFields, contactSample } from '../samples.ts';

export const updateContact = defineAction({
  key: 'update_contact',
  name: 'Update contact',
  description: 'Changes a Daktela contact; fields left empty keep their values.',
  input: z.object({
    name: textId({ title: 'Contact', description: 'The contact’s name (id), e.g. contacts_5fa2….' }),
    title: optionalText({ title: 'Full name' }, { max: 500 }),
    lastname: optionalText({ title: 'Last name' }, { max: 500 }),
    database: optionalTextId({ title: 'Database', dynamicOptions: true }),
    ...contactFields.shape,
  }),
  sample: contactSample,
  outputFields: contactOutputFields,
  options: contactOptions,
  async perform(context) {
    const { input } = context;
    return daktelaRecord(context, {
      method: 'PUT',
      endpoint: recordPath('contacts', input.name),
      body: compact({ title: input.title, lastname: input.lastname, database: input.database, ...contactBody(input) }),
    });
  },
});
