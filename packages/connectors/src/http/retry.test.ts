// Tests of Retry-After parsing, backoff and when a request may be repeated.
import { describe, expect, test } from 'vitest';
import { backoffDelay, canRepeat, defaultRetryPolicy, parseRetryAfter } from './retry.ts';

describe('parseRetryAfter', () => {
  test('reads delta-seconds and HTTP dates, and ignores garbage', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});

describe('backoffDelay', () => {
  test('doubles per attempt with jitter and stops at the ceiling', () => {
    const policy = { ...defaultRetryPolicy, baseDelayMs: 100, maxDelayMs: 300 };
    expect(backoffDelay(1, policy, () => 1)).toBe(100);
    expect(backoffDelay(2, policy, () => 1)).toBe(200);
    expect(backoffDelay(2, policy, () => 0)).toBe(100);
    expect(backoffDelay(5, policy, () => 1)).toBe(300);
  });
});

describe('canRepeat', () => {
  test('repeats idempotent methods, keyed requests and requests the server never processed, but not a bare POST', () => {
    expect(canRepeat('GET', {}, { status: 502 })).toBe(true);
    expect(canRepeat('POST', {}, { status: 502 })).toBe(false);
    expect(canRepeat('POST', { 'Idempotency-Key': 'run:step' }, { status: 502 })).toBe(true);
    expect(canRepeat('POST', {}, { status: 429 })).toBe(true);
    expect(canRepeat('POST', {}, { notSent: true })).toBe(true);
  });
});
