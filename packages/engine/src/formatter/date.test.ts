import { describe, expect, it } from 'vitest';
import { runFormatter } from './app.ts';
import { addDuration, formatDate, parseDate } from './date.ts';

const date = (input: Record<string, unknown>) => runFormatter('date', input).output;

describe('reading dates', () => {
  it('reads ISO 8601 with an offset as that instant', () => {
    expect(new Date(parseDate('2024-03-05T10:00:00+01:00')).toISOString()).toBe('2024-03-05T09:00:00.000Z');
  });

  it('reads text without a zone in fromTimeZone, defaulting to UTC', () => {
    expect(new Date(parseDate('2024-03-05 10:00')).toISOString()).toBe('2024-03-05T10:00:00.000Z');
    expect(new Date(parseDate('2024-07-05T10:00:00', 'Europe/Prague')).toISOString()).toBe('2024-07-05T08:00:00.000Z');
    expect(new Date(parseDate('March 5, 2024 10:00', 'America/New_York')).toISOString()).toBe('2024-03-05T15:00:00.000Z');
  });

  it('reads epoch seconds and milliseconds, as numbers or text', () => {
    expect(parseDate(1709632800)).toBe(1709632800000);
    expect(parseDate('1709632800000')).toBe(1709632800000);
  });

  it('fails clearly on text that is not a date', () => {
    expect(() => parseDate('next tuesday-ish')).toThrow(/Could not read "next tuesday-ish" as a date/);
    expect(() => parseDate('2024-13-01')).toThrow(/Could not read/);
    expect(() => parseDate('')).toThrow(/Could not read/);
  });

  it('picks the earlier instant for a wall time that occurs twice and moves a wall time in a DST gap forward', () => {
    expect(new Date(parseDate('2024-10-27 02:30', 'Europe/Prague')).toISOString()).toBe('2024-10-27T00:30:00.000Z');
    expect(new Date(parseDate('2024-03-31 02:30', 'Europe/Prague')).toISOString()).toBe('2024-03-31T01:30:00.000Z');
  });
});

describe('formatting dates', () => {
  const time = Date.UTC(2024, 2, 5, 14, 7, 9, 45);

  it('writes tokens in a time zone, with names from the locale', () => {
    expect(formatDate(time, 'YYYY-MM-DD HH:mm:ss.SSS Z', 'Europe/Prague')).toBe('2024-03-05 15:07:09.045 +01:00');
    expect(formatDate(time, 'dddd, MMMM D YYYY h:mm A', 'America/New_York')).toBe('Tuesday, March 5 2024 9:07 AM');
    expect(formatDate(time, 'D. MMMM YYYY', 'UTC', 'de-DE')).toBe('5. März 2024');
    expect(formatDate(time, '[Week of] YY/M/D ZZ', 'Asia/Kolkata')).toBe('Week of 24/3/5 +0530');
  });

  it('offers iso, date, unix and unix_ms presets', () => {
    expect(formatDate(time, 'iso')).toBe('2024-03-05T14:07:09.045Z');
    expect(formatDate(time, 'iso', 'Europe/Prague')).toBe('2024-03-05T15:07:09.045+01:00');
    expect(formatDate(time, 'date', 'Pacific/Auckland')).toBe('2024-03-06');
    expect(formatDate(time, 'unix')).toBe(1709647629);
    expect(formatDate(time, 'unix_ms')).toBe(time);
  });

  it('fails clearly for an unknown time zone', () => {
    expect(() => formatDate(time, 'YYYY', 'Mars/Olympus')).toThrow(/Unknown time zone "Mars\/Olympus"/);
  });
});

describe('adding durations', () => {
  it('adds elapsed hours but calendar days, keeping the wall-clock hour across DST', () => {
    const beforeDst = Date.parse('2024-03-30T09:00:00Z');
    expect(new Date(addDuration(beforeDst, 24, 'hours', 'Europe/Prague')).toISOString()).toBe('2024-03-31T09:00:00.000Z');
    expect(new Date(addDuration(beforeDst, 1, 'days', 'Europe/Prague')).toISOString()).toBe('2024-03-31T08:00:00.000Z');
  });

  it('clamps month arithmetic to the end of a shorter month', () => {
    expect(new Date(addDuration(Date.parse('2024-01-31T12:00:00Z'), 1, 'months')).toISOString()).toBe('2024-02-29T12:00:00.000Z');
    expect(new Date(addDuration(Date.parse('2024-02-29T12:00:00Z'), 1, 'years')).toISOString()).toBe('2025-02-28T12:00:00.000Z');
    expect(new Date(addDuration(Date.parse('2024-01-15T12:00:00Z'), -2, 'months')).toISOString()).toBe('2023-11-15T12:00:00.000Z');
  });
});

describe('formatter date operations', () => {
  it('formats, adds, subtracts and parses through the action input', () => {
    expect(date({ operation: 'format', value: '2024-03-05T14:07:09Z', format: 'DD.MM.YYYY HH:mm', timeZone: 'Europe/Prague' })).toBe('05.03.2024 15:07');
    expect(date({ operation: 'add', value: '2024-03-05T10:00:00Z', amount: '2', unit: 'weeks' })).toBe('2024-03-19T10:00:00.000Z');
    expect(date({ operation: 'subtract', value: '2024-03-05T10:00:00Z', amount: 90, unit: 'minutes' })).toBe('2024-03-05T08:30:00.000Z');
    expect(date({ operation: 'parse', value: '1709632800' })).toBe('2024-03-05T10:00:00.000Z');
  });

  it('refuses fractional calendar units', () => {
    expect(() => date({ operation: 'add', value: '2024-03-05', amount: 1.5, unit: 'days' })).toThrow(/whole number/);
  });
});
