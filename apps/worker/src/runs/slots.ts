// Per-workspace caps on runs executing at once, shared by every worker through Redis; leases expire if a worker dies.
import type { Redis } from '@switchyard/queue';

const ACQUIRE = `
local now = tonumber(ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZSCORE', KEYS[1], ARGV[3]) then
  redis.call('ZADD', KEYS[1], now + tonumber(ARGV[4]), ARGV[3])
  return 1
end
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[2]) then
  redis.call('ZADD', KEYS[1], now + tonumber(ARGV[4]), ARGV[3])
  redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[4]) * 2)
  return 1
end
return 0`;

export interface WorkspaceSlots {
  /** Takes a slot for the run; false when the workspace already runs its maximum. */
  acquire(workspaceId: string, runId: string): Promise<boolean>;
  release(workspaceId: string, runId: string): Promise<void>;
}

export function createWorkspaceSlots(redis: Redis, prefix: string, limit: number, leaseMs: number): WorkspaceSlots {
  const key = (workspaceId: string) => `${prefix}:slots:${workspaceId}`;
  return {
    async acquire(workspaceId, runId) {
      const result = await redis.eval(ACQUIRE, 1, key(workspaceId), String(Date.now()), String(limit), runId, String(leaseMs));
      return result === 1;
    },
    async release(workspaceId, runId) {
      await redis.zrem(key(workspaceId), runId);
    },
  };
}
