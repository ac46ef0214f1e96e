// "Create campaign record": adds a record (someone to call) to a campaign (POST /campaignsRecords.json).
import { z } from 'zod';
import { defineAction } from '../../../kit/define.ts';
import { compact, optionalDateTime, optionalNumber, optionalText, optionalTextId, optionalTextIds, textId } from '../../../kit/fields.ts';
import { daktelaRecord } from '../client.ts';
import { customFieldsBody, customFieldsField } from '../custom-fields.ts';
import { campaignTypeOptions, databaseOptions, queueOptions, statusOptions, userOptions } from '../options.ts';
import { campaignRecordOutputFields, campaignRecordSample } from '../samples.ts';

export const createCampaignRecord = defineAction({
  key: 'create_campaign_record',
  name: 'Create campaign record',
  description: 'Adds a record to a Daktela campaign, e.g. a number for the dialer to call.',
  input: z.object({
    record_type: textId({ title: 'Campaign type', dynamicOptions: true }),
    number: optionalText({ title: 'Phone number', description: 'The number to call.' }, { max: 100 }),
    queue: optionalTextId({ title: 'Queue', description: 'The campaign queue, e.g. 3000.', dynamicOptions: true }),
    contact: optionalTextId({ title: 'Contact', description: 'The contact’s name (id).' }),
    user: optionalTextId({ title: 'User', description: 'The user (login) the record is assigned to.', dynamicOptions: true }),
    database: optionalTextId({ title: 'Database', dynamicOptions: true }),
    nextcall: optionalDateTime({ title: 'Next call', description: 'When to call (YYYY-MM-DD HH:MM:SS, the instance’s time).' }, 'local'),
    action: optionalNumber(
      { title: 'State', description: '0 not assigned, 1 ready, 5 done, 6 rescheduled (other values as your instance defines them).' },
      { integer: true, min: 0, max: 6 },
    ),
    statuses: optionalTextIds({ title: 'Statuses', dynamicOptions: true }),
    customFields: customFieldsField(),
  }),
  sample: campaignRecordSample,
  outputFields: campaignRecordOutputFields,
  options: { record_type: campaignTypeOptions, queue: queueOptions(), user: userOptions, database: databaseOptions, statuses: statusOptions },
  async perform(context) {
    const { input } = context;
    return daktelaRecord(context, {
      method: 'POST',
      endpoint: 'campaignsRecords',
      body: compact({
        record_type: input.record_type,
        number: input.number,
        queue: input.queue,
        contact: input.contact,
        user: input.user,
        database: input.database,
        nextcall: input.nextcall,
        action: input.action,
        statuses: input.statuses,
        customFields: customFieldsBody(input.customFields),
      }),
    });
  },
});
