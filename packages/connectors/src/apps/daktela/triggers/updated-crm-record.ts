// "Updated CRM record": each change to a CRM record in Daktela, found by its `edited` time.
import { watchedCrmRecords } from '../crm-records.ts';
import { recordTrigger } from '../record-triggers.ts';

export const updatedCrmRecord = recordTrigger(watchedCrmRecords, {
  key: 'updated_crm_record',
  name: 'Updated CRM record',
  description: 'Triggers when a CRM record is changed in Daktela, by its `edited` time (a new CRM record counts as its first change).',
  time: 'edited',
});
