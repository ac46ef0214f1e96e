// Fixed-window counters in Redis, shared by every API process (unknown hook keys and similar probes).
import type { Redis } from '@switchyard/queue';

export interface RateLimitResult {
  allowed: boolean;
  retryAfterSeconds: number;
}

const SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
return {count, ttl}`;

/** Counts one hit against `key`; refuses once `limit` hits happened within the window. */
export async function hit(redis: Redis, key: string, limit: number, windowSeconds: number): Promise<RateLimitResult> {
  const [count, ttl] = (await redis.eval(SCRIPT, 1, key, String(windowSeconds * 1000))) as [number, number];
  return { allowed: count <= limit, retryAfterSeconds: Math.max(1, Math.ceil(ttl / 1000)) };
}
