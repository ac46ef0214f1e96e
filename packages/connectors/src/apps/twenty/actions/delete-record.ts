// Twenty "Delete record": DELETE /rest/{object}/{id}, permanently or (soft_delete=true) to the trash.
import { z } from 'zod';
import { defineAction } from '../../../kit/define.ts';
import { flag } from '../../../kit/fields.ts';
import { recordsPath, sendToTwenty, unwrapRecord } from '../client.ts';
import { loadObjects, objectField, recordIdField } from '../objects.ts';
import { deletedRecordOutputFields, sampleDeletedRecord } from '../samples.ts';

export const deleteRecord = defineAction({
  key: 'delete_record',
  name: 'Delete record',
  description: 'Deletes a record permanently, or moves it to the trash (soft delete), and returns what Twenty answers for it.',
  input: z.object({
    object: objectField,
    id: recordIdField,
    soft: flag({ title: 'Move to trash only', description: 'Soft delete: the record can be restored from Twenty’s trash.' }, { default: false }),
  }),
  sample: sampleDeletedRecord,
  outputFields: deletedRecordOutputFields,
  options: { object: loadObjects },
  async perform(context) {
    const { input } = context;
    const response = await sendToTwenty(context, {
      method: 'DELETE',
      path: recordsPath(input.object, input.id),
      query: input.soft ? { soft_delete: true } : undefined,
    });
    return unwrapRecord(response.body);
  },
});
