// Builds the API's dependencies from the configuration, and closes them on shutdown.
import type { Config } from '@switchyard/config';
import { cronRepeatStrategy } from '@switchyard/connectors';
import { createDatabase } from '@switchyard/db';
import { createRedis, createRunQueue, createTriggerQueue, POLL_QUEUE, SCHEDULE_QUEUE } from '@switchyard/queue';
import { createRuntime, createTriggerLifecycle, vaultFromConfig } from '@switchyard/runner';
import { createData } from './http/data.ts';
import type { Deps } from './http/deps.ts';

export async function createDeps(config: Config): Promise<Deps & { close(): Promise<void> }> {
  const db = createDatabase(config.DATABASE_URL, { max: 20, connectionTimeoutMs: 2_000 });
  const redis = createRedis(config.REDIS_URL);
  const vault = vaultFromConfig(config);
  const queue = createRunQueue(redis, config.QUEUE_PREFIX);
  const runtime = await createRuntime(config, db, vault);
  const polls = createTriggerQueue(redis, config.QUEUE_PREFIX, POLL_QUEUE);
  const schedules = createTriggerQueue(redis, config.QUEUE_PREFIX, SCHEDULE_QUEUE, cronRepeatStrategy);
  const lifecycle = createTriggerLifecycle({
    db,
    vault,
    catalog: runtime.catalog,
    http: runtime.http,
    polls,
    schedules,
    publicUrl: config.PUBLIC_URL,
    minPollIntervalMs: config.POLL_MIN_INTERVAL_MS,
  });
  return {
    config,
    db,
    data: createData(db.prisma),
    redis,
    vault,
    queue,
    runtime,
    lifecycle,
    async close() {
      await Promise.allSettled([queue.close(), polls.close(), schedules.close()]);
      await runtime.close();
      await Promise.allSettled([db.close(), redis.quit()]);
    },
  };
}
