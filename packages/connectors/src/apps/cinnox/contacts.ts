// External contact actions: add, update (same fields) and get by full name.
import { z } from 'zod';
import { defineAction } from '../../kit/define.ts';
import { CINNOX_PATHS, cinnoxCall, findInList, notFound } from './client.ts';

/** ⚠ INFERRED: the property of a `socialContacts` entry that holds the id on that channel (only `key` is documented). */
export const CINNOX_SOCIAL_ID_FIELD = 'id';

/** An optional choice that a template may also leave blank. */
function choice<const Values extends readonly [string, ...string[]]>(values: Values, meta: { title: string; description?: string }) {
  return z.union([z.enum(values), z.literal('')]).optional().meta(meta);
}

const text = (title: string, description?: string) => z.string().trim().max(500).optional().meta(description ? { title, description } : { title });

const contactFields = {
  firstName: text('First name'),
  lastName: text('Last name'),
  level: choice(['Primary', 'Secondary', 'Tertiary'], { title: 'Level' }),
  type: choice(['Lead', 'Prospect', 'Customer', 'Others'], { title: 'Type' }),
  phoneType: choice(['Mobile', 'Work', 'Home', 'Other'], { title: 'Phone type', description: 'Default Mobile.' }),
  phoneNumber: text('Phone number', 'In international format, e.g. +85291234567.'),
  emailType: choice(['Work', 'Personal', 'Other'], { title: 'Email type', description: 'Default Work.' }),
  email: text('Email address'),
  company: text('Company'),
  jobTitle: text('Job title'),
  team: text('Team'),
  group: text('Group'),
  language: text('Language', 'ISO 639-1 code, e.g. en, zh.'),
  birthDate: z.union([z.string().trim().regex(/^\d{2}\/\d{2}\/\d{4}$/, 'use DD/MM/YYYY'), z.literal('')]).optional().meta({ title: 'Birth date', description: 'DD/MM/YYYY' }),
  street: text('Address: street'),
  city: text('Address: city'),
  state: text('Address: state'),
  zipcode: text('Address: ZIP code'),
  country: text('Address: country'),
  socialMessagingType: text('Social messaging type', 'The channel of the contact’s social messaging account, e.g. WhatsApp, LINE, WeChat, Facebook.'),
  socialMessagingId: text('Social messaging ID', 'The contact’s id on that channel.'),
};

const contactInput = z.object(contactFields);
type ContactInput = z.output<typeof contactInput>;

function given(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

/** The create/update body (API-NOTES §5.3): only what was filled in, lists built from the single-value fields. */
export function contactBody(input: ContactInput): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const set = (key: string, value: unknown): void => {
    if (value !== undefined) body[key] = value;
  };
  set('firstName', given(input.firstName));
  set('lastName', given(input.lastName));
  set('level', given(input.level));
  set('type', given(input.type));
  const phone = given(input.phoneNumber);
  if (phone) set('phones', [{ type: given(input.phoneType) ?? 'Mobile', phone }]);
  const email = given(input.email);
  if (email) set('emails', [{ type: given(input.emailType) ?? 'Work', email }]);
  set('company', given(input.company));
  set('jobTitle', given(input.jobTitle));
  set('team', given(input.team));
  set('group', given(input.group));
  set('language', given(input.language));
  set('birthDate', given(input.birthDate));
  const address = { street: given(input.street), city: given(input.city), state: given(input.state), zipcode: given(input.zipcode), country: given(input.country) };
  if (Object.values(address).some((part) => part !== undefined)) set('addresses', [Object.fromEntries(Object.entries(address).filter(([, v]) => v !== undefined))]);
  const socialType = given(input.socialMessagingType);
  if (socialType) set('socialContacts', [{ key: socialType, ...(given(input.socialMessagingId) ? { [CINNOX_SOCIAL_ID_FIELD]: input.socialMessagingId } : {}) }]);
  return body;
}

function idOf(result: unknown): string {
  const id = result !== null && typeof result === 'object' ? (result as { id?: unknown }).id : undefined;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : '';
}

export const addExternalContact = defineAction({
  key: 'add_external_contact',
  name: 'Add External Contact',
  description: 'Creates an external contact in CINNOX. Custom fields are not supported by CINNOX’s API.',
  input: contactInput.extend({ firstName: z.string().trim().min(1).max(500).meta({ title: 'First name' }) }),
  sample: { id: '6650b7d1e4b0f5a1b2c3d4f6' },
  async perform({ input, auth, http }) {
    const result = await cinnoxCall(http, auth, { method: 'POST', path: CINNOX_PATHS.createExternalContact, body: contactBody(input) });
    return { id: idOf(result) };
  },
});

export const updateExternalContact = defineAction({
  key: 'update_external_contact',
  name: 'Update External Contact',
  description: 'Updates an external contact in CINNOX; only the fields filled in are sent.',
  input: contactInput.extend({
    contactId: z.string().trim().min(1).meta({ title: 'Contact ID', description: 'The external contact’s id, e.g. from “Get External Contact by Full Name”.' }),
  }),
  sample: { id: '6650b7d1e4b0f5a1b2c3d4f6' },
  async perform({ input, auth, http }) {
    const { contactId, ...fields } = input;
    const result = await cinnoxCall(http, auth, {
      method: 'PUT',
      path: `${CINNOX_PATHS.updateExternalContact}/${encodeURIComponent(contactId)}`,
      body: contactBody(fields),
    });
    return { id: idOf(result) || contactId };
  },
});

function normalName(value: unknown): string {
  return typeof value === 'string' ? value.trim().replace(/\s+/g, ' ').toLowerCase() : '';
}

export const getExternalContactByFullName = defineAction({
  key: 'get_external_contact_by_full_name',
  name: 'Get External Contact by Full Name',
  description: 'Finds the external contact whose full name (first and last name) is exactly this, ignoring case. Fails when there is none.',
  input: z.object({ fullName: z.string().trim().min(1).max(500).meta({ title: 'Full name', description: 'First and last name, e.g. Chan Tai Man.' }) }),
  sample: {
    id: '6650b7d1e4b0f5a1b2c3d4f6',
    firstName: 'Chan',
    lastName: 'Tai Man',
    mobilePhone: '+85291234567',
    workPhone: '',
    email: 'taiman.chan@example.com',
    companyName: 'Example Ltd',
    jobTitle: 'Buyer',
    customerType: 'Customer',
    group: 'VIP',
    level: 'Primary',
    ownerId: 'staff_8f2a',
    ownerName: 'Amy Wong',
    slaveContacts: [],
  },
  async perform({ input, auth, http }) {
    const wanted = normalName(input.fullName);
    const found = await findInList(http, auth, {
      path: CINNOX_PATHS.externalContactList,
      // ⚠ INFERRED: `fullName` is documented for the staff list; the match is also checked here.
      query: { fullName: input.fullName.replace(/\s+/g, ' ') },
      pageSize: 100,
      maxPages: 5,
      match: (contact) => normalName(contact.fullName) === wanted || normalName(`${String(contact.firstName ?? '')} ${String(contact.lastName ?? '')}`) === wanted,
    });
    if (!found) throw notFound(`CINNOX has no external contact named “${input.fullName}”.`);
    return found;
  },
});
