import { describe, expect, it } from 'vitest';
import { newId, randomToken } from './ids.ts';

describe('newId', () => {
  it('makes prefixed 26-character ids', () => {
    expect(newId('run')).toMatch(/^run_[0-9a-hjkmnp-tv-z]{26}$/);
  });

  it('orders ids made in sequence, even within one millisecond', () => {
    const ids = Array.from({ length: 5000 }, () => newId('x'));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('randomToken', () => {
  it('gives url-safe tokens of the requested entropy', () => {
    expect(randomToken(32)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomToken()).not.toBe(randomToken());
  });
});
