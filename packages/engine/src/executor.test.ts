import { describe, expect, it } from 'vitest';
import { ZapDefinition, type StepRecord, type StepRequest } from '@switchyard/contracts';
import { executeRun } from './executor.ts';
import { StepFailure } from './failure.ts';
import type { EnginePorts, ExecuteOptions, PerformActionRequest, RunCodeRequest } from './ports.ts';

const START = Date.parse('2024-03-05T10:00:00.000Z');

type ActionHandler = (request: PerformActionRequest) => unknown;
type CodeHandler = (request: RunCodeRequest) => { output: unknown; logs?: string[] };

/** In-memory ports: a clock that only moves when the engine sleeps or a test advances it. */
function harness(handlers: { actions?: Record<string, ActionHandler>; code?: CodeHandler } = {}) {
  const records: StepRecord[] = [];
  const actionCalls: PerformActionRequest[] = [];
  const codeCalls: RunCodeRequest[] = [];
  const sleeps: number[] = [];
  let clock = START;
  const ports: EnginePorts = {
    async performAction(request) {
      actionCalls.push(request);
      const handler = handlers.actions?.[`${request.app}.${request.action}`];
      if (!handler) throw new StepFailure(`no fake for ${request.app}.${request.action}`, { transient: false });
      clock += 5;
      const output = handler(request);
      const requests: StepRequest[] = [{ method: 'POST', url: `https://fake/${request.action}`, status: 200, requestBody: request.input, responseBody: null }];
      return { output, requests };
    },
    async runCode(request) {
      codeCalls.push(request);
      const result = handlers.code ? handlers.code(request) : { output: request.input };
      return { output: result.output, logs: result.logs ?? [] };
    },
    async persistStep(record) {
      records.push(record);
    },
    now: () => new Date(clock),
    async sleep(ms) {
      sleeps.push(ms);
      clock += ms;
    },
  };
  return {
    ports,
    records,
    actionCalls,
    codeCalls,
    sleeps,
    advance(ms: number) {
      clock += ms;
    },
    byPath(path: string) {
      return records.find((record) => record.path === path);
    },
    completed(): Map<string, StepRecord> {
      return new Map(records.map((record) => [record.path, record]));
    },
  };
}

function zapOf(steps: unknown[]): ZapDefinition {
  return ZapDefinition.parse({ name: 'test', trigger: { app: 'webhooks', event: 'catch_hook' }, steps });
}

function run(
  h: ReturnType<typeof harness>,
  zap: ZapDefinition,
  trigger: unknown,
  extra: { completed?: Map<string, StepRecord>; options?: ExecuteOptions } = {},
) {
  return executeRun({ runId: 'run_1', zap, trigger, ports: h.ports, completed: extra.completed, options: { random: () => 0, ...extra.options } });
}

const ticket = {
  title: 'Printer on fire',
  priority: 'HIGH',
  amount: '250',
  lines: [
    { sku: 'A', qty: 2 },
    { sku: 'B', qty: 30 },
    { sku: 'C', qty: 1 },
  ],
};

describe('executing steps in order', () => {
  const zap = zapOf([
    { key: 'only_high', type: 'filter', conditions: [[{ left: '{{trigger.priority}}', op: 'equals', right: 'HIGH' }]] },
    { key: 'shape', type: 'code', input: { code: 'return { title: input.t.toUpperCase() }', inputData: { t: '{{trigger.title}}' } } },
    {
      key: 'deal',
      type: 'action',
      app: 'pipedrive',
      action: 'create_deal',
      connectionId: 'c_2',
      input: { title: '{{steps.shape.title}}', value: '{{trigger.amount}}', note: 'from {{trigger.source}}' },
    },
  ]);

  it('runs a filter, a code step and an action, filling templates from earlier outputs', async () => {
    const h = harness({
      code: (request) => ({ output: { title: String(request.input.t).toUpperCase() }, logs: ['shaping'] }),
      actions: { 'pipedrive.create_deal': (request) => ({ id: 99, title: request.input.title }) },
    });
    const outcome = await run(h, zap, ticket);
    expect(outcome).toEqual({ status: 'succeeded' });
    expect(h.records.map((record) => [record.path, record.status])).toEqual([
      ['only_high', 'success'],
      ['shape', 'success'],
      ['deal', 'success'],
    ]);
    expect(h.codeCalls[0]).toMatchObject({ code: 'return { title: input.t.toUpperCase() }', input: { t: 'Printer on fire' }, stepKey: 'shape', path: 'shape' });
    expect(h.actionCalls[0]).toMatchObject({
      app: 'pipedrive',
      action: 'create_deal',
      connectionId: 'c_2',
      input: { title: 'PRINTER ON FIRE', value: '250', note: 'from ' },
      idempotencyKey: 'run_1:deal',
      stepKey: 'deal',
      path: 'deal',
      attempt: 1,
    });
  });

  it('records filled-in input, output, missing paths, attempts, timings, requests and logs', async () => {
    const h = harness({
      code: () => ({ output: { title: 'X' }, logs: ['line 1'] }),
      actions: { 'pipedrive.create_deal': () => ({ id: 99 }) },
    });
    await run(h, zap, ticket);
    expect(h.byPath('only_high')).toMatchObject({
      type: 'filter',
      input: { conditions: [[{ left: 'HIGH', op: 'equals', right: 'HIGH', passed: true }]] },
      output: { passed: true },
    });
    expect(h.byPath('shape')).toMatchObject({ type: 'code', input: { inputData: { t: 'Printer on fire' } }, output: { title: 'X' }, logs: ['line 1'] });
    expect(h.byPath('deal')).toEqual({
      path: 'deal',
      key: 'deal',
      type: 'action',
      app: 'pipedrive',
      action: 'create_deal',
      status: 'success',
      input: { title: 'X', value: '250', note: 'from ' },
      output: { id: 99 },
      error: null,
      missing: ['trigger.source'],
      attempts: 1,
      startedAt: '2024-03-05T10:00:00.000Z',
      durationMs: 5,
      requests: [
        { method: 'POST', url: 'https://fake/create_deal', status: 200, requestBody: { title: 'X', value: '250', note: 'from ' }, responseBody: null },
      ],
      logs: [],
    });
  });

  it('stops the run as filtered when a filter does not pass, recording passed:false and running nothing after it', async () => {
    const h = harness();
    const outcome = await run(h, zap, { ...ticket, priority: 'LOW' });
    expect(outcome).toEqual({ status: 'filtered', filteredPath: 'only_high' });
    expect(h.records).toHaveLength(1);
    expect(h.records[0]).toMatchObject({ status: 'success', output: { passed: false } });
    expect(h.codeCalls).toHaveLength(0);
  });

  it('fails a filter with an invalid regex with a clear message', async () => {
    const h = harness();
    const outcome = await run(h, zapOf([{ key: 'f', type: 'filter', conditions: [[{ left: 'x', op: 'matches_regex', right: '([' }]] }]), {});
    expect(outcome.status).toBe('failed');
    expect(outcome.error).toMatch(/^Step f failed: Invalid regular expression/);
    expect(h.byPath('f')?.status).toBe('error');
  });

  it('runs formatter actions inside the engine without calling performAction', async () => {
    const h = harness();
    const outcome = await run(
      h,
      zapOf([
        { key: 'upper', type: 'action', app: 'formatter', action: 'text', input: { operation: 'uppercase', value: '{{trigger.title}}' } },
        { key: 'sum', type: 'action', app: 'formatter', action: 'number', input: { operation: 'add', values: ['{{trigger.amount}}', 50] } },
      ]),
      ticket,
    );
    expect(outcome.status).toBe('succeeded');
    expect(h.actionCalls).toHaveLength(0);
    expect(h.byPath('upper')).toMatchObject({ app: 'formatter', action: 'text', output: { output: 'PRINTER ON FIRE' }, attempts: 1 });
    expect(h.byPath('sum')?.output).toEqual({ output: 300 });
  });

  it('fails a formatter step with bad input permanently', async () => {
    const h = harness();
    const outcome = await run(
      h,
      zapOf([{ key: 'div', type: 'action', app: 'formatter', action: 'number', input: { operation: 'divide', values: [1, 0] } }]),
      {},
    );
    expect(outcome).toEqual({ status: 'failed', error: 'Step div failed: Cannot divide by zero', failedPath: 'div' });
  });
});

describe('paths', () => {
  const zap = zapOf([
    {
      key: 'route',
      type: 'paths',
      branches: [
        {
          name: 'big',
          conditions: [[{ left: '{{trigger.amount}}', op: 'gt', right: 1000 }]],
          steps: [{ key: 'alert', type: 'action', app: 'chat', action: 'post', input: { text: 'big' } }],
        },
        {
          name: 'otherwise',
          conditions: [],
          steps: [{ key: 'log', type: 'action', app: 'chat', action: 'post', input: { text: 'small {{steps.route.branch}}' } }],
        },
      ],
    },
    {
      key: 'after',
      type: 'code',
      input: { code: 'x', inputData: { alert: '{{steps.alert.$status}}', log: '{{steps.log.$status}}', logged: '{{steps.log.ok}}' } },
    },
  ]);

  it('runs only the first matching branch, with nested paths and the branch name as output', async () => {
    const h = harness({ actions: { 'chat.post': () => ({ ok: true }) } });
    expect(await run(h, zap, { amount: 20 })).toEqual({ status: 'succeeded' });
    expect(h.records.map((record) => record.path)).toEqual(['route', 'route/otherwise/log', 'after']);
    expect(h.byPath('route')).toMatchObject({
      output: { branch: 'otherwise' },
      input: {
        branches: [
          { name: 'big', passed: false },
          { name: 'otherwise', passed: true, conditions: [] },
        ],
      },
    });
    expect(h.actionCalls[0]?.input).toEqual({ text: 'small otherwise' });
  });

  it('lets later steps read the chosen branch outputs, and see steps of the branch not taken as skipped', async () => {
    const h = harness({ actions: { 'chat.post': () => ({ ok: true }) } });
    await run(h, zap, { amount: 20 });
    expect(h.codeCalls[0]?.input).toEqual({ alert: 'skipped', log: 'success', logged: true });
  });

  it('gives branch null and goes on when no branch matches', async () => {
    const h = harness({ actions: { 'chat.post': () => ({}) } });
    const outcome = await run(
      h,
      zapOf([
        { key: 'route', type: 'paths', branches: [{ name: 'never', conditions: [[{ left: 'a', op: 'equals', right: 'b' }]], steps: [] }] },
        { key: 'next', type: 'action', app: 'chat', action: 'post', input: {} },
      ]),
      {},
    );
    expect(outcome.status).toBe('succeeded');
    expect(h.byPath('route')?.output).toEqual({ branch: null });
    expect(h.byPath('next')?.status).toBe('success');
  });
});

describe('onError', () => {
  const zap = zapOf([
    { key: 'deal', type: 'action', app: 'pipedrive', action: 'create_deal', onError: 'continue', input: { title: '{{trigger.title}}' } },
    {
      key: 'route',
      type: 'paths',
      branches: [
        {
          name: 'failed',
          conditions: [[{ left: '{{steps.deal.$status}}', op: 'equals', right: 'error' }]],
          steps: [{ key: 'warn', type: 'action', app: 'chat', action: 'post', input: { text: 'Deal failed: {{steps.deal.$error}}' } }],
        },
        {
          name: 'otherwise',
          conditions: [],
          steps: [{ key: 'celebrate', type: 'action', app: 'chat', action: 'post', input: { text: 'Deal {{steps.deal.id}}' } }],
        },
      ],
    },
  ]);

  it('continue records the error and lets $status and $error drive a paths branch', async () => {
    const h = harness({
      actions: {
        'pipedrive.create_deal': () => {
          throw new StepFailure('Pipedrive: title is required', { transient: false });
        },
        'chat.post': () => ({ ok: true }),
      },
    });
    const outcome = await run(h, zap, {});
    expect(outcome.status).toBe('succeeded');
    expect(h.byPath('deal')).toMatchObject({
      status: 'error',
      error: 'Pipedrive: title is required',
      output: null,
      attempts: 1,
      missing: ['trigger.title'],
      input: {},
    });
    expect(h.byPath('route')?.output).toEqual({ branch: 'failed' });
    expect(h.byPath('route/failed/warn')?.input).toEqual({ text: 'Deal failed: Pipedrive: title is required' });
  });

  it('continue takes the other branch when the step succeeds', async () => {
    const h = harness({ actions: { 'pipedrive.create_deal': () => ({ id: 5 }), 'chat.post': () => ({ ok: true }) } });
    await run(h, zap, { title: 'x' });
    expect(h.byPath('route/otherwise/celebrate')?.input).toEqual({ text: 'Deal 5' });
  });

  it('halt (the default) persists the failed record and fails the run with the step and the message', async () => {
    const h = harness({
      actions: {
        'pipedrive.create_deal': () => {
          throw new StepFailure('Pipedrive: unauthorized', {
            transient: false,
            requests: [{ method: 'POST', url: 'https://fake/deals', status: 401, requestBody: null, responseBody: { error: 'unauthorized' } }],
          });
        },
      },
    });
    const outcome = await run(
      h,
      zapOf([
        { key: 'deal', type: 'action', app: 'pipedrive', action: 'create_deal', input: {} },
        { key: 'never', type: 'code', input: { code: 'x' } },
      ]),
      {},
    );
    expect(outcome).toEqual({ status: 'failed', error: 'Step deal failed: Pipedrive: unauthorized', failedPath: 'deal' });
    expect(h.records).toHaveLength(1);
    expect(h.records[0]).toMatchObject({ status: 'error', error: 'Pipedrive: unauthorized', requests: [{ status: 401 }] });
    expect(h.codeCalls).toHaveLength(0);
  });

  it('treats an unexpected exception from a port as a permanent failure', async () => {
    const h = harness({
      actions: {
        'x.y': () => {
          throw new TypeError('cannot read properties of undefined');
        },
      },
    });
    const outcome = await run(h, zapOf([{ key: 's', type: 'action', app: 'x', action: 'y', input: {} }]), {});
    expect(outcome.error).toBe('Step s failed: cannot read properties of undefined');
    expect(h.actionCalls).toHaveLength(1);
  });
});

describe('retries', () => {
  const zap = zapOf([{ key: 'deal', type: 'action', app: 'pipedrive', action: 'create_deal', input: { title: 't' } }]);
  const failRequest: StepRequest = { method: 'POST', url: 'https://fake/deals', status: 429, requestBody: null, responseBody: null };

  it('retries transient failures, honouring retryAfterMs and otherwise backing off exponentially', async () => {
    let calls = 0;
    const h = harness({
      actions: {
        'pipedrive.create_deal': () => {
          calls += 1;
          if (calls === 1) throw new StepFailure('rate limited', { transient: true, retryAfterMs: 2_500, requests: [failRequest] });
          if (calls === 2) throw new StepFailure('502 bad gateway', { transient: true });
          return { id: 1 };
        },
      },
    });
    const outcome = await run(h, zap, {}, { options: { random: () => 1 } });
    expect(outcome.status).toBe('succeeded');
    // 2nd retry: base 1000 doubled once = 2000, equal jitter with random()=1 gives the full 2000.
    expect(h.sleeps).toEqual([2_500, 2_000]);
    expect(h.actionCalls.map((call) => call.attempt)).toEqual([1, 2, 3]);
    expect(new Set(h.actionCalls.map((call) => call.idempotencyKey))).toEqual(new Set(['run_1:deal']));
    expect(h.records[0]).toMatchObject({ status: 'success', attempts: 3, durationMs: 2_500 + 2_000 + 3 * 5 });
    expect(h.records[0]?.requests.map((request) => request.status)).toEqual([429, 200]);
  });

  it('applies jitter between half and all of the backoff and caps it at maxBackoffMs', async () => {
    const h = harness({
      actions: {
        'pipedrive.create_deal': () => {
          throw new StepFailure('timeout', { transient: true });
        },
      },
    });
    await run(h, zap, {}, { options: { random: () => 0, maxAttempts: 5, baseBackoffMs: 1_000, maxBackoffMs: 3_000 } });
    expect(h.sleeps).toEqual([500, 1_000, 1_500, 1_500]);
  });

  it('gives up after maxAttempts and fails with the last message', async () => {
    const h = harness({
      actions: {
        'pipedrive.create_deal': () => {
          throw new StepFailure('503 unavailable', { transient: true });
        },
      },
    });
    const outcome = await run(h, zap, {});
    expect(outcome).toEqual({ status: 'failed', error: 'Step deal failed: 503 unavailable', failedPath: 'deal' });
    expect(h.actionCalls).toHaveLength(3);
    expect(h.sleeps).toHaveLength(2);
    expect(h.records[0]?.attempts).toBe(3);
  });

  it('does not retry a permanent failure', async () => {
    const h = harness({
      actions: {
        'pipedrive.create_deal': () => {
          throw new StepFailure('404 not found', { transient: false });
        },
      },
    });
    const outcome = await run(h, zap, {});
    expect(outcome.error).toBe('Step deal failed: 404 not found');
    expect(h.actionCalls).toHaveLength(1);
    expect(h.sleeps).toEqual([]);
    expect(h.records[0]?.attempts).toBe(1);
  });

  it('fails at once when the service asks to wait longer than maxRetryAfterMs', async () => {
    const h = harness({
      actions: {
        'pipedrive.create_deal': () => {
          throw new StepFailure('daily quota exceeded', { transient: true, retryAfterMs: 3_600_000 });
        },
      },
    });
    const outcome = await run(h, zap, {});
    expect(outcome.error).toBe('Step deal failed: daily quota exceeded (the service asked to retry after 3600 s)');
    expect(h.sleeps).toEqual([]);
  });

  it('retries code steps the same way', async () => {
    let calls = 0;
    const h = harness({
      code: () => {
        calls += 1;
        if (calls === 1) throw new StepFailure('isolate busy', { transient: true, retryAfterMs: 10 });
        return { output: { ok: true }, logs: ['second try'] };
      },
    });
    await run(h, zapOf([{ key: 'c', type: 'code', input: { code: 'return 1' } }]), {});
    expect(h.records[0]).toMatchObject({ status: 'success', attempts: 2, logs: ['second try'] });
  });

  it('keeps the console output of a failed code step', async () => {
    const h = harness({
      code: () => {
        throw new StepFailure('ReferenceError: foo is not defined', { transient: false, logs: ['before the crash'] });
      },
    });
    await run(h, zapOf([{ key: 'c', type: 'code', input: { code: 'foo()' } }]), {});
    expect(h.records[0]).toMatchObject({ status: 'error', logs: ['before the crash'] });
  });
});

describe('loops', () => {
  const zap = zapOf([
    {
      key: 'each',
      type: 'loop',
      input: { items: '{{trigger.lines}}' },
      steps: [
        { key: 'only_real', type: 'filter', conditions: [[{ left: '{{steps.each.item.qty}}', op: 'gt', right: 0 }]] },
        { key: 'line', type: 'action', app: 'shop', action: 'add_line', input: { sku: '{{steps.each.item.sku}}', position: '{{steps.each.index}}' } },
        {
          key: 'size',
          type: 'paths',
          branches: [
            {
              name: 'bulk',
              conditions: [[{ left: '{{steps.each.item.qty}}', op: 'gte', right: 10 }]],
              steps: [{ key: 'notify', type: 'action', app: 'chat', action: 'post', input: { text: 'bulk {{steps.line.id}}' } }],
            },
          ],
        },
      ],
    },
    {
      key: 'after',
      type: 'code',
      input: { code: 'x', inputData: { count: '{{steps.each.count}}', firstLine: '{{steps.each.results[0].line.id}}', leaked: '{{steps.line.id}}' } },
    },
  ]);

  const handlers = {
    actions: {
      'shop.add_line': (request: PerformActionRequest) => ({ id: `L-${String(request.input.sku)}` }),
      'chat.post': () => ({ ok: true }),
    },
  };

  it('runs nested steps once per item with item and index, giving each record an iteration path', async () => {
    const h = harness(handlers);
    expect(await run(h, zap, ticket)).toEqual({ status: 'succeeded' });
    expect(h.actionCalls.filter((call) => call.app === 'shop').map((call) => call.input)).toEqual([
      { sku: 'A', position: 0 },
      { sku: 'B', position: 1 },
      { sku: 'C', position: 2 },
    ]);
    expect(h.records.map((record) => record.path)).toEqual([
      'each[0]/only_real',
      'each[0]/line',
      'each[0]/size',
      'each[1]/only_real',
      'each[1]/line',
      'each[1]/size',
      'each[1]/size/bulk/notify',
      'each[2]/only_real',
      'each[2]/line',
      'each[2]/size',
      'each',
      'after',
    ]);
    expect(h.actionCalls.find((call) => call.path === 'each[1]/size/bulk/notify')).toMatchObject({
      input: { text: 'bulk L-B' },
      idempotencyKey: 'run_1:each[1]/size/bulk/notify',
    });
  });

  it('collects per-iteration outputs in the loop output and keeps inner steps out of the outer scope', async () => {
    const h = harness(handlers);
    await run(h, zap, ticket);
    expect(h.byPath('each')?.output).toMatchObject({
      count: 3,
      total: 3,
      truncated: false,
      results: [
        { only_real: { passed: true }, line: { id: 'L-A' }, size: { branch: null } },
        { only_real: { passed: true }, line: { id: 'L-B' }, size: { branch: 'bulk' }, notify: { ok: true } },
        { only_real: { passed: true }, line: { id: 'L-C' }, size: { branch: null } },
      ],
    });
    expect(h.codeCalls[0]?.input).toEqual({ count: 3, firstLine: 'L-A' });
    expect(h.byPath('after')?.missing).toEqual(['steps.line.id']);
  });

  it('ends only the current iteration when a filter inside the loop does not pass', async () => {
    const h = harness(handlers);
    const outcome = await run(h, zap, {
      lines: [
        { sku: 'A', qty: 0 },
        { sku: 'B', qty: 1 },
      ],
    });
    expect(outcome.status).toBe('succeeded');
    expect(h.actionCalls.map((call) => call.input.sku)).toEqual(['B']);
    expect(h.byPath('each')?.output).toMatchObject({ count: 2, results: [{ only_real: { passed: false } }, { line: { id: 'L-B' } }] });
  });

  it('bounds iterations by maxItems and the engine limit, and says the items were truncated', async () => {
    const items = Array.from({ length: 20 }, (_, index) => index);
    const loop = (maxItems?: number) =>
      zapOf([
        {
          key: 'each',
          type: 'loop',
          input: { items: '{{trigger.items}}', ...(maxItems ? { maxItems } : {}) },
          steps: [{ key: 'c', type: 'code', input: { code: 'x' } }],
        },
      ]);
    const own = harness();
    await run(own, loop(5), { items });
    expect(own.codeCalls).toHaveLength(5);
    expect(own.byPath('each')?.output).toMatchObject({ count: 5, total: 20, truncated: true });
    const engine = harness();
    await run(engine, loop(50), { items }, { options: { maxLoopIterations: 3 } });
    expect(engine.codeCalls).toHaveLength(3);
  });

  it('loops over a JSON array in text, comma-separated text, a single value, or nothing', async () => {
    const h = harness();
    const zapFor = (items: unknown) => zapOf([{ key: 'each', type: 'loop', input: { items }, steps: [] }]);
    const countOf = async (items: unknown) => {
      await run(h, zapFor(items), {});
      return h.records.at(-1)?.output;
    };
    expect(await countOf('[1, 2]')).toMatchObject({ count: 2 });
    expect(await countOf('a, b, c')).toMatchObject({ count: 3, results: [{}, {}, {}] });
    expect(await countOf('{{trigger.missing}}')).toMatchObject({ count: 0 });
    expect(await countOf({ one: 1 })).toMatchObject({ count: 1 });
  });

  it('fails the run when a halting step fails inside an iteration, recording the loop as failed', async () => {
    const h = harness({
      actions: {
        'shop.add_line': (request) => {
          if (request.input.sku === 'B') throw new StepFailure('SKU B is discontinued', { transient: false });
          return { id: 'ok' };
        },
      },
    });
    const outcome = await run(
      h,
      zapOf([
        {
          key: 'each',
          type: 'loop',
          input: { items: '{{trigger.lines}}' },
          steps: [{ key: 'line', type: 'action', app: 'shop', action: 'add_line', input: { sku: '{{steps.each.item.sku}}' } }],
        },
      ]),
      ticket,
    );
    expect(outcome).toEqual({ status: 'failed', error: 'Step line failed: SKU B is discontinued', failedPath: 'each[1]/line' });
    expect(h.byPath('each')).toMatchObject({ status: 'error', error: 'Iteration 1: Step line failed: SKU B is discontinued' });
    expect(h.actionCalls).toHaveLength(2);
  });
});

describe('delays', () => {
  const zap = zapOf([
    { key: 'first', type: 'action', app: 'crm', action: 'touch', input: {} },
    { key: 'wait', type: 'delay', input: { for: { amount: '{{trigger.hours}}', unit: 'hours' } } },
    { key: 'second', type: 'action', app: 'crm', action: 'touch', input: { after: '{{steps.wait.resumeAt}}' } },
  ]);

  it('parks the run as waiting with the resume time and records the delay as done', async () => {
    const h = harness({ actions: { 'crm.touch': () => ({ ok: true }) } });
    const outcome = await run(h, zap, { hours: '2' });
    const resumeAt = new Date(START + 5 + 2 * 3_600_000);
    expect(outcome).toEqual({ status: 'waiting', resumeAt });
    expect(h.byPath('wait')).toMatchObject({
      status: 'success',
      input: { for: { amount: 2, unit: 'hours' } },
      output: { resumeAt: resumeAt.toISOString(), waited: true },
    });
    expect(h.actionCalls).toHaveLength(1);
    expect(h.sleeps).toEqual([]);
  });

  it('resumes after the delay without redoing the steps before it or the delay itself', async () => {
    const h = harness({ actions: { 'crm.touch': () => ({ ok: true }) } });
    const first = await run(h, zap, { hours: 2 });
    h.advance(2 * 3_600_000);
    const persistedBefore = h.records.length;
    const resumed = await run(h, zap, { hours: 2 }, { completed: h.completed() });
    expect(resumed).toEqual({ status: 'succeeded' });
    expect(h.actionCalls.map((call) => call.path)).toEqual(['first', 'second']);
    expect(h.records.slice(persistedBefore).map((record) => record.path)).toEqual(['second']);
    expect(h.byPath('second')?.input).toEqual({ after: first.resumeAt?.toISOString() });
  });

  it('keeps waiting when resumed before the resume time', async () => {
    const h = harness({ actions: { 'crm.touch': () => ({ ok: true }) } });
    const first = await run(h, zap, { hours: 2 });
    h.advance(60_000);
    const early = await run(h, zap, { hours: 2 }, { completed: h.completed() });
    expect(early).toEqual({ status: 'waiting', resumeAt: first.resumeAt });
    expect(h.actionCalls).toHaveLength(1);
  });

  it('goes straight on when "until" is already past, and waits until a future time from a template', async () => {
    const past = harness();
    expect(await run(past, zapOf([{ key: 'w', type: 'delay', input: { until: '2020-01-01T00:00:00Z' } }]), {})).toEqual({ status: 'succeeded' });
    expect(past.records[0]?.output).toEqual({ resumeAt: '2020-01-01T00:00:00.000Z', waited: false });
    const future = harness();
    const outcome = await run(future, zapOf([{ key: 'w', type: 'delay', input: { until: '{{trigger.at}}' } }]), { at: '2024-03-06 09:00' });
    expect(outcome).toEqual({ status: 'waiting', resumeAt: new Date('2024-03-06T09:00:00Z') });
    const zoned = harness();
    const inPrague = await run(zoned, zapOf([{ key: 'w', type: 'delay', input: { until: '{{trigger.at}}', timeZone: 'Europe/Prague' } }]), {
      at: '2024-03-06 09:00',
    });
    expect(inPrague.resumeAt?.toISOString()).toBe('2024-03-06T08:00:00.000Z');
  });

  it('fails a delay with no duration, a bad amount or one longer than the maximum', async () => {
    const none = harness();
    expect((await run(none, zapOf([{ key: 'w', type: 'delay', input: {} }]), {})).error).toBe('Step w failed: The delay has neither "for" nor "until"');
    const bad = harness();
    expect((await run(bad, zapOf([{ key: 'w', type: 'delay', input: { for: { amount: '{{trigger.x}}', unit: 'minutes' } } }]), { x: 'soon' })).error).toMatch(
      /must be a number of minutes/,
    );
    const long = harness();
    expect((await run(long, zapOf([{ key: 'w', type: 'delay', input: { for: { amount: 40, unit: 'days' } } }]), {})).error).toMatch(/at most 31 days/);
  });

  it('waits inside a loop iteration and on resume reuses the finished iterations', async () => {
    const loopZap = zapOf([
      {
        key: 'each',
        type: 'loop',
        input: { items: ['a', 'b'] },
        steps: [
          { key: 'send', type: 'action', app: 'crm', action: 'touch', input: { item: '{{steps.each.item}}' } },
          { key: 'pause', type: 'delay', input: { for: { amount: 1, unit: 'minutes' } } },
        ],
      },
    ]);
    const h = harness({ actions: { 'crm.touch': () => ({ ok: true }) } });
    expect((await run(h, loopZap, {})).status).toBe('waiting');
    h.advance(60_000);
    expect((await run(h, loopZap, {}, { completed: h.completed() })).status).toBe('waiting');
    h.advance(60_000);
    expect(await run(h, loopZap, {}, { completed: h.completed() })).toEqual({ status: 'succeeded' });
    expect(h.actionCalls.map((call) => call.input.item)).toEqual(['a', 'b']);
    expect(h.byPath('each')?.output).toMatchObject({ count: 2, results: [{ send: { ok: true } }, { send: { ok: true } }] });
  });
});

describe('resuming a run', () => {
  const zap = zapOf([
    { key: 'a', type: 'action', app: 'svc', action: 'one', input: {} },
    { key: 'b', type: 'code', input: { code: 'x', inputData: { fromA: '{{steps.a.id}}' } } },
    { key: 'c', type: 'action', app: 'svc', action: 'three', input: { a: '{{steps.a.id}}', b: '{{steps.b.value}}' } },
  ]);

  function persisted(path: string, type: StepRecord['type'], output: StepRecord['output'], status: StepRecord['status'] = 'success'): StepRecord {
    return {
      path,
      key: path,
      type,
      status,
      input: {},
      output,
      error: status === 'error' ? 'boom' : null,
      missing: [],
      attempts: 1,
      startedAt: '2024-03-05T09:00:00.000Z',
      durationMs: 1,
      requests: [],
      logs: [],
    };
  }

  it('after a crash, does not call the ports again for steps with a persisted success and reuses their outputs', async () => {
    const h = harness({ actions: { 'svc.one': () => ({ id: 'fresh' }), 'svc.three': () => ({ done: true }) } });
    const completed = new Map([
      ['a', persisted('a', 'action', { id: 'A1' })],
      ['b', persisted('b', 'code', { value: 'B1' })],
    ]);
    const outcome = await run(h, zap, {}, { completed });
    expect(outcome).toEqual({ status: 'succeeded' });
    expect(h.codeCalls).toHaveLength(0);
    expect(h.actionCalls.map((call) => [call.path, call.input])).toEqual([['c', { a: 'A1', b: 'B1' }]]);
    expect(h.records.map((record) => record.path)).toEqual(['c']);
  });

  it('executes again a step whose persisted record is a halting error (a replay from the failed step)', async () => {
    const h = harness({ actions: { 'svc.one': () => ({ id: 'A2' }), 'svc.three': () => ({}) } });
    const outcome = await run(h, zap, {}, { completed: new Map([['a', persisted('a', 'action', null, 'error')]]) });
    expect(outcome.status).toBe('succeeded');
    expect(h.actionCalls.map((call) => call.path)).toEqual(['a', 'c']);
  });

  it('reuses the error record of an onError:continue step, since the run already went past it', async () => {
    const continueZap = zapOf([
      { key: 'a', type: 'action', app: 'svc', action: 'one', onError: 'continue', input: {} },
      { key: 'b', type: 'code', input: { code: 'x', inputData: { status: '{{steps.a.$status}}', error: '{{steps.a.$error}}' } } },
    ]);
    const h = harness({ actions: { 'svc.one': () => ({ id: 'now it works' }) } });
    await run(h, continueZap, {}, { completed: new Map([['a', persisted('a', 'action', null, 'error')]]) });
    expect(h.actionCalls).toHaveLength(0);
    expect(h.codeCalls[0]?.input).toEqual({ status: 'error', error: 'boom' });
  });

  it('follows the persisted branch of a paths step on resume', async () => {
    const pathsZap = zapOf([
      {
        key: 'route',
        type: 'paths',
        branches: [
          { name: 'one', conditions: [], steps: [{ key: 'x', type: 'action', app: 'svc', action: 'one', input: {} }] },
          { name: 'two', conditions: [], steps: [{ key: 'y', type: 'action', app: 'svc', action: 'one', input: {} }] },
        ],
      },
    ]);
    const h = harness({ actions: { 'svc.one': () => ({}) } });
    await run(h, pathsZap, {}, { completed: new Map([['route', persisted('route', 'paths', { branch: 'two' })]]) });
    expect(h.actionCalls.map((call) => call.path)).toEqual(['route/two/y']);
  });

  it('does not reuse a record whose step changed type at the same path', async () => {
    const h = harness({ actions: { 'svc.one': () => ({ id: 1 }), 'svc.three': () => ({}) } });
    await run(h, zap, {}, { completed: new Map([['a', persisted('a', 'code', { id: 'old' })]]) });
    expect(h.actionCalls.map((call) => call.path)).toEqual(['a', 'c']);
  });
});

describe('run limits and control', () => {
  it('ends as succeeded right after stopAfterStep (the zap test upToStep)', async () => {
    const h = harness({ actions: { 'svc.one': () => ({}) } });
    const outcome = await run(
      h,
      zapOf([
        { key: 'a', type: 'action', app: 'svc', action: 'one', input: {} },
        { key: 'b', type: 'action', app: 'svc', action: 'one', input: {} },
      ]),
      {},
      { options: { stopAfterStep: 'a' } },
    );
    expect(outcome).toEqual({ status: 'succeeded' });
    expect(h.records.map((record) => record.path)).toEqual(['a']);
  });

  it('fails the run when nested loops exceed maxStepExecutions', async () => {
    const h = harness();
    const zap = zapOf([
      {
        key: 'outer',
        type: 'loop',
        input: { items: '{{trigger.items}}' },
        steps: [{ key: 'inner', type: 'loop', input: { items: '{{trigger.items}}' }, steps: [{ key: 'c', type: 'code', input: { code: 'x' } }] }],
      },
    ]);
    const outcome = await run(h, zap, { items: Array.from({ length: 10 }, (_, i) => i) }, { options: { maxStepExecutions: 50 } });
    expect(outcome.status).toBe('failed');
    expect(outcome.error).toMatch(/stopped after 50 step executions/);
  });

  it('throws the abort reason when the signal is aborted between steps', async () => {
    const controller = new AbortController();
    const h = harness({
      actions: {
        'svc.one': () => {
          controller.abort(new Error('worker shutting down'));
          return {};
        },
      },
    });
    const zap = zapOf([
      { key: 'a', type: 'action', app: 'svc', action: 'one', input: {} },
      { key: 'b', type: 'action', app: 'svc', action: 'one', input: {} },
    ]);
    await expect(run(h, zap, {}, { options: { signal: controller.signal } })).rejects.toThrow('worker shutting down');
    expect(h.actionCalls).toHaveLength(1);
    expect(h.actionCalls[0]?.signal).toBe(controller.signal);
  });

  it('propagates a persistStep failure so the job is retried', async () => {
    const h = harness({ actions: { 'svc.one': () => ({}) } });
    h.ports.persistStep = async () => {
      throw new Error('database is down');
    };
    await expect(run(h, zapOf([{ key: 'a', type: 'action', app: 'svc', action: 'one', input: {} }]), {})).rejects.toThrow('database is down');
  });

  it('stores non-JSON outputs from ports as JSON', async () => {
    const h = harness({ actions: { 'svc.one': () => ({ at: new Date(START), nothing: undefined, big: 10n, nan: Number.NaN }) } });
    await run(h, zapOf([{ key: 'a', type: 'action', app: 'svc', action: 'one', input: {} }]), {});
    expect(h.records[0]?.output).toEqual({ at: '2024-03-05T10:00:00.000Z', big: '10', nan: null });
  });
});
