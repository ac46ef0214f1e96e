// Group commit: calls that arrive while a write is in flight share the next one, so one statement carries many.
export interface GroupCommitOptions {
  /** Largest batch written in one statement. */
  maxBatch?: number;
  /** Writes in flight at once; more calls wait and join the next batch. */
  maxInFlight?: number;
  /**
   * When a batch fails, write each of its items again alone, so that one item the database refuses fails only its
   * own caller. For writes whose failure costs more than a retry (a finished run would be executed again).
   */
  isolateFailures?: boolean;
}

export interface GroupCommit<In, Out> {
  /** Resolves with this item's result once the batch holding it is written; rejects if that batch failed. */
  submit(item: In): Promise<Out>;
  /** Waits until every submitted item is written (shutdown). */
  drain(): Promise<void>;
}

/**
 * `write` takes a batch and returns one result per item, in order. Under light load a call is written at once, alone;
 * under heavy load the batches grow by themselves, which is when saving statements and commits matters.
 */
export function createGroupCommit<In, Out>(write: (batch: In[]) => Promise<Out[]>, options: GroupCommitOptions = {}): GroupCommit<In, Out> {
  const maxBatch = options.maxBatch ?? 1_000;
  const maxInFlight = options.maxInFlight ?? 2;
  const pending: Array<{ item: In; resolve: (value: Out) => void; reject: (error: unknown) => void }> = [];
  const inFlight = new Set<Promise<void>>();

  function pump() {
    while (inFlight.size < maxInFlight && pending.length > 0) {
      const batch = pending.splice(0, maxBatch);
      const task = write(batch.map((entry) => entry.item)).then(
        (results) => {
          for (const [index, entry] of batch.entries()) entry.resolve(results[index]!);
        },
        async (error: unknown) => {
          if (!options.isolateFailures || batch.length === 1) {
            for (const entry of batch) entry.reject(error);
            return;
          }
          await Promise.all(batch.map((entry) => write([entry.item]).then(([result]) => entry.resolve(result!), entry.reject)));
        },
      );
      const tracked = task.finally(() => {
        inFlight.delete(tracked);
        pump();
      });
      inFlight.add(tracked);
    }
  }

  return {
    submit(item) {
      return new Promise<Out>((resolve, reject) => {
        pending.push({ item, resolve, reject });
        pump();
      });
    },
    async drain() {
      while (inFlight.size > 0 || pending.length > 0) {
        pump();
        await Promise.allSettled([...inFlight]);
      }
    },
  };
}
