import { describe, expect, it } from 'vitest';
import { runFormatter } from './app.ts';

const text = (input: Record<string, unknown>) => runFormatter('text', input).output;

describe('formatter text', () => {
  it('changes case, including accented letters', () => {
    expect(text({ operation: 'uppercase', value: 'žluťoučký kůň' })).toBe('ŽLUŤOUČKÝ KŮŇ');
    expect(text({ operation: 'lowercase', value: 'HELLO World' })).toBe('hello world');
    expect(text({ operation: 'capitalize', value: 'hello world' })).toBe('Hello world');
    expect(text({ operation: 'titlecase', value: 'hELLO wide-world of čech' })).toBe('Hello Wide-World Of Čech');
  });

  it('reads numbers as text and a missing value as empty', () => {
    expect(text({ operation: 'uppercase', value: 42 })).toBe('42');
    expect(text({ operation: 'uppercase' })).toBe('');
  });

  it('trims whitespace and line breaks at both ends', () => {
    expect(text({ operation: 'trim', value: '  \n hi there \t' })).toBe('hi there');
  });

  it('replaces every literal occurrence by default and only the first with all=false', () => {
    expect(text({ operation: 'replace', value: 'a.b.c', find: '.', replace: '-' })).toBe('a-b-c');
    expect(text({ operation: 'replace', value: 'a.b.c', find: '.', replace: '$&', all: false })).toBe('a$&b.c');
    expect(text({ operation: 'replace', value: 'a.b.c', find: '.' })).toBe('abc');
  });

  it('splits on a separator and picks a segment, negative from the end', () => {
    expect(text({ operation: 'split', value: 'a, b ,c' })).toEqual(['a', 'b', 'c']);
    expect(text({ operation: 'split', value: 'Ana Maria Novak', separator: ' ', index: -1 })).toBe('Novak');
    expect(text({ operation: 'split', value: 'a|b', separator: '|', index: 5 })).toBe('');
  });

  it('truncates by characters without splitting an emoji, the suffix counted in the length', () => {
    expect(text({ operation: 'truncate', value: 'Hello world', maxLength: 8, suffix: '…' })).toBe('Hello w…');
    expect(text({ operation: 'truncate', value: '😀😀😀😀', maxLength: 2 })).toBe('😀😀');
    expect(text({ operation: 'truncate', value: 'short', maxLength: 10, suffix: '…' })).toBe('short');
  });

  it('falls back to the default for a missing or blank value only', () => {
    expect(text({ operation: 'default_value', default: 'n/a' })).toBe('n/a');
    expect(text({ operation: 'default_value', value: '  ', default: 'n/a' })).toBe('n/a');
    expect(text({ operation: 'default_value', value: 0, default: 'n/a' })).toBe(0);
  });

  it('extracts the first email, number and URL', () => {
    expect(text({ operation: 'extract_email', value: 'Write to <jana.novak+crm@firma.cz> today' })).toBe('jana.novak+crm@firma.cz');
    expect(text({ operation: 'extract_email', value: 'nobody here' })).toBe('');
    expect(text({ operation: 'extract_number', value: 'Total: $1,234.50 due' })).toBe(1234.5);
    expect(text({ operation: 'extract_number', value: 'Temp -3 C' })).toBe(-3);
    expect(text({ operation: 'extract_number', value: 'none' })).toBeNull();
    expect(text({ operation: 'extract_url', value: 'See https://example.com/a?b=1. Thanks' })).toBe('https://example.com/a?b=1');
  });

  it('extracts a pattern with its groups', () => {
    expect(text({ operation: 'extract_pattern', value: 'Order #A-42 shipped', pattern: '#(?<prefix>[A-Z])-(\\d+)' })).toEqual({
      match: '#A-42',
      groups: ['A', '42'],
      named: { prefix: 'A' },
    });
    expect(text({ operation: 'extract_pattern', value: 'x', pattern: '\\d' })).toEqual({ match: null, groups: [], named: {} });
  });

  it('counts characters, and URL-encodes and decodes', () => {
    expect(text({ operation: 'length', value: 'čaj 🍵' })).toBe(5);
    expect(text({ operation: 'url_encode', value: 'a b&c=č' })).toBe('a%20b%26c%3D%C4%8D');
    expect(text({ operation: 'url_decode', value: 'a+b%26c' })).toBe('a b&c');
    expect(text({ operation: 'url_decode', value: '%E0%A4%A' })).toBe('%E0%A4%A');
  });

  it('fails permanently with a readable message for an unknown operation or bad input', () => {
    expect(() => text({ operation: 'shout', value: 'x' })).toThrow(/has no operation "shout"/);
    expect(() => text({ operation: 'truncate', value: 'x', maxLength: 'ten' })).toThrow(/Invalid input for truncate: maxLength/);
    expect(() => runFormatter('colour', { operation: 'x' })).toThrow(/no action "colour"/);
  });
});
