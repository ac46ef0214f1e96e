// Time-driven triggers: poll jobs (one scheduler per polling zap) and schedule ticks (one per scheduled zap).
import { cronRepeatStrategy } from '@switchyard/connectors';
import { insertEventsAndRuns, newId } from '@switchyard/db';
import {
  enqueueRuns,
  POLL_QUEUE,
  removeTriggerScheduler,
  SCHEDULE_QUEUE,
  triggerJobData,
  type RunQueue,
  type TriggerJobData,
  type TriggerQueue,
} from '@switchyard/queue';
import { createPoller, type Runtime } from '@switchyard/runner';
import { Worker, type Job } from 'bullmq';
import { pollsDone } from '../metrics.ts';
import type { Processor, ProcessorFactory } from '../worker.ts';

export function pollProcessor(runtime: Runtime, runs: RunQueue, polls: TriggerQueue): ProcessorFactory {
  return ({ config, db, redis, log }) => {
    const poller = createPoller({
      db,
      vault: runtime.vault,
      catalog: runtime.catalog,
      http: runtime.http,
      runs,
      onDisabled: async (zapId, reason) => {
        log.warn({ zapId, reason }, 'polling zap turned off');
        await removeTriggerScheduler(polls, zapId);
      },
    });
    const worker = new Worker<TriggerJobData>(
      POLL_QUEUE,
      async (job: Job<TriggerJobData>) => {
        const { zapId, workspaceId } = triggerJobData.parse(job.data);
        const report = await poller.poll(zapId, workspaceId).catch((error: unknown) => {
          pollsDone.inc({ outcome: 'failed' });
          throw error;
        });
        pollsDone.inc({ outcome: report.status });
        if (report.status === 'skipped') await removeTriggerScheduler(polls, zapId); // the zap is off: stop asking
        return report;
      },
      { connection: redis, prefix: config.QUEUE_PREFIX, concurrency: config.WORKER_CONCURRENCY },
    );
    worker.on('failed', (job, error) => log.info({ zapId: job?.data.zapId, err: error.message }, 'poll failed; it is retried with backoff'));
    worker.on('error', (error) => log.error({ err: error }, 'poll worker error'));
    return { name: 'polls', stop: () => worker.close() } satisfies Processor;
  };
}

export function scheduleProcessor(runs: RunQueue): ProcessorFactory {
  return ({ config, db, redis, log }) => {
    const worker = new Worker<TriggerJobData>(
      SCHEDULE_QUEUE,
      async (job: Job<TriggerJobData>) => {
        const { zapId, workspaceId } = triggerJobData.parse(job.data);
        const zap = await db.prisma.zap.findFirst({ where: { id: zapId, workspaceId }, include: { publishedVersion: true } });
        if (zap?.status !== 'on' || !zap.publishedVersion) return { status: 'skipped' };
        const trigger = (zap.publishedVersion.definition as { trigger?: { input?: { timezone?: string } } }).trigger;
        const runId = newId('run');
        await insertEventsAndRuns(db.pool, [
          {
            runId,
            eventId: newId('evt'),
            workspaceId,
            zapId,
            zapVersionId: zap.publishedVersion.id,
            zapVersion: zap.publishedVersion.version,
            source: 'schedule',
            data: {
              scheduledFor: new Date(job.timestamp + (job.opts.delay ?? 0)).toISOString(),
              firedAt: new Date().toISOString(),
              timezone: trigger?.input?.timezone ?? 'UTC',
            },
          },
        ]);
        await enqueueRuns(runs, [{ runId, workspaceId }]);
        return { status: 'fired', runId };
      },
      // The next tick is scheduled here as each one starts, by the same cron reading the API's queue used on publish.
      { connection: redis, prefix: config.QUEUE_PREFIX, concurrency: 8, settings: { repeatStrategy: cronRepeatStrategy } },
    );
    worker.on('error', (error) => log.error({ err: error }, 'schedule worker error'));
    return { name: 'schedules', stop: () => worker.close() } satisfies Processor;
  };
}
