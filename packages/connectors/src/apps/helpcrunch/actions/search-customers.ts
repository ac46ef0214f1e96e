// Action "Search Customers": one filter (field, operator, value) over HelpCrunch's customer search.
import { z } from 'zod';
import { defineAction } from '../../../kit/define.ts';
import { choice, number, textId } from '../../../kit/fields.ts';
import { helpcrunchCall, pageOf } from '../client.ts';
import { customerSample } from '../customers.ts';

export const searchCustomers = defineAction({
  key: 'search_customers',
  name: 'Search Customers',
  description: 'Finds customers whose field matches a value.',
  input: z.object({
    field: choice(['email', 'name', 'userId', 'phone', 'company', 'id', 'city', 'countryCode', 'lastSeen'], { title: 'Field' }, { default: 'email' }),
    operator: choice(
      ['=', '!=', '~', '!~', '>', '<', '>=', '<='],
      { title: 'Operator', description: '= equals, ~ contains, != and !~ their opposites; > < >= <= for numbers and dates (unix seconds).' },
      { default: '=' },
    ),
    value: textId({ title: 'Value' }),
    limit: number({ title: 'Limit', description: 'At most 100.' }, { integer: true, min: 1, max: 100, default: 20 }),
    offset: number({ title: 'Offset' }, { integer: true, min: 0, default: 0 }),
  }),
  sample: { customers: [customerSample], count: 1, total: 1 },
  outputFields: [
    { key: 'customers', label: 'Customers', type: 'array' },
    { key: 'customers[0].id', label: 'First customer: ID', type: 'integer' },
    { key: 'customers[0].name', label: 'First customer: name', type: 'string' },
    { key: 'customers[0].email', label: 'First customer: email', type: 'string' },
    { key: 'count', label: 'Customers returned', type: 'integer' },
    { key: 'total', label: 'Customers matching', type: 'integer' },
  ],
  async perform(context) {
    const { field, operator, value, limit, offset } = context.input;
    const { items, total } = pageOf(
      await helpcrunchCall(context, {
        method: 'POST',
        path: 'customers/search',
        body: { filter: [{ field: `customers.${field}`, operator, value }], sort: 'customers.lastSeen', order: 'desc', limit, offset },
      }),
    );
    return { customers: items, count: items.length, total: total ?? items.length };
  },
});
