// "Update CRM record": PUT /crmRecords/{name}.json with the fields given.
import { z } from 'zod';
import { defineAction } from '../../../kit/define.ts';
import { compact, optionalChoice, optionalText, optionalTextId, textId } from '../../../kit/fields.ts';
import { daktelaRecord, recordPath } from '../client.ts';
import { CRM_RECORD_STAGES, crmRecordBody, crmRecordFields, crmRecordOptions } from '../crm-records.ts';
import { crmRecordOutputFields, crmRecordSample } from '../samples.ts';

export const updateCrmRecord = defineAction({
  key: 'update_crm_record',
  name: 'Update CRM record',
  description: 'Changes a Daktela CRM record; fields left empty keep their values.',
  input: z.object({
    name: textId({ title: 'CRM record', description: 'The record’s name (id).' }),
    type: optionalTextId({ title: 'Record type', dynamicOptions: true }),
    title: optionalText({ title: 'Title' }, { max: 500 }),
    stage: optionalChoice(CRM_RECORD_STAGES, { title: 'Stage' }),
    ...crmRecordFields.shape,
  }),
  sample: crmRecordSample,
  outputFields: crmRecordOutputFields,
  options: crmRecordOptions,
  async perform(context) {
    const { input } = context;
    return daktelaRecord(context, {
      method: 'PUT',
      endpoint: recordPath('crmRecords', input.name),
      body: compact({ type: input.type, title: input.title, stage: input.stage, ...crmRecordBody(input) }),
    });
  },
});
