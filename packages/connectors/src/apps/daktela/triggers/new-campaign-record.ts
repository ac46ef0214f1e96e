// "New campaign record": each campaign record created in Daktela, found by its `created` time.
import { watchedCampaignRecords } from '../campaign-records.ts';
import { recordTrigger } from '../record-triggers.ts';

export const newCampaignRecord = recordTrigger(watchedCampaignRecords, {
  key: 'new_campaign_record',
  name: 'New campaign record',
  description: 'Triggers when a campaign record is created in Daktela.',
  time: 'created',
});
