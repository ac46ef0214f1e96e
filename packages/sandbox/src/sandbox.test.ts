// Tests of running code: outputs, console capture, errors at the user's line, input handling.
import { afterAll, describe, expect, test } from 'vitest';
import { createSandbox } from './sandbox.ts';

const sandbox = createSandbox();
afterAll(() => sandbox.dispose());

function run(code: string, input: unknown = {}) {
  return sandbox.run({ workspaceId: 'ws_basic', code, input });
}

describe('running code', () => {
  test('a top-level return of a transformed input is the output', async () => {
    const result = await run('return { name: input.first + " " + input.last, n: input.items.length };', { first: 'Ada', last: 'Lovelace', items: [1, 2] });
    expect(result).toMatchObject({ ok: true, output: { name: 'Ada Lovelace', n: 2 }, logs: [], requests: [] });
    expect(result.durationMs).toBeGreaterThan(0);
  });

  test('async code with top-level await works', async () => {
    const result = await run('const v = await Promise.resolve(21);\nreturn { v: v * 2 };');
    expect(result).toMatchObject({ ok: true, output: { v: 42 } });
  });

  test('returning nothing gives null, and non-JSON values are reported', async () => {
    expect(await run('const x = 1;')).toMatchObject({ ok: true, output: null });
    expect(await run('return () => 1;')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_OUTPUT', message: 'The returned value is not JSON: a function is not a JSON value' },
    });
    const circular = await run('const a = {}; a.a = a; return a;');
    expect(circular).toMatchObject({ ok: false, error: { code: 'INVALID_OUTPUT' } });
    expect(await run('return 10n;')).toMatchObject({ ok: false, error: { code: 'INVALID_OUTPUT' } });
  });

  test('console output is captured with its level, objects formatted readably', async () => {
    const result = await run('console.log("hello", 1, { a: [1, "x"], b: null });\nconsole.warn("careful");\nconsole.error(new TypeError("bad"));\nreturn 1;');
    expect(result.logs).toEqual([
      { level: 'log', message: 'hello 1 { a: [1, "x"], b: null }' },
      { level: 'warn', message: 'careful' },
      { level: 'error', message: 'TypeError: bad' },
    ]);
  });

  test('long console lines are cut', async () => {
    const result = await run('console.log("y".repeat(10000)); return 1;');
    expect(result.logs[0]?.message).toHaveLength(2000 + '… [line truncated]'.length);
  });
});

describe("errors point at the user's line, never at the host", () => {
  test('a runtime TypeError names the line and column of the user code', async () => {
    const result = await run('const a = 1;\nconst b = input.missing;\nreturn b.x;');
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'USER_ERROR', message: "TypeError: Cannot read properties of undefined (reading 'x') at line 3", line: 3, column: 10 },
    });
  });

  test('a syntax error names its line', async () => {
    const result = await run('const a = 1;\nconst b = ;\nreturn a;');
    expect(result).toMatchObject({ ok: false, error: { code: 'SYNTAX_ERROR', message: "SyntaxError: Unexpected token ';' at line 2", line: 2 } });
  });

  test('an unclosed block is reported at the last line of the code', async () => {
    const result = await run('if (true) {\n  return 1;');
    expect(result).toMatchObject({ ok: false, error: { code: 'SYNTAX_ERROR', line: 2 } });
  });

  test('a thrown Error keeps its name and message; a thrown string reads as uncaught', async () => {
    expect(await run('\n\nthrow new RangeError("too far");')).toMatchObject({ ok: false, error: { message: 'RangeError: too far at line 3', line: 3 } });
    expect(await run('throw "boom";')).toMatchObject({ ok: false, error: { message: 'Uncaught boom' } });
  });

  test('an error inside a nested function reports the line where it was thrown', async () => {
    const result = await run('function check(v) {\n  if (!v) throw new Error("empty");\n}\ncheck(input.v);');
    expect(result).toMatchObject({ ok: false, error: { message: 'Error: empty at line 2', line: 2 } });
  });

  test('error messages carry no host paths', async () => {
    const result = await run('null.x');
    expect(JSON.stringify(result)).not.toMatch(/node_modules|isolated-vm|\/work\//);
  });
});

describe('input', () => {
  test('input that is not JSON is refused before running', async () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(await run('return 1', circular)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  test('code longer than the limit is refused', async () => {
    const small = createSandbox({ maxCodeLength: 10 });
    expect(await small.run({ workspaceId: 'w', code: 'return 12345678901;', input: null })).toMatchObject({ ok: false, error: { code: 'CODE_TOO_LONG' } });
    small.dispose();
  });

  test('a cancelled run stops with ABORTED', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const result = await sandbox.run({ workspaceId: 'ws_basic', code: 'while (true) {}', input: null, signal: controller.signal });
    expect(result).toMatchObject({ ok: false, error: { code: 'ABORTED' } });
  });
});
