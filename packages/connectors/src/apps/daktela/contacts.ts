// What the contact operations share: the fields and body of create/update, and the contacts the triggers watch.
import { z } from 'zod';
import { optionalLongText, optionalText, optionalTextId } from '../../kit/fields.ts';
import { customFieldsBody, customFieldsField } from './custom-fields.ts';
import { databaseOptions, userOptions } from './options.ts';
import type { WatchedRecords } from './record-triggers.ts';
import { contactOutputFields, contactSample } from './samples.ts';

/**
 * The contact custom fields that hold e-mail addresses and phone numbers on a stock instance (seen in real
 * responses as `customFields.email` and `customFields.number`). An instance with other field names can use
 * Custom fields instead.
 */
export const CONTACT_EMAIL_FIELD = 'email';
export const CONTACT_PHONE_FIELD = 'number';

/** The fields create_contact and update_contact both offer. */
export const contactFields = z.object({
  firstname: optionalText({ title: 'First name' }, { max: 500 }),
  account: optionalTextId({ title: 'Company', description: 'The company’s name (id), e.g. accounts_5fa2….' }),
  user: optionalTextId({ title: 'Owner', description: 'The user (login) who owns the contact.', dynamicOptions: true }),
  description: optionalLongText({ title: 'Description' }),
  email: optionalText({ title: 'E-mail', description: `Stored in the custom field "${CONTACT_EMAIL_FIELD}".` }, { max: 500 }),
  phone: optionalText({ title: 'Phone', description: `Stored in the custom field "${CONTACT_PHONE_FIELD}".` }, { max: 100 }),
  customFields: customFieldsField(),
});

export const contactOptions = { database: databaseOptions, user: userOptions };

export function contactBody(input: z.output<typeof contactFields>): Record<string, unknown> {
  return {
    firstname: input.firstname,
    account: input.account,
    user: input.user,
    description: input.description,
    customFields: customFieldsBody(input.customFields, { [CONTACT_EMAIL_FIELD]: input.email, [CONTACT_PHONE_FIELD]: input.phone }),
  };
}

export const watchedContacts: WatchedRecords<z.ZodObject> = {
  model: 'contacts',
  input: z.object({}),
  conditions: () => [],
  sample: contactSample,
  outputFields: contactOutputFields,
};
