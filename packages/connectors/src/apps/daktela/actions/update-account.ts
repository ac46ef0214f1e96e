// "Update company": PUT /accounts/{name}.json with the fields given.
import { z } from 'zod';
import { defineAction } from '../../../kit/define.ts';
import { compact, optionalText, optionalTextId, textId } from '../../../kit/fields.ts';
import { accountBody, accountFields, accountOptions } from '../accounts.ts';
import { daktelaRecord, recordPath } from '../client.ts';
import { accountOutputFields, accountSample } from '../samples.ts';

export const updateAccount = defineAction({
  key: 'update_account',
  name: 'Update company',
  description: 'Changes a Daktela company (account); fields left empty keep their values.',
  input: z.object({
    name: textId({ title: 'Company', description: 'The company’s name (id), e.g. accounts_5fa2….' }),
    title: optionalText({ title: 'Company name' }, { max: 500 }),
    database: optionalTextId({ title: 'Database', dynamicOptions: true }),
    ...accountFields.shape,
  }),
  sample: accountSample,
  outputFields: accountOutputFields,
  options: accountOptions,
  async perform(context) {
    const { input } = context;
    return daktelaRecord(context, {
      method: 'PUT',
      endpoint: recordPath('accounts', input.name),
      body: compact({ title: input.title, database: input.database, ...accountBody(input) }),
    });
  },
});
