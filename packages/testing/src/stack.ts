// Switchyard as separate processes (API and workers) on a fresh database, for end-to-end, crash and fault tests.
import { createServer } from 'node:net';
import { createRedis, createRunQueue } from '@switchyard/queue';
import { createTestDatabase, testEnv, type TestDatabase } from './database.ts';
import { startProcess, type ServiceProcess } from './processes.ts';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Polls a health URL until it answers 200; fails early, with the output, if the process exits. */
async function waitForHealth(url: string, service: ServiceProcess, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (service.child.exitCode !== null) throw new Error(`the API exited with ${service.child.exitCode}:\n${service.output.slice(-30).join('\n')}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the API did not become healthy within ${timeoutMs} ms:\n${service.output.slice(-30).join('\n')}`);
}

export interface Stack {
  url: string;
  env: Record<string, string>;
  database: TestDatabase;
  api: ServiceProcess;
  workers: ServiceProcess[];
  /** Starts one more worker process and waits until it is ready. */
  startWorker(): Promise<ServiceProcess>;
  /** Deletes every Redis key of this stack: what a Redis restart without persistence does to it. */
  wipeRedis(): Promise<number>;
  /** The BullMQ state of each run's job (for diagnosing a stuck run). */
  runJobs(runIds: readonly string[]): Promise<Record<string, string>>;
  stop(): Promise<void>;
}

const WIPE_PREFIX = `
local keys = redis.call('KEYS', ARGV[1])
for i = 1, #keys, 5000 do redis.call('DEL', unpack(keys, i, math.min(i + 4999, #keys))) end
return #keys`;

export async function startStack(options: { workers?: number; env?: Record<string, string> } = {}): Promise<Stack> {
  const database = await createTestDatabase('e2e');
  const port = await freePort();
  const env = testEnv(database.url, {
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    LOG_LEVEL: 'info',
    JOB_LOCK_MS: '3000',
    SWEEP_INTERVAL_MS: '500',
    SWEEP_QUEUED_AFTER_MS: '1000',
    SHUTDOWN_TIMEOUT_MS: '5000',
    ...options.env,
  });
  const api = startProcess('apps/api/src/main.ts', env);
  const workers: ServiceProcess[] = [];
  const startWorker = async () => {
    // The worker says it is ready at info level; it logs little else, so quieter settings apply to the API only.
    const worker = startProcess('apps/worker/src/main.ts', { ...env, LOG_LEVEL: 'info' });
    workers.push(worker);
    await worker.waitFor(/worker ready/);
    return worker;
  };
  try {
    await waitForHealth(`http://127.0.0.1:${port}/healthz`, api);
    for (let i = 0; i < (options.workers ?? 1); i++) await startWorker();
  } catch (error) {
    await Promise.all([api.stop('SIGKILL'), ...workers.map((w) => w.stop('SIGKILL'))]);
    await database.drop();
    throw error;
  }
  return {
    url: `http://127.0.0.1:${port}`,
    env,
    database,
    api,
    workers,
    startWorker,
    async wipeRedis() {
      // One script, so the wipe is atomic like FLUSHALL or a restart without persistence: no worker sees half of it.
      const redis = createRedis(env.REDIS_URL!);
      try {
        const removed = await redis.eval(WIPE_PREFIX, 0, `${env.QUEUE_PREFIX}:*`);
        return Number(removed);
      } finally {
        redis.disconnect();
      }
    },
    async runJobs(runIds) {
      const redis = createRedis(env.REDIS_URL!);
      const queue = createRunQueue(redis, env.QUEUE_PREFIX!);
      try {
        const states = await Promise.all(
          runIds.map(async (id) => {
            const state = await queue.getJobState(id);
            const fields = state === 'unknown' ? Object.keys(await redis.hgetall(queue.toKey(id))) : [];
            return [id, fields.length ? `${state} (a key with ${fields.join(', ')})` : state] as const;
          }),
        );
        return Object.fromEntries(states);
      } finally {
        await queue.close();
        redis.disconnect();
      }
    },
    async stop() {
      await Promise.all([api.stop(), ...workers.map((w) => w.stop())]);
      await database.drop();
    },
  };
}

/** Polls `check` every 200 ms until it returns a value; fails naming `what` after `timeoutMs`. */
export async function until<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** A small JSON client for a running stack, holding the session cookie. */
export class StackClient {
  cookie = '';
  constructor(readonly base: string) {}

  // biome-ignore lint/suspicious/noExplicitAny: replies default to `any` because tests inspect them field by field in assertions.
  async request<T = any>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const response = await fetch(this.base + path, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(this.cookie ? { cookie: this.cookie } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0]!;
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
  }

  until<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
    return until(what, check, timeoutMs);
  }
}
