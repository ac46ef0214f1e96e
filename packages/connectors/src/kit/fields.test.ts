// Tests of the kit's field vocabulary: how blanks, mapped text and lists are read.
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { compact, id, list, optionalDateTime, optionalFlag, optionalLongText, optionalText, optionalTextIds, text } from './fields.ts';

describe('field vocabulary', () => {
  test('a mapped value that came out empty, or only spaces, is "not given"', () => {
    const form = z.object({ name: optionalText({ title: 'Name' }), note: optionalLongText({ title: 'Note' }) });
    expect(form.parse({ name: '   ', note: '' })).toEqual({});
    expect(form.parse({ name: null, note: null })).toEqual({});
    expect(form.parse({ name: '  Ada ', note: '  keep\\n' })).toEqual({ name: 'Ada', note: '  keep\\n' });
  });

  test('required text refuses a blank with a message; ids accept digits mapped as text', () => {
    expect(text({ title: 'Name' }).safeParse(' ').success).toBe(false);
    expect(id({ title: 'Deal' }).parse('42')).toBe(42);
    expect(id({ title: 'Deal' }).safeParse('x').success).toBe(false);
  });

  test('switches read the text a mapping produces, and lists read comma-separated text', () => {
    expect(optionalFlag({ title: 'Done' }).parse('TRUE')).toBe(true);
    expect(optionalFlag({ title: 'Done' }).parse('false')).toBe(false);
    expect(list({ title: 'Tags' }).parse('vip, gold ,')).toEqual(['vip', 'gold']);
    expect(optionalTextIds({ title: 'Queues' }).parse(3000)).toEqual([3000]);
  });

  test('date-times say which format they want', () => {
    expect(optionalDateTime({ title: 'At' }).safeParse('2025-05-01 09:00').error?.issues[0]?.message).toBe('Use ISO 8601, e.g. 2025-05-01T09:00:00Z');
    expect(optionalDateTime({ title: 'At' }, 'local').parse('2025-05-01 09:00')).toBe('2025-05-01 09:00');
  });

  test('compact drops what was not given and keeps null, which means "clear it"', () => {
    expect(compact({ a: 1, b: undefined, c: null })).toEqual({ a: 1, c: null });
  });
});
