// Action "Update Customer": finds a customer by email, id or user id and sends only the filled-in fields.
import { z } from 'zod';
import { defineAction } from '../../../kit/define.ts';
import { helpcrunchCall } from '../client.ts';
import { customerBody, customerFields, customerIdBy, customerOutputFields, customerPath, customerSample, lookupFields, onCustomer } from '../customers.ts';

export const updateCustomer = defineAction({
  key: 'update_customer',
  name: 'Update Customer',
  description:
    'Finds a customer by email, id or user id and changes the fields filled in (the others stay as they are). Fails when no customer matches, so a later step can create one instead.',
  input: z.object({ ...lookupFields, ...customerFields }),
  sample: customerSample,
  outputFields: customerOutputFields,
  async perform(context) {
    const { findBy, findValue, ...fields } = context.input;
    const id = await customerIdBy(context, findBy, findValue);
    return onCustomer(id, () => helpcrunchCall(context, { method: 'PATCH', path: customerPath(id), body: customerBody(fields) }));
  },
});
