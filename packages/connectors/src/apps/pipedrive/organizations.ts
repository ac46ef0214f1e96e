// Organization actions: create and update an organization (v2).
import { z } from 'zod';
import { defineAction, type ActionDefinition } from '../../kit/define.ts';
import { pipedriveData } from './client.ts';
import { customFieldsField, idField, labelIdsField, optionalText, ownerField, visibleToField } from './fields.ts';
import { userChoices } from './options.ts';
import { definedFields, organizationSample } from './records.ts';

const organizationFields = {
  owner_id: ownerField(),
  address: optionalText({ title: 'Address', description: 'The full address, as one line.' }),
  visible_to: visibleToField(),
  label_ids: labelIdsField(),
  custom_fields: customFieldsField(),
};

type OrganizationFields = { address?: string | undefined } & Record<string, unknown>;

/** v2 takes the address as an object; Pipedrive splits `value` into its parts itself. */
function organizationBody({ address, ...fields }: OrganizationFields): Record<string, unknown> {
  return definedFields({ ...fields, address: address === undefined ? undefined : { value: address } });
}

export const createOrganization = defineAction({
  key: 'create_organization',
  name: 'Create Organization',
  description: 'Creates an organization in Pipedrive and returns it.',
  input: z.object({ name: z.string().trim().min(1).max(255).meta({ title: 'Name' }), ...organizationFields }),
  sample: organizationSample,
  options: { owner_id: userChoices },
  perform: ({ input, auth, http }) =>
    pipedriveData({ auth, http }, { method: 'POST', path: '/api/v2/organizations', body: organizationBody(input) }),
}) as ActionDefinition;

export const updateOrganization = defineAction({
  key: 'update_organization',
  name: 'Update Organization',
  description: 'Changes the given fields of a Pipedrive organization and returns it; fields left empty keep their value.',
  input: z.object({ id: idField({ title: 'Organization id' }), name: optionalText({ title: 'Name' }, 255), ...organizationFields }),
  sample: organizationSample,
  options: { owner_id: userChoices },
  perform: ({ input: { id, ...fields }, auth, http }) =>
    pipedriveData({ auth, http }, { method: 'PATCH', path: `/api/v2/organizations/${id}`, body: organizationBody(fields) }),
}) as ActionDefinition;
