// Company (account) actions: create a company, update a company (POST /accounts.json, PUT /accounts/{name}.json).
import { z } from 'zod';
import { defineAction } from '../../kit/define.ts';
import { daktelaRecord, recordPath } from './client.ts';
import { compact, optionalLongText, optionalText, optionalTextId, text, textId } from '../../kit/fields.ts';
import { customFieldsBody, customFieldsField } from './custom-fields.ts';
import { databaseOptions, userOptions } from './options.ts';
import { accountSample } from './samples.ts';

const shared = z.object({
  user: optionalTextId({ title: 'Owner', description: 'The user (login) who owns the company.', dynamicOptions: true }),
  sla: optionalTextId({ title: 'SLA', description: 'The SLA’s name (id).' }),
  description: optionalLongText({ title: 'Description' }),
  customFields: customFieldsField(),
});

type SharedInput = z.output<typeof shared>;

const sharedBody = (input: SharedInput): Record<string, unknown> => ({
  user: input.user,
  sla: input.sla,
  description: input.description,
  customFields: customFieldsBody(input.customFields),
});

const options = { database: databaseOptions, user: userOptions };

export const createAccount = defineAction({
  key: 'create_account',
  name: 'Create company',
  description: 'Creates a company (account) in the Daktela CRM.',
  input: z.object({
    title: text({ title: 'Company name' }, { max: 500 }),
    database: textId({ title: 'Database', description: 'The CRM database, e.g. "default".', dynamicOptions: true }),
    name: optionalTextId({ title: 'Unique name', description: 'The company’s id; Daktela generates one when left empty.' }),
    ...shared.shape,
  }),
  sample: accountSample,
  options,
  perform: ({ input, ...context }) =>
    daktelaRecord(context, {
      method: 'POST',
      endpoint: 'accounts',
      body: compact({ name: input.name, title: input.title, database: input.database, ...sharedBody(input) }),
    }),
});

export const updateAccount = defineAction({
  key: 'update_account',
  name: 'Update company',
  description: 'Changes a Daktela company (account); fields left empty keep their values.',
  input: z.object({
    name: textId({ title: 'Company', description: 'The company’s name (id), e.g. accounts_5fa2….' }),
    title: optionalText({ title: 'Company name' }, { max: 500 }),
    database: optionalTextId({ title: 'Database', dynamicOptions: true }),
    ...shared.shape,
  }),
  sample: accountSample,
  options,
  perform: ({ input, ...context }) =>
    daktelaRecord(context, {
      method: 'PUT',
      endpoint: recordPath('accounts', input.name),
      body: compact({ title: input.title, database: input.database, ...sharedBody(input) }),
    }),
});
