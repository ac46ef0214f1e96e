// Action "Create Customer": a new customer (contact) from the customer form, with tags.
import { z } from 'zod';
import { defineAction } from '../../../kit/define.ts';
import { optionalList } from '../../../kit/fields.ts';
import { helpcrunchCall } from '../client.ts';
import { customerBody, customerFields, customerOutputFields, customerSample } from '../customers.ts';

export const createCustomer = defineAction({
  key: 'create_customer',
  name: 'Create Customer',
  description: 'Creates a customer (contact) in HelpCrunch.',
  input: z.object({
    ...customerFields,
    tags: optionalList({ title: 'Tags', description: 'Tag names, separated by commas.' }),
  }),
  sample: customerSample,
  outputFields: customerOutputFields,
  async perform(context) {
    const { tags, ...fields } = context.input;
    const body = { ...customerBody(fields), tags: tags?.length ? tags.map((name) => ({ name })) : undefined };
    return helpcrunchCall(context, { method: 'POST', path: 'customers', body });
  },
});
