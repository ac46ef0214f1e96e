// Schedule "Every interval, day, week or cron": the scheduler fires the zap by the repeat rule of its input.
import { defineTrigger } from '../../../kit/define.ts';
import { scheduleInput } from '../repeat.ts';

export const schedule = defineTrigger({
  key: 'schedule',
  name: 'Every interval, day, week or cron',
  description: 'Starts the zap on a schedule in a time zone: every N minutes, daily or weekly at a time, or on a cron expression.',
  type: 'schedule',
  input: scheduleInput,
  sample: { scheduledFor: '2026-11-23T09:00:00.000Z', firedAt: '2026-11-23T09:00:00.412Z', timezone: 'Europe/Prague' },
  outputFields: [
    { key: 'scheduledFor', label: 'Scheduled time', type: 'datetime' },
    { key: 'firedAt', label: 'Fired at', type: 'datetime' },
    { key: 'timezone', label: 'Time zone', type: 'string' },
  ],
});
