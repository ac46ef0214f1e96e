// Intake of trigger events: group-committed to PostgreSQL, then handed to the run queue.
import { createGroupCommit, insertEventsAndRuns, type Database, type NewRun } from '@switchyard/db';
import { enqueueRuns, type RunQueue } from '@switchyard/queue';

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
  const enqueues = new Set<Promise<void>>();
  const writes = createGroupCommit(
    async (runs: NewRun[]) => {
      await insertEventsAndRuns(options.pool, runs);
      // Postgres holds the runs now; if Redis fails here the sweeper enqueues them later. The enqueue does not hold
      // a write slot: the next batch can commit while this one is handed to Redis.
      const enqueue = enqueueRuns(
        options.queue,
        runs.map((run) => ({ runId: run.runId, workspaceId: run.workspaceId })),
      )
        .catch((error: unknown) => options.onEnqueueError?.(error, runs.length))
        .finally(() => enqueues.delete(enqueue));
      enqueues.add(enqueue);
      return runs.map(() => undefined);
    },
    { maxBatch: options.maxBatch ?? 1_000, maxInFlight: options.maxInFlight ?? 2 },
  );

  return {
    submit: (run) => writes.submit(run),
    async drain() {
      await writes.drain();
      await Promise.allSettled([...enqueues]);
    },
  };
}
