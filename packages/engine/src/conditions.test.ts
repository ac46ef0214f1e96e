import { describe, expect, it } from 'vitest';
import type { Conditions } from '@switchyard/contracts';
import { compileRegex, evaluateConditions, regexProblem, testCondition } from './conditions.ts';
import { StepFailure } from './failure.ts';
import type { TemplateContext } from './templates.ts';

describe('equals and not_equals', () => {
  it('matches equal text and rejects different text', () => {
    expect(testCondition('HIGH', 'equals', 'HIGH')).toBe(true);
    expect(testCondition('HIGH', 'equals', 'LOW')).toBe(false);
    expect(testCondition('HIGH', 'not_equals', 'LOW')).toBe(true);
    expect(testCondition('HIGH', 'not_equals', 'HIGH')).toBe(false);
  });

  it('is case-sensitive', () => {
    expect(testCondition('High', 'equals', 'HIGH')).toBe(false);
  });

  it('compares a number with a numeric string by value', () => {
    expect(testCondition(100, 'equals', '100')).toBe(true);
    expect(testCondition('100.0', 'equals', 100)).toBe(true);
    expect(testCondition(' 7 ', 'equals', 7)).toBe(true);
  });

  it('compares two numeric strings as text (no surprise "1.0" equals "1")', () => {
    expect(testCondition('1.0', 'equals', '1')).toBe(false);
  });

  it('treats missing, null and empty as equal to each other', () => {
    expect(testCondition(undefined, 'equals', '')).toBe(true);
    expect(testCondition(null, 'equals', '')).toBe(true);
    expect(testCondition(null, 'not_equals', 'x')).toBe(true);
  });

  it('compares booleans with their text', () => {
    expect(testCondition(true, 'equals', 'true')).toBe(true);
    expect(testCondition(false, 'equals', 'true')).toBe(false);
  });

  it('compares unicode text exactly', () => {
    expect(testCondition('Příliš žluťoučký 🐴', 'equals', 'Příliš žluťoučký 🐴')).toBe(true);
    expect(testCondition('Příliš', 'equals', 'Prilis')).toBe(false);
  });
});

describe('contains and not_contains', () => {
  it('finds a substring in text, case-sensitively', () => {
    expect(testCondition('Printer on fire', 'contains', 'on fi')).toBe(true);
    expect(testCondition('Printer on fire', 'contains', 'FIRE')).toBe(false);
    expect(testCondition('Printer on fire', 'not_contains', 'water')).toBe(true);
    expect(testCondition('Printer on fire', 'not_contains', 'fire')).toBe(false);
  });

  it('finds an element in an array by loose equality', () => {
    expect(testCondition(['vip', 'new'], 'contains', 'vip')).toBe(true);
    expect(testCondition([1, 2, 3], 'contains', '2')).toBe(true);
    expect(testCondition(['vip'], 'contains', 'vi')).toBe(false);
    expect(testCondition(['vip'], 'not_contains', 'new')).toBe(true);
  });

  it('finds a nested array element by its JSON text', () => {
    expect(testCondition([[1, 2], [3]], 'contains', '[3]')).toBe(true);
    expect(testCondition([[1, 2], [3]], 'contains', '[4]')).toBe(false);
  });

  it('searches numbers and unicode as text, and nothing in a missing value', () => {
    expect(testCondition(12345, 'contains', '234')).toBe(true);
    expect(testCondition('čeština', 'contains', 'š')).toBe(true);
    expect(testCondition(undefined, 'contains', 'x')).toBe(false);
  });
});

describe('starts_with and ends_with', () => {
  it('checks the start and end of text, case-sensitively', () => {
    expect(testCondition('INV-2024-001', 'starts_with', 'INV-')).toBe(true);
    expect(testCondition('INV-2024-001', 'starts_with', 'inv-')).toBe(false);
    expect(testCondition('INV-2024-001', 'ends_with', '-001')).toBe(true);
    expect(testCondition('INV-2024-001', 'ends_with', '-002')).toBe(false);
  });

  it('reads numbers and null as text', () => {
    expect(testCondition(42, 'starts_with', '4')).toBe(true);
    expect(testCondition(null, 'ends_with', 'x')).toBe(false);
    expect(testCondition('🍕 pizza', 'starts_with', '🍕')).toBe(true);
  });
});

describe('gt, gte, lt, lte', () => {
  it('compares numbers', () => {
    expect(testCondition(5, 'gt', 3)).toBe(true);
    expect(testCondition(3, 'gt', 5)).toBe(false);
    expect(testCondition(5, 'gte', 5)).toBe(true);
    expect(testCondition(4, 'gte', 5)).toBe(false);
    expect(testCondition(3, 'lt', 5)).toBe(true);
    expect(testCondition(5, 'lt', 3)).toBe(false);
    expect(testCondition(5, 'lte', 5)).toBe(true);
    expect(testCondition(6, 'lte', 5)).toBe(false);
  });

  it('coerces numeric strings, so "10" is greater than "9"', () => {
    expect(testCondition('10', 'gt', '9')).toBe(true);
    expect(testCondition(' 2.5 ', 'lt', 3)).toBe(true);
    expect(testCondition('1e3', 'gte', 1000)).toBe(true);
  });

  it('compares two ISO dates by time', () => {
    expect(testCondition('2024-03-05T10:00:00Z', 'gt', '2024-03-05T09:59:59Z')).toBe(true);
    expect(testCondition('2024-03-05', 'lt', '2024-03-04')).toBe(false);
  });

  it('is false when either side is not a number (or both not dates)', () => {
    expect(testCondition('abc', 'gt', 1)).toBe(false);
    expect(testCondition('abc', 'lte', 1)).toBe(false);
    expect(testCondition(null, 'lt', 1)).toBe(false);
    expect(testCondition('', 'gte', 0)).toBe(false);
    expect(testCondition('0x10', 'gt', 1)).toBe(false);
  });
});

describe('exists and not_exists', () => {
  it('counts any value except missing, null and empty text as existing', () => {
    expect(testCondition('x', 'exists')).toBe(true);
    expect(testCondition(0, 'exists')).toBe(true);
    expect(testCondition(false, 'exists')).toBe(true);
    expect(testCondition([], 'exists')).toBe(true);
    expect(testCondition(undefined, 'exists')).toBe(false);
    expect(testCondition(null, 'exists')).toBe(false);
    expect(testCondition('', 'exists')).toBe(false);
  });

  it('is the exact negation for not_exists', () => {
    expect(testCondition(undefined, 'not_exists')).toBe(true);
    expect(testCondition('', 'not_exists')).toBe(true);
    expect(testCondition(' ', 'not_exists')).toBe(false);
  });
});

describe('is_true and is_false', () => {
  it('accepts true, 1 and "true"/"yes"/"1" in any case as true', () => {
    for (const value of [true, 1, 'true', 'TRUE', ' yes ', '1']) expect(testCondition(value, 'is_true')).toBe(true);
    for (const value of [false, 0, 'false', 'no', null, undefined, 'truthy', 2]) expect(testCondition(value, 'is_true')).toBe(false);
  });

  it('needs an explicit false value: missing and null are neither true nor false', () => {
    for (const value of [false, 0, 'false', 'False', 'no', '0']) expect(testCondition(value, 'is_false')).toBe(true);
    for (const value of [true, null, undefined, '', 'nope']) expect(testCondition(value, 'is_false')).toBe(false);
  });
});

describe('matches_regex', () => {
  it('matches a bare pattern and a /pattern/flags literal', () => {
    expect(testCondition('INV-123', 'matches_regex', '^INV-\\d+$')).toBe(true);
    expect(testCondition('inv-123', 'matches_regex', '^INV-\\d+$')).toBe(false);
    expect(testCondition('inv-123', 'matches_regex', '/^INV-\\d+$/i')).toBe(true);
  });

  it('matches unicode text and reads numbers as text', () => {
    expect(testCondition('Ťuk ťuk', 'matches_regex', '/^\\p{Lu}/u')).toBe(true);
    expect(testCondition(2024, 'matches_regex', '^20\\d\\d$')).toBe(true);
  });

  it('ignores the g flag so repeated tests give the same answer', () => {
    expect(testCondition('abc', 'matches_regex', '/b/g')).toBe(true);
    expect(testCondition('abc', 'matches_regex', '/b/g')).toBe(true);
  });

  it('fails with a clear permanent StepFailure for an invalid pattern instead of crashing', () => {
    expect(() => testCondition('x', 'matches_regex', '([a-z')).toThrow(StepFailure);
    expect(() => testCondition('x', 'matches_regex', '([a-z')).toThrow(/Invalid regular expression/);
    expect(regexProblem('([a-z')).toMatch(/Invalid regular expression "\(\[a-z"/);
  });

  it('runs patterns that backtrack exponentially in V8 in linear time, with the right answer', () => {
    // Each of these froze the process for minutes on V8's engine (the adversarial test's findings, and the classics).
    const cases: Array<[string, string, boolean]> = [
      ['^(a|a)+$', `${'a'.repeat(5_000)}b`, false],
      ['^(a+){12}$', `${'a'.repeat(5_000)}b`, false],
      ['^.*.*.*.*.*.*.*.*=$', 'x'.repeat(9_000), false],
      ['(a+)+$', `${'a'.repeat(5_000)}!`, false],
      ['^(\\w+\\s?)*$', `${'word '.repeat(1_000)}!`, false],
      ['^(a|a)+$', 'aaaa', true],
    ];
    for (const [pattern, text, expected] of cases) expect(testCondition(text, 'matches_regex', pattern), pattern).toBe(expected);
  });

  it('refuses lookarounds and backreferences, which RE2 cannot run in linear time, saying so', () => {
    expect(regexProblem('(?=a)b')).toMatch(/lookarounds and backreferences are not supported/);
    expect(regexProblem('(a)\\1')).toMatch(/lookarounds and backreferences are not supported/);
    expect(regexProblem('/abc/x')).toMatch(/flag "x"; use i, m or s/);
  });

  it('reads /pattern/flags literals: i, m and s; g, y and u change nothing for a match', () => {
    expect(testCondition('INV-42', 'matches_regex', '/^inv-\\d+$/i')).toBe(true);
    expect(testCondition('a\nb', 'matches_regex', '/^b$/m')).toBe(true);
    expect(testCondition('a\nb', 'matches_regex', '/a.b/s')).toBe(true);
    expect(testCondition('abc', 'matches_regex', '/b/gyu')).toBe(true);
  });

  it('accepts ordinary patterns with quantifiers, groups and character classes', () => {
    for (const pattern of ['^(foo|bar)+$', '[(+*)]+', '\\(a+\\)+', '(ab)?c+', '(\\d{3})-(\\d{4})', '(a+)?']) {
      expect(regexProblem(pattern)).toBeNull();
    }
  });

  it('tests only the first 10 000 characters of very long text, so a long input cannot stall the worker', () => {
    const long = `${'a'.repeat(20_000)}END`;
    expect(testCondition(long, 'matches_regex', 'END')).toBe(false);
    expect(testCondition(long, 'matches_regex', '^a+')).toBe(true);
  });

  it('caches compiled patterns', () => {
    expect(compileRegex('^x$')).toBe(compileRegex('^x$'));
  });
});

describe('evaluateConditions', () => {
  const context: TemplateContext = {
    trigger: { priority: 'HIGH', amount: '250', tags: ['vip'] },
    step: () => undefined,
  };

  it('passes an empty list (the otherwise branch)', () => {
    expect(evaluateConditions([], context).passed).toBe(true);
  });

  it('needs every condition of a group (AND)', () => {
    const conditions: Conditions = [
      [
        { left: '{{trigger.priority}}', op: 'equals', right: 'HIGH' },
        { left: '{{trigger.amount}}', op: 'gt', right: 500 },
      ],
    ];
    expect(evaluateConditions(conditions, context).passed).toBe(false);
  });

  it('passes when any group passes (OR) and reports each rendered condition with its result', () => {
    const conditions: Conditions = [[{ left: '{{trigger.amount}}', op: 'gt', right: 500 }], [{ left: '{{trigger.tags}}', op: 'contains', right: 'vip' }]];
    const result = evaluateConditions(conditions, context);
    expect(result.passed).toBe(true);
    expect(result.evaluated).toEqual([[{ left: '250', op: 'gt', right: 500, passed: false }], [{ left: ['vip'], op: 'contains', right: 'vip', passed: true }]]);
  });

  it('records missing references from both sides', () => {
    const result = evaluateConditions([[{ left: '{{trigger.nope}}', op: 'equals', right: '{{steps.ghost.x}}' }]], context);
    expect(result.missing).toEqual(['trigger.nope', 'steps.ghost.x']);
    expect(result.passed).toBe(true);
  });

  it('reports an invalid regex even when an earlier group already passed', () => {
    const conditions: Conditions = [[{ left: 'x', op: 'exists' }], [{ left: 'x', op: 'matches_regex', right: '(' }]];
    expect(() => evaluateConditions(conditions, context)).toThrow(/Invalid regular expression/);
  });
});
