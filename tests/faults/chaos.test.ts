// The fault suite: hooks keep arriving while workers are killed, Redis is emptied, PostgreSQL restarts and the service fails.
import { startCountingServer, startStack, StackClient, TESTING_APPS_MODULE, type CountingServer, type Stack } from '@switchyard/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHookStream, type HookAttempt } from '../support/hook-stream.ts';
import { query, restartPostgres } from '../support/postgres.ts';

const KILLS = 20;
const FINAL = ['succeeded', 'failed', 'filtered'];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const between = (low: number, high: number) => low + Math.floor(Math.random() * (high - low));

let counting: CountingServer;
let stack: Stack;
let client: StackClient;
let zap: { id: string; hookUrl: string };

beforeAll(async () => {
  counting = await startCountingServer();
  stack = await startStack({
    workers: 2,
    env: {
      CONNECTOR_MODULES: TESTING_APPS_MODULE,
      OUTBOUND_ALLOW: `127.0.0.1:${counting.port}`,
      // A burst of service errors must not switch the zap off mid-stream (that is a feature with its own tests).
      ZAP_MAX_CONSECUTIVE_FAILURES: '0',
    },
  });
  client = new StackClient(stack.url);
  const signup = await client.request('POST', '/api/v1/auth/signup', { email: 'faults@example.com', password: 'faults-password-1', workspaceName: 'Faults' });
  expect(signup.status).toBe(201);
  const ws = signup.body.workspace.id as string;
  const created = await client.request('POST', `/api/v1/workspaces/${ws}/zaps`, {
    name: 'Under fire',
    trigger: { app: 'webhooks', event: 'catch_hook' },
    steps: [
      // A varying delay inside the first call widens the window in which a kill lands mid-step.
      {
        key: 'first',
        type: 'action',
        app: 'testing',
        action: 'call',
        input: { url: counting.url, delayMs: '{{trigger.body.delayMs}}', payload: { seq: '{{trigger.body.seq}}' } },
      },
      { key: 'second', type: 'action', app: 'testing', action: 'call', input: { url: counting.url, payload: { after: '{{steps.first.key}}' } } },
    ],
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const published = await client.request('POST', `/api/v1/workspaces/${ws}/zaps/${created.body.id}/publish`);
  expect(published.status, JSON.stringify(published.body)).toBe(200);
  zap = created.body;
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  await counting?.close();
});

/** Kills a random worker with SIGKILL, `times` times, starting a new one after each kill. */
async function killWorkers(times: number, log: string[]): Promise<number> {
  let killed = 0;
  for (let i = 0; i < times; i++) {
    await sleep(between(700, 2_800));
    const index = between(0, stack.workers.length);
    const victim = stack.workers[index]!;
    stack.workers.splice(index, 1);
    victim.child.kill('SIGKILL');
    await victim.exited;
    if (victim.child.signalCode === 'SIGKILL') killed++;
    log.push(`kill ${i + 1}: worker pid ${victim.child.pid} (${victim.child.signalCode})`);
    await stack.startWorker();
  }
  return killed;
}

/** The API is ready again (PostgreSQL and Redis reachable) within `timeoutMs`; returns how long it took. */
async function untilReady(timeoutMs: number): Promise<number> {
  const started = Date.now();
  return client.until(
    'the API to be ready again',
    async () => ((await fetch(`${stack.url}/readyz`)).status === 200 ? Date.now() - started : undefined),
    timeoutMs,
  );
}

interface RunRow {
  id: string;
  status: string;
  error: string | null;
  eventId: string;
  seq: number;
  attempt: number;
  records: number;
  paths: number;
}

describe('faults under a steady stream of hook requests', () => {
  it('after 20 worker kills, a Redis wipe, a PostgreSQL restart and a failing service, every accepted request has exactly one run, every run succeeded and no step was performed twice', async () => {
    const began = Date.now();
    const log: string[] = [];
    const stream = startHookStream({
      hookUrl: zap.hookUrl,
      senders: 4,
      pauseMs: 120,
      maxRequests: 4_000,
      durationMs: 150_000,
      retryForMs: 60_000,
      body: (seq, attempt) => ({ seq, attempt, delayMs: between(0, 300) }),
    });

    let redisKeysWiped = 0;
    let postgres = { restartMs: 0, readyAfterMs: 0, restartedAt: 0 };
    const [killed] = await Promise.all([
      killWorkers(KILLS, log),
      (async () => {
        await sleep(12_000);
        // Not FLUSHALL: CI and other test runs share this Redis. Deleting every key of this stack's prefix is exactly
        // what a flush (or a restart without persistence) does to this stack: queues, jobs, locks and slots are gone.
        redisKeysWiped = await stack.wipeRedis();
        log.push(`redis: deleted ${redisKeysWiped} keys of ${stack.env.QUEUE_PREFIX}`);
      })(),
      (async () => {
        await sleep(30_000);
        const restartMs = await restartPostgres();
        const restartedAt = Date.now();
        postgres = { restartMs, restartedAt, readyAfterMs: await untilReady(60_000) };
        log.push(`postgres: restarted in ${restartMs} ms, API ready ${postgres.readyAfterMs} ms later`);
      })(),
      (async () => {
        await sleep(48_000);
        // Short bursts, so the errors hit many runs once rather than one run on every retry.
        for (let round = 0; round < 4; round++) {
          counting.failNext(4, 500);
          await sleep(1_500);
          counting.failNext(4, 429, 1);
          await sleep(1_500);
        }
        log.push('service: 4 bursts of 500s and 4 of 429s');
      })(),
    ]);
    // Some calm after the last fault, then the stream ends and the backlog drains.
    await sleep(4_000);
    await stream.stop();
    const streamEnded = Date.now();

    const url = stack.database.url;
    const drained = await client
      .until(
        'every run to reach a final status',
        async () => {
          const open = await query<{ count: string }>(url, `SELECT count(*) FROM runs WHERE "zapId" = $1 AND status::text <> ALL($2)`, [zap.id, FINAL]);
          return Number(open[0]!.count) === 0 ? Date.now() - streamEnded : undefined;
        },
        90_000,
      )
      .catch(async (error: Error) => {
        // Say which runs are stuck, and where, so a failure here can be diagnosed from CI's output alone.
        const open = await query<{ id: string; status: string; updatedAt: Date; steps: number }>(
          url,
          `SELECT r.id, r.status::text AS status, r."updatedAt", (SELECT count(*) FROM step_runs s WHERE s."runId" = r.id)::int AS steps
           FROM runs r WHERE r."zapId" = $1 AND r.status::text <> ALL($2) ORDER BY r."updatedAt" LIMIT 20`,
          [zap.id, FINAL],
        );
        const jobs = await stack.runJobs(open.map((run) => run.id));
        throw new Error(`${error.message}; still open: ${JSON.stringify(open)}; their jobs: ${JSON.stringify(jobs)}; faults: ${log.join('; ')}`);
      });

    const runs = await query<RunRow>(
      url,
      `SELECT r.id, r.status::text AS status, r.error, r."triggerEventId" AS "eventId",
              (e.data->'body'->>'seq')::int AS seq, (e.data->'body'->>'attempt')::int AS attempt,
              (SELECT count(*) FROM step_runs s WHERE s."runId" = r.id)::int AS records,
              (SELECT count(DISTINCT s.path) FROM step_runs s WHERE s."runId" = r.id)::int AS paths
         FROM runs r JOIN trigger_events e ON e.id = r."triggerEventId" WHERE r."zapId" = $1`,
      [zap.id],
    );
    const serviceErrors = await query<{ count: string }>(
      url,
      `SELECT count(*) FROM step_runs s, jsonb_array_elements(s.requests) r WHERE s."runId" IN (SELECT id FROM runs WHERE "zapId" = $1) AND (r->>'status')::int IN (429, 500)`,
      [zap.id],
    );

    const attempts = stream.attempts;
    const accepted = attempts.filter((a) => a.outcome === 'accepted');
    const byOutcome = (outcome: HookAttempt['outcome']) => attempts.filter((a) => a.outcome === outcome).length;
    const runsByEvent = new Map<string, RunRow[]>();
    for (const run of runs) runsByEvent.set(run.eventId, [...(runsByEvent.get(run.eventId) ?? []), run]);
    const acceptedKeys = new Set(accepted.map((a) => `${a.seq}/${a.attempt}`));
    const unanswered = new Set(attempts.filter((a) => a.outcome !== 'accepted').map((a) => `${a.seq}/${a.attempt}`));
    // A run whose request got no 200 (the connection broke after the commit): the client sent that request again.
    const unacknowledged = runs.filter((run) => !acceptedKeys.has(`${run.seq}/${run.attempt}`));

    const performed = counting.performed();
    const received = counting.received();
    const expectedKeys = new Set(runs.flatMap((run) => [`${run.id}:first`, `${run.id}:second`]));
    const duplicates = [...performed].filter(([key, times]) => times !== 1 || !expectedKeys.has(key));
    const missing = [...expectedKeys].filter((key) => performed.get(key) !== 1);
    const resent = [...received.values()].reduce((sum, n) => sum + n, 0) - [...performed.values()].reduce((sum, n) => sum + n, 0);
    const succeeded = runs.filter((run) => run.status === 'succeeded').length;
    const acceptedAfterRestart = accepted.filter((a) => a.at > postgres.restartedAt + postgres.readyAfterMs).length;

    const summary = {
      requests: stream.started(),
      accepted: accepted.length,
      runs: runs.length,
      succeeded,
      failed: runs.filter((run) => run.status === 'failed').length,
      duplicates: duplicates.length,
      actionsPerformed: performed.size,
      resentWithSameKey: resent,
      serviceErrorsInHistory: Number(serviceErrors[0]!.count),
      unacknowledgedRuns: unacknowledged.length,
      answered503: byOutcome('unavailable'),
      connectionErrors: byOutcome('connection_error'),
      unexpected: byOutcome('unexpected'),
      workersKilled: killed,
      redisKeysWiped,
      postgresRestartMs: postgres.restartMs,
      apiReadyAfterRestartMs: postgres.readyAfterMs,
      acceptedAfterRestart,
      drainMs: drained,
      totalSeconds: Math.round((Date.now() - began) / 1000),
    };
    console.log(`fault suite:\n${log.join('\n')}\n${JSON.stringify(summary, null, 2)}`);

    // The faults really happened.
    expect(killed).toBe(KILLS);
    expect(redisKeysWiped).toBeGreaterThan(0);
    expect(postgres.restartMs).toBeGreaterThan(0);
    expect(summary.serviceErrorsInHistory, 'the service errors reached runs').toBeGreaterThan(0);
    expect(acceptedAfterRestart, 'the stream went on after PostgreSQL came back').toBeGreaterThan(0);
    // The client: every logical request was accepted in the end, and nothing but 200 or 503 came back.
    expect(
      attempts.filter((a) => a.outcome === 'unexpected'),
      'unexpected answers',
    ).toEqual([]);
    const acceptedSeqs = new Set(accepted.map((a) => a.seq));
    expect(
      Array.from({ length: stream.started() }, (_, seq) => seq).filter((seq) => !acceptedSeqs.has(seq)),
      'requests never accepted',
    ).toEqual([]);
    // Every accepted request has exactly one run.
    expect(
      accepted.filter((a) => runsByEvent.get(a.eventId!)?.length !== 1),
      'accepted requests without exactly one run',
    ).toEqual([]);
    // Runs beyond those are only requests whose answer was lost, and each of those is one run too.
    expect(
      unacknowledged.filter((run) => !unanswered.has(`${run.seq}/${run.attempt}`)),
      'runs of requests never sent',
    ).toEqual([]);
    expect(runs.length).toBe(accepted.length + unacknowledged.length);
    // Every run reached a final status, and succeeded: the service's errors were retried, kills resumed.
    expect(
      runs.filter((run) => run.status !== 'succeeded').map((run) => `${run.id}: ${run.status}: ${run.error}`),
      'runs that did not succeed',
    ).toEqual([]);
    // One record per step, and each step performed exactly once at the service.
    expect(
      runs.filter((run) => run.records !== 2 || run.paths !== 2).map((run) => run.id),
      'runs with missing or doubled step records',
    ).toEqual([]);
    expect(duplicates, 'actions performed twice, or under a key of no step').toEqual([]);
    expect(missing, 'steps not performed exactly once').toEqual([]);
    // The API and the workers survived it all.
    expect(stack.api.child.exitCode).toBeNull();
    expect(stack.workers.filter((worker) => worker.child.exitCode === null)).toHaveLength(2);
  });
});
