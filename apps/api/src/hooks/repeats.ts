// Events a service sends twice: an item whose key a hook already took within the window starts no second run.
import type { Redis } from '@switchyard/queue';

/** How long a key is remembered: the copies of one event come seconds apart, even out of a backed-up queue. */
export const REPEAT_WINDOW_SECONDS = 3_600;

const seenKey = (prefix: string, hookId: string, key: string) => `${prefix}:seen:${hookId}:${key}`;

/**
 * The items seen for the first time, in order; items without a key always are. Each key is taken atomically (SET NX),
 * so two copies arriving at once start one run. `release` gives the taken keys back, for a delivery that could not be
 * stored, so that its resending is not mistaken for a repeat. Without Redis every item counts as new: a second run
 * of one event is better than a lost event.
 */
export async function firstSeen(
  redis: Redis,
  prefix: string,
  hookId: string,
  items: readonly unknown[],
  keys: readonly string[] = [],
): Promise<{ items: unknown[]; release(): Promise<void> }> {
  const keyed = keys.slice(0, items.length);
  const everyItem = { items: [...items], release: async () => undefined };
  if (keyed.length === 0) return everyItem;
  const seconds = String(REPEAT_WINDOW_SECONDS);
  const answers = await redis
    .pipeline(keyed.map((key) => ['set', seenKey(prefix, hookId, key), '1', 'EX', seconds, 'NX']))
    .exec()
    .catch(() => null);
  if (!answers) return everyItem;
  // SET NX answers null, without an error, for a key already there; a key Redis failed on counts as new.
  const repeated = (index: number) => {
    const answer = answers[index];
    return answer !== undefined && answer[0] === null && answer[1] === null;
  };
  const taken = keyed.filter((_key, index) => answers[index]?.[1] === 'OK');
  return {
    items: items.filter((_item, index) => index >= keyed.length || !repeated(index)),
    async release() {
      if (taken.length > 0) await redis.del(...taken.map((key) => seenKey(prefix, hookId, key))).catch(() => undefined);
    },
  };
}
