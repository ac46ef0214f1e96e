import { expect, test } from 'vitest';
import { originOf } from './common.ts';

test('originOf accepts an origin, with or without a trailing slash', () => {
  expect(originOf('https://acme.daktela.com')).toBe('https://acme.daktela.com');
  expect(originOf('https://acme.daktela.com/')).toBe('https://acme.daktela.com');
  expect(originOf('http://127.0.0.1:4101')).toBe('http://127.0.0.1:4101');
});

test('originOf refuses paths, queries, credentials and non-http schemes with a message naming the field', () => {
  for (const bad of ['https://acme.daktela.com/api/v6', 'https://x.com?a=1', 'https://u:p@x.com', 'ftp://x.com', 'not a url', '']) {
    expect(() => originOf(bad, 'API URL'), bad).toThrow(/API URL|no API URL/);
  }
});
