// Twenty "Updated record (polling)": records of the chosen object changed since the last check, each change once.
import { recordPollingTrigger } from '../polling-trigger.ts';

export const recordUpdatedPolling = recordPollingTrigger({
  key: 'record_updated_polling',
  name: 'Updated record (polling)',
  description: 'Checks Twenty every few minutes for records of the chosen object changed since the last check; each change starts the zap once.',
  timeField: 'updatedAt',
  dedupeKey: (record) => (typeof record.id === 'string' ? `${record.id}:${String(record.updatedAt)}` : ''),
});
