// The sweeper: PostgreSQL is the truth, so any run that should have a job but may not (Redis lost, enqueue failed) gets one.
import { findRunsNeedingJobs } from '@switchyard/db';
import { createRunQueue, reofferRuns } from '@switchyard/queue';
import type { ProcessorFactory } from '../worker.ts';

const BATCH = 1_000;

export const sweeperProcessor: ProcessorFactory = ({ config, db, redis, log }) => {
  const queue = createRunQueue(redis, config.QUEUE_PREFIX);
  let sweeping: Promise<void> | null = null;

  async function sweep() {
    // Re-offering a run whose job is alive is a no-op (job id = run id), so every worker may sweep without coordination.
    const runs = await findRunsNeedingJobs(db.pool, {
      queuedForMs: config.SWEEP_QUEUED_AFTER_MS,
      runningStaleMs: config.JOB_LOCK_MS * 2,
      limit: BATCH,
    });
    if (runs.length === 0) return;
    const { offered, replaced } = await reofferRuns(queue, redis, runs);
    if (replaced > 0) log.warn({ replaced }, 'sweeper replaced run jobs that could never run again (Redis lost part of its data?)');
    if (offered > 0) log.info({ offered }, 'sweeper offered runs that had no job to the queue');
  }

  const timer = setInterval(() => {
    if (sweeping) return;
    sweeping = sweep()
      .catch((error: unknown) => log.warn({ err: error }, 'sweep failed; trying again next interval'))
      .finally(() => {
        sweeping = null;
      });
  }, config.SWEEP_INTERVAL_MS);

  return {
    name: 'sweeper',
    async stop() {
      clearInterval(timer);
      await sweeping;
      await queue.close();
    },
  };
};
