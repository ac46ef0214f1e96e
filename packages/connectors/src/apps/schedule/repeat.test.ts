// Tests of the schedule form and the repeat rule the scheduler gets from it.
import { expect, test } from 'vitest';
import { scheduleInput, scheduleRepeat } from './repeat.ts';

test('an interval schedule repeats every N minutes', () => {
  expect(scheduleRepeat({ frequency: 'interval', everyMinutes: 5 })).toEqual({ every: 300_000 });
});

test('daily and weekly schedules become cron patterns in the chosen time zone', () => {
  expect(scheduleRepeat({ frequency: 'daily', time: '09:30', timezone: 'Europe/Prague' })).toEqual({ pattern: '30 9 * * *', tz: 'Europe/Prague' });
  expect(scheduleRepeat({ frequency: 'weekly', time: '17:05', days: ['mon', 'fri'], timezone: 'America/New_York' })).toEqual({
    pattern: '5 17 * * 1,5',
    tz: 'America/New_York',
  });
});

test('a cron schedule keeps its expression', () => {
  expect(scheduleRepeat({ frequency: 'cron', cron: '0 9 * * 1-5', timezone: 'UTC' })).toEqual({ pattern: '0 9 * * 1-5', tz: 'UTC' });
});

test('refuses an unknown time zone, a malformed time and a cron schedule without a valid expression', () => {
  expect(scheduleInput.safeParse({ timezone: 'Mars/Olympus' }).success).toBe(false);
  expect(scheduleInput.safeParse({ frequency: 'daily', time: '25:00' }).success).toBe(false);
  expect(scheduleInput.safeParse({ frequency: 'cron' }).success).toBe(false);
  expect(scheduleInput.safeParse({ frequency: 'cron', cron: 'every day' }).success).toBe(false);
});
