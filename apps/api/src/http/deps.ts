// What the API needs from the outside world, built once at start and handed to every feature.
import type { Config } from '@switchyard/config';
import type { Database, Vault } from '@switchyard/db';
import type { Redis, RunQueue } from '@switchyard/queue';
import type { Runtime, TriggerLifecycle } from '@switchyard/runner';
import type { Data } from './data.ts';

export interface Deps {
  config: Config;
  /** The pool for the SQL hot paths, and the database the runner's functions take. The API's own Prisma queries go through data. */
  db: Database;
  data: Data;
  redis: Redis;
  vault: Vault;
  /** Runs are enqueued here after they are committed. */
  queue: RunQueue;
  /** The app catalog and the runner (zap tests run the draft in this process). */
  runtime: Runtime;
  /** Starts and stops what makes triggers fire (poll and schedule jobs, app webhook subscriptions). */
  lifecycle: TriggerLifecycle;
}
