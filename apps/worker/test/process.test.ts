import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, freePort, startProcess, testEnv, type TestDatabase } from '@switchyard/testing';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase('worker');
});
afterAll(() => database.drop());

describe('worker process', () => {
  it('starts, reports ready once PostgreSQL and Redis answer, and exits 0 on SIGTERM', async () => {
    const worker = startProcess('apps/worker/src/main.ts', testEnv(database.url, { LOG_LEVEL: 'info' }));
    await worker.waitFor(/worker ready/);
    const code = await worker.stop('SIGTERM');
    expect(code).toBe(0);
    expect(worker.output.join('\n')).toMatch(/worker stopped/);
  });

  it('serves Prometheus metrics of runs and polls on WORKER_METRICS_PORT', async () => {
    const port = await freePort();
    const worker = startProcess('apps/worker/src/main.ts', testEnv(database.url, { LOG_LEVEL: 'info', WORKER_METRICS_PORT: String(port) }));
    try {
      await worker.waitFor(/worker ready/);
      const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      expect(text).toContain('# TYPE switchyard_runs_finished_total counter');
      expect(text).toContain('# TYPE switchyard_run_execution_seconds histogram');
      expect(text).toContain('# TYPE switchyard_polls_total counter');
    } finally {
      await worker.stop();
    }
  });

  it('stops at start, saying so, when its metrics port is taken', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '0.0.0.0', resolve));
    const port = (taken.address() as AddressInfo).port;
    try {
      const worker = startProcess('apps/worker/src/main.ts', testEnv(database.url, { LOG_LEVEL: 'info', WORKER_METRICS_PORT: String(port) }));
      expect(await worker.exited).toBe(1);
      expect(worker.output.join('\n')).toContain(`WORKER_METRICS_PORT ${port} is already in use`);
    } finally {
      taken.close();
    }
  });

  it('refuses to start with one clear line when a setting is missing', async () => {
    const env = testEnv(database.url);
    const worker = startProcess('apps/worker/src/main.ts', { ...env, REDIS_URL: '' });
    expect(await worker.exited).toBe(1);
    expect(worker.output).toEqual([expect.stringMatching(/^Invalid configuration: REDIS_URL is not set/)]);
  });
});
