import { describe, expect, it } from 'vitest';
import { createGroupCommit } from './group-commit.ts';

/** A write that holds each batch until released, recording the batches it was given. */
function heldWrites() {
  const batches: number[][] = [];
  const releases: Array<() => void> = [];
  const write = (batch: number[]) =>
    new Promise<number[]>((resolve, reject) => {
      batches.push(batch);
      releases.push(() => (batch.includes(-1) ? reject(new Error('batch failed')) : resolve(batch.map((n) => n * 10))));
    });
  return { batches, write, release: (index: number) => releases[index]!() };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('group commit', () => {
  it('writes a lone call at once, and gathers calls arriving meanwhile into the next batch', async () => {
    const held = heldWrites();
    const group = createGroupCommit(held.write, { maxInFlight: 1 });
    const first = group.submit(1);
    const later = [group.submit(2), group.submit(3), group.submit(4)];
    expect(held.batches).toEqual([[1]]);
    held.release(0);
    expect(await first).toBe(10);
    await settle();
    expect(held.batches).toEqual([[1], [2, 3, 4]]);
    held.release(1);
    expect(await Promise.all(later)).toEqual([20, 30, 40]);
  });

  it('caps batches and writes in flight', async () => {
    const held = heldWrites();
    const group = createGroupCommit(held.write, { maxBatch: 2, maxInFlight: 2 });
    const results = [1, 2, 3, 4, 5].map((n) => group.submit(n));
    expect(held.batches).toEqual([[1], [2]]);
    held.release(0);
    await settle();
    expect(held.batches).toEqual([[1], [2], [3, 4]]);
    held.release(1);
    held.release(2);
    await settle();
    expect(held.batches).toEqual([[1], [2], [3, 4], [5]]);
    held.release(3);
    expect(await Promise.all(results)).toEqual([10, 20, 30, 40, 50]);
  });

  it('fails every call of a failed batch, and only those', async () => {
    const held = heldWrites();
    const group = createGroupCommit(held.write, { maxInFlight: 1 });
    const first = group.submit(1);
    const failing = [group.submit(-1), group.submit(2)];
    held.release(0);
    await first;
    await settle();
    held.release(1);
    await expect(failing[0]).rejects.toThrow('batch failed');
    await expect(failing[1]).rejects.toThrow('batch failed');
    const after = group.submit(3);
    held.release(2);
    expect(await after).toBe(30);
  });

  it('drain waits for everything submitted', async () => {
    const held = heldWrites();
    const group = createGroupCommit(held.write, { maxInFlight: 1 });
    const done: number[] = [];
    for (const n of [1, 2, 3]) void group.submit(n).then((value) => done.push(value));
    const drained = group.drain().then(() => [...done]);
    held.release(0);
    await settle();
    held.release(1);
    expect(await drained).toEqual([10, 20, 30]);
  });

  it('with isolateFailures, writes the items of a failed batch again alone, so only the bad one fails', async () => {
    const batches: number[][] = [];
    const group = createGroupCommit(
      async (batch: number[]) => {
        batches.push(batch);
        if (batch.includes(-1)) throw new Error(`refused ${batch.join(',')}`);
        return batch.map((n) => n * 10);
      },
      { maxInFlight: 1, isolateFailures: true },
    );
    const first = group.submit(1);
    const rest = [group.submit(2), group.submit(-1), group.submit(3)].map((promise) => promise.catch((error: Error) => error.message));
    expect(await first).toBe(10);
    expect(await Promise.all(rest)).toEqual([20, 'refused -1', 30]);
    expect(batches).toEqual([[1], [2, -1, 3], [2], [-1], [3]]);
  });
});
