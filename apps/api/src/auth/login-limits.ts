// Login throttling that cannot be turned into a lockout: an escalating delay per (account, address) pair, and a cap on
// wrong passwords per address across accounts (credential stuffing). A stranger's guesses never block the owner elsewhere.
import type { Config } from '@switchyard/config';
import type { Redis } from '@switchyard/queue';

export interface LoginRefusal {
  retryAfterSeconds: number;
  message: string;
}

// One atomic step per attempt, counted before the password is checked, so parallel guesses cannot all slip through
// the free ones; a success takes the attempt back. Replies {0} (go ahead), {1, ms, failures} (this pair waits) or
// {2, ms, failures} (this address waits).
// KEYS: pair failures, pair block, address failures. ARGV: memory ms, free failures, largest delay ms, address cap.
const ATTEMPT = `
local blocked = redis.call('PTTL', KEYS[2])
if blocked > 0 then return {1, blocked, tonumber(redis.call('GET', KEYS[1]) or '0')} end
local address = tonumber(redis.call('GET', KEYS[3]) or '0')
if address >= tonumber(ARGV[4]) then return {2, redis.call('PTTL', KEYS[3]), address} end
local failures = redis.call('INCR', KEYS[1])
redis.call('PEXPIRE', KEYS[1], ARGV[1])
local free = tonumber(ARGV[2])
if failures >= free then
  redis.call('SET', KEYS[2], '1', 'PX', math.floor(math.min(1000 * 2 ^ (failures - free), tonumber(ARGV[3]))))
end
if redis.call('INCR', KEYS[3]) == 1 then redis.call('PEXPIRE', KEYS[3], ARGV[1]) end
return {0}`;

const SUCCEEDED = `
redis.call('DEL', KEYS[1], KEYS[2])
if tonumber(redis.call('GET', KEYS[3]) or '0') > 0 then redis.call('DECR', KEYS[3]) end`;

/** "1 second", "40 seconds", "15 minutes": how long, in words a person reads at a glance. */
function inWords(seconds: number): string {
  if (seconds < 120) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

export function createLoginLimits(redis: Redis, config: Config) {
  const keys = (email: string, address: string) => {
    const prefix = `${config.QUEUE_PREFIX}:login`;
    return [`${prefix}:pair:${email}:${address}`, `${prefix}:pair-block:${email}:${address}`, `${prefix}:address:${address}`];
  };

  return {
    /** Counts an attempt of `email` from `address`, or says why it must wait (before the password is looked at). */
    async attempt(email: string, address: string): Promise<LoginRefusal | null> {
      const args = [config.LOGIN_WINDOW_SECONDS * 1000, config.LOGIN_FREE_FAILURES, config.LOGIN_MAX_DELAY_SECONDS * 1000, config.LOGIN_ADDRESS_MAX_FAILURES];
      const [verdict, waitMs = 0, failures = 0] = (await redis.eval(ATTEMPT, 3, ...keys(email, address), ...args.map(String))) as number[];
      if (verdict === 0) return null;
      const retryAfterSeconds = Math.max(1, Math.ceil(waitMs / 1000));
      const wait = inWords(retryAfterSeconds);
      if (verdict === 1) {
        return {
          retryAfterSeconds,
          message:
            `${failures} wrong passwords for this account from your address: wait ${wait} before trying again. ` +
            `Each further wrong password doubles the wait, up to ${inWords(config.LOGIN_MAX_DELAY_SECONDS)}; logging in from another address is not affected.`,
        };
      }
      return {
        retryAfterSeconds,
        message: `${failures} wrong passwords from your address, across accounts: wait ${wait} before trying again.`,
      };
    },

    /** The right password: this pair starts afresh, and the attempt no longer counts against the address. */
    async succeeded(email: string, address: string): Promise<void> {
      await redis.eval(SUCCEEDED, 3, ...keys(email, address));
    },
  };
}
