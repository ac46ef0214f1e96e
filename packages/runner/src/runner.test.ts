import { createDatabase, finishRuns, insertEventsAndRuns, newId, type Database, type Prisma } from '@switchyard/db';
import {
  createTestDatabase,
  startCountingServer,
  startLocalServer,
  testEnv,
  TESTING_APPS_MODULE,
  type CountingServer,
  type LocalServer,
  type TestDatabase,
} from '@switchyard/testing';
import { loadConfig } from '@switchyard/config';
import { REDACTED } from '@switchyard/connectors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SENDS_PER_STEP, RETRIES } from './retry.ts';
import { createRuntime, vaultFromConfig, type Runtime } from './runtime.ts';

let database: TestDatabase;
let db: Database;
let runtime: Runtime;
let counting: CountingServer;
/** A downstream service that is down for good: every request is answered 503. */
let unavailable: LocalServer;
/** A service that answers with what it received, the base64url of its x-api-key header besides. */
let echo: LocalServer;
let workspaceId: string;

beforeAll(async () => {
  database = await createTestDatabase('runner');
  counting = await startCountingServer();
  unavailable = await startLocalServer((_request, response) =>
    response.writeHead(503, { 'content-type': 'application/json' }).end('{"error": "down for maintenance"}'),
  );
  echo = await startLocalServer((request, response) =>
    response.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        url: request.url,
        headers: request.headers,
        apiKeyBase64url: Buffer.from(String(request.headers['x-api-key'] ?? '')).toString('base64url'),
      }),
    ),
  );
  const config = loadConfig(
    testEnv(database.url, {
      CONNECTOR_MODULES: TESTING_APPS_MODULE,
      OUTBOUND_ALLOW: `127.0.0.1:${counting.port},127.0.0.1:${unavailable.port},127.0.0.1:${echo.port}`,
      JOB_LOCK_MS: '2000',
      ZAP_MAX_CONSECUTIVE_FAILURES: '2',
    }),
  );
  db = createDatabase(database.url, { max: 4 });
  runtime = await createRuntime(config, db, vaultFromConfig(config));
  workspaceId = newId('ws');
  await db.prisma.workspace.create({ data: { id: workspaceId, name: 'Runner' } });
});

afterAll(async () => {
  await runtime?.close();
  await db?.close();
  await counting?.close();
  await unavailable?.close();
  await echo?.close();
  await database?.drop();
});

async function queuedRun(steps: Prisma.InputJsonValue[], trigger: unknown = { body: { n: 1 } }, zapId = newId('zap')) {
  if (await db.prisma.zap.findUnique({ where: { id: zapId } })) {
    const runId = newId('run');
    const version = await db.prisma.zapVersion.findFirstOrThrow({ where: { zapId } });
    await insertEventsAndRuns(db.pool, [
      { runId, eventId: newId('evt'), workspaceId, zapId, zapVersionId: version.id, zapVersion: 1, source: 'hook', data: trigger },
    ]);
    return runId;
  }
  const definition = { name: 'z', trigger: { app: 'webhooks', event: 'catch_hook' }, steps };
  await db.prisma.zap.create({ data: { id: zapId, workspaceId, name: 'z', draft: definition, status: 'on' } });
  const version = await db.prisma.zapVersion.create({ data: { id: newId('zv'), workspaceId, zapId, version: 1, definition } });
  const runId = newId('run');
  await insertEventsAndRuns(db.pool, [
    { runId, eventId: newId('evt'), workspaceId, zapId, zapVersionId: version.id, zapVersion: 1, source: 'hook', data: trigger },
  ]);
  return runId;
}

describe('runner', () => {
  it('executes a run and records every step, pure ones included', async () => {
    const runId = await queuedRun([
      { key: 'f', type: 'filter', conditions: [[{ left: '{{trigger.body.n}}', op: 'equals', right: 1 }]] },
      { key: 'call', type: 'action', app: 'testing', action: 'call', input: { url: counting.url } },
      { key: 'fmt', type: 'action', app: 'formatter', action: 'text', input: { operation: 'uppercase', value: 'x' } },
    ]);
    const outcome = await runtime.runner.execute(runId);
    expect(outcome.status).toBe('succeeded');
    const run = await db.prisma.run.findUniqueOrThrow({ where: { id: runId }, include: { steps: true } });
    expect(run.status).toBe('succeeded');
    expect(run.finishedAt).not.toBeNull();
    expect(run.steps.map((s) => s.path).sort()).toEqual(['call', 'f', 'fmt']);
  });

  it('skips a finished run and reports a run another worker holds as busy', async () => {
    const runId = await queuedRun([{ key: 'e', type: 'action', app: 'testing', action: 'echo', input: {} }]);
    await runtime.runner.execute(runId);
    expect(await runtime.runner.execute(runId)).toEqual({ status: 'skipped' });
    const held = await queuedRun([{ key: 'e', type: 'action', app: 'testing', action: 'echo', input: {} }]);
    await db.prisma.run.update({ where: { id: held }, data: { status: 'running', updatedAt: new Date() } });
    expect(await runtime.runner.execute(held)).toEqual({ status: 'busy' });
    // Once the holder's lease has run out, the run is taken over.
    await db.prisma.run.update({ where: { id: held }, data: { updatedAt: new Date(Date.now() - 10_000) } });
    expect((await runtime.runner.execute(held)).status).toBe('succeeded');
  });

  it('claims runs starting together in one batch, each exactly once', async () => {
    const runIds = await Promise.all(Array.from({ length: 12 }, () => queuedRun([{ key: 'e', type: 'action', app: 'testing', action: 'echo', input: {} }])));
    // Every run asked for twice at once, as a duplicated job would: one execution each; the other call finds the run
    // busy (still running) or gone (already finished).
    const results = await Promise.all([...runIds, ...runIds].map((runId) => runtime.runner.execute(runId)));
    runIds.forEach((_, index) => {
      const [other, executed] = [results[index]!.status, results[index + 12]!.status].sort(); // busy < skipped < succeeded
      expect(executed).toBe('succeeded');
      expect(['busy', 'skipped']).toContain(other);
    });
    const runs = await db.prisma.run.findMany({ where: { id: { in: runIds } }, include: { steps: true } });
    expect(runs.map((run) => [run.status, run.steps.length])).toEqual(Array(12).fill(['succeeded', 1]));
  });

  it('resumes after the last persisted success without performing it again', async () => {
    const runId = await queuedRun([
      { key: 'one', type: 'action', app: 'testing', action: 'call', input: { url: counting.url } },
      { key: 'two', type: 'action', app: 'testing', action: 'call', input: { url: counting.url } },
    ]);
    // As if a worker died after step one was recorded.
    await db.prisma.stepRun.create({
      data: {
        id: newId('stp'),
        workspaceId,
        runId,
        path: 'one',
        stepKey: 'one',
        type: 'action',
        app: 'testing',
        action: 'call',
        status: 'success',
        input: {},
        output: { ok: true },
        startedAt: new Date(),
        durationMs: 1,
      },
    });
    await db.prisma.run.update({ where: { id: runId }, data: { status: 'running', updatedAt: new Date(Date.now() - 10_000) } });
    expect((await runtime.runner.execute(runId)).status).toBe('succeeded');
    expect(counting.received().get(`${runId}:one`)).toBeUndefined();
    expect(counting.performed().get(`${runId}:two`)).toBe(1);
  });

  it('stops a run whose records cannot be saved instead of failing its step, and resumes it later', async () => {
    const runId = await queuedRun([
      { key: 'one', type: 'action', app: 'testing', action: 'call', input: { url: counting.url, delayMs: 600 } },
      { key: 'two', type: 'action', app: 'testing', action: 'call', input: { url: counting.url } },
    ]);
    const execution = runtime.runner.execute(runId);
    // While step one is at the service, the table of step records goes away (a real error from PostgreSQL).
    await new Promise((resolve) => setTimeout(resolve, 200));
    await db.pool.query('ALTER TABLE step_runs RENAME TO step_runs_away');
    try {
      await expect(execution).rejects.toThrow(/step_runs/);
    } finally {
      await db.pool.query('ALTER TABLE step_runs_away RENAME TO step_runs');
    }
    // Not failed: still running, so its job is retried; step two was never sent.
    expect((await db.prisma.run.findUniqueOrThrow({ where: { id: runId } })).status).toBe('running');
    expect(counting.received().get(`${runId}:two`)).toBeUndefined();

    await db.prisma.run.update({ where: { id: runId }, data: { updatedAt: new Date(Date.now() - 10_000) } });
    expect((await runtime.runner.execute(runId)).status).toBe('succeeded');
    // Step one's record was lost with the stop, so it was sent again under the same key, which the service answered
    // from its idempotency cache: performed once.
    expect(counting.performed().get(`${runId}:one`)).toBe(1);
    expect(counting.performed().get(`${runId}:two`)).toBe(1);
  });

  it('sends an HTTP step to a service that answers 503 forever exactly MAX_SENDS_PER_STEP times, then fails the run', async () => {
    const runId = await queuedRun([
      {
        key: 'notify',
        type: 'action',
        app: 'http',
        action: 'request',
        input: { method: 'POST', url: `${unavailable.origin}/notify`, bodyType: 'json', jsonBody: { n: 1 } },
      },
    ]);
    const before = unavailable.received.length;
    const outcome = await runtime.runner.execute(runId);
    // The documented worst case (retry.ts): 3 attempts of the request inside each of 3 attempts of the step.
    expect(MAX_SENDS_PER_STEP).toBe(9);
    expect(unavailable.received.length - before).toBe(MAX_SENDS_PER_STEP);
    expect(outcome).toMatchObject({
      status: 'failed',
      error: `Step notify failed: 127.0.0.1:${unavailable.port} answered 503 Service Unavailable: down for maintenance`,
    });
    const [step] = await db.prisma.stepRun.findMany({ where: { runId } });
    expect(step).toMatchObject({ status: 'error', attempts: RETRIES.step.maxAttempts });
    expect(step?.requests).toHaveLength(MAX_SENDS_PER_STEP);
  });

  it('keeps credentials typed into ordinary fields out of the step records, by name and by value, base64 forms included', async () => {
    const typed = {
      bearer: 'typed-secret-123',
      apiKey: 'typed-api-key-456',
      queryKey: 'query-key-789',
      queryToken: 'query-token-abc',
      urlPassword: 'url-pass-def',
      basicPassword: 'basic-pass-ghi',
    };
    const request = (key: string, input: Prisma.InputJsonObject) => ({ key, type: 'action', app: 'http', action: 'request', input });
    const runId = await queuedRun([
      request('headers', {
        url: `${echo.origin}/echo?api_key=${typed.queryKey}&token=${typed.queryToken}&page=2`,
        headers: { Authorization: `Bearer ${typed.bearer}`, 'X-Api-Key': typed.apiKey, Accept: 'application/json' },
      }),
      request('userinfo', { url: `http://ann:${typed.urlPassword}@127.0.0.1:${echo.port}/echo`, query: { api_key: typed.queryKey, page: '3' } }),
      request('basic', { url: `${echo.origin}/echo`, authType: 'basic', username: 'ann', password: typed.basicPassword }),
      // A later step that maps an echoed credential into a field of no particular name.
      { key: 'mapped', type: 'action', app: 'testing', action: 'echo', input: { value: 'seen {{steps.basic.body.headers.authorization}}' } },
    ]);
    const before = echo.received.length;
    expect((await runtime.runner.execute(runId)).status).toBe('succeeded');

    // The service got the real credentials: only what is stored is redacted.
    const received = echo.received.slice(before);
    const basic = (password: string) => `Basic ${Buffer.from(`ann:${password}`).toString('base64')}`;
    expect(received.map((r) => [r.url, r.headers.authorization, r.headers['x-api-key']])).toEqual([
      [`/echo?api_key=${typed.queryKey}&token=${typed.queryToken}&page=2`, `Bearer ${typed.bearer}`, typed.apiKey],
      // The draft is stored as jsonb, which orders keys by length.
      [`/echo?page=3&api_key=${typed.queryKey}`, basic(typed.urlPassword), undefined],
      ['/echo', basic(typed.basicPassword), undefined],
    ]);

    const steps = await db.prisma.stepRun.findMany({ where: { runId }, orderBy: { startedAt: 'asc' } });
    const stored = JSON.stringify(steps);
    const forms = Object.values(typed).flatMap((secret) => [secret, Buffer.from(secret).toString('base64url')]);
    for (const password of [typed.urlPassword, typed.basicPassword]) forms.push(basic(password).slice('Basic '.length));
    for (const form of forms) expect(stored, form).not.toContain(form);

    // Redacted by name in the filled-in input; the rest stays readable.
    const [headers, userinfo] = steps;
    expect(headers?.input).toMatchObject({
      url: `${echo.origin}/echo?api_key=${REDACTED}&token=${REDACTED}&page=2`,
      headers: { Authorization: REDACTED, 'X-Api-Key': REDACTED, Accept: 'application/json' },
    });
    expect(userinfo?.input).toMatchObject({ query: { api_key: REDACTED, page: '3' } });
    expect(headers?.output).toMatchObject({
      status: 200,
      body: { url: `/echo?api_key=${REDACTED}&token=${REDACTED}&page=2`, headers: { accept: 'application/json' } },
    });
    expect(steps[3]?.output).toEqual({ value: `seen ${REDACTED}` });
  });

  it('fails the run with the step’s own message when a step fails permanently', async () => {
    const runId = await queuedRun([{ key: 'h', type: 'action', app: 'testing', action: 'fail', input: { message: 'nope', transient: false } }]);
    const outcome = await runtime.runner.execute(runId);
    expect(outcome).toMatchObject({ status: 'failed', error: 'Step h failed: nope' });
  });

  it('finishes a batch of runs in one statement, counting each zap’s failed runs in a row in batch order', async () => {
    const echo = [{ key: 'e', type: 'action', app: 'testing', action: 'echo', input: {} }];
    const [a, b, c] = [newId('zap'), newId('zap'), newId('zap')];
    const runsOf = async (zapId: string, count: number) => {
      const ids: string[] = [];
      for (let i = 0; i < count; i++) ids.push(await queuedRun(echo, {}, zapId));
      return ids;
    };
    const [aRuns, bRuns, cRuns] = [await runsOf(a, 4), await runsOf(b, 1), await runsOf(c, 1)];
    await db.prisma.zap.update({ where: { id: b }, data: { consecutiveFailures: 3 } });
    const finish = (id: string, status: 'succeeded' | 'failed') => ({
      run: { id, workspaceId },
      outcome: { status, error: status === 'failed' ? 'no' : null },
      steps: [
        {
          path: 'e',
          key: 'e',
          type: 'action' as const,
          app: 'testing',
          action: 'echo',
          status: 'success' as const,
          input: {},
          output: { id },
          error: null,
          missing: [],
          attempts: 1,
          startedAt: new Date().toISOString(),
          durationMs: 1,
          requests: [],
          logs: [],
        },
      ],
    });
    const results = await finishRuns(
      db.pool,
      [
        finish(aRuns[0]!, 'failed'),
        finish(bRuns[0]!, 'failed'),
        finish(aRuns[1]!, 'succeeded'),
        finish(cRuns[0]!, 'succeeded'),
        finish(aRuns[2]!, 'failed'),
        finish(aRuns[3]!, 'failed'),
      ],
      newId,
    );
    // A: a success reset the count, then two failures; B: 3 before, one more; C: nothing to count.
    expect(results.map((result) => result.consecutiveFailures)).toEqual([2, 4, 2, 0, 2, 2]);
    expect(results.map((result) => result.zapId)).toEqual([a, b, a, c, a, a]);
    const zaps = await db.prisma.zap.findMany({ where: { id: { in: [a, b, c] } } });
    expect(Object.fromEntries(zaps.map((zap) => [zap.id, zap.consecutiveFailures]))).toEqual({ [a]: 2, [b]: 4, [c]: 0 });
    const runs = await db.prisma.run.findMany({ where: { id: { in: [...aRuns, ...bRuns, ...cRuns] } }, include: { steps: true }, orderBy: { id: 'asc' } });
    expect(runs.map((run) => [run.status, run.steps.length, run.finishedAt !== null])).toEqual(
      [...aRuns, ...bRuns, ...cRuns].sort().map((id) => [aRuns[1] === id || cRuns[0] === id ? 'succeeded' : 'failed', 1, true]),
    );
  });

  it('a zap whose runs keep failing turns itself off, with the reason shown and an audit entry', async () => {
    const failing = [{ key: 'h', type: 'action', app: 'testing', action: 'fail', input: { message: 'CRM is down for good' } }];
    const zapId = newId('zap');
    await runtime.runner.execute(await queuedRun(failing, {}, zapId));
    expect((await db.prisma.zap.findUniqueOrThrow({ where: { id: zapId } })).consecutiveFailures).toBe(1);
    await runtime.runner.execute(await queuedRun(failing, {}, zapId));
    const zap = await db.prisma.zap.findUniqueOrThrow({ where: { id: zapId } });
    expect(zap.status).toBe('off');
    expect(zap.disabledReason).toMatch(/^Turned off after 2 failed runs in a row\. The last one failed with: Step h failed: CRM is down for good/);
    expect(await db.prisma.auditLog.count({ where: { targetId: zapId, action: 'zap.disabled' } })).toBe(1);
  });
});
