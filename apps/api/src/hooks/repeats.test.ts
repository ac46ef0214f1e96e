// The memory of event keys that keeps an event a service sends twice from starting two runs.
import { randomBytes } from 'node:crypto';
import { createRedis, type Redis } from '@switchyard/queue';
import { TEST_REDIS_URL } from '@switchyard/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstSeen, REPEAT_WINDOW_SECONDS } from './repeats.ts';

let redis: Redis;
const prefix = `sytest_${randomBytes(4).toString('hex')}`;

beforeAll(() => {
  redis = createRedis(TEST_REDIS_URL);
});

afterAll(async () => {
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
});

describe('firstSeen', () => {
  it('lets each key through once per hook, keeps the order, and always lets through items without a key', async () => {
    expect((await firstSeen(redis, prefix, 'hk_1', ['a', 'b'], ['ka', 'kb'])).items).toEqual(['a', 'b']);
    expect((await firstSeen(redis, prefix, 'hk_1', ['b', 'c', 'd'], ['kb', 'kc'])).items).toEqual(['c', 'd']);
    expect((await firstSeen(redis, prefix, 'hk_2', ['a'], ['ka'])).items).toEqual(['a']);
    expect((await firstSeen(redis, prefix, 'hk_1', ['x', 'y'])).items).toEqual(['x', 'y']);
    expect(await redis.ttl(`${prefix}:seen:hk_1:ka`)).toBeGreaterThan(REPEAT_WINDOW_SECONDS - 60);
  });

  it('takes a key for one of two copies arriving at once', async () => {
    const both = await Promise.all([firstSeen(redis, prefix, 'hk_3', ['first'], ['k']), firstSeen(redis, prefix, 'hk_3', ['second'], ['k'])]);
    expect(both.flatMap((fresh) => fresh.items)).toHaveLength(1);
  });

  it('gives the keys back when the delivery could not be stored, so its resending starts runs', async () => {
    const fresh = await firstSeen(redis, prefix, 'hk_4', ['a', 'b'], ['ka', 'kb']);
    await fresh.release();
    expect((await firstSeen(redis, prefix, 'hk_4', ['a', 'b'], ['ka', 'kb'])).items).toEqual(['a', 'b']);
  });

  it('counts every item as new when Redis is away, rather than lose an event', async () => {
    const away = createRedis(TEST_REDIS_URL);
    away.disconnect();
    const fresh = await firstSeen(away, prefix, 'hk_5', ['a', 'b'], ['ka', 'kb']);
    expect(fresh.items).toEqual(['a', 'b']);
    await fresh.release();
  });
});
