// "Updated campaign record": each change to a campaign record in Daktela, found by its `edited` time.
import { watchedCampaignRecords } from '../campaign-records.ts';
import { recordTrigger } from '../record-triggers.ts';

export const updatedCampaignRecord = recordTrigger(watchedCampaignRecords, {
  key: 'updated_campaign_record',
  name: 'Updated campaign record',
  description: 'Triggers when a campaign record is changed in Daktela, by its `edited` time (a new campaign record counts as its first change).',
  time: 'edited',
});
