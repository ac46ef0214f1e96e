// What the CRM record operations share: the fields and body of create/update, and the records the triggers watch.
import { z } from 'zod';
import { optionalLongText, optionalNumber, optionalTextId } from '../../kit/fields.ts';
import { customFieldsBody, customFieldsField } from './custom-fields.ts';
import { crmRecordTypeOptions, statusOptions, userOptions } from './options.ts';
import { equals, type WatchedRecords } from './record-triggers.ts';
import { crmRecordOutputFields, crmRecordSample } from './samples.ts';

export const CRM_RECORD_STAGES = ['OPEN', 'CLOSE'] as const;

/** The fields create_crm_record and update_crm_record both offer. */
export const crmRecordFields = z.object({
  contact: optionalTextId({ title: 'Contact', description: 'The contact’s name (id).' }),
  account: optionalTextId({ title: 'Company', description: 'The company’s name (id).' }),
  ticket: optionalNumber({ title: 'Ticket', description: 'Number of a related ticket.' }, { integer: true }),
  user: optionalTextId({ title: 'Owner', description: 'The user (login) who owns the record.', dynamicOptions: true }),
  description: optionalLongText({ title: 'Description' }),
  status: optionalTextId({ title: 'Status', dynamicOptions: true }),
  customFields: customFieldsField(),
});

export const crmRecordOptions = { type: crmRecordTypeOptions, user: userOptions, status: statusOptions };

export const crmRecordBody = (input: z.output<typeof crmRecordFields>): Record<string, unknown> => ({
  contact: input.contact,
  account: input.account,
  ticket: input.ticket,
  user: input.user,
  description: input.description,
  status: input.status,
  customFields: customFieldsBody(input.customFields),
});

const crmRecordFilter = z.object({
  type: optionalTextId({ title: 'Record type', description: 'Only CRM records of this type (leave empty for all).', dynamicOptions: true }),
});

export const watchedCrmRecords: WatchedRecords<typeof crmRecordFilter> = {
  model: 'crmRecords',
  input: crmRecordFilter,
  conditions: (input) => equals('type', input.type),
  sample: crmRecordSample,
  outputFields: crmRecordOutputFields,
  options: { type: crmRecordTypeOptions },
};
