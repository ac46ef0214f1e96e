// Tests of the schedule form and the repeat rule the scheduler gets from it.
import { expect, test } from 'vitest';
import { cronRepeatStrategy, nextScheduleRuns, scheduleInput, scheduleRepeat } from './repeat.ts';

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

const cronError = (cron: string) => {
  const parsed = scheduleInput.safeParse({ frequency: 'cron', cron });
  return parsed.success ? undefined : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
};

test('accepts cron expressions with ranges, lists, steps, names, last-day and nth-weekday', () => {
  for (const cron of ['0 9 * * 1-5', '*/15 8-18 * * MON-FRI', '0 0 1,15 * *', '30 6 * JAN,JUL sun', '0 9 L * *', '0 9 * * 5#2', '@daily']) {
    expect(cronError(cron), cron).toBeUndefined();
  }
});

test('refuses a cron expression with a value out of range, a zero step, the wrong field count or a date that never comes, saying why', () => {
  expect(cronError('61 * * * *')).toBe('cron: Invalid value for minute: 61');
  expect(cronError('0 24 * * *')).toBe('cron: Invalid value for hour: 24');
  expect(cronError('0 9 * * 8')).toBe('cron: Invalid value for day-of-week: 8');
  expect(cronError('0 9 32 * *')).toBe('cron: Invalid value for day-of-month: 32');
  expect(cronError('0 9 * 13 *')).toBe('cron: Invalid value for month: 13');
  expect(cronError('*/0 * * * *')).toBe('cron: Syntax error, illegal stepping: 0');
  expect(cronError('0 9 * *')).toBe('cron: must have five fields (minute hour day-of-month month day-of-week), found 4, e.g. 0 9 * * 1-5');
  expect(cronError('0 0 9 * * *')).toMatch(/^cron: must have five fields .* found 6/);
  expect(cronError('0 9 * FOO *')).toMatch(/^cron: .*illegal characters/);
  expect(cronError('0 9 31 2 *')).toBe('cron: never matches a date');
  expect(scheduleInput.safeParse({ frequency: 'cron' }).error?.issues[0]?.message).toBe('is required for a cron schedule, e.g. 0 9 * * 1-5');
});

test('the next runs of a cron schedule fall at the local time in its time zone, across the spring-forward change', () => {
  const runs = nextScheduleRuns({ frequency: 'cron', cron: '30 2 * * *', timezone: 'Europe/Prague' }, 3, new Date('2026-03-28T12:00:00Z'));
  // 02:30 does not exist in Prague on 29 March 2026 (02:00 CET becomes 03:00 CEST): that day's run comes at 03:00 CEST.
  expect(runs.map((run) => run.toISOString())).toEqual(['2026-03-29T01:00:00.000Z', '2026-03-30T00:30:00.000Z', '2026-03-31T00:30:00.000Z']);
});

test('the next runs of daily and weekly schedules, and of an interval, which fires at once when published', () => {
  const after = new Date('2026-10-23T12:00:00Z');
  expect(nextScheduleRuns({ frequency: 'daily', time: '09:00', timezone: 'America/New_York' }, 2, after).map((run) => run.toISOString())).toEqual([
    '2026-10-23T13:00:00.000Z',
    '2026-10-24T13:00:00.000Z',
  ]);
  expect(
    nextScheduleRuns({ frequency: 'weekly', time: '09:00', days: ['mon'], timezone: 'America/New_York' }, 2, after).map((run) => run.toISOString()),
  ).toEqual([
    '2026-10-26T13:00:00.000Z',
    '2026-11-02T14:00:00.000Z', // after the fall-back change on 1 November, 09:00 EST
  ]);
  expect(nextScheduleRuns({ frequency: 'interval', everyMinutes: 15 }, 2, new Date('2026-10-23T12:07:00Z')).map((run) => run.toISOString())).toEqual([
    '2026-10-23T12:07:00.000Z',
    '2026-10-23T12:22:00.000Z',
  ]);
  expect(nextScheduleRuns({ frequency: 'cron', cron: '61 * * * *' }, 5, after)).toEqual([]);
});

test('the repeat strategy the scheduler fires by gives the first of the next runs, not before a start date', () => {
  const after = new Date('2026-03-28T12:00:00Z').getTime();
  expect(cronRepeatStrategy(after, { pattern: '30 2 * * *', tz: 'Europe/Prague' })).toBe(Date.parse('2026-03-29T01:00:00Z'));
  expect(cronRepeatStrategy(after, { pattern: '30 2 * * *', tz: 'Europe/Prague', startDate: '2026-04-01T00:00:00Z' })).toBe(Date.parse('2026-04-01T00:30:00Z'));
});
