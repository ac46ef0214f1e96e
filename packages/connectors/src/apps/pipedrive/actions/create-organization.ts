// Pipedrive "Create Organization": POST /api/v2/organizations, the address as {value}.
import { z } from 'zod';
import { defineAction } from '../../../kit/define.ts';
import { text } from '../../../kit/fields.ts';
import { pipedriveData } from '../client.ts';
import { userChoices } from '../options.ts';
import { organizationBody, organizationFields } from '../organizations.ts';
import { organizationOutputFields, organizationSample } from '../records.ts';

export const createOrganization = defineAction({
  key: 'create_organization',
  name: 'Create Organization',
  description: 'Creates an organization in Pipedrive and returns it.',
  input: z.object({ name: text({ title: 'Name' }, { max: 255 }), ...organizationFields }),
  sample: organizationSample,
  outputFields: organizationOutputFields,
  options: { owner_id: userChoices },
  perform: (context) => pipedriveData(context, { method: 'POST', path: '/api/v2/organizations', body: organizationBody(context.input) }),
});
