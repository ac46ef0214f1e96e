import { describe, expect, it } from 'vitest';
import { createRedis, pingRedis } from './index.ts';

describe('redis connections', () => {
  it('answers a ping when Redis is up', async () => {
    const redis = createRedis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
    await expect(pingRedis(redis)).resolves.toBeUndefined();
    await redis.quit();
  });

  it('fails a ping within its timeout when Redis is unreachable, without throwing unhandled errors', async () => {
    const redis = createRedis('redis://127.0.0.1:1', { connectTimeoutMs: 200 });
    const started = Date.now();
    await expect(pingRedis(redis, 300)).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(2_000);
    redis.disconnect();
  });
});
