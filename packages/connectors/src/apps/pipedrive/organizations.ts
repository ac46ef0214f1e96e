// Organization actions: create and update an organization (v2).
import { z } from 'zod';
import { defineAction } from '../../kit/define.ts';
import { compact, id, optionalText, text } from '../../kit/fields.ts';
import { pipedriveData } from './client.ts';
import { userChoices } from './options.ts';
import { customFieldsField, labelIdsField, ownerField, visibleToField } from './record-fields.ts';
import { organizationSample } from './records.ts';

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
  return compact({ ...fields, address: address === undefined ? undefined : { value: address } });
}

export const createOrganization = defineAction({
  key: 'create_organization',
  name: 'Create Organization',
  description: 'Creates an organization in Pipedrive and returns it.',
  input: z.object({ name: text({ title: 'Name' }, { max: 255 }), ...organizationFields }),
  sample: organizationSample,
  options: { owner_id: userChoices },
  perform: (context) => pipedriveData(context, { method: 'POST', path: '/api/v2/organizations', body: organizationBody(context.input) }),
});

export const updateOrganization = defineAction({
  key: 'update_organization',
  name: 'Update Organization',
  description: 'Changes the given fields of a Pipedrive organization and returns it; fields left empty keep their value.',
  input: z.object({ id: id({ title: 'Organization id' }), name: optionalText({ title: 'Name' }, { max: 255 }), ...organizationFields }),
  sample: organizationSample,
  options: { owner_id: userChoices },
  perform: (context) => {
    const { id: organizationId, ...fields } = context.input;
    return pipedriveData(context, { method: 'PATCH', path: `/api/v2/organizations/${organizationId}`, body: organizationBody(fields) });
  },
});
