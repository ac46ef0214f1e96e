// Tests of redaction and capping of recorded requests.
import { describe, expect, test } from 'vitest';
import { capBody, createRedactor, REDACTED } from './redact.ts';

describe('createRedactor', () => {
  const redactor = createRedactor(['s3cr3t-token', 'p@ss word', 'ab']);

  test('replaces each secret in text, including its URL-, form- and JSON-encoded forms', () => {
    expect(redactor.text('Bearer s3cr3t-token')).toBe(`Bearer ${REDACTED}`);
    expect(redactor.text('pw=p%40ss%20word')).toBe(`pw=${REDACTED}`);
    expect(redactor.text('pw=p%40ss+word')).toBe(`pw=${REDACTED}`);
  });

  test('ignores values too short to be secrets', () => {
    expect(redactor.text('abc')).toBe('abc');
  });

  test('always blanks credential headers, whatever their value', () => {
    expect(redactor.headers({ authorization: 'Basic xyz', cookie: 'a=b', 'x-api-key': 'k', 'content-type': 'text/plain' })).toEqual({
      authorization: REDACTED,
      cookie: REDACTED,
      'x-api-key': REDACTED,
      'content-type': 'text/plain',
    });
  });

  test('blanks credential-looking query parameters and configured secrets in URLs', () => {
    expect(redactor.url('https://api.example/v1?api_key=abc123&q=s3cr3t-token&page=2')).toBe(`https://api.example/v1?api_key=${REDACTED}&q=${REDACTED}&page=2`);
  });

  test('walks bodies: secrets in strings and keys, and credential-named fields', () => {
    expect(redactor.value({ note: 'uses s3cr3t-token', nested: [{ access_token: 'zzz', n: 1 }], password: 'hunter22' })).toEqual({
      note: `uses ${REDACTED}`,
      nested: [{ access_token: REDACTED, n: 1 }],
      password: REDACTED,
    });
  });
});

describe('capBody', () => {
  test('keeps small bodies as they are and cuts big ones with a marker giving the full size', () => {
    expect(capBody({ a: 1 }, 100)).toEqual({ a: 1 });
    const capped = capBody('x'.repeat(1000), 100);
    expect(capped).toBe(`${'x'.repeat(100)}… [truncated: 1000 bytes in total]`);
    expect(capBody({ big: 'é'.repeat(100) }, 50)).toMatch(/^\{"big":"é+… \[truncated: 210 bytes in total\]$/);
  });
});
