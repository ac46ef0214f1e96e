// "Create company": POST /accounts.json.
import { z } from 'zod';
import { defineAction } from '../../../kit/define.ts';
import { compact, optionalTextId, text, textId } from '../../../kit/fields.ts';
import { accountBody, accountFields, accountOptions } from '../accounts.ts';
import { daktelaRecord } from '../client.ts';
import { accountOutputFields, accountSample } from '../samples.ts';

export const createAccount = defineAction({
  key: 'create_account',
  name: 'Create company',
  description: 'Creates a company (account) in the Daktela CRM.',
  input: z.object({
    title: text({ title: 'Company name' }, { max: 500 }),
    database: textId({ title: 'Database', description: 'The CRM database, e.g. "default".', dynamicOptions: true }),
    name: optionalTextId({ title: 'Unique name', description: 'The company’s id; Daktela generates one when left empty.' }),
    ...accountFields.shape,
  }),
  sample: accountSample,
  outputFields: accountOutputFields,
  options: accountOptions,
  async perform(context) {
    const { input } = context;
    return daktelaRecord(context, {
      method: 'POST',
      endpoint: 'accounts',
      body: compact({ name: input.name, title: input.title, database: input.database, ...accountBody(input) }),
    });
  },
});
