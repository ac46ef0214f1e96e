// The person form the create and update actions share, and the v2 body it becomes (email and phone as lists).
import { optionalChoice, optionalId, optionalText } from '../../kit/fields.ts';
import { writeBody } from './client.ts';
import { customFieldsField, labelIdsField, ownerField, visibleToField } from './record-fields.ts';

export const personFields = {
  email: optionalText({ title: 'Email', description: 'Becomes the primary (work) email. On update it replaces the person’s emails.' }, { max: 320 }),
  phone: optionalText({ title: 'Phone', description: 'Becomes the primary (work) phone. On update it replaces the person’s phones.' }, { max: 100 }),
  org_id: optionalId({ title: 'Organization id' }),
  owner_id: ownerField(),
  visible_to: visibleToField(),
  label_ids: labelIdsField(),
  marketing_status: optionalChoice(['no_consent', 'unsubscribed', 'subscribed', 'archived'], { title: 'Marketing status' }),
  custom_fields: customFieldsField(),
};

type PersonFields = { email?: string | undefined; phone?: string | undefined } & Record<string, unknown>;

/** v2 takes emails and phones as lists of `{value, primary, label}`. */
export function personBody<Fields extends PersonFields>({ email, phone, ...fields }: Fields) {
  return writeBody({
    ...fields,
    emails: email === undefined ? undefined : [{ value: email, primary: true, label: 'work' }],
    phones: phone === undefined ? undefined : [{ value: phone, primary: true, label: 'work' }],
  });
}
