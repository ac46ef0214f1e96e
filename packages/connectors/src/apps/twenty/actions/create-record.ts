// Twenty "Create record": POST /rest/{object} with the record's fields.
import { z } from 'zod';
import { defineAction } from '../../../kit/define.ts';
import { recordsPath, sendToTwenty, unwrapRecord } from '../client.ts';
import { loadObjects, objectField, recordFieldsField } from '../objects.ts';
import { personOutputFields, samplePerson } from '../samples.ts';

export const createRecord = defineAction({
  key: 'create_record',
  name: 'Create record',
  description: 'Creates a person, company, opportunity or custom-object record and returns it.',
  input: z.object({ object: objectField, fields: recordFieldsField }),
  sample: samplePerson,
  outputFields: personOutputFields,
  options: { object: loadObjects },
  async perform(context) {
    const { input } = context;
    const response = await sendToTwenty(context, { method: 'POST', path: recordsPath(input.object), body: input.fields });
    return unwrapRecord(response.body);
  },
});
