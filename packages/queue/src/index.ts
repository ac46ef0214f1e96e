// Redis connections and the BullMQ queues Switchyard uses; Redis is a work queue that may lose everything, Postgres is the truth.
import { Redis, type RedisOptions } from 'ioredis';

export interface RedisConnectOptions {
  /** Workers need null (block forever); request paths want fast failure instead. */
  maxRetriesPerRequest?: number | null;
  connectTimeoutMs?: number;
}

export function createRedis(url: string, options: RedisConnectOptions = {}): Redis {
  const redisOptions: RedisOptions = {
    maxRetriesPerRequest: options.maxRetriesPerRequest === undefined ? 2 : options.maxRetriesPerRequest,
    connectTimeout: options.connectTimeoutMs ?? 5_000,
    enableOfflineQueue: true,
    lazyConnect: false,
    // Reconnect forever with capped backoff: Redis restarts are expected and survivable.
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  };
  const redis = new Redis(url, redisOptions);
  // Connection errors are reported through readiness checks and job failures, not as unhandled events.
  redis.on('error', () => undefined);
  return redis;
}

/** Resolves when Redis answers PING within the timeout. */
export async function pingRedis(redis: Redis, timeoutMs = 1_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([redis.ping(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export type { Redis };

export {
  RUN_QUEUE,
  RUN_JOB_OPTIONS,
  runJobData,
  createRunQueue,
  enqueueRuns,
  reofferRuns,
  type RunJobData,
  type RunNeedingJob,
  type RunQueue,
} from './runs.ts';
export {
  POLL_QUEUE,
  SCHEDULE_QUEUE,
  createTriggerQueue,
  removeTriggerScheduler,
  schedulerId,
  triggerJobData,
  upsertTriggerScheduler,
  type TriggerJobData,
  type TriggerQueue,
} from './triggers.ts';
