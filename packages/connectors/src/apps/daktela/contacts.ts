// Contact actions: create a contact, update a contact (POST /contacts.json, PUT /contacts/{name}.json).
import { z } from 'zod';
import { defineAction } from '../../kit/define.ts';
import { daktelaRecord, recordPath } from './client.ts';
import { compact, optionalLongText, optionalText, optionalTextId, text, textId } from '../../kit/fields.ts';
import { customFieldsBody, customFieldsField } from './custom-fields.ts';
import { databaseOptions, userOptions } from './options.ts';
import { contactSample } from './samples.ts';

/**
 * The contact custom fields that hold e-mail addresses and phone numbers on a stock instance (seen in real
 * responses as `customFields.email` and `customFields.number`). An instance with other field names can use
 * Custom fields instead.
 */
export const CONTACT_EMAIL_FIELD = 'email';
export const CONTACT_PHONE_FIELD = 'number';

const shared = z.object({
  firstname: optionalText({ title: 'First name' }, { max: 500 }),
  account: optionalTextId({ title: 'Company', description: 'The company’s name (id), e.g. accounts_5fa2….' }),
  user: optionalTextId({ title: 'Owner', description: 'The user (login) who owns the contact.', dynamicOptions: true }),
  description: optionalLongText({ title: 'Description' }),
  email: optionalText({ title: 'E-mail', description: `Stored in the custom field "${CONTACT_EMAIL_FIELD}".` }, { max: 500 }),
  phone: optionalText({ title: 'Phone', description: `Stored in the custom field "${CONTACT_PHONE_FIELD}".` }, { max: 100 }),
  customFields: customFieldsField(),
});

type SharedInput = z.output<typeof shared>;

function sharedBody(input: SharedInput): Record<string, unknown> {
  return {
    firstname: input.firstname,
    account: input.account,
    user: input.user,
    description: input.description,
    customFields: customFieldsBody(input.customFields, { [CONTACT_EMAIL_FIELD]: input.email, [CONTACT_PHONE_FIELD]: input.phone }),
  };
}

const options = { database: databaseOptions, user: userOptions };

export const createContact = defineAction({
  key: 'create_contact',
  name: 'Create contact',
  description: 'Creates a contact in the Daktela CRM.',
  input: z.object({
    lastname: text({ title: 'Last name' }, { max: 500 }),
    title: optionalText({ title: 'Full name', description: 'The contact’s display name; first and last name when left empty.' }, { max: 500 }),
    database: textId({ title: 'Database', description: 'The CRM database, e.g. "default".', dynamicOptions: true }),
    name: optionalTextId({ title: 'Unique name', description: 'The contact’s id; Daktela generates one when left empty.' }),
    ...shared.shape,
  }),
  sample: contactSample,
  options,
  perform: ({ input, ...context }) =>
    daktelaRecord(context, {
      method: 'POST',
      endpoint: 'contacts',
      body: compact({
        name: input.name,
        title: input.title ?? [input.firstname, input.lastname].filter(Boolean).join(' '),
        lastname: input.lastname,
        database: input.database,
        ...sharedBody(input),
      }),
    }),
});

export const updateContact = defineAction({
  key: 'update_contact',
  name: 'Update contact',
  description: 'Changes a Daktela contact; fields left empty keep their values.',
  input: z.object({
    name: textId({ title: 'Contact', description: 'The contact’s name (id), e.g. contacts_5fa2….' }),
    title: optionalText({ title: 'Full name' }, { max: 500 }),
    lastname: optionalText({ title: 'Last name' }, { max: 500 }),
    database: optionalTextId({ title: 'Database', dynamicOptions: true }),
    ...shared.shape,
  }),
  sample: contactSample,
  options,
  perform: ({ input, ...context }) =>
    daktelaRecord(context, {
      method: 'PUT',
      endpoint: recordPath('contacts', input.name),
      body: compact({ title: input.title, lastname: input.lastname, database: input.database, ...sharedBody(input) }),
    }),
});
