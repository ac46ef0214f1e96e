// When a failed HTTP attempt is worth repeating, and how long to wait before the next one.
// This is the innermost of three retry layers; packages/runner/src/retry.ts describes how they nest.

export interface RetryPolicy {
  /** Attempts in total, the first included. 1 turns retrying off. */
  maxAttempts: number;
  baseDelayMs: number;
  /** Ceiling of the exponential backoff between attempts. */
  maxDelayMs: number;
  /**
   * A Retry-After longer than this is not slept through inside the request: the step fails as
   * transient with retryAfterMs, and the step's own retry waits it out or gives up.
   */
  maxRetryAfterMs: number;
  /** 500 often means a bug rather than an outage; retrying it is a choice. */
  retryOn500: boolean;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 3,
  baseDelayMs: 500,
  maxDelayMs: 10_000,
  maxRetryAfterMs: 30_000,
  retryOn500: false,
};

/** Statuses that say "try again later", as opposed to "this request is wrong". */
export function isTransientStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

export function isRetryableStatus(status: number, policy: RetryPolicy): boolean {
  return status === 408 || status === 429 || status === 502 || status === 503 || status === 504 || (status === 500 && policy.retryOn500);
}

const idempotentMethods = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'TRACE']);

/**
 * Whether repeating the request cannot duplicate an effect: idempotent methods, requests carrying an
 * idempotency key, and answers (429, 503) or failures (refused connection) where the server did nothing.
 */
export function canRepeat(method: string, headers: Record<string, string>, reason: { status?: number; notSent?: boolean }): boolean {
  if (idempotentMethods.has(method)) return true;
  if (Object.keys(headers).some((name) => name.toLowerCase() === 'idempotency-key')) return true;
  if (reason.notSent) return true;
  return reason.status === 429 || reason.status === 503;
}

/** Milliseconds from `now` that a Retry-After header asks for (delta-seconds or an HTTP date). */
export function parseRetryAfter(header: string | undefined, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** Exponential backoff with jitter: attempt 1 waits about base, then 2x, 4x... up to the ceiling. */
export function backoffDelay(attempt: number, policy: RetryPolicy, random = Math.random): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(exponential / 2 + (random() * exponential) / 2);
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
