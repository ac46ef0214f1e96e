// The organization form the create and update actions share, and the v2 body it becomes (the address as an object).
import { optionalText } from '../../kit/fields.ts';
import { writeBody } from './client.ts';
import { customFieldsField, labelIdsField, ownerField, visibleToField } from './record-fields.ts';

export const organizationFields = {
  owner_id: ownerField(),
  address: optionalText({ title: 'Address', description: 'The full address, as one line.' }),
  visible_to: visibleToField(),
  label_ids: labelIdsField(),
  custom_fields: customFieldsField(),
};

type OrganizationFields = { address?: string | undefined } & Record<string, unknown>;

/** v2 takes the address as an object; Pipedrive splits `value` into its parts itself. */
export function organizationBody<Fields extends OrganizationFields>({ address, ...fields }: Fields) {
  return writeBody({ ...fields, address: address === undefined ? undefined : { value: address } });
}
