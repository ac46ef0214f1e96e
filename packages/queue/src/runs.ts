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
 * For each job id, in one round trip: 0 when its job looks alive, 1 when there is none, 2 when it exists but can never
 * run: a fragment without data (left by a partial Redis loss) or a finished job that was kept.
 */
const CLASSIFY_JOBS = `
local base = ARGV[1]
local result = {}
for i = 2, #ARGV do
  local id = ARGV[i]
  local key = base .. id
  if redis.call('EXISTS', key) == 0 then
    result[i - 1] = 1
  elseif redis.call('HEXISTS', key, 'data') == 0 or redis.call('ZSCORE', base .. 'completed', id) or redis.call('ZSCORE', base .. 'failed', id) then
    result[i - 1] = 2
  else
    result[i - 1] = 0
  end
end
return result`;

export interface RunNeedingJob extends RunJobData {
  /** The run's status in PostgreSQL: a `running` run here has no heartbeat, so its job is looked at closely. */
  status?: string;
}

/**
 * Offers again runs that PostgreSQL says may lack a job (queued for long, running without a heartbeat, due to resume).
 * Under a backlog most of them have a job waiting, so one script sorts them first and only the rest are added: runs
 * without a job, and runs whose job can never run again (removed first, since adding is a no-op while the id exists).
 * A running run's job is checked fully: one in no list at all blocks the run as surely as a fragment.
 */
export async function reofferRuns(queue: RunQueue, redis: Redis, runs: ReadonlyArray<RunNeedingJob>): Promise<{ offered: number; replaced: number }> {
  if (runs.length === 0) return { offered: 0, replaced: 0 };
  const kinds = (await redis.eval(CLASSIFY_JOBS, 0, queue.toKey(''), ...runs.map((run) => run.runId))) as number[];
  const verdicts = await Promise.all(
    runs.map(async (run, index) => {
      if (kinds[index] !== 0 || run.status !== 'running') return kinds[index];
      return (await queue.getJobState(run.runId)) === 'unknown' ? 2 : 0;
    }),
  );
  const dead = runs.filter((_, index) => verdicts[index] === 2);
  // remove() refuses a job a worker locked meanwhile: that job is alive, and adding it again stays a no-op.
  const removed = await Promise.all(dead.map((run) => queue.remove(run.runId)));
  const offer = runs.filter((_, index) => verdicts[index] !== 0);
  await enqueueRuns(queue, offer);
  return { offered: offer.length, replaced: removed.filter((count) => count === 1).length };
}
