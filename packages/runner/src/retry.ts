// Retrying a write through a short outage (the database restarting, a failover), within a time budget.

export interface RetryOptions {
  /** Whether an error is worth another attempt (default: every error). */
  retryIf?: (error: unknown) => boolean;
  sleep?: (ms: number) => Promise<unknown>;
}

/**
 * Calls `write` until it succeeds, waiting 100 ms, then twice as long each time (at most 2 s) between attempts; when
 * the next attempt would start after `budgetMs`, or the error is not worth retrying, the error is thrown.
 */
export async function retryWithin<T>(budgetMs: number, write: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const sleep = options.sleep ?? ((ms: number) => new Promise((resolve) => setTimeout(resolve, ms)));
  const deadline = Date.now() + budgetMs;
  for (let wait = 100; ; wait = Math.min(wait * 2, 2_000)) {
    try {
      return await write();
    } catch (error) {
      if (Date.now() + wait > deadline || (options.retryIf && !options.retryIf(error))) throw error;
      await sleep(wait);
    }
  }
}
