import { describe, expect, it } from 'vitest';
import { runFormatter } from './app.ts';

const number = (input: Record<string, unknown>) => runFormatter('number', input).output;

describe('formatter numbers', () => {
  it('formats with locale separators, decimals, currency and percent', () => {
    expect(number({ operation: 'format', value: 1234.5, decimals: 2 })).toBe('1,234.50');
    expect(number({ operation: 'format', value: '1234.5', decimals: 1, locale: 'de-DE' })).toBe('1.234,5');
    expect(number({ operation: 'format', value: 1234.5, style: 'currency', currency: 'EUR', locale: 'en-US' })).toBe('€1,234.50');
    expect(number({ operation: 'format', value: 0.256, style: 'percent', decimals: 1 })).toBe('25.6%');
    expect(number({ operation: 'format', value: 1234, grouping: false })).toBe('1234');
  });

  it('fails clearly for a non-number, a missing currency or a bad locale', () => {
    expect(() => number({ operation: 'format', value: 'abc' })).toThrow(/value must be a number/);
    expect(() => number({ operation: 'format', value: 1, style: 'currency' })).toThrow(/currency is required/);
    expect(() => number({ operation: 'format', value: 1, locale: '!!' })).toThrow();
  });

  it('parses what people type, with either decimal separator', () => {
    expect(number({ operation: 'parse', value: '$1,234.50' })).toBe(1234.5);
    expect(number({ operation: 'parse', value: '1.234,50 Kč', decimalSeparator: ',' })).toBe(1234.5);
    expect(number({ operation: 'parse', value: '-42' })).toBe(-42);
    expect(number({ operation: 'parse', value: '(15.00)' })).toBe(-15);
    expect(number({ operation: 'parse', value: 7 })).toBe(7);
    expect(() => number({ operation: 'parse', value: 'n/a' })).toThrow(/Could not read a number/);
  });

  it('adds, subtracts, multiplies and divides lists of numbers and numeric text', () => {
    expect(number({ operation: 'add', values: [0.1, '0.2'] })).toBe(0.3);
    expect(number({ operation: 'subtract', values: [10, 3, '2'] })).toBe(5);
    expect(number({ operation: 'multiply', values: ['1.5', 4] })).toBe(6);
    expect(number({ operation: 'divide', values: [10, 4] })).toBe(2.5);
  });

  it('refuses division by zero and non-numbers', () => {
    expect(() => number({ operation: 'divide', values: [1, 0] })).toThrow(/divide by zero/);
    expect(() => number({ operation: 'add', values: [1, 'x'] })).toThrow(/values\[1\] must be a number/);
  });

  it('rounds half up in decimal, and floors or ceils', () => {
    expect(number({ operation: 'round', value: 1.005, decimals: 2 })).toBe(1.01);
    expect(number({ operation: 'round', value: '2.5' })).toBe(3);
    expect(number({ operation: 'round', value: 2.99, decimals: 1, mode: 'floor' })).toBe(2.9);
    expect(number({ operation: 'round', value: 2.01, decimals: 1, mode: 'ceil' })).toBe(2.1);
    expect(number({ operation: 'round', value: 1e-7, decimals: 2 })).toBe(0);
  });
});
