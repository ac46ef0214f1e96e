import { describe, expect, it } from 'vitest';
import { toJsonValue } from './json.ts';

describe('toJsonValue', () => {
  it('returns JSON as it is, without a copy', () => {
    const value = { a: [1, 'two', null, { b: true }] };
    expect(toJsonValue(value)).toBe(value);
  });

  it('converts what JSON.stringify would, and never throws on cycles or BigInts', () => {
    const cycle: Record<string, unknown> = { when: new Date(0), big: 10n, gone: undefined, nan: Number.NaN };
    cycle.self = cycle;
    expect(toJsonValue(cycle)).toEqual({ when: '1970-01-01T00:00:00.000Z', big: '10', nan: null, self: '[circular]' });
  });

  it('keeps a __proto__ key as an own key when it converts, and never sets the prototype', () => {
    const value = JSON.parse('{"__proto__": {"x": 1}, "a": 1}') as Record<string, unknown>;
    value.when = new Date(0);
    const converted = toJsonValue(value) as Record<string, unknown>;
    expect(converted).not.toBe(value);
    expect(Object.getPrototypeOf(converted)).toBe(Object.prototype);
    expect(JSON.stringify(converted)).toBe('{"__proto__":{"x":1},"a":1,"when":"1970-01-01T00:00:00.000Z"}');
  });
});
