// Pipedrive "Update Organization": PATCH /api/v2/organizations/{id} with the fields given; the others keep their value.
import { z } from 'zod';
import { defineAction } from '../../../kit/define.ts';
import { id, optionalText } from '../../../kit/fields.ts';
import { pipedriveData } from '../client.ts';
import { userChoices } from '../options.ts';
import { organizationBody, organizationFields } from '../organizations.ts';
import { organizationOutputFields, organizationSample } from '../records.ts';

export const updateOrganization = defineAction({
  key: 'update_organization',
  name: 'Update Organization',
  description: 'Changes the given fields of a Pipedrive organization and returns it; fields left empty keep their value.',
  input: z.object({ id: id({ title: 'Organization id' }), name: optionalText({ title: 'Name' }, { max: 255 }), ...organizationFields }),
  sample: organizationSample,
  outputFields: organizationOutputFields,
  options: { owner_id: userChoices },
  perform: (context) => {
    const { id: organizationId, ...fields } = context.input;
    return pipedriveData(context, { method: 'PATCH', path: `/api/v2/organizations/${organizationId}`, body: organizationBody(fields) });
  },
});
