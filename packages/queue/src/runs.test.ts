import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedis, createRunQueue, enqueueRuns, reofferRuns, type Redis, type RunQueue } from './index.ts';

let redis: Redis;
let queue: RunQueue;
const prefix = `qtest_${randomUUID().slice(0, 8)}`;
const run = (id: string) => ({ runId: id, workspaceId: 'ws_1' });

beforeAll(() => {
  redis = createRedis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
  queue = createRunQueue(redis, prefix);
});

afterAll(async () => {
  await queue.obliterate({ force: true });
  await queue.close();
  await redis.quit();
});

describe('re-offering runs to the queue', () => {
  it('replaces a job fragment left by a partial Redis loss, which would otherwise block the run forever', async () => {
    // What a worker's bookkeeping writes into a job key whose data a non-atomic wipe already deleted.
    await redis.hset(queue.toKey('run_fragment'), 'processedOn', Date.now(), 'ats', 1);
    await enqueueRuns(queue, [run('run_fragment')]);
    expect(await queue.getJobState('run_fragment')).toBe('unknown');

    expect(await reofferRuns(queue, redis, [run('run_fragment')])).toEqual({ offered: 1, replaced: 1 });
    expect(await queue.getJobState('run_fragment')).toBe('waiting');
    expect((await queue.getJob('run_fragment'))?.data).toEqual(run('run_fragment'));
  });

  it('replaces a job kept in the failed set', async () => {
    await queue.add('run', run('run_failed'), { jobId: 'run_failed' });
    const job = await queue.getJob('run_failed');
    await redis.lrem(queue.toKey('wait'), 0, 'run_failed');
    await redis.zadd(queue.toKey('failed'), Date.now(), 'run_failed');
    expect(await queue.getJobState(job!.id!)).toBe('failed');

    expect(await reofferRuns(queue, redis, [run('run_failed')])).toEqual({ offered: 1, replaced: 1 });
    expect(await queue.getJobState('run_failed')).toBe('waiting');
  });

  it('leaves live jobs alone and adds missing ones', async () => {
    await enqueueRuns(queue, [run('run_waiting')]);
    const before = (await queue.getJob('run_waiting'))!.timestamp;
    await queue.add('run', run('run_delayed'), { jobId: 'run_delayed', delay: 60_000 });

    expect(await reofferRuns(queue, redis, [run('run_waiting'), run('run_delayed'), run('run_missing')])).toEqual({ offered: 1, replaced: 0 });
    expect((await queue.getJob('run_waiting'))!.timestamp).toBe(before);
    expect(await queue.getJobState('run_delayed')).toBe('delayed');
    expect(await queue.getJobState('run_missing')).toBe('waiting');
  });

  it('replaces the job of a run without heartbeat when that job is in no list at all', async () => {
    await queue.add('run', run('run_orphan'), { jobId: 'run_orphan' });
    await redis.lrem(queue.toKey('wait'), 0, 'run_orphan');
    expect(await queue.getJobState('run_orphan')).toBe('unknown');

    expect(await reofferRuns(queue, redis, [{ ...run('run_orphan'), status: 'running' }])).toEqual({ offered: 1, replaced: 1 });
    expect(await queue.getJobState('run_orphan')).toBe('waiting');
  });
});
