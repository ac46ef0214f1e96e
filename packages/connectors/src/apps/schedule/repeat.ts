// The schedule form (every N minutes, daily or weekly at a time, or a cron expression, in a time zone) and the repeat
// rule a job scheduler needs from it.
import { Cron } from 'croner';
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

/** A paused croner job: croner is the one reading of cron here, so the scheduler fires what the form accepted. */
const cronJob = (pattern: string, timezone: string) => new Cron(pattern, { timezone, paused: true });

/**
 * Why a cron expression cannot be a schedule, or undefined when it can. Five fields only (a seconds field would fire a
 * zap up to sixty times a minute), every value in range, and it must fire at least once (`0 9 31 2 *` never does).
 */
function cronProblem(pattern: string): string | undefined {
  const fields = pattern.trim().split(/\s+/);
  if (!pattern.trim().startsWith('@') && fields.length !== 5) {
    return `must have five fields (minute hour day-of-month month day-of-week), found ${fields.length}, e.g. 0 9 * * 1-5`;
  }
  try {
    return cronJob(pattern.trim(), 'UTC').nextRun() === null ? 'never matches a date' : undefined;
  } catch (error) {
    // Croner names fields as in code and counts days and months from zero in this message; say them as written.
    return (error as Error).message
      .replace(/^CronPattern: /, '')
      .replace('dayOfWeek', 'day-of-week')
      .replace(/for (day|month): (\d+)$/, (_, field: string, value: string) => `for ${field === 'day' ? 'day-of-month' : 'month'}: ${Number(value) + 1}`);
  }
}

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
  .superRefine((input, context) => {
    if (input.frequency !== 'cron') return;
    const problem = input.cron === undefined ? 'is required for a cron schedule, e.g. 0 9 * * 1-5' : cronProblem(input.cron);
    if (problem) context.addIssue({ code: 'custom', path: ['cron'], message: problem });
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

/** The next `count` times after `after` at which the scheduler fires a cron pattern in a time zone. */
function nextCronRuns(pattern: string, timezone: string, count: number, after: Date): Date[] {
  return cronJob(pattern, timezone).nextRuns(count, after);
}

/**
 * The next `count` times a schedule fires if published at `after`, as the scheduler computes them; none for an invalid
 * form. An interval fires at once, then every N minutes (BullMQ starts a new `every` scheduler immediately).
 */
export function nextScheduleRuns(raw: unknown, count: number, after: Date): Date[] {
  const parsed = scheduleInput.safeParse(raw ?? {});
  if (!parsed.success) return [];
  const repeat = scheduleRepeat(parsed.data);
  if ('pattern' in repeat) return nextCronRuns(repeat.pattern, repeat.tz, count, after);
  return Array.from({ length: count }, (_, index) => new Date(after.getTime() + index * repeat.every));
}

/**
 * BullMQ's repeat strategy for the schedule queue, so cron patterns fire by croner rather than BullMQ's own cron-parser;
 * `every` never reaches a repeat strategy.
 */
export function cronRepeatStrategy(millis: number, opts: { pattern?: string; tz?: string; startDate?: Date | string | number }): number | undefined {
  if (!opts.pattern) return undefined;
  const start = opts.startDate === undefined ? millis : Math.max(millis, new Date(opts.startDate).getTime());
  return nextCronRuns(opts.pattern, opts.tz ?? 'UTC', 1, new Date(start))[0]?.getTime();
}
