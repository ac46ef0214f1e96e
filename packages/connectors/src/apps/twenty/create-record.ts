// Twenty "Create record": POST /rest/{object} with the record's fields.
import { z } from 'zod';
import { defineAction } from '../../kit/define.ts';
import { recordsPath, sendToTwenty, unwrapRecord, type TwentyRecord } from './client.ts';
import { recordFieldsField, samplePerson } from './fields.ts';
import { loadObjects, objectField } from './objects.ts';

export const createRecord = defineAction({
  key: 'create_record',
  name: 'Create record',
  description: 'Creates a person, company, opportunity or custom-object record and returns it.',
  input: z.object({ object: objectField, fields: recordFieldsField }),
  sample: samplePerson as TwentyRecord,
  options: { object: loadObjects },
  async perform({ input, auth, http }) {
    const response = await sendToTwenty({ auth, http }, { method: 'POST', path: recordsPath(input.object), body: input.fields });
    return unwrapRecord(response.body);
  },
});
