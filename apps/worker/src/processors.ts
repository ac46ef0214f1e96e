// The processors this worker runs: runs, polls and schedule ticks (sharing one runtime), and the sweeper.
import { createRunQueue, createTriggerQueue, POLL_QUEUE } from '@switchyard/queue';
import { createRuntime, vaultFromConfig } from '@switchyard/runner';
import { serveMetrics } from './metrics.ts';
import { runProcessor } from './runs/processor.ts';
import { retentionProcessor } from './runs/retention.ts';
import { sweeperProcessor } from './runs/sweeper.ts';
import { pollProcessor, scheduleProcessor } from './triggers/processors.ts';
import type { ProcessorFactory } from './worker.ts';

const executors: ProcessorFactory = async (context) => {
  const { config, db, redis, log } = context;
  // First: a port already taken stops the start before any job is taken.
  const metrics = await serveMetrics(config.WORKER_METRICS_PORT);
  const runtime = await createRuntime(config, db, vaultFromConfig(config), (message) => {
    // isolated-vm's advice: V8 lost control of an isolate; finish what can be finished and leave.
    log.fatal({ message }, 'sandbox failure; stopping the worker');
    process.kill(process.pid, 'SIGTERM');
  });
  const runQueue = createRunQueue(redis, config.QUEUE_PREFIX);
  const pollQueue = createTriggerQueue(redis, config.QUEUE_PREFIX, POLL_QUEUE);
  const processors = await Promise.all([
    runProcessor(runtime.runner)(context),
    pollProcessor(runtime, runQueue, pollQueue)(context),
    scheduleProcessor(runQueue)(context),
  ]);
  return {
    name: processors.map((p) => p.name).join('+'),
    async stop() {
      metrics?.close();
      await Promise.allSettled(processors.map((p) => p.stop()));
      await Promise.allSettled([runQueue.close(), pollQueue.close()]);
      await runtime.close();
    },
  };
};

export const processors: ProcessorFactory[] = [executors, sweeperProcessor, retentionProcessor];
