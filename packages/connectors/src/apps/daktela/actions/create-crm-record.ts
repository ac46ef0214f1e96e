// "Create CRM record": POST /crmRecords.json.
import { z } from 'zod';
import { defineAction } from '../../../kit/define.ts';
import { choice, compact, optionalTextId, text, textId } from '../../../kit/fields.ts';
import { daktelaRecord } from '../client.ts';
import { CRM_RECORD_STAGES, crmRecordBody, crmRecordFields, crmRecordOptions } from '../crm-records.ts';
import { crmRecordOutputFields, crmRecordSample } from '../samples.ts';

export const createCrmRecord = defineAction({
  key: 'create_crm_record',
  name: 'Create CRM record',
  description: 'Creates a CRM record (a deal, order or other record type) in Daktela.',
  input: z.object({
    type: textId({ title: 'Record type', dynamicOptions: true }),
    title: text({ title: 'Title' }, { max: 500 }),
    stage: choice(CRM_RECORD_STAGES, { title: 'Stage' }, { default: 'OPEN' }),
    name: optionalTextId({ title: 'Unique name', description: 'The record’s id; Daktela generates one when left empty.' }),
    ...crmRecordFields.shape,
  }),
  sample: crmRecordSample,
  outputFields: crmRecordOutputFields,
  options: crmRecordOptions,
  async perform(context) {
    const { input } = context;
    return daktelaRecord(context, {
      method: 'POST',
      endpoint: 'crmRecords',
      body: compact({ name: input.name, type: input.type, title: input.title, stage: input.stage, ...crmRecordBody(input) }),
    });
  },
});
