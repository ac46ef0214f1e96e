// How Switchyard retries, described once: the three layers around a step, their policies as data, and the worst case.
import { defaultRetryPolicy } from '@switchyard/connectors';
import { DEFAULT_EXECUTE_OPTIONS } from '@switchyard/engine';

/**
 * A step that talks to a service is retried at three layers, from the inside out.
 *
 * 1. The request: `RETRIES.request`, the guarded HTTP client's policy (connectors, `http/retry.ts`). One request is
 *    sent up to 3 times while the answer says "later" (408, 429, 502, 503, 504; not 500) or the connection failed,
 *    and only when sending it again cannot do the thing twice: an idempotent method, an Idempotency-Key header, a 429
 *    or 503 (the service did nothing), a request that never left. Between attempts it waits 0.5 s, doubling up to
 *    10 s, with jitter, or the service's Retry-After up to 30 s; a longer Retry-After ends the request at once. The
 *    last answer goes back to the action, which fails its step: as transient for 408, 429, 5xx and network failures.
 *    `fetch` inside code steps makes one attempt per call (code-fetch.ts): the code sees every status itself.
 * 2. The step: `RETRIES.step`, the engine's executor. A step that failed as transient is performed again, whole, up
 *    to 3 attempts in all, waiting 1 s, doubling up to 30 s, with jitter, or the service's Retry-After up to 60 s (the
 *    worker waits, keeping the run); a longer Retry-After fails the step with the wait the service asked for. Permanent
 *    failures (other 4xx, bad input, the code's own errors) fail at once, as do steps the engine computes (formatter).
 * 3. The database work around steps: `RETRIES.database`, `retryWithin` below (saving earlier records before a step
 *    that reaches outside, reading a connection, the run's finish or parking). It waits 100 ms, doubling up to 2 s,
 *    for as long as the run's lease (JOB_LOCK_MS), and never sends anything: a step is only performed once the records
 *    before it are saved. If PostgreSQL stays away longer, the run stops without failing and its job is retried
 *    (`RUN_JOB_OPTIONS` in the queue package, then the sweeper); the run resumes at its first step without a saved
 *    success.
 *
 * So a step that keeps meeting "later" sends one request at most `MAX_SENDS_PER_STEP` times: 3 client attempts for
 * each of 3 step attempts, 9 (the runner's tests prove it against a service that answers 503 forever). A redirect
 * starts a new request to the new address. A step is performed again beyond that only when its record was lost after
 * it was sent: the worker died or shut down, or PostgreSQL stayed away past the lease (layer 3). It is then sent again
 * under the same idempotency key, so a service that honours the key does not act twice.
 */
export const RETRIES = {
  request: defaultRetryPolicy,
  step: {
    maxAttempts: DEFAULT_EXECUTE_OPTIONS.maxAttempts,
    baseBackoffMs: DEFAULT_EXECUTE_OPTIONS.baseBackoffMs,
    maxBackoffMs: DEFAULT_EXECUTE_OPTIONS.maxBackoffMs,
    maxRetryAfterMs: DEFAULT_EXECUTE_OPTIONS.maxRetryAfterMs,
  },
  /** The time budget is the caller's: the run's lease. */
  database: { firstWaitMs: 100, maxWaitMs: 2_000 },
} as const;

/** How many times one request of one step execution can be sent, at most. */
export const MAX_SENDS_PER_STEP = RETRIES.request.maxAttempts * RETRIES.step.maxAttempts;

export interface RetryOptions {
  /** Whether an error is worth another attempt (default: every error). */
  retryIf?: (error: unknown) => boolean;
  sleep?: (ms: number) => Promise<unknown>;
}

/**
 * Calls `write` until it succeeds, waiting `RETRIES.database.firstWaitMs`, then twice as long each time (at most
 * `maxWaitMs`) between attempts; when the next attempt would start after `budgetMs`, or the error is not worth
 * retrying, the error is thrown.
 */
export async function retryWithin<T>(budgetMs: number, write: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const sleep = options.sleep ?? ((ms: number) => new Promise((resolve) => setTimeout(resolve, ms)));
  const deadline = Date.now() + budgetMs;
  const { firstWaitMs, maxWaitMs } = RETRIES.database;
  for (let wait: number = firstWaitMs; ; wait = Math.min(wait * 2, maxWaitMs)) {
    try {
      return await write();
    } catch (error) {
      if (Date.now() + wait > deadline || (options.retryIf && !options.retryIf(error))) throw error;
      await sleep(wait);
    }
  }
}
