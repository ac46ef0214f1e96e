// Schedule by Switchyard: start a zap every N minutes, daily or weekly at a time, or on a cron expression, in a time zone.
import { defineApp } from '../../kit/define.ts';
import { schedule } from './triggers/schedule.ts';

export const scheduleApp = defineApp({
  key: 'schedule',
  name: 'Schedule',
  description: 'Start zaps on a schedule.',
  actions: [],
  triggers: [schedule],
});
