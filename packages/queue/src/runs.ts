// The run queue: one BullMQ job per run, whose id is the run id, so adding a run twice is a no-op.
import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { z } from 'zod';

export const RUN_QUEUE = 'runs';

export const runJobData = z.object({ runId: z.string(), workspaceId: z.string() });
export type RunJobData = z.infer<typeof runJobData>;

/**
 * Infrastructure failures (the database away, a worker shutting down) retry the job; run-level failures are recorded
 * on the run, not thrown. The wait is fixed and short: an exponential one grows past minutes, and while that delayed
 * job exists the sweeper cannot offer the run again, so a run would sit `running` long after the outage ended.
 * 60 tries 2 s apart ride out about two minutes of outage; after that the job is removed and the sweeper takes over.
 */
export const RUN_JOB_OPTIONS: JobsOptions = {
  attempts: 60,
  backoff: { type: 'fixed', delay: 2_000 },
  // Removed either way, so the sweeper can re-add a run whose job ended without finishing it.
  removeOnComplete: true,
  removeOnFail: true,
};

export type RunQueue = Queue<RunJobData>;

export function createRunQueue(connection: Redis, prefix: string): RunQueue {
  return new Queue<RunJobData>(RUN_QUEUE, { connection, prefix });
}

/** Enqueues runs (already committed to PostgreSQL). Runs whose job exists are left alone. */
export async function enqueueRuns(queue: RunQueue, runs: ReadonlyArray<RunJobData>, options: { priority?: number } = {}): Promise<void> {
  if (runs.length === 0) return;
  await queue.addBulk(
    runs.map((run) => ({
      name: 'run',
      data: { runId: run.runId, workspaceId: run.workspaceId },
      opts: { ...RUN_JOB_OPTIONS, jobId: run.runId, ...(options.priority ? { priority: options.priority } : {}) },
    })),
  );
}

/**
 * Offers again runs that PostgreSQL says need a job (queued for long, running without a heartbeat, due to resume).
 * Adding is a no-op while a job with the run's id exists, so a job that exists but can never run again is removed
 * first: one kept after finishing, or a fragment that a partial Redis loss left behind (a job key holding only
 * bookkeeping fields, in no list), which would otherwise block the run forever. Waiting, delayed and active jobs stay.
 * Returns how many such jobs were replaced.
 */
export async function reofferRuns(queue: RunQueue, redis: Redis, runs: ReadonlyArray<RunJobData>): Promise<number> {
  if (runs.length === 0) return 0;
  const dead = await Promise.all(
    runs.map(async (run) => {
      const state = await queue.getJobState(run.runId);
      if (state === 'completed' || state === 'failed') return true;
      return state === 'unknown' && (await redis.exists(queue.toKey(run.runId))) === 1;
    }),
  );
  // remove() refuses a job a worker locked meanwhile: that job is alive, and adding it again stays a no-op.
  const removed = await Promise.all(runs.filter((_, index) => dead[index]).map((run) => queue.remove(run.runId)));
  await enqueueRuns(queue, runs);
  return removed.filter((count) => count === 1).length;
}
