// Queues of time-driven triggers: one BullMQ job scheduler per published polling zap and per scheduled zap.
import { Queue, type RepeatOptions, type RepeatStrategy } from 'bullmq';
import type { Redis } from 'ioredis';
import { z } from 'zod';

export const POLL_QUEUE = 'polls';
export const SCHEDULE_QUEUE = 'schedules';

export const triggerJobData = z.object({ zapId: z.string(), workspaceId: z.string() });
export type TriggerJobData = z.infer<typeof triggerJobData>;

export type TriggerQueue = Queue<TriggerJobData>;

/** `repeatStrategy` computes a cron pattern's next run; the schedule queue's worker must be given the same one. */
export function createTriggerQueue(
  connection: Redis,
  prefix: string,
  name: typeof POLL_QUEUE | typeof SCHEDULE_QUEUE,
  repeatStrategy?: RepeatStrategy,
): TriggerQueue {
  return new Queue<TriggerJobData>(name, { connection, prefix, ...(repeatStrategy ? { settings: { repeatStrategy } } : {}) });
}

/** The scheduler id of a zap: one per zap, so re-publishing replaces it instead of adding another. */
export const schedulerId = (zapId: string) => `zap:${zapId}`;

/** Creates or replaces a zap's job scheduler. `repeat` is `{every}` (ms) or `{pattern, tz}` (cron). */
export async function upsertTriggerScheduler(
  queue: TriggerQueue,
  data: TriggerJobData,
  repeat: Pick<RepeatOptions, 'every' | 'pattern' | 'tz'>,
  immediately = false,
) {
  await queue.upsertJobScheduler(
    schedulerId(data.zapId),
    { ...repeat, ...(immediately ? { immediately: true } : {}) },
    {
      name: 'tick',
      data,
      opts: { removeOnComplete: true, removeOnFail: 100, attempts: 3, backoff: { type: 'exponential', delay: 5_000 } },
    },
  );
}

export async function removeTriggerScheduler(queue: TriggerQueue, zapId: string) {
  await queue.removeJobScheduler(schedulerId(zapId));
}
