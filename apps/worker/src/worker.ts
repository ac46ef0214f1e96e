// The worker process's life cycle: connect to PostgreSQL and Redis, run the job processors, and stop gracefully.
import type { Config } from '@switchyard/config';
import { createDatabase, type Database } from '@switchyard/db';
import { createRedis, pingRedis, type Redis } from '@switchyard/queue';
import type { Logger } from 'pino';

export interface WorkerProcess {
  db: Database;
  redis: Redis;
  stop(): Promise<void>;
}

/** A unit of work the worker runs (the run executor, pollers, the sweeper...); each stops by finishing or handing back its jobs. */
export interface Processor {
  name: string;
  stop(): Promise<void>;
}

export type ProcessorFactory = (context: { config: Config; db: Database; redis: Redis; log: Logger }) => Processor | Promise<Processor>;

export async function startWorker(config: Config, log: Logger, factories: ProcessorFactory[] = []): Promise<WorkerProcess> {
  const db = createDatabase(config.DATABASE_URL, { max: Math.min(50, config.WORKER_CONCURRENCY + 5) });
  const redis = createRedis(config.REDIS_URL, { maxRetriesPerRequest: null });
  await waitFor('PostgreSQL', () => db.pool.query('SELECT 1'), log);
  await waitFor('Redis', () => pingRedis(redis, 2_000), log);
  const processors: Processor[] = [];
  for (const factory of factories) processors.push(await factory({ config, db, redis, log }));
  log.info({ processors: processors.map((p) => p.name), concurrency: config.WORKER_CONCURRENCY }, 'worker ready');

  return {
    db,
    redis,
    async stop() {
      // Processors first (they finish or hand back jobs), then the connections they used.
      await Promise.allSettled(processors.map((p) => p.stop()));
      await Promise.allSettled([db.close(), redis.quit()]);
    },
  };
}

/** Waits for a dependency at start-up, saying what it waits for, instead of crashing while it comes up. */
async function waitFor(what: string, check: () => Promise<unknown>, log: Logger, attempts = 30): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await check();
      return;
    } catch (error) {
      if (attempt >= attempts) throw new Error(`${what} is unreachable: ${(error as Error).message}`);
      if (attempt === 1 || attempt % 5 === 0) log.warn({ attempt }, `waiting for ${what}: ${(error as Error).message}`);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
}
