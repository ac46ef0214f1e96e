// The instant path across processes: hook -> API -> PostgreSQL -> Redis -> worker -> steps -> run history.
import { startCountingServer, startStack, StackClient, TESTING_APPS_MODULE, type CountingServer, type Stack } from '@switchyard/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let counting: CountingServer;
let stack: Stack;
let client: StackClient;
let ws: string;

beforeAll(async () => {
  counting = await startCountingServer();
  stack = await startStack({
    env: { CONNECTOR_MODULES: TESTING_APPS_MODULE, OUTBOUND_ALLOW: `127.0.0.1:${counting.port}` },
  });
  client = new StackClient(stack.url);
  const signup = await client.request('POST', '/api/v1/auth/signup', { email: 'e2e@example.com', password: 'end-to-end-secret', workspaceName: 'E2E' });
  ws = signup.body.workspace.id;
}, 60_000);

afterAll(async () => {
  await stack?.stop();
  await counting?.close();
});

async function publishZap(name: string, steps: unknown[]): Promise<{ id: string; hookUrl: string }> {
  const created = await client.request('POST', `/api/v1/workspaces/${ws}/zaps`, { name, trigger: { app: 'webhooks', event: 'catch_hook' }, steps });
  expect(created.status).toBe(201);
  const published = await client.request('POST', `/api/v1/workspaces/${ws}/zaps/${created.body.id}/publish`);
  expect(published.status, JSON.stringify(published.body)).toBe(200);
  return created.body;
}

async function runsOf(zapId: string) {
  const reply = await client.request('GET', `/api/v1/workspaces/${ws}/runs?zapId=${zapId}&limit=200`);
  return reply.body.data as Array<{ id: string; status: string }>;
}

async function allFinished(zapId: string, count: number, timeoutMs = 45_000) {
  return client.until(
    `${count} finished runs`,
    async () => {
      const runs = await runsOf(zapId);
      return runs.length === count && runs.every((r) => ['succeeded', 'failed', 'filtered'].includes(r.status)) ? runs : undefined;
    },
    timeoutMs,
  );
}

describe('hook to history, across processes', () => {
  it('runs hook -> filter -> formatter -> code -> action, and the history shows every step and the HTTP call', async () => {
    const zap = await publishZap('VIP greeting', [
      { key: 'only_vip', type: 'filter', conditions: [[{ left: '{{trigger.body.vip}}', op: 'is_true' }]] },
      { key: 'upper', type: 'action', app: 'formatter', action: 'text', input: { operation: 'uppercase', value: '{{trigger.body.name}}' } },
      {
        key: 'shape',
        type: 'code',
        input: {
          code: 'console.log("shaping", input.name); return { greeting: "Hi " + input.name, n: input.n * 2 };',
          inputData: { name: '{{steps.upper.output}}', n: '{{trigger.body.n}}' },
        },
      },
      {
        key: 'notify',
        type: 'action',
        app: 'testing',
        action: 'call',
        input: { url: counting.url, payload: { text: '{{steps.shape.greeting}}', n: '{{steps.shape.n}}' } },
      },
    ]);
    const vip = await fetch(zap.hookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ vip: true, name: 'ada', n: 21 }),
    });
    expect(vip.status).toBe(200);
    const other = await fetch(`${zap.hookUrl}?vip=no`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ vip: false, name: 'bob', n: 1 }),
    });
    expect(other.status).toBe(200);

    const runs = await allFinished(zap.id, 2);
    expect(runs.map((r) => r.status).sort()).toEqual(['filtered', 'succeeded']);
    const succeeded = runs.find((r) => r.status === 'succeeded')!;
    const detail = (await client.request('GET', `/api/v1/workspaces/${ws}/runs/${succeeded.id}`)).body;
    expect(detail).toMatchObject({
      zapId: zap.id,
      zapVersion: 1,
      status: 'succeeded',
      trigger: { data: { method: 'POST', body: { vip: true, name: 'ada', n: 21 } } },
    });
    expect(detail.steps.map((s: { key: string; status: string }) => `${s.key}:${s.status}`)).toEqual([
      'only_vip:success',
      'upper:success',
      'shape:success',
      'notify:success',
    ]);
    const [, upper, shape, notify] = detail.steps;
    expect(upper.output).toEqual({ output: 'ADA' });
    expect(shape.input).toEqual({ inputData: { name: 'ADA', n: 21 } });
    expect(shape.output).toEqual({ greeting: 'Hi ADA', n: 42 });
    expect(shape.logs).toEqual(['shaping ADA']);
    expect(notify.input).toEqual({ url: counting.url, payload: { text: 'Hi ADA', n: 42 } });
    expect(notify.requests).toEqual([
      expect.objectContaining({ method: 'POST', url: counting.url, status: 200, requestBody: { delayMs: 0, payload: { text: 'Hi ADA', n: 42 } } }),
    ]);
    expect(counting.performed().get(`${succeeded.id}:notify`)).toBe(1);
  });

  it('a __proto__ key in a hook body is an ordinary key: templates read it and the history keeps it', async () => {
    const zap = await publishZap('Proto key', [
      { key: 'picked', type: 'action', app: 'testing', action: 'echo', input: { value: '{{trigger.body.__proto__.x}}' } },
      { key: 'whole', type: 'action', app: 'testing', action: 'echo', input: { value: '{{trigger.body}}' } },
    ]);
    const body = '{"__proto__": {"x": 1}, "a": 1}';
    expect((await fetch(zap.hookUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).status).toBe(200);
    const [run] = await allFinished(zap.id, 1);
    expect(run!.status).toBe('succeeded');
    // JSON.parse keeps `__proto__` as an own key (PostgreSQL's jsonb reorders keys, so the text is not compared).
    const detail = (await client.request('GET', `/api/v1/workspaces/${ws}/runs/${run!.id}`)).body;
    const own = (value: unknown, key: string) => Object.getOwnPropertyDescriptor(value, key)?.value;
    expect(Object.keys(detail.trigger.data.body)).toEqual(expect.arrayContaining(['__proto__', 'a']));
    expect(own(detail.trigger.data.body, '__proto__')).toEqual({ x: 1 });
    const [picked, whole] = detail.steps;
    expect(picked.input).toEqual({ value: 1 });
    for (const recorded of [whole.input.value, whole.output.value]) {
      expect(Object.getPrototypeOf(recorded)).toBe(Object.prototype);
      expect(own(recorded, '__proto__')).toEqual({ x: 1 });
      expect(recorded.a).toBe(1);
    }
  });

  it('a failed run can be replayed from the failed step, reusing the steps that succeeded', async () => {
    const zap = await publishZap('Fails then replays', [
      { key: 'first', type: 'action', app: 'testing', action: 'call', input: { url: counting.url } },
      { key: 'boom', type: 'action', app: 'testing', action: 'fail', input: { message: 'The CRM said no' } },
    ]);
    await fetch(zap.hookUrl, { method: 'POST' });
    const [failed] = await allFinished(zap.id, 1);
    expect(failed!.status).toBe('failed');
    const detail = (await client.request('GET', `/api/v1/workspaces/${ws}/runs/${failed!.id}`)).body;
    expect(detail.error).toBe('Step boom failed: The CRM said no');
    expect(detail.steps.find((s: { key: string }) => s.key === 'boom')).toMatchObject({ status: 'error', error: 'The CRM said no', attempts: 1 });

    const replay = await client.request('POST', `/api/v1/workspaces/${ws}/runs/${failed!.id}/replay`, { from: 'failed_step' });
    expect(replay.status).toBe(202);
    const replayed = await client.until('replay to finish', async () => {
      const run = (await client.request('GET', `/api/v1/workspaces/${ws}/runs/${replay.body.runId}`)).body;
      return run.status === 'failed' ? run : undefined;
    });
    expect(replayed.replayOf).toEqual({ id: failed!.id, from: 'failed_step' });
    // The succeeded step was carried over, not called again under the new run's key.
    expect(replayed.steps.find((s: { key: string }) => s.key === 'first')).toMatchObject({ status: 'success' });
    expect(counting.received().get(`${replay.body.runId}:first`)).toBeUndefined();
    expect(counting.performed().get(`${failed!.id}:first`)).toBe(1);
  });

  it('a delay parks the run as waiting and a delayed job resumes it', async () => {
    const zap = await publishZap('Delayed', [
      { key: 'wait', type: 'delay', input: { for: { amount: 2, unit: 'seconds' } } },
      { key: 'after', type: 'action', app: 'testing', action: 'echo', input: { value: 'done' } },
    ]);
    await fetch(zap.hookUrl, { method: 'POST' });
    const waiting = await client.until('the run to wait', async () => (await runsOf(zap.id)).find((r) => r.status === 'waiting'));
    const [finished] = await allFinished(zap.id, 1);
    expect(finished!.id).toBe(waiting.id);
    expect(finished!.status).toBe('succeeded');
  });
});

describe('durability', () => {
  it('a worker killed with SIGKILL mid-run loses nothing and performs no step twice', async () => {
    const zap = await publishZap('Slow', [
      { key: 'slow', type: 'action', app: 'testing', action: 'call', input: { url: counting.url, delayMs: 1500 } },
      { key: 'then', type: 'action', app: 'testing', action: 'call', input: { url: counting.url } },
    ]);
    for (let i = 0; i < 8; i++) expect((await fetch(zap.hookUrl, { method: 'POST' })).status).toBe(200);
    await client.until('runs to be mid-flight', async () => ((await runsOf(zap.id)).some((r) => r.status === 'running') ? true : undefined));
    for (const worker of stack.workers) await worker.stop('SIGKILL');
    stack.workers.length = 0;
    await stack.startWorker();
    const runs = await allFinished(zap.id, 8, 60_000);
    expect(runs.every((r) => r.status === 'succeeded')).toBe(true);
    for (const run of runs) {
      expect(counting.performed().get(`${run.id}:slow`), run.id).toBe(1);
      expect(counting.performed().get(`${run.id}:then`), run.id).toBe(1);
      const detail = (await client.request('GET', `/api/v1/workspaces/${ws}/runs/${run.id}`)).body;
      expect(detail.steps.map((s: { key: string }) => s.key)).toEqual(['slow', 'then']);
    }
  });

  it('runs survive losing every Redis key: the sweeper re-enqueues them, none lost, none doubled', async () => {
    for (const worker of stack.workers) await worker.stop();
    stack.workers.length = 0;
    const zap = await publishZap('Redis loss', [{ key: 'call', type: 'action', app: 'testing', action: 'call', input: { url: counting.url } }]);
    for (let i = 0; i < 10; i++) expect((await fetch(zap.hookUrl, { method: 'POST' })).status).toBe(200);
    expect((await runsOf(zap.id)).every((r) => r.status === 'queued')).toBe(true);
    expect(await stack.wipeRedis()).toBeGreaterThan(0);
    await stack.startWorker();
    const runs = await allFinished(zap.id, 10, 60_000);
    expect(runs.every((r) => r.status === 'succeeded')).toBe(true);
    for (const run of runs) expect(counting.performed().get(`${run.id}:call`)).toBe(1);
  });
});
