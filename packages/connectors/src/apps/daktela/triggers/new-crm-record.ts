// "New CRM record": each CRM record created in Daktela, found by its `created` time.
import { watchedCrmRecords } from '../crm-records.ts';
import { recordTrigger } from '../record-triggers.ts';

export const newCrmRecord = recordTrigger(watchedCrmRecords, {
  key: 'new_crm_record',
  name: 'New CRM record',
  description: 'Triggers when a CRM record is created in Daktela.',
  time: 'created',
});
