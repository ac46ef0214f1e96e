// Retrying a write through a short outage (the database restarting, a failover), within a time budget.

/**
 * Calls `write` until it succeeds, waiting 100 ms, then twice as long each time (at most 2 s) between attempts; when
 * the next attempt would start after `budgetMs`, the last error is thrown.
 */
export async function retryWithin<T>(budgetMs: number, write: () => Promise<T>, sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))): Promise<T> {
  const deadline = Date.now() + budgetMs;
  for (let wait = 100; ; wait = Math.min(wait * 2, 2_000)) {
    try {
      return await write();
    } catch (error) {
      if (Date.now() + wait > deadline) throw error;
      await sleep(wait);
    }
  }
}
