// The schedule form (every N minutes, daily or weekly at a time, or a cron expression, in a time zone) and the repeat
// rule a job scheduler needs from it.
import { z } from 'zod';
import { choice, number, optionalText } from '../../kit/fields.ts';

const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/** Five fields (minute hour day-of-month month day-of-week) of numbers, ranges, lists, steps, * and names. */
const CRON = /^\s*([\d*,/\-A-Za-z?LW#]+\s+){4}[\d*,/\-A-Za-z?LW#]+\s*$/;
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

export const scheduleInput = z
  .object({
    frequency: choice(['interval', 'daily', 'weekly', 'cron'], { title: 'Frequency' }, { default: 'interval' }),
    everyMinutes: number({ title: 'Every (minutes)', description: 'For "interval"' }, { integer: true, min: 1, max: 10_080, default: 15 }),
    time: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (24-hour)')
      .default('09:00')
      .meta({ title: 'Time of day', description: 'For "daily" and "weekly", e.g. 09:30' }),
    days: z.array(z.enum(DAYS)).min(1).default(['mon']).meta({ title: 'Days of the week', description: 'For "weekly"' }),
    cron: optionalText({ title: 'Cron expression', description: 'For "cron": minute hour day month weekday, e.g. 0 9 * * 1-5' }, { max: 200 }),
    timezone: z.string().default('UTC').refine(isTimeZone, 'must be an IANA time zone such as Europe/Prague').meta({ title: 'Time zone' }),
  })
  .refine((input) => input.frequency !== 'cron' || (input.cron !== undefined && CRON.test(input.cron)), {
    path: ['cron'],
    message: 'must be a cron expression of five fields, e.g. 0 9 * * 1-5',
  });
export type ScheduleInput = z.output<typeof scheduleInput>;

/** The repeat rule a job scheduler needs: an interval in milliseconds, or a cron pattern in a time zone. */
export function scheduleRepeat(raw: unknown): { every: number } | { pattern: string; tz: string } {
  const input = scheduleInput.parse(raw ?? {});
  const [hour, minute] = input.time.split(':').map(Number) as [number, number];
  switch (input.frequency) {
    case 'interval':
      return { every: input.everyMinutes * 60_000 };
    case 'daily':
      return { pattern: `${minute} ${hour} * * *`, tz: input.timezone };
    case 'weekly':
      return { pattern: `${minute} ${hour} * * ${input.days.map((day) => DAYS.indexOf(day)).join(',')}`, tz: input.timezone };
    case 'cron':
      return { pattern: input.cron!.trim(), tz: input.timezone };
  }
}
