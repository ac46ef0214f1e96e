// Pipedrive "Create Person": POST /api/v2/persons, the email and phone as primary work entries.
import { z } from 'zod';
import { defineAction } from '../../../kit/define.ts';
import { text } from '../../../kit/fields.ts';
import { pipedriveData } from '../client.ts';
import { userChoices } from '../options.ts';
import { personBody, personFields } from '../persons.ts';
import { personOutputFields, personSample } from '../records.ts';

export const createPerson = defineAction({
  key: 'create_person',
  name: 'Create Person',
  description: 'Creates a person (contact) in Pipedrive and returns it.',
  input: z.object({ name: text({ title: 'Name' }, { max: 255 }), ...personFields }),
  sample: personSample,
  outputFields: personOutputFields,
  options: { owner_id: userChoices },
  perform: (context) => pipedriveData(context, { method: 'POST', path: '/api/v2/persons', body: personBody(context.input) }),
});
