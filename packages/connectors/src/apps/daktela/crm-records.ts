// CRM record actions: create and update a CRM record (POST /crmRecords.json, PUT /crmRecords/{name}.json).
import { z } from 'zod';
import { defineAction } from '../../kit/define.ts';
import { daktelaRecord, recordPath } from './client.ts';
import { choice, compact, optionalChoice, optionalLongText, optionalNumber, optionalText, optionalTextId, text, textId } from '../../kit/fields.ts';
import { customFieldsBody, customFieldsField } from './custom-fields.ts';
import { crmRecordTypeOptions, statusOptions, userOptions } from './options.ts';
import { crmRecordSample } from './samples.ts';

const STAGES = ['OPEN', 'CLOSE'] as const;

const shared = z.object({
  contact: optionalTextId({ title: 'Contact', description: 'The contact’s name (id).' }),
  account: optionalTextId({ title: 'Company', description: 'The company’s name (id).' }),
  ticket: optionalNumber({ title: 'Ticket', description: 'Number of a related ticket.' }, { integer: true }),
  user: optionalTextId({ title: 'Owner', description: 'The user (login) who owns the record.', dynamicOptions: true }),
  description: optionalLongText({ title: 'Description' }),
  status: optionalTextId({ title: 'Status', dynamicOptions: true }),
  customFields: customFieldsField(),
});

type SharedInput = z.output<typeof shared>;

const sharedBody = (input: SharedInput): Record<string, unknown> => ({
  contact: input.contact,
  account: input.account,
  ticket: input.ticket,
  user: input.user,
  description: input.description,
  status: input.status,
  customFields: customFieldsBody(input.customFields),
});

const options = { type: crmRecordTypeOptions, user: userOptions, status: statusOptions };

export const createCrmRecord = defineAction({
  key: 'create_crm_record',
  name: 'Create CRM record',
  description: 'Creates a CRM record (a deal, order or other record type) in Daktela.',
  input: z.object({
    type: textId({ title: 'Record type', dynamicOptions: true }),
    title: text({ title: 'Title' }, { max: 500 }),
    stage: choice(STAGES, { title: 'Stage' }, { default: 'OPEN' }),
    name: optionalTextId({ title: 'Unique name', description: 'The record’s id; Daktela generates one when left empty.' }),
    ...shared.shape,
  }),
  sample: crmRecordSample,
  options,
  perform: ({ input, ...context }) =>
    daktelaRecord(context, {
      method: 'POST',
      endpoint: 'crmRecords',
      body: compact({ name: input.name, type: input.type, title: input.title, stage: input.stage, ...sharedBody(input) }),
    }),
});

export const updateCrmRecord = defineAction({
  key: 'update_crm_record',
  name: 'Update CRM record',
  description: 'Changes a Daktela CRM record; fields left empty keep their values.',
  input: z.object({
    name: textId({ title: 'CRM record', description: 'The record’s name (id).' }),
    type: optionalTextId({ title: 'Record type', dynamicOptions: true }),
    title: optionalText({ title: 'Title' }, { max: 500 }),
    stage: optionalChoice(STAGES, { title: 'Stage' }),
    ...shared.shape,
  }),
  sample: crmRecordSample,
  options,
  perform: ({ input, ...context }) =>
    daktelaRecord(context, {
      method: 'PUT',
      endpoint: recordPath('crmRecords', input.name),
      body: compact({ type: input.type, title: input.title, stage: input.stage, ...sharedBody(input) }),
    }),
});
