// Executes run jobs: one job per run, resumed after crashes and delays, fair between workspaces.
import { RUN_QUEUE, runJobData, type RunJobData } from '@switchyard/queue';
import type { Runner } from '@switchyard/runner';
import { DelayedError, Worker, type Job } from 'bullmq';
import type { ProcessorFactory } from '../worker.ts';
import { runDuration, runsFinished } from '../metrics.ts';
import { createWorkspaceSlots } from './slots.ts';

/** How long a run at its workspace's cap waits before it asks again, plus jitter so waiters do not stampede. */
const SLOT_RETRY_MS = 250;

export function runProcessor(runner: Runner): ProcessorFactory {
  return ({ config, redis, log }) => {
    const slots = createWorkspaceSlots(redis, config.QUEUE_PREFIX, config.WORKSPACE_MAX_CONCURRENT_RUNS, config.JOB_LOCK_MS * 2);
    const stopping = new AbortController();

    async function process(job: Job<RunJobData>, token?: string) {
      const { runId, workspaceId } = runJobData.parse(job.data);
      if (!(await slots.acquire(workspaceId, runId))) {
        await job.moveToDelayed(Date.now() + SLOT_RETRY_MS + Math.floor(Math.random() * SLOT_RETRY_MS), token);
        throw new DelayedError();
      }
      try {
        const started = performance.now();
        const result = await runner.execute(runId, stopping.signal);
        if ('app' in result) {
          runsFinished.inc({ status: result.status, app: result.app });
          runDuration.observe({ app: result.app }, (performance.now() - started) / 1000);
        }
        if (result.status === 'busy') {
          // Another worker holds the run; ask again when its lease would have run out, in case that worker died.
          await job.moveToDelayed(Date.now() + config.JOB_LOCK_MS, token);
          throw new DelayedError();
        }
        if (result.status === 'waiting' && result.resumeAt) {
          // The same job comes back at the resume time; nothing sleeps here.
          await job.moveToDelayed(result.resumeAt.getTime(), token);
          throw new DelayedError();
        }
        if (result.status === 'failed') log.info({ runId, workspaceId, error: result.error }, 'run failed');
      } finally {
        await slots.release(workspaceId, runId).catch(() => undefined);
      }
    }

    const worker = new Worker<RunJobData>(RUN_QUEUE, process, {
      connection: redis,
      prefix: config.QUEUE_PREFIX,
      concurrency: config.WORKER_CONCURRENCY,
      lockDuration: config.JOB_LOCK_MS,
      stalledInterval: Math.max(1_000, Math.floor(config.JOB_LOCK_MS / 2)),
      // A run is resumable, so a job whose worker died is always worth redelivering.
      maxStalledCount: 1_000,
    });
    worker.on('failed', (job, error) => log.warn({ runId: job?.data.runId, err: error }, 'run job failed; it will be retried or swept'));
    worker.on('error', (error) => log.error({ err: error }, 'run worker error'));

    return {
      name: 'runs',
      async stop() {
        // Give running jobs the shutdown window to finish, then abort them: they stop between steps and are handed back.
        const grace = setTimeout(() => stopping.abort(new Error('worker shutting down')), Math.max(0, config.SHUTDOWN_TIMEOUT_MS - 2_000));
        await worker.close();
        clearTimeout(grace);
      },
    };
  };
}
