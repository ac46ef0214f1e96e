// Twenty "Update record": PATCH /rest/{object}/{id} with the fields to change.
import { z } from 'zod';
import { defineAction } from '../../../kit/define.ts';
import { recordsPath, sendToTwenty, unwrapRecord } from '../client.ts';
import { loadObjects, objectField, recordFieldsField, recordIdField } from '../objects.ts';
import { personOutputFields, samplePerson } from '../samples.ts';

export const updateRecord = defineAction({
  key: 'update_record',
  name: 'Update record',
  description: 'Changes the given fields of a record (others stay as they are) and returns the updated record.',
  input: z.object({ object: objectField, id: recordIdField, fields: recordFieldsField }),
  sample: samplePerson,
  outputFields: personOutputFields,
  options: { object: loadObjects },
  async perform(context) {
    const { input } = context;
    const response = await sendToTwenty(context, { method: 'PATCH', path: recordsPath(input.object, input.id), body: input.fields });
    return unwrapRecord(response.body);
  },
});
