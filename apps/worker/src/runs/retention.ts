// Keeps run history within its retention: hourly, in batches, so a large backlog never holds long locks.
import { pruneHistory } from '@switchyard/db';
import type { ProcessorFactory } from '../worker.ts';

const INTERVAL_MS = 60 * 60 * 1000;

export const retentionProcessor: ProcessorFactory = ({ config, db, log }) => {
  let pruning: Promise<void> | null = null;
  let stopped = false;

  async function prune() {
    let total = 0;
    for (;;) {
      const deleted = await pruneHistory(db.pool, config.RUN_RETENTION_DAYS);
      total += deleted;
      if (deleted === 0 || stopped) break;
    }
    if (total > 0) log.info({ runs: total }, 'pruned run history past its retention');
  }

  const tick = () => {
    if (pruning) return;
    pruning = prune()
      .catch((error: unknown) => log.warn({ err: error }, 'pruning run history failed; trying again next hour'))
      .finally(() => {
        pruning = null;
      });
  };
  const first = setTimeout(tick, 30_000);
  const timer = setInterval(tick, INTERVAL_MS);

  return {
    name: 'retention',
    async stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(timer);
      await pruning;
    },
  };
};
