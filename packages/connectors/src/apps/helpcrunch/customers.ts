// Customer actions: create, update (found by email, id or user id), search and tag.
import { z } from 'zod';
import type { StepHttp } from '../../http/client.ts';
import { StepFailure } from '../../http/errors.ts';
import { defineAction } from '../../kit/define.ts';
import { helpcrunchCall, notFound, pageOf } from './client.ts';

export const customerSample = {
  id: 542335,
  name: 'John Doe',
  email: 'john@example.com',
  userId: 'user_1234567890',
  company: 'Example Inc.',
  phone: '+10233456781',
  firstSeen: '1603885746',
  lastSeen: '1603885746',
  location: { regionCode: '30', countryCode: 'UA', city: 'Kyiv' },
  unsubscribed: false,
  blocked: false,
  locale: 'en',
  createdFrom: 'api',
  notes: 'Asked about the annual plan',
  tags: [{ name: 'vip', color: '#ff0000' }],
  customData: { subscription_status: 'active' },
};

const text = (title: string, description?: string) => z.string().trim().max(1000).optional().meta(description ? { title, description } : { title });

/** The fields a customer can be created or updated with (API-NOTES §3.3, §3.5). */
const customerFields = {
  name: text('Name'),
  email: text('Email'),
  userId: text('User ID', 'Your own id for the customer (HelpCrunch “userId”).'),
  company: text('Company'),
  phone: text('Phone'),
  notes: text('Notes'),
  locale: text('Locale', 'e.g. en, uk, de.'),
  customData: z
    .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))
    .optional()
    .meta({ title: 'Custom data', description: 'Custom attributes, as names and values.' }),
};
type CustomerFields = z.output<z.ZodObject<typeof customerFields>>;

function tagList(value: string | string[] | undefined): string[] {
  return (Array.isArray(value) ? value : (value ?? '').split(',')).map((tag) => tag.trim()).filter(Boolean);
}

/** What to send: only the fields filled in; custom data as HelpCrunch writes it, `[{property, value}]`. */
function customerBody(input: CustomerFields): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const key of ['name', 'email', 'userId', 'company', 'phone', 'notes', 'locale'] as const) {
    const value = input[key];
    if (value !== undefined && value !== '') body[key] = value;
  }
  if (input.customData && Object.keys(input.customData).length > 0) {
    body.customData = Object.entries(input.customData).map(([property, value]) => ({ property, value }));
  }
  return body;
}

const lookupFields = {
  findBy: z.enum(['email', 'id', 'userId']).default('email').meta({ title: 'Find the customer by', description: 'email, HelpCrunch id, or your user id.' }),
  findValue: z.union([z.string().trim().min(1), z.number()]).meta({ title: 'Value to find', description: 'The email, id or user id of the customer.' }),
};

const searchField = { email: 'customers.email', userId: 'customers.userId' } as const;

/** The HelpCrunch id of the customer with this email or user id (exact match), or a permanent NOT_FOUND failure. */
async function customerIdBy(http: StepHttp, auth: unknown, findBy: 'email' | 'id' | 'userId', value: string | number): Promise<number | string> {
  if (findBy === 'id') {
    if (!/^\d+$/.test(String(value))) throw new StepFailure(`A HelpCrunch customer id is a number, not “${String(value)}”.`, { transient: false, code: 'INVALID_INPUT' });
    return Number(value);
  }
  const wanted = String(value).trim().toLowerCase();
  const { items } = pageOf(
    await helpcrunchCall(http, auth, {
      method: 'POST',
      path: 'customers/search',
      body: { filter: [{ field: searchField[findBy], operator: '=', value: String(value).trim() }], sort: 'customers.lastSeen', order: 'desc', limit: 20, offset: 0 },
    }),
  );
  const found = items.find((customer) => String(customer[findBy] ?? '').trim().toLowerCase() === wanted);
  if (!found || (typeof found.id !== 'number' && typeof found.id !== 'string')) {
    throw notFound(`No HelpCrunch customer has the ${findBy === 'email' ? 'email' : 'user id'} ${String(value)}.`);
  }
  return found.id;
}

/** A 404 on the customer itself means it does not exist: say so plainly. */
async function onCustomer<T>(id: number | string, send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (error) {
    if (error instanceof StepFailure && error.status === 404) throw notFound(`No HelpCrunch customer has the id ${String(id)}.`);
    throw error;
  }
}

export const createCustomer = defineAction({
  key: 'create_customer',
  name: 'Create Customer',
  description: 'Creates a customer (contact) in HelpCrunch.',
  input: z.object({
    ...customerFields,
    tags: z.union([z.string(), z.array(z.string())]).optional().meta({ title: 'Tags', description: 'Tag names, separated by commas.' }),
  }),
  sample: customerSample,
  async perform({ input, auth, http }) {
    const body = customerBody(input);
    const tags = tagList(input.tags);
    if (tags.length > 0) body.tags = tags.map((name) => ({ name }));
    return helpcrunchCall(http, auth, { method: 'POST', path: 'customers', body });
  },
});

export const updateCustomer = defineAction({
  key: 'update_customer',
  name: 'Update Customer',
  description:
    'Finds a customer by email, id or user id and changes the fields filled in (the others stay as they are). Fails when no customer matches, so a later step can create one instead.',
  input: z.object({ ...lookupFields, ...customerFields }),
  sample: customerSample,
  async perform({ input, auth, http }) {
    const { findBy, findValue, ...fields } = input;
    const id = await customerIdBy(http, auth, findBy, findValue);
    return onCustomer(id, () => helpcrunchCall(http, auth, { method: 'PATCH', path: `customers/${encodeURIComponent(String(id))}`, body: customerBody(fields) }));
  },
});

export const searchCustomers = defineAction({
  key: 'search_customers',
  name: 'Search Customers',
  description: 'Finds customers whose field matches a value.',
  input: z.object({
    field: z
      .enum(['email', 'name', 'userId', 'phone', 'company', 'id', 'city', 'countryCode', 'lastSeen'])
      .default('email')
      .meta({ title: 'Field' }),
    operator: z
      .enum(['=', '!=', '~', '!~', '>', '<', '>=', '<='])
      .default('=')
      .meta({ title: 'Operator', description: '= equals, ~ contains, != and !~ their opposites; > < >= <= for numbers and dates (unix seconds).' }),
    value: z.union([z.string(), z.number()]).meta({ title: 'Value' }),
    limit: z.coerce.number().int().min(1).max(100).default(20).meta({ title: 'Limit', description: 'At most 100.' }),
    offset: z.coerce.number().int().min(0).default(0).meta({ title: 'Offset' }),
  }),
  sample: { customers: [customerSample], count: 1, total: 1 },
  async perform({ input, auth, http }) {
    const { items, total } = pageOf(
      await helpcrunchCall(http, auth, {
        method: 'POST',
        path: 'customers/search',
        body: { filter: [{ field: `customers.${input.field}`, operator: input.operator, value: input.value }], sort: 'customers.lastSeen', order: 'desc', limit: input.limit, offset: input.offset },
      }),
    );
    return { customers: items, count: items.length, total: total ?? items.length };
  },
});

export const tagCustomer = defineAction({
  key: 'tag_customer',
  name: 'Tag Customer',
  description: 'Adds tags to a customer found by email, id or user id (tags it already has stay).',
  input: z.object({
    ...lookupFields,
    tags: z
      .union([z.string(), z.array(z.string())])
      .transform(tagList)
      .pipe(z.array(z.string()).min(1, 'give at least one tag'))
      .meta({ title: 'Tags', description: 'Tag names, separated by commas.' }),
    color: z
      .union([z.string().trim().regex(/^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$/, 'use a hex colour like #ff0000'), z.literal('')])
      .optional()
      .meta({ title: 'Colour', description: 'Optional, for new tags, e.g. #ff0000.' }),
  }),
  sample: customerSample,
  async perform({ input, auth, http }) {
    const id = await customerIdBy(http, auth, input.findBy, input.findValue);
    const tags = input.tags.map((name) => (input.color ? { name, color: input.color } : { name }));
    const result = await onCustomer(id, () => helpcrunchCall(http, auth, { method: 'PUT', path: `customers/${encodeURIComponent(String(id))}/tags`, body: { tags } }));
    return result !== null && typeof result === 'object' ? result : { id, tags };
  },
});
