// Group commit for trigger events: requests that arrive while a write is in flight share the next one.
import { insertEventsAndRuns, type Database, type NewRun } from '@switchyard/db';
import { enqueueRuns, type RunQueue } from '@switchyard/queue';

interface Pending {
  run: NewRun;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export interface IntakeOptions {
  pool: Database['pool'];
  queue: RunQueue;
  /** Largest batch written in one statement. */
  maxBatch?: number;
  /** Writes in flight at once; more requests wait and join the next batch. */
  maxInFlight?: number;
  onEnqueueError?: (error: unknown, count: number) => void;
}

export interface Intake {
  /** Resolves once the event and its run are committed; the job is enqueued afterwards without holding the caller. */
  submit(run: NewRun): Promise<void>;
  /** Waits for in-flight writes and enqueues (shutdown). */
  drain(): Promise<void>;
}

export function createIntake(options: IntakeOptions): Intake {
  const maxBatch = options.maxBatch ?? 1_000;
  const maxInFlight = options.maxInFlight ?? 2;
  const pending: Pending[] = [];
  const work = new Set<Promise<void>>();
  let inFlight = 0;

  function pump() {
    while (inFlight < maxInFlight && pending.length > 0) {
      const batch = pending.splice(0, maxBatch);
      inFlight++;
      const task = flush(batch).finally(() => {
        inFlight--;
        work.delete(task);
        pump();
      });
      work.add(task);
    }
  }

  async function flush(batch: Pending[]) {
    const runs = batch.map((item) => item.run);
    try {
      await insertEventsAndRuns(options.pool, runs);
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    for (const item of batch) item.resolve();
    // Postgres holds the runs now; if Redis fails here the sweeper enqueues them later. The enqueue does not hold
    // a write slot: the next batch can commit while this one is handed to Redis.
    const enqueue = enqueueRuns(options.queue, runs.map((run) => ({ runId: run.runId, workspaceId: run.workspaceId })))
      .catch((error: unknown) => options.onEnqueueError?.(error, runs.length))
      .finally(() => work.delete(enqueue));
    work.add(enqueue);
  }

  return {
    submit(run) {
      return new Promise<void>((resolve, reject) => {
        pending.push({ run, resolve, reject });
        pump();
      });
    },
    async drain() {
      while (work.size > 0 || pending.length > 0) {
        pump();
        await Promise.allSettled([...work]);
      }
    },
  };
}
