// Per-workspace token buckets for hook intake, in process memory: no round trip on the hot path.
export interface RateLimiter {
  /** Takes one token for `key`; returns 0 when allowed, else the seconds to wait. */
  take(key: string): number;
}

export function createRateLimiter(perSecond: number, now: () => number = () => performance.now()): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const capacity = perSecond; // one second of burst
  return {
    take(key) {
      const time = now();
      let bucket = buckets.get(key);
      if (!bucket) {
        bucket = { tokens: capacity, at: time };
        buckets.set(key, bucket);
        if (buckets.size > 100_000) buckets.clear(); // bounded memory under hostile key churn
      }
      bucket.tokens = Math.min(capacity, bucket.tokens + ((time - bucket.at) / 1000) * perSecond);
      bucket.at = time;
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond));
    },
  };
}
