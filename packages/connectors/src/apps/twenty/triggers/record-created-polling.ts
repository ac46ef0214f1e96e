// Twenty "New record (polling)": records of the chosen object created since the last check, deduped by id.
import { recordPollingTrigger } from '../polling-trigger.ts';

export const recordCreatedPolling = recordPollingTrigger({
  key: 'record_created_polling',
  name: 'New record (polling)',
  description:
    'Checks Twenty every few minutes for records of the chosen object created since the last check. Use the instant trigger where Twenty can reach Switchyard.',
  timeField: 'createdAt',
  dedupeKey: (record) => (typeof record.id === 'string' ? record.id : ''),
});
