// Twenty "Update record": PATCH /rest/{object}/{id} with the fields to change.
import { z } from 'zod';
import { defineAction } from '../../kit/define.ts';
import { recordsPath, sendToTwenty, unwrapRecord, type TwentyRecord } from './client.ts';
import { recordFieldsField, recordIdField, samplePerson } from './fields.ts';
import { loadObjects, objectField } from './objects.ts';

export const updateRecord = defineAction({
  key: 'update_record',
  name: 'Update record',
  description: 'Changes the given fields of a record (others stay as they are) and returns the updated record.',
  input: z.object({ object: objectField, id: recordIdField, fields: recordFieldsField }),
  sample: samplePerson as TwentyRecord,
  options: { object: loadObjects },
  async perform({ input, auth, http }) {
    const response = await sendToTwenty({ auth, http }, { method: 'PATCH', path: recordsPath(input.object, input.id), body: input.fields });
    return unwrapRecord(response.body);
  },
});
