// Formatter date operations and the date reading used by delay steps, time-zone aware through Intl.
import { z } from 'zod';
import { StepFailure } from '../failure.ts';
import { defineFormatterAction, defineOperation, Numberish, Scalar, readNumber, readText, type FormatterOperation } from './operation.ts';

type WallTime = { year: number; month: number; day: number; hour: number; minute: number; second: number; millisecond: number };

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
        era: 'short',
      });
    } catch {
      throw StepFailure.permanent(`Unknown time zone ${JSON.stringify(timeZone)}`, 'INVALID_INPUT');
    }
    // Time zones are a small closed set, but keep the cache bounded anyway.
    if (partsFormatters.size > 500) partsFormatters.clear();
    partsFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock reading of an instant in a time zone. */
export function wallTimeIn(time: number, timeZone: string): WallTime {
  const fields: Record<string, string> = {};
  for (const part of partsFormatter(timeZone).formatToParts(new Date(time))) fields[part.type] = part.value;
  const year = Number(fields.year);
  return {
    year: fields.era === 'BC' || fields.era === 'B' ? 1 - year : year,
    month: Number(fields.month),
    day: Number(fields.day),
    hour: Number(fields.hour),
    minute: Number(fields.minute),
    second: Number(fields.second),
    millisecond: ((time % 1000) + 1000) % 1000,
  };
}

function utcOf(wall: WallTime): number {
  const date = new Date(0);
  date.setUTCFullYear(wall.year, wall.month - 1, wall.day);
  date.setUTCHours(wall.hour, wall.minute, wall.second, wall.millisecond);
  return date.getTime();
}

/** Offset of the zone from UTC at an instant, in milliseconds (positive east of Greenwich). */
export function zoneOffset(time: number, timeZone: string): number {
  return utcOf(wallTimeIn(time, timeZone)) - time;
}

const DAY_MS = 86_400_000;

/**
 * The instant a wall-clock time denotes in a zone. In a fall-back overlap the earlier instant
 * is chosen; a time inside a spring-forward gap moves forward by the gap (02:30 becomes 03:30).
 */
export function instantOf(wall: WallTime, timeZone: string): number {
  const guess = utcOf(wall);
  const before = guess - zoneOffset(guess - DAY_MS, timeZone);
  const after = guess - zoneOffset(guess + DAY_MS, timeZone);
  const matches = [before, after].filter((time) => utcOf(wallTimeIn(time, timeZone)) === guess);
  return matches.length > 0 ? Math.min(...matches) : before;
}

const NAIVE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?$/;
const HAS_ZONE = /(?:\b(?:Z|GMT|UTC|UT|[ECMP][SD]T)\b|[+-]\d{2}:?\d{2})\s*$/i;

/** Epoch numbers below 1e11 are seconds (that is any date before 5138), larger ones milliseconds. */
function fromEpoch(value: number): number {
  return Math.abs(value) < 1e11 ? value * 1000 : value;
}

/**
 * Reads a date: epoch seconds or milliseconds, ISO 8601 with or without an offset, or any text
 * Date.parse understands. Text without a zone is read as wall time in `fromTimeZone` (default UTC),
 * never in the server's own zone, so results do not depend on where the worker runs.
 */
export function parseDate(value: unknown, fromTimeZone = 'UTC'): number {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number' && Number.isFinite(value)) return fromEpoch(value);
  const text = readText(value).trim();
  if (/^-?\d+(\.\d+)?$/.test(text)) return fromEpoch(Number(text));
  const naive = NAIVE.exec(text);
  if (naive) {
    const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '0'] = naive;
    const wall = {
      year: Number(year),
      month: Number(month),
      day: Number(day),
      hour: Number(hour),
      minute: Number(minute),
      second: Number(second),
      millisecond: Math.floor(Number(`0.${fraction}`) * 1000),
    };
    if (wall.month < 1 || wall.month > 12 || wall.day < 1 || wall.day > 31 || wall.hour > 23 || wall.minute > 59 || wall.second > 59) {
      throw StepFailure.permanent(`Could not read ${JSON.stringify(text)} as a date`, 'INVALID_INPUT');
    }
    return instantOf(wall, fromTimeZone);
  }
  const parsed = text === '' ? Number.NaN : Date.parse(text);
  if (Number.isNaN(parsed)) throw StepFailure.permanent(`Could not read ${JSON.stringify(text)} as a date`, 'INVALID_INPUT');
  if (HAS_ZONE.test(text)) return parsed;
  const local = new Date(parsed);
  return instantOf(
    {
      year: local.getFullYear(),
      month: local.getMonth() + 1,
      day: local.getDate(),
      hour: local.getHours(),
      minute: local.getMinutes(),
      second: local.getSeconds(),
      millisecond: local.getMilliseconds(),
    },
    fromTimeZone,
  );
}

const nameFormatters = new Map<string, Intl.DateTimeFormat>();

function nameOf(time: number, timeZone: string, locale: string, options: Intl.DateTimeFormatOptions): string {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let formatter = nameFormatters.get(key);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat(locale, { timeZone, ...options });
    } catch (error) {
      throw StepFailure.permanent(error instanceof Error ? error.message : String(error), 'INVALID_INPUT');
    }
    if (nameFormatters.size > 500) nameFormatters.clear();
    nameFormatters.set(key, formatter);
  }
  return formatter.format(new Date(time));
}

function pad(value: number, width: number): string {
  const sign = value < 0 ? '-' : '';
  return sign + String(Math.abs(value)).padStart(width, '0');
}

function offsetText(offsetMs: number, withColon: boolean): string {
  const minutes = Math.round(offsetMs / 60_000);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60), 2)}${withColon ? ':' : ''}${pad(abs % 60, 2)}`;
}

const TOKENS = /\[([^\]]*)\]|YYYY|YY|MMMM|MMM|MM|M|DD|D|dddd|ddd|HH|H|hh|h|mm|m|ss|s|SSS|A|a|ZZ|Z|X|x/g;

export const DATE_FORMAT_PRESETS = ['iso', 'date', 'unix', 'unix_ms'] as const;

/**
 * Formats with moment-style tokens (YYYY-MM-DD HH:mm:ss, MMMM D YYYY, hh:mm A, Z, X ...; text
 * in [brackets] is literal) or a preset: `iso`, `date` (YYYY-MM-DD), `unix` (seconds), `unix_ms`.
 */
export function formatDate(time: number, format: string, timeZone = 'UTC', locale = 'en-US'): string | number {
  if (format === 'unix') return Math.floor(time / 1000);
  if (format === 'unix_ms') return time;
  if (format === 'iso' && timeZone.toUpperCase() === 'UTC') return new Date(time).toISOString();
  const pattern = format === 'iso' ? 'YYYY-MM-DD[T]HH:mm:ss.SSSZ' : format === 'date' ? 'YYYY-MM-DD' : format;
  const wall = wallTimeIn(time, timeZone);
  const offset = utcOf(wall) - time;
  const hour12 = wall.hour % 12 === 0 ? 12 : wall.hour % 12;
  return pattern.replace(TOKENS, (token, literal: string | undefined) => {
    if (literal !== undefined) return literal;
    switch (token) {
      case 'YYYY':
        return pad(wall.year, 4);
      case 'YY':
        return pad(((wall.year % 100) + 100) % 100, 2);
      case 'MMMM':
        return nameOf(time, timeZone, locale, { month: 'long' });
      case 'MMM':
        return nameOf(time, timeZone, locale, { month: 'short' });
      case 'MM':
        return pad(wall.month, 2);
      case 'M':
        return String(wall.month);
      case 'DD':
        return pad(wall.day, 2);
      case 'D':
        return String(wall.day);
      case 'dddd':
        return nameOf(time, timeZone, locale, { weekday: 'long' });
      case 'ddd':
        return nameOf(time, timeZone, locale, { weekday: 'short' });
      case 'HH':
        return pad(wall.hour, 2);
      case 'H':
        return String(wall.hour);
      case 'hh':
        return pad(hour12, 2);
      case 'h':
        return String(hour12);
      case 'mm':
        return pad(wall.minute, 2);
      case 'm':
        return String(wall.minute);
      case 'ss':
        return pad(wall.second, 2);
      case 's':
        return String(wall.second);
      case 'SSS':
        return pad(wall.millisecond, 3);
      case 'A':
        return wall.hour < 12 ? 'AM' : 'PM';
      case 'a':
        return wall.hour < 12 ? 'am' : 'pm';
      case 'ZZ':
        return offsetText(offset, false);
      case 'Z':
        return offsetText(offset, true);
      case 'X':
        return String(Math.floor(time / 1000));
      case 'x':
        return String(time);
      default:
        return token;
    }
  });
}

export const DURATION_UNITS = ['seconds', 'minutes', 'hours', 'days', 'weeks', 'months', 'years'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

const FIXED_UNIT_MS: Partial<Record<DurationUnit, number>> = { seconds: 1_000, minutes: 60_000, hours: 3_600_000 };

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Seconds to hours add elapsed time. Days and longer move the calendar in `timeZone`, so
 * "+1 day" keeps the wall-clock hour across a DST change and Jan 31 + 1 month is the end of February.
 */
export function addDuration(time: number, amount: number, unit: DurationUnit, timeZone = 'UTC'): number {
  const fixed = FIXED_UNIT_MS[unit];
  if (fixed !== undefined) return time + amount * fixed;
  const wall = wallTimeIn(time, timeZone);
  const whole = Math.trunc(amount);
  if (whole !== amount) throw StepFailure.permanent(`${unit} must be a whole number, got ${amount}`, 'INVALID_INPUT');
  if (unit === 'days' || unit === 'weeks') {
    const date = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + whole * (unit === 'weeks' ? 7 : 1)));
    return instantOf({ ...wall, year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() }, timeZone);
  }
  const months = wall.month - 1 + whole * (unit === 'years' ? 12 : 1);
  const year = wall.year + Math.floor(months / 12);
  const month = (((months % 12) + 12) % 12) + 1;
  return instantOf({ ...wall, year, month, day: Math.min(wall.day, daysInMonth(year, month)) }, timeZone);
}

function checkInstant(time: number): number {
  if (!Number.isFinite(time) || Math.abs(time) > 8.64e15) throw StepFailure.permanent('The date is out of range', 'INVALID_INPUT');
  return time;
}

const zone = z.string().min(1).max(64);
const dateValue = Scalar.optional();
const durationShape = {
  value: dateValue,
  amount: Numberish,
  unit: z.enum(DURATION_UNITS),
  timeZone: zone.optional(),
  fromTimeZone: zone.optional(),
};

function shift(
  input: { value?: unknown; amount: number | string; unit: DurationUnit; timeZone?: string | undefined; fromTimeZone?: string | undefined },
  sign: 1 | -1,
): string {
  const time = parseDate(input.value, input.fromTimeZone ?? input.timeZone);
  const amount = readNumber(input.amount, 'amount') * sign;
  return new Date(checkInstant(addDuration(time, amount, input.unit, input.timeZone))).toISOString();
}

const operations = [
  defineOperation({
    key: 'format',
    name: 'Format date',
    description: 'Writes a date in another format and time zone. Text without a zone is read in fromTimeZone (default UTC).',
    required: ['value', 'format'],
    input: {
      value: dateValue,
      format: z.string().min(1).max(100),
      timeZone: zone.optional(),
      fromTimeZone: zone.optional(),
      locale: z.string().max(35).optional(),
    },
    run: (input) => formatDate(checkInstant(parseDate(input.value, input.fromTimeZone)), input.format, input.timeZone ?? 'UTC', input.locale ?? 'en-US'),
  }),
  defineOperation({
    key: 'add',
    name: 'Add time',
    description: 'Adds a duration; days and longer follow the calendar in timeZone. Returns ISO 8601 (UTC).',
    required: ['value', 'amount', 'unit'],
    input: durationShape,
    run: (input) => shift(input, 1),
  }),
  defineOperation({
    key: 'subtract',
    name: 'Subtract time',
    description: 'Subtracts a duration; days and longer follow the calendar in timeZone. Returns ISO 8601 (UTC).',
    required: ['value', 'amount', 'unit'],
    input: durationShape,
    run: (input) => shift(input, -1),
  }),
  defineOperation({
    key: 'parse',
    name: 'Parse date',
    description: 'Reads a date (epoch, ISO 8601, or common text) and returns ISO 8601 (UTC).',
    required: ['value'],
    input: { value: dateValue, fromTimeZone: zone.optional() },
    run: (input) => new Date(checkInstant(parseDate(input.value, input.fromTimeZone))).toISOString(),
  }),
] as const satisfies readonly FormatterOperation[];

export const dateAction = defineFormatterAction({
  key: 'date',
  name: 'Date / time',
  description: 'Formats, parses and shifts dates, with time zones.',
  operations,
  sample: { output: '2024-03-05T10:00:00.000Z' },
  outputFields: [{ key: 'output', label: 'Formatted date', type: 'string' }],
});
