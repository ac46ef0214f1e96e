// Tests that no state crosses executions or workspaces, and of the isolate pool's rules.
import { afterAll, describe, expect, test } from 'vitest';
import { prepareContext } from './context.ts';
import { createIsolatePool } from './pool.ts';
import { createSandbox } from './sandbox.ts';

describe('isolation between executions and workspaces', () => {
  const sandbox = createSandbox();
  afterAll(() => sandbox.dispose());

  test('1,000 consecutive executions from two workspaces carry no state between them', async () => {
    const code = `
      const seen = { global: globalThis.leftover ?? null, proto: ({}).leftover ?? null, json: JSON.leftover ?? null };
      globalThis.leftover = input.workspace + ':' + input.n;
      Object.prototype.leftover = input.workspace;
      JSON.leftover = input.n;
      return seen;`;
    const leaks: unknown[] = [];
    for (let n = 0; n < 1000; n++) {
      const workspace = n % 2 === 0 ? 'ws_a' : 'ws_b';
      const result = await sandbox.run({ workspaceId: workspace, code, input: { workspace, n } });
      if (!result.ok || JSON.stringify(result.output) !== '{"global":null,"proto":null,"json":null}') leaks.push(result);
    }
    expect(leaks).toEqual([]);
    // Warm isolates were reused rather than created per run.
    expect(sandbox.stats().isolatesCreated).toBeLessThanOrEqual(4);
  });
});

describe('createIsolatePool', () => {
  const pool = createIsolatePool({
    memoryLimitMb: 16,
    maxIdlePerWorkspace: 2,
    maxIdle: 3,
    maxRunsPerIsolate: 3,
    maxCachedScripts: 2,
    onCatastrophicError: () => undefined,
    prepare: (isolate, runtime) => prepareContext(isolate, runtime, '{"maxLogLines":1,"maxLogLineLength":10,"maxOutputChars":10}'),
  });
  afterAll(() => pool.dispose());

  test('never hands an isolate of one workspace to another', () => {
    const a = pool.acquire('a');
    pool.release(a, true);
    const b = pool.acquire('b');
    expect(b.isolate).not.toBe(a.isolate);
    expect(b.workspaceId).toBe('b');
    pool.release(b, true);
    expect(pool.acquire('a').isolate).toBe(a.isolate);
  });

  test('concurrent runs of one workspace get separate isolates', () => {
    const first = pool.acquire('c');
    const second = pool.acquire('c');
    expect(first.isolate).not.toBe(second.isolate);
    pool.release(first, true);
    pool.release(second, true);
  });

  test('an isolate that hit a limit is disposed, not kept', () => {
    const entry = pool.acquire('d');
    pool.release(entry, false);
    expect(entry.isolate.isDisposed).toBe(true);
    expect(pool.acquire('d').isolate).not.toBe(entry.isolate);
  });

  test('an isolate is retired after its maximum number of runs', () => {
    const entry = pool.acquire('e');
    pool.release(entry, true);
    pool.release(pool.acquire('e'), true);
    pool.release(pool.acquire('e'), true);
    expect(entry.isolate.isDisposed).toBe(true);
  });

  test('idle isolates beyond the total cap are disposed, least recently used workspace first', () => {
    const entries = ['f', 'g', 'h', 'i'].map((workspace) => pool.acquire(workspace));
    for (const entry of entries) pool.release(entry, true);
    expect(pool.stats().idle).toBeLessThanOrEqual(3);
    expect(entries[0]?.isolate.isDisposed).toBe(true);
    expect(entries[3]?.isolate.isDisposed).toBe(false);
  });
});
