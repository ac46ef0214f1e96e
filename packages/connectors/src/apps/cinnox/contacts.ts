// The external contact form that "add" and "update" share, the body CINNOX expects from it, and what both answer.
import type { z } from 'zod';
import { isRecord } from '../../kit/common.ts';
import type { OutputField } from '../../kit/define.ts';
import { compact, optionalChoice, optionalDate, optionalText } from '../../kit/fields.ts';

/** ⚠ INFERRED: the property of a `socialContacts` entry that holds the id on that channel (only `key` is documented). */
export const CINNOX_SOCIAL_ID_FIELD = 'id';

export const contactFields = {
  firstName: optionalText({ title: 'First name' }),
  lastName: optionalText({ title: 'Last name' }),
  level: optionalChoice(['Primary', 'Secondary', 'Tertiary'], { title: 'Level' }),
  type: optionalChoice(['Lead', 'Prospect', 'Customer', 'Others'], { title: 'Type' }),
  phoneType: optionalChoice(['Mobile', 'Work', 'Home', 'Other'], { title: 'Phone type', description: 'Default Mobile.' }),
  phoneNumber: optionalText({ title: 'Phone number', description: 'In international format, e.g. +85291234567.' }),
  emailType: optionalChoice(['Work', 'Personal', 'Other'], { title: 'Email type', description: 'Default Work.' }),
  email: optionalText({ title: 'Email address' }),
  company: optionalText({ title: 'Company' }),
  jobTitle: optionalText({ title: 'Job title' }),
  team: optionalText({ title: 'Team' }),
  group: optionalText({ title: 'Group' }),
  language: optionalText({ title: 'Language', description: 'ISO 639-1 code, e.g. en, zh.' }),
  birthDate: optionalDate({ title: 'Birth date', description: 'DD/MM/YYYY' }, 'DD/MM/YYYY'),
  street: optionalText({ title: 'Address: street' }),
  city: optionalText({ title: 'Address: city' }),
  state: optionalText({ title: 'Address: state' }),
  zipcode: optionalText({ title: 'Address: ZIP code' }),
  country: optionalText({ title: 'Address: country' }),
  socialMessagingType: optionalText({
    title: 'Social messaging type',
    description: 'The channel of the contact’s social messaging account, e.g. WhatsApp, LINE, WeChat, Facebook.',
  }),
  socialMessagingId: optionalText({ title: 'Social messaging ID', description: 'The contact’s id on that channel.' }),
};
type ContactFields = z.output<z.ZodObject<typeof contactFields>>;

/** The create/update body (API-NOTES §5.3): only what was filled in, lists built from the single-value fields. */
export function contactBody(input: ContactFields): Record<string, unknown> {
  const address = compact({ street: input.street, city: input.city, state: input.state, zipcode: input.zipcode, country: input.country });
  return compact({
    firstName: input.firstName,
    lastName: input.lastName,
    level: input.level,
    type: input.type,
    phones: input.phoneNumber ? [{ type: input.phoneType ?? 'Mobile', phone: input.phoneNumber }] : undefined,
    emails: input.email ? [{ type: input.emailType ?? 'Work', email: input.email }] : undefined,
    company: input.company,
    jobTitle: input.jobTitle,
    team: input.team,
    group: input.group,
    language: input.language,
    birthDate: input.birthDate,
    addresses: Object.keys(address).length > 0 ? [address] : undefined,
    socialContacts: input.socialMessagingType ? [compact({ key: input.socialMessagingType, [CINNOX_SOCIAL_ID_FIELD]: input.socialMessagingId })] : undefined,
  });
}

/** Why adding and updating a contact are unverified: all of the body is documented but one property. */
export const contactBodyUnverified =
  'Only the type (key) of a socialContacts entry is documented: the property that carries the social messaging ID is guessed (id); everything else is documented.';

/** What adding or updating a contact answers. */
export const contactIdSample = { id: '6650b7d1e4b0f5a1b2c3d4f6' };
export const contactIdOutputFields: readonly OutputField[] = [{ key: 'id', label: 'Contact ID', type: 'string' }];

/** The contact id CINNOX answered with, or '' when it gave none. */
export function contactIdOf(result: unknown): string {
  const id = isRecord(result) ? result.id : undefined;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : '';
}
