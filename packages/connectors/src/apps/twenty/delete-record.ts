// Twenty "Delete record": DELETE /rest/{object}/{id}, permanently or (soft_delete=true) to the trash.
import { z } from 'zod';
import { defineAction } from '../../kit/define.ts';
import { recordsPath, sendToTwenty, unwrapRecord, type TwentyRecord } from './client.ts';
import { recordIdField } from './fields.ts';
import { loadObjects, objectField } from './objects.ts';

export const deleteRecord = defineAction({
  key: 'delete_record',
  name: 'Delete record',
  description: 'Deletes a record permanently, or moves it to the trash (soft delete), and returns what Twenty answers for it.',
  input: z.object({
    object: objectField,
    id: recordIdField,
    soft: z.boolean().default(false).meta({ title: 'Move to trash only', description: 'Soft delete: the record can be restored from Twenty’s trash.' }),
  }),
  sample: { id: '20202020-1c0e-494c-a1b6-85b1c6fefaa5' } as TwentyRecord,
  options: { object: loadObjects },
  async perform({ input, auth, http }) {
    const response = await sendToTwenty(
      { auth, http },
      { method: 'DELETE', path: recordsPath(input.object, input.id), ...(input.soft ? { query: { soft_delete: true } } : {}) },
    );
    return unwrapRecord(response.body);
  },
});
