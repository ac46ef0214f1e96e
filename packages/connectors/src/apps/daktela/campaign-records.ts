// What the campaign record triggers watch: the records of one campaign type, or all of them.
import { z } from 'zod';
import { optionalTextId } from '../../kit/fields.ts';
import { campaignTypeOptions } from './options.ts';
import { equals, type WatchedRecords } from './record-triggers.ts';
import { campaignRecordOutputFields, campaignRecordSample } from './samples.ts';

const campaignRecordFilter = z.object({
  record_type: optionalTextId({ title: 'Campaign type', description: 'Only records of this campaign type (leave empty for all).', dynamicOptions: true }),
});

export const watchedCampaignRecords: WatchedRecords<typeof campaignRecordFilter> = {
  model: 'campaignsRecords',
  input: campaignRecordFilter,
  conditions: (input) => equals('record_type', input.record_type),
  sample: campaignRecordSample,
  outputFields: campaignRecordOutputFields,
  options: { record_type: campaignTypeOptions },
};
