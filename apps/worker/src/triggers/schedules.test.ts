// The schedule queue fires cron patterns by croner, the reading the builder previews and publish validates.
import { randomUUID } from 'node:crypto';
import { cronRepeatStrategy, nextScheduleRuns } from '@switchyard/connectors';
import { createRedis, createTriggerQueue, SCHEDULE_QUEUE, schedulerId, type Redis, type TriggerQueue } from '@switchyard/queue';
import { afterAll, beforeAll, expect, it } from 'vitest';

let redis: Redis;
let queue: TriggerQueue;

beforeAll(() => {
  redis = createRedis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
  queue = createTriggerQueue(redis, `schedtest_${randomUUID().slice(0, 8)}`, SCHEDULE_QUEUE, cronRepeatStrategy);
});

afterAll(async () => {
  await queue.obliterate({ force: true });
  await queue.close();
  await redis.quit();
});

it('a cron schedule’s first tick is the builder’s first next run, also in a spring-forward gap', async () => {
  // 02:30 does not exist in Prague on 28 March 2027: croner fires at 03:00 CEST, BullMQ's cron-parser would at 03:30.
  const startDate = '2027-03-27T12:00:00Z';
  const data = { zapId: 'zap_dst', workspaceId: 'ws_1' };
  await queue.upsertJobScheduler(schedulerId(data.zapId), { pattern: '30 2 * * *', tz: 'Europe/Prague', startDate }, { name: 'tick', data });
  const [expected] = nextScheduleRuns({ frequency: 'cron', cron: '30 2 * * *', timezone: 'Europe/Prague' }, 1, new Date(startDate));
  expect(expected?.toISOString()).toBe('2027-03-28T01:00:00.000Z');
  expect((await queue.getJobScheduler(schedulerId(data.zapId)))?.next).toBe(expected?.getTime());
});
