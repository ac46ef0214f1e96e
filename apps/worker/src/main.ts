// The worker process entry point: configuration, logging, processors, and graceful shutdown on SIGTERM/SIGINT.
import { loadConfigOrExit } from '@switchyard/config';
import { pino } from 'pino';
import { processors } from './processors.ts';
import { startWorker, type WorkerProcess } from './worker.ts';

const config = loadConfigOrExit();

const log = pino({ level: config.LOG_LEVEL, base: { service: 'worker', pid: process.pid } });

// Signals are handled from the first moment, so a stop that arrives during start-up still shuts down cleanly.
let worker: Promise<WorkerProcess> | undefined;
let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'shutting down: finishing or handing back jobs');
  const timer = setTimeout(() => {
    log.error('shutdown took too long; exiting (unfinished jobs are redelivered)');
    process.exit(1);
  }, config.SHUTDOWN_TIMEOUT_MS);
  timer.unref();
  const running = await worker?.catch(() => undefined);
  await running?.stop();
  log.info('worker stopped');
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

worker = startWorker(config, log, processors);
worker.catch((error: unknown) => {
  log.error(`worker could not start: ${(error as Error).message}`);
  process.exit(1);
});
