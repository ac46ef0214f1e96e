import { describe, expect, it } from 'vitest';
import { retryWithin } from './retry.ts';

/** A write that fails `failures` times, then succeeds; sleeping is recorded, not waited. */
function flaky(failures: number) {
  let calls = 0;
  return {
    write: async () => {
      calls += 1;
      if (calls <= failures) throw new Error(`outage ${calls}`);
      return `written after ${calls} calls`;
    },
    calls: () => calls,
  };
}

describe('retryWithin', () => {
  it('retries through a short outage, waiting longer each time', async () => {
    const waits: number[] = [];
    const write = flaky(5);
    expect(await retryWithin(60_000, write.write, { sleep: async (ms) => void waits.push(ms) })).toBe('written after 6 calls');
    expect(waits).toEqual([100, 200, 400, 800, 1_600]);
  });

  it('gives up with the last error once the budget is spent', async () => {
    const write = flaky(Number.POSITIVE_INFINITY);
    await expect(retryWithin(250, write.write)).rejects.toThrow(/^outage [23]$/);
    expect(write.calls()).toBeLessThanOrEqual(3);
  });

  it('calls once when the first call succeeds', async () => {
    const write = flaky(0);
    expect(await retryWithin(0, write.write)).toBe('written after 1 calls');
  });

  it('throws at once an error not worth retrying', async () => {
    const write = flaky(Number.POSITIVE_INFINITY);
    await expect(retryWithin(60_000, write.write, { retryIf: (error) => !String(error).includes('outage 1') })).rejects.toThrow('outage 1');
    expect(write.calls()).toBe(1);
  });
});
