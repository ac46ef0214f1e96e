// Pipedrive "Update Person": PATCH /api/v2/persons/{id} with the fields given; the others keep their value.
import { z } from 'zod';
import { defineAction } from '../../../kit/define.ts';
import { id, optionalText } from '../../../kit/fields.ts';
import { pipedriveData } from '../client.ts';
import { userChoices } from '../options.ts';
import { personBody, personFields } from '../persons.ts';
import { personOutputFields, personSample } from '../records.ts';

export const updatePerson = defineAction({
  key: 'update_person',
  name: 'Update Person',
  description: 'Changes the given fields of a Pipedrive person and returns it; fields left empty keep their value.',
  input: z.object({ id: id({ title: 'Person id' }), name: optionalText({ title: 'Name' }, { max: 255 }), ...personFields }),
  sample: personSample,
  outputFields: personOutputFields,
  options: { owner_id: userChoices },
  perform: (context) => {
    const { id: personId, ...fields } = context.input;
    return pipedriveData(context, { method: 'PATCH', path: `/api/v2/persons/${personId}`, body: personBody(fields) });
  },
});
