// Tests of the check that keeps declared output fields true to the sample.
import { describe, expect, test } from 'vitest';
import { outputFieldProblems } from './output-fields.ts';

const sample = { id: 7, name: { first: 'Ada' }, emails: ['ada@example.com'], vip: false, createdAt: '2025-01-01T09:00:00Z', note: null, 'odd key': 1 };

describe('outputFieldProblems', () => {
  test('accepts fields that match the sample, nested paths and null values included', () => {
    expect(
      outputFieldProblems(sample, [
        { key: 'id', label: 'ID', type: 'integer' },
        { key: 'name', label: 'Name', type: 'object' },
        { key: 'name.first', label: 'First name', type: 'string' },
        { key: 'emails', label: 'E-mails', type: 'array' },
        { key: 'emails[0]', label: 'First e-mail', type: 'string' },
        { key: 'vip', label: 'VIP', type: 'boolean' },
        { key: 'createdAt', label: 'Created', type: 'datetime' },
        { key: 'note', label: 'Note', type: 'string' },
        { key: '["odd key"]', label: 'Odd', type: 'number' },
      ]),
    ).toEqual([]);
  });

  test('names a missing path, a wrong type and an undeclared top-level key', () => {
    const problems = outputFieldProblems({ id: 'x', extra: 1 }, [
      { key: 'id', label: 'ID', type: 'number' },
      { key: 'missing', label: 'Missing', type: 'string' },
    ]);
    expect(problems).toEqual(['"id" is declared number but the sample has "x"', 'the sample has no "missing"', 'the sample\'s "extra" is not declared']);
  });

  test('refuses duplicate keys, empty labels and keys that are not paths', () => {
    const problems = outputFieldProblems({ a: 1 }, [
      { key: 'a', label: 'A', type: 'number' },
      { key: 'a', label: ' ', type: 'number' },
      { key: 'a..', label: 'Bad', type: 'number' },
    ]);
    expect(problems).toContain('"a" is declared twice');
    expect(problems).toContain('"a" has no label');
    expect(problems.some((problem) => problem.includes('"a.." is not a path'))).toBe(true);
  });
});
