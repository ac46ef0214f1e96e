// What the company (account) operations share: the fields and body of create/update, and the companies the triggers watch.
import { z } from 'zod';
import { optionalLongText, optionalTextId } from '../../kit/fields.ts';
import { customFieldsBody, customFieldsField } from './custom-fields.ts';
import { databaseOptions, userOptions } from './options.ts';
import type { WatchedRecords } from './record-triggers.ts';
import { accountOutputFields, accountSample } from './samples.ts';

/** The fields create_account and update_account both offer. */
export const accountFields = z.object({
  user: optionalTextId({ title: 'Owner', description: 'The user (login) who owns the company.', dynamicOptions: true }),
  sla: optionalTextId({ title: 'SLA', description: 'The SLA’s name (id).' }),
  description: optionalLongText({ title: 'Description' }),
  customFields: customFieldsField(),
});

export const accountOptions = { database: databaseOptions, user: userOptions };

export const accountBody = (input: z.output<typeof accountFields>): Record<string, unknown> => ({
  user: input.user,
  sla: input.sla,
  description: input.description,
  customFields: customFieldsBody(input.customFields),
});

export const watchedAccounts: WatchedRecords<z.ZodObject> = {
  model: 'accounts',
  input: z.object({}),
  conditions: () => [],
  sample: accountSample,
  outputFields: accountOutputFields,
};
