// What the customer actions share: the customer form and the body HelpCrunch expects from it, finding a customer
// by email, id or user id, and what a customer looks like.
import type { z } from 'zod';
import { StepFailure } from '../../http/errors.ts';
import type { OutputField, ServiceContext } from '../../kit/define.ts';
import { choice, compact, optionalFlatKeyValue, optionalLongText, optionalText, textId } from '../../kit/fields.ts';
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

export const customerOutputFields: readonly OutputField[] = [
  { key: 'id', label: 'Customer ID', type: 'integer' },
  { key: 'name', label: 'Name', type: 'string' },
  { key: 'email', label: 'Email', type: 'string' },
  { key: 'userId', label: 'User ID', type: 'string' },
  { key: 'company', label: 'Company', type: 'string' },
  { key: 'phone', label: 'Phone', type: 'string' },
  { key: 'firstSeen', label: 'First seen (unix seconds)', type: 'string' },
  { key: 'lastSeen', label: 'Last seen (unix seconds)', type: 'string' },
  { key: 'location', label: 'Location', type: 'object' },
  { key: 'location.city', label: 'City', type: 'string' },
  { key: 'location.countryCode', label: 'Country code', type: 'string' },
  { key: 'unsubscribed', label: 'Unsubscribed', type: 'boolean' },
  { key: 'blocked', label: 'Blocked', type: 'boolean' },
  { key: 'locale', label: 'Locale', type: 'string' },
  { key: 'createdFrom', label: 'Created from', type: 'string' },
  { key: 'notes', label: 'Notes', type: 'string' },
  { key: 'tags', label: 'Tags', type: 'array' },
  { key: 'tags[0].name', label: 'First tag', type: 'string' },
  { key: 'customData', label: 'Custom data', type: 'object' },
];

/** The fields a customer can be created or updated with (API-NOTES §3.3, §3.5). */
export const customerFields = {
  name: optionalText({ title: 'Name' }),
  email: optionalText({ title: 'Email' }),
  userId: optionalText({ title: 'User ID', description: 'Your own id for the customer (HelpCrunch “userId”).' }),
  company: optionalText({ title: 'Company' }),
  phone: optionalText({ title: 'Phone' }),
  notes: optionalLongText({ title: 'Notes' }),
  locale: optionalText({ title: 'Locale', description: 'e.g. en, uk, de.' }),
  customData: optionalFlatKeyValue({ title: 'Custom data', description: 'Custom attributes, as names and values.' }),
};
type CustomerFields = z.output<z.ZodObject<typeof customerFields>>;

/** What to send: only the fields filled in; custom data as HelpCrunch writes it, `[{property, value}]`. */
export function customerBody(input: CustomerFields): Record<string, unknown> {
  const customData = Object.entries(input.customData ?? {}).map(([property, value]) => ({ property, value }));
  return compact({
    name: input.name,
    email: input.email,
    userId: input.userId,
    company: input.company,
    phone: input.phone,
    notes: input.notes,
    locale: input.locale,
    customData: customData.length > 0 ? customData : undefined,
  });
}

export const lookupFields = {
  findBy: choice(['email', 'id', 'userId'], { title: 'Find the customer by', description: 'email, HelpCrunch id, or your user id.' }, { default: 'email' }),
  findValue: textId({ title: 'Value to find', description: 'The email, id or user id of the customer.' }),
};

const searchField = { email: 'customers.email', userId: 'customers.userId' } as const;

/** The HelpCrunch id of the customer with this email or user id (exact match), or a permanent NOT_FOUND failure. */
export async function customerIdBy(context: ServiceContext, findBy: 'email' | 'id' | 'userId', value: string | number): Promise<number | string> {
  if (findBy === 'id') {
    if (!/^\d+$/.test(String(value)))
      throw new StepFailure(`A HelpCrunch customer id is a number, not “${String(value)}”.`, { transient: false, code: 'INVALID_INPUT' });
    return Number(value);
  }
  const wanted = String(value).trim().toLowerCase();
  const { items } = pageOf(
    await helpcrunchCall(context, {
      method: 'POST',
      path: 'customers/search',
      body: {
        filter: [{ field: searchField[findBy], operator: '=', value: String(value).trim() }],
        sort: 'customers.lastSeen',
        order: 'desc',
        limit: 20,
        offset: 0,
      },
    }),
  );
  const found = items.find(
    (customer) =>
      String(customer[findBy] ?? '')
        .trim()
        .toLowerCase() === wanted,
  );
  if (!found || (typeof found.id !== 'number' && typeof found.id !== 'string')) {
    throw notFound(`No HelpCrunch customer has the ${findBy === 'email' ? 'email' : 'user id'} ${String(value)}.`);
  }
  return found.id;
}

/** A 404 on the customer itself means it does not exist: say so plainly. */
export async function onCustomer<T>(id: number | string, send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (error) {
    if (error instanceof StepFailure && error.status === 404) throw notFound(`No HelpCrunch customer has the id ${String(id)}.`);
    throw error;
  }
}

export function customerPath(id: number | string): string {
  return `customers/${encodeURIComponent(String(id))}`;
}
