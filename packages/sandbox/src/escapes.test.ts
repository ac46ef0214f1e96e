// Tests of the sandbox escape list: each attempt ends as a clear step error and the host stays healthy.
import { afterAll, describe, expect, test } from 'vitest';
import { createSandbox } from './sandbox.ts';

// Each escape attempt must end as a clear step error while this process keeps working: every test
// finishes with a normal run on the same sandbox.

const sandbox = createSandbox({ timeoutMs: 1000 });
afterAll(() => sandbox.dispose());

function run(code: string, input: unknown = null) {
  return sandbox.run({ workspaceId: 'ws_attacker', code, input });
}

async function stillHealthy(): Promise<void> {
  expect(await run('return input + 1;', 41)).toMatchObject({ ok: true, output: 42 });
}

describe('sandbox escape attempts', () => {
  test("this.constructor.constructor('return process')() finds no process", async () => {
    const result = await run("return this.constructor.constructor('return process')();");
    expect(result).toMatchObject({ ok: false, error: { code: 'USER_ERROR', message: 'ReferenceError: process is not defined at line 1' } });
    await stillHealthy();
  });

  test("Function('return this')() is the sandbox's own global, with nothing from the host on it", async () => {
    const result = await run(`
      const g = Function('return this')();
      return {
        process: typeof g.process, require: typeof g.require, module: typeof g.module, Buffer: typeof g.Buffer,
        setTimeout: typeof g.setTimeout, setInterval: typeof g.setInterval, SharedArrayBuffer: typeof g.SharedArrayBuffer,
        WebAssembly: typeof g.WebAssembly, Atomics: typeof g.Atomics, ivm: typeof g.ivm, execute: typeof g.__switchyard_execute,
        names: Object.getOwnPropertyNames(g).filter((name) => !/^[A-Z]/.test(name)).sort(),
      };`);
    expect(result).toMatchObject({
      ok: true,
      output: {
        process: 'undefined',
        require: 'undefined',
        module: 'undefined',
        Buffer: 'undefined',
        setTimeout: 'undefined',
        setInterval: 'undefined',
        SharedArrayBuffer: 'undefined',
        WebAssembly: 'undefined',
        Atomics: 'undefined',
        ivm: 'undefined',
        execute: 'undefined',
      },
    });
    // Only standard built-ins plus what we install (console, fetch) live on the global object.
    const names = (result.ok ? (result.output as { names: string[] }).names : []).filter(
      (name) =>
        ![
          'console',
          'fetch',
          'globalThis',
          'undefined',
          'decodeURI',
          'decodeURIComponent',
          'encodeURI',
          'encodeURIComponent',
          'escape',
          'unescape',
          'eval',
          'isFinite',
          'isNaN',
          'parseFloat',
          'parseInt',
        ].includes(name),
    );
    expect(names).toEqual([]);
    await stillHealthy();
  });

  test('require, import() and a static import are all unavailable', async () => {
    expect(await run("return require('fs');")).toMatchObject({ ok: false, error: { message: 'ReferenceError: require is not defined at line 1' } });
    const dynamic = await run("return await import('fs');");
    expect(dynamic.ok).toBe(false);
    expect(await run("import fs from 'fs';")).toMatchObject({ ok: false, error: { code: 'SYNTAX_ERROR' } });
    await stillHealthy();
  });

  test('prototype pollution of Object.prototype does not leak into the next execution', async () => {
    const polluted = await run('Object.prototype.isAdmin = true; Array.prototype.map = () => "hijacked"; JSON.stringify = () => "{}"; return ({}).isAdmin;');
    expect(polluted).toMatchObject({ ok: true, output: true });
    const next = await run('return { isAdmin: ({}).isAdmin ?? null, map: [1, 2].map((x) => x * 2) };');
    expect(next).toMatchObject({ ok: true, output: { isAdmin: null, map: [2, 4] } });
  });

  test('while(true){} is stopped by the time limit', async () => {
    const started = Date.now();
    const result = await run('while (true) {}');
    expect(result).toMatchObject({ ok: false, error: { code: 'TIMEOUT', message: 'The code did not finish within 1000 ms' } });
    expect(Date.now() - started).toBeLessThan(3000);
    await stillHealthy();
  });

  test('an awaited promise that never settles is stopped by the wall clock', async () => {
    const started = Date.now();
    const result = await run('await new Promise(() => {}); return 1;');
    expect(result).toMatchObject({ ok: false, error: { code: 'TIMEOUT' } });
    expect(Date.now() - started).toBeLessThan(3000);
    await stillHealthy();
  });

  test('an endless loop after an await is stopped too', async () => {
    const result = await run('await null; await Promise.resolve(); while (true) {}');
    expect(result).toMatchObject({ ok: false, error: { code: 'TIMEOUT' } });
    await stillHealthy();
  });

  test('a memory bomb hits the memory limit', async () => {
    // A sandbox with time to spare, so only the memory limit can stop the bomb, even on a busy machine.
    const roomy = createSandbox({ timeoutMs: 30_000 });
    try {
      const result = await roomy.run({
        workspaceId: 'ws_bomb',
        code: 'const hoard = []; while (true) hoard.push(new Array(100000).fill({ x: Math.random() }));',
        input: null,
      });
      expect(result).toMatchObject({ ok: false, error: { code: 'MEMORY_LIMIT', message: 'The code used more than the 64 MB memory limit' } });
    } finally {
      roomy.dispose();
    }
    await stillHealthy();
  }, 60_000);

  test('a 50 MB string result is refused as too large', async () => {
    const result = await run("return 'x'.repeat(50 * 1024 * 1024);");
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(['OUTPUT_TOO_LARGE', 'MEMORY_LIMIT']).toContain(result.error.code);
      expect(result.error.message).toMatch(/at most 1 MB|memory limit/);
    }
    await stillHealthy();
  });

  test('a large object result over 1 MB is refused with its size', async () => {
    const result = await run('return Array.from({ length: 200000 }, (_, i) => ({ i }));');
    expect(result).toMatchObject({ ok: false, error: { code: 'OUTPUT_TOO_LARGE' } });
    expect(!result.ok && result.error.message).toMatch(/^The returned value is \d+(\.\d)? MB as JSON; a code step may return at most 1 MB$/);
  });

  test('a flood of console.log keeps the first 200 lines and a note', async () => {
    const result = await run('for (let i = 0; i < 1000000; i++) console.log("line", i); return "done";');
    expect(result).toMatchObject({ ok: true, output: 'done' });
    expect(result.logs).toHaveLength(201);
    expect(result.logs[199]).toEqual({ level: 'log', message: 'line 199' });
    expect(result.logs[200]).toEqual({ level: 'warn', message: '[console output truncated: only the first 200 lines are kept]' });
  });

  test('runaway recursion is a RangeError at the recursive line', async () => {
    const result = await run('function down(n) {\n  return down(n + 1) + 1;\n}\nreturn down(0);');
    expect(result).toMatchObject({ ok: false, error: { code: 'USER_ERROR', message: 'RangeError: Maximum call stack size exceeded at line 2', line: 2 } });
    await stillHealthy();
  });

  test('code that breaks out of the wrapper gains nothing and still ends as a step error', async () => {
    const result = await run('});\nwhile (true) {}\n(async function () {');
    expect(result.ok).toBe(false);
    await stillHealthy();
  });

  test('fetch without a host client is a clear error', async () => {
    expect(await run("await fetch('https://example.com');")).toMatchObject({
      ok: false,
      error: { message: 'Error: fetch is not available in this code step at line 1' },
    });
  });
});
