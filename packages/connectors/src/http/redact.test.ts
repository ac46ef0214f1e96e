// Tests of redaction and capping of recorded requests.
import { describe, expect, test } from 'vitest';
import { capBody, createRedactor, REDACTED, redactByName } from './redact.ts';

const base64 = (text: string) => Buffer.from(text).toString('base64');
const base64url = (text: string) => Buffer.from(text).toString('base64url');

describe('createRedactor', () => {
  const redactor = createRedactor(['s3cr3t-token', 'p@ss word', 'ab']);

  test('replaces each secret in text, including its URL-, form- and JSON-encoded forms', () => {
    expect(redactor.text('Bearer s3cr3t-token')).toBe(`Bearer ${REDACTED}`);
    expect(redactor.text('pw=p%40ss%20word')).toBe(`pw=${REDACTED}`);
    expect(redactor.text('pw=p%40ss+word')).toBe(`pw=${REDACTED}`);
  });

  test('replaces the base64 and base64url forms of each secret, with and without padding', () => {
    expect(redactor.text(`a ${base64('s3cr3t-token')} b ${base64url('p@ss word')} c ${base64('p@ss word').replace(/=+$/, '')}`)).toBe(
      `a ${REDACTED} b ${REDACTED} c ${REDACTED}`,
    );
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

  test('keeps a URL as written when it carries no credential, and replaces only the password of its userinfo', () => {
    expect(redactor.url('https://api.example')).toBe('https://api.example');
    expect(redactor.url('https://ann:pa%24s@api.example/v1?page=2')).toBe(`https://ann:${REDACTED}@api.example/v1?page=2`);
  });

  test('walks bodies: credential headers of a headers map, credential parameters of a query map, and URLs in any string', () => {
    expect(
      redactor.value({
        headers: { Authorization: 'Bearer xyz', 'X-Api-Key': 'k', Accept: 'application/json' },
        query: { api_key: 'k', page: '2' },
        note: 'called https://ann:pw@api.example/v1?token=abc&page=2 (see docs)',
      }),
    ).toEqual({
      headers: { Authorization: REDACTED, 'X-Api-Key': REDACTED, Accept: 'application/json' },
      query: { api_key: REDACTED, page: '2' },
      note: `called https://ann:${REDACTED}@api.example/v1?token=${REDACTED}&page=2 (see docs)`,
    });
  });

  test('walks bodies: secrets in strings and keys, and credential-named fields', () => {
    expect(redactor.value({ note: 'uses s3cr3t-token', nested: [{ access_token: 'zzz', n: 1 }], password: 'hunter22' })).toEqual({
      note: `uses ${REDACTED}`,
      nested: [{ access_token: REDACTED, n: 1 }],
      password: REDACTED,
    });
  });
});

describe('redactByName', () => {
  test('replaces credentials by name and lists them in every form they are sent in, to be redacted by value elsewhere', () => {
    const { value, found } = redactByName({
      url: 'https://ann:pa%24sword1@api.example/v1?api_key=api-key-one&page=2',
      headers: { Authorization: 'Bearer bearer-one', 'X-Api-Key': 'api-key-two', Accept: 'application/json' },
      query: { token: 'token-one', sort_key: 'name', page: '1' },
      jsonBody: { user: 'ann', password: 'pass phrase' },
    });
    expect(value).toEqual({
      url: `https://ann:${REDACTED}@api.example/v1?api_key=${REDACTED}&page=2`,
      headers: { Authorization: REDACTED, 'X-Api-Key': REDACTED, Accept: 'application/json' },
      query: { token: REDACTED, sort_key: REDACTED, page: '1' },
      jsonBody: { user: 'ann', password: REDACTED },
    });
    // Values shorter than a credential (the "name" of sort_key) are blanked where they are named, not everywhere.
    expect(found.sort()).toEqual(['Bearer bearer-one', 'ann:pa$sword1', 'api-key-one', 'api-key-two', 'bearer-one', 'pa$sword1', 'pass phrase', 'token-one']);
  });

  test('a Basic credential gives its user:password pair and its password', () => {
    const { found } = redactByName({ headers: { authorization: `Basic ${base64('ann:pw-123456')}` } });
    expect(found).toEqual(expect.arrayContaining(['ann:pw-123456', 'pw-123456']));
    expect(createRedactor(found).text(`echoed Basic ${base64('ann:pw-123456')}`)).toBe(`echoed ${REDACTED}`);
  });

  test('a value that keep() accepts (a template, in a draft) stays as it is', () => {
    const draft = { headers: { Authorization: 'Bearer {{steps.login.token}}' }, url: 'https://api.example/?token={{trigger.token}}&page=1' };
    expect(redactByName(draft, { keep: (text) => text.includes('{{') })).toEqual({ value: draft, found: [] });
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
