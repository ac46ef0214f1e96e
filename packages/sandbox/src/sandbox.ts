// Runs a code step's JavaScript in an isolate of its workspace, in a fresh context, under hard limits.
import type { RecordedRequest, StepFailureCode } from '@switchyard/contracts';
import type ivm from 'isolated-vm';
import { prepareContext, type FreshContext, type RunHooks } from './context.ts';
import { createIsolatePool } from './pool.ts';
import { inputGlobal, userFilename, wrapUserCode } from './runtime.ts';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export type { RecordedRequest };

export interface SandboxFetchRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  /** As in the Web fetch; left out for 'follow', the default. */
  redirect?: 'manual' | 'error';
}

export interface SandboxFetchResponse {
  status: number;
  statusText?: string;
  url?: string;
  redirected?: boolean;
  headers: Record<string, string>;
  body: string;
  /** The attempts this call made, added to the run's requests. */
  requests?: readonly RecordedRequest[];
}

/**
 * The host side of `fetch` in code: the guarded HTTP client (see createCodeFetch in connectors).
 * It rejects for refusals and network failures; an error's `requests`, if any, are recorded too.
 */
export type SandboxFetch = (request: SandboxFetchRequest, options: { signal: AbortSignal }) => Promise<SandboxFetchResponse>;

export interface SandboxLimits {
  /** Heap limit of each isolate. Default 64 MB. */
  memoryMb?: number;
  /** Wall-clock time of one run, awaited fetches included. Default 5000 ms. */
  timeoutMs?: number;
  /** Size of the returned value as JSON. Default 1 MB. */
  maxOutputBytes?: number;
  /** Console lines kept. Default 200. */
  maxLogLines?: number;
  /** Characters kept per console line. Default 2000. */
  maxLogLineLength?: number;
  /** fetch calls per run. Default 10. */
  maxFetches?: number;
  /** Size of one fetch response body handed to code. Default 5 MB. */
  maxFetchBodyBytes?: number;
  /** Length of the code itself. Default 100 000 characters. */
  maxCodeLength?: number;
}

export interface SandboxOptions extends SandboxLimits {
  /** Idle isolates kept per workspace. Default 2. */
  maxIdleIsolatesPerWorkspace?: number;
  /** Idle isolates kept in all. Default 64. */
  maxIdleIsolates?: number;
  /** Runs before an isolate is replaced. Default 1000. */
  maxRunsPerIsolate?: number;
  /**
   * Called when V8 loses control of an isolate. isolated-vm advises finishing outstanding work and
   * ending the process; the worker should do that. Default: written to stderr.
   */
  onCatastrophicError?: (message: string) => void;
}

export interface RunRequest {
  workspaceId: string;
  code: string;
  /** The step's input after templates; must be JSON. */
  input: unknown;
  /** Without it, fetch in code fails with a clear error. */
  fetch?: SandboxFetch;
  /** Cancels the run (the worker shutting down, the run cancelled). */
  signal?: AbortSignal;
}

export type LogLevel = 'log' | 'info' | 'warn' | 'error' | 'debug';

export interface LogLine {
  level: LogLevel;
  message: string;
}

/** The step failure codes a code step can end with (see StepFailureCode for when each is used). */
export type CodeErrorCode = Extract<
  StepFailureCode,
  'SYNTAX_ERROR' | 'USER_ERROR' | 'TIMEOUT' | 'MEMORY_LIMIT' | 'OUTPUT_TOO_LARGE' | 'INVALID_OUTPUT' | 'INVALID_INPUT' | 'CODE_TOO_LONG' | 'ABORTED'
>;

export interface CodeError {
  code: CodeErrorCode;
  /** "TypeError: x is undefined at line 3": the user's words and line, never a host stack. */
  message: string;
  /** 1-based, relative to the user's code. */
  line?: number;
  column?: number;
}

interface RunOutcome {
  logs: LogLine[];
  durationMs: number;
  requests: RecordedRequest[];
}

export type RunResult = (RunOutcome & { ok: true; output: JsonValue }) | (RunOutcome & { ok: false; error: CodeError });

export interface Sandbox {
  run(request: RunRequest): Promise<RunResult>;
  /** Counts for metrics and tests. */
  stats(): { idleIsolates: number; workspaces: number; isolatesCreated: number };
  /** Disposes every idle isolate; runs in flight finish and their isolates are dropped. */
  dispose(): void;
}

const logLevels = new Set<string>(['log', 'info', 'warn', 'error', 'debug']);

/** Where in the user's code a stack or a syntax error points: the first frame in the user's file. */
export function locate(text: string, lineCount: number): { line: number; column: number } | undefined {
  const match = new RegExp(`${userFilename.replace('.', '\\.')}:(\\d+):(\\d+)`).exec(text);
  if (!match) return undefined;
  // The wrapper's closing line sits just after the user's last line; errors there belong to it.
  const line = Math.min(Math.max(Number(match[1]), 1), Math.max(lineCount, 1));
  return { line, column: Number(match[2]) };
}

function withLine(message: string, place: { line: number; column: number } | undefined): CodeError {
  return place ? { code: 'USER_ERROR', message: `${message} at line ${place.line}`, ...place } : { code: 'USER_ERROR', message };
}

function formatMb(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}

function isRecordOfStrings(value: unknown): value is Record<string, string> {
  return value !== null && typeof value === 'object' && Object.values(value).every((item) => typeof item === 'string');
}

function parseFetchRequest(value: unknown): SandboxFetchRequest | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const { url, method, headers, body, redirect } = value as Record<string, unknown>;
  if (typeof url !== 'string' || typeof method !== 'string' || !isRecordOfStrings(headers)) return undefined;
  if (body !== undefined && typeof body !== 'string') return undefined;
  if (redirect !== undefined && redirect !== 'manual' && redirect !== 'error') return undefined;
  return { url, method, headers, ...(body === undefined ? {} : { body }), ...(redirect === undefined ? {} : { redirect }) };
}

function requestsOf(value: unknown): RecordedRequest[] {
  const requests = value !== null && typeof value === 'object' ? (value as { requests?: unknown }).requests : undefined;
  return Array.isArray(requests) ? (requests as RecordedRequest[]) : [];
}

export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const limits = {
    memoryMb: options.memoryMb ?? 64,
    timeoutMs: options.timeoutMs ?? 5000,
    maxOutputBytes: options.maxOutputBytes ?? 1024 * 1024,
    maxLogLines: options.maxLogLines ?? 200,
    maxLogLineLength: options.maxLogLineLength ?? 2000,
    maxFetches: options.maxFetches ?? 10,
    maxFetchBodyBytes: options.maxFetchBodyBytes ?? 5 * 1024 * 1024,
    maxCodeLength: options.maxCodeLength ?? 100_000,
  };
  const limitsJson = JSON.stringify({
    maxLogLines: limits.maxLogLines,
    maxLogLineLength: limits.maxLogLineLength,
    maxOutputChars: limits.maxOutputBytes,
  });
  const pool = createIsolatePool({
    memoryLimitMb: limits.memoryMb,
    maxIdlePerWorkspace: options.maxIdleIsolatesPerWorkspace ?? 2,
    maxIdle: options.maxIdleIsolates ?? 64,
    maxRunsPerIsolate: options.maxRunsPerIsolate ?? 1000,
    maxCachedScripts: 50,
    onCatastrophicError: options.onCatastrophicError ?? ((message) => process.stderr.write(`isolated-vm catastrophic error: ${message}\n`)),
    prepare: (isolate, runtime) => prepareContext(isolate, runtime, limitsJson),
  });

  async function run(request: RunRequest): Promise<RunResult> {
    const started = performance.now();
    const logs: LogLine[] = [];
    const requests: RecordedRequest[] = [];
    // Copies: nothing a straggling callback does after the run may change the result handed out.
    const finish = (result: { ok: true; output: JsonValue } | { ok: false; error: CodeError }): RunResult => ({
      ...result,
      logs: [...logs],
      durationMs: Math.round((performance.now() - started) * 100) / 100,
      requests: [...requests],
    });

    if (request.code.length > limits.maxCodeLength) {
      return finish({ ok: false, error: { code: 'CODE_TOO_LONG', message: `The code is longer than ${limits.maxCodeLength} characters` } });
    }
    let inputJson: string | undefined;
    try {
      inputJson = JSON.stringify(request.input ?? null);
    } catch (error) {
      return finish({ ok: false, error: { code: 'INVALID_INPUT', message: `The input is not JSON: ${(error as Error).message}` } });
    }
    if (request.signal?.aborted) return finish({ ok: false, error: { code: 'ABORTED', message: 'The code step was cancelled' } });

    const lineCount = request.code.split('\n').length;
    const entry = pool.acquire(request.workspaceId);
    let reusable = true;

    let script: ivm.Script;
    try {
      script = pool.script(entry, request.code, () => entry.isolate.compileScriptSync(wrapUserCode(request.code), { filename: userFilename, lineOffset: -1 }));
    } catch (error) {
      pool.release(entry, true);
      // isolated-vm appends the position as "[code.js:3:7]"; we report it as the user's line.
      const raw = error instanceof Error ? error.message : String(error);
      const message = raw.replace(/\s*\[[^\]]*:\d+:\d+\]\s*$/, '');
      const place = locate(raw, lineCount);
      return finish({ ok: false, error: { ...withLine(`SyntaxError: ${message}`, place), code: 'SYNTAX_ERROR' } });
    }

    const controller = new AbortController();
    let stopReason: 'timeout' | 'aborted' | undefined;
    let settled = false;
    let fetches = 0;
    let fetchesInFlight = 0;

    const hooks: RunHooks = {
      log(level, message) {
        if (settled || logs.length > limits.maxLogLines) return;
        if (typeof level !== 'string' || !logLevels.has(level) || typeof message !== 'string') return;
        logs.push({ level: level as LogLevel, message: message.slice(0, limits.maxLogLineLength + 40) });
      },
      async fetch(raw) {
        if (settled) return { error: 'fetch was called after the code step finished', kind: 'error' };
        if (!request.fetch) return { error: 'fetch is not available in this code step', kind: 'error' };
        if (fetches >= limits.maxFetches) {
          return { error: `fetch budget exceeded: a code step may make at most ${limits.maxFetches} requests`, kind: 'error' };
        }
        fetches++;
        const fetchRequest = parseFetchRequest(raw);
        if (!fetchRequest) return { error: 'fetch was called with an invalid request', kind: 'error' };
        fetchesInFlight++;
        try {
          const response = await request.fetch(fetchRequest, { signal: controller.signal });
          requests.push(...requestsOf(response));
          if (Buffer.byteLength(response.body) > limits.maxFetchBodyBytes) {
            return {
              error: `The response from ${fetchRequest.url} is larger than the ${formatMb(limits.maxFetchBodyBytes)} a code step may read`,
              kind: 'error',
            };
          }
          return {
            status: response.status,
            statusText: response.statusText ?? '',
            url: response.url ?? fetchRequest.url,
            redirected: response.redirected ?? false,
            headers: { ...response.headers },
            body: response.body,
          };
        } catch (error) {
          requests.push(...requestsOf(error));
          return { error: error instanceof Error ? error.message : String(error), kind: 'network' };
        } finally {
          fetchesInFlight--;
        }
      },
    };

    // The wall clock covers everything, awaited fetches included: when it runs out the isolate is
    // disposed, which stops the code wherever it is, even inside a loop after an await.
    const stop = (reason: 'timeout' | 'aborted'): void => {
      if (settled || stopReason) return;
      stopReason = reason;
      reusable = false;
      controller.abort();
      if (!entry.isolate.isDisposed) entry.isolate.dispose();
    };
    const timer = setTimeout(() => stop('timeout'), limits.timeoutMs);
    const onAbort = (): void => stop('aborted');
    request.signal?.addEventListener('abort', onAbort, { once: true });

    let fresh: FreshContext | undefined;
    try {
      fresh = await pool.context(entry);
      fresh.bind(hooks);
      fresh.context.global.setSync(inputGlobal, inputJson);
      const remaining = Math.max(1, limits.timeoutMs - (performance.now() - started));
      // The isolate's own timeout stops synchronous code at once; the timer above covers the rest.
      const value: unknown = await script.run(fresh.context, { timeout: Math.ceil(remaining), promise: true, copy: true });
      return finish(interpret(value));
    } catch (error) {
      reusable = false;
      return finish({ ok: false, error: hostFailure(error) });
    } finally {
      settled = true;
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', onAbort);
      controller.abort();
      // A fetch still in flight would resume the finished code later, in an isolate the next run
      // of this workspace may be using; such an isolate is not kept.
      if (fetchesInFlight > 0) reusable = false;
      fresh?.unbind();
      fresh?.release();
      pool.release(entry, reusable);
    }

    function interpret(value: unknown): { ok: true; output: JsonValue } | { ok: false; error: CodeError } {
      if (typeof value !== 'string') {
        reusable = false;
        return { ok: false, error: { code: 'INVALID_OUTPUT', message: 'The code did not produce a result' } };
      }
      // The in-isolate check counts characters; this one counts the bytes we will store.
      const bytes = Buffer.byteLength(value);
      if (bytes > limits.maxOutputBytes + 64) return { ok: false, error: outputTooLarge(bytes) };
      let envelope: {
        ok?: unknown;
        output?: JsonValue;
        code?: unknown;
        size?: unknown;
        error?: { name?: unknown; message?: unknown; stack?: unknown; thrown?: unknown };
      };
      try {
        envelope = JSON.parse(value) as typeof envelope;
      } catch {
        // Only code that escaped the wrapper can hand back something that is not our envelope.
        return { ok: false, error: { code: 'INVALID_OUTPUT', message: 'The code did not produce a result' } };
      }
      if (envelope.ok === true) return { ok: true, output: envelope.output ?? null };
      if (envelope.code === 'OUTPUT_TOO_LARGE') return { ok: false, error: outputTooLarge(Number(envelope.size)) };
      const name = typeof envelope.error?.name === 'string' ? envelope.error.name : '';
      const message = typeof envelope.error?.message === 'string' ? envelope.error.message : '';
      const stack = typeof envelope.error?.stack === 'string' ? envelope.error.stack : '';
      const text = envelope.error?.thrown ? `Uncaught ${message}` : name && message ? `${name}: ${message}` : name || message || 'Error';
      if (envelope.code === 'INVALID_OUTPUT') {
        return { ok: false, error: { code: 'INVALID_OUTPUT', message: `The returned value is not JSON: ${message || text}` } };
      }
      return { ok: false, error: withLine(text, locate(stack, lineCount)) };
    }

    function outputTooLarge(size: number): CodeError {
      return {
        code: 'OUTPUT_TOO_LARGE',
        message: `The returned value is ${formatMb(size)} as JSON; a code step may return at most ${formatMb(limits.maxOutputBytes)}`,
      };
    }

    function hostFailure(error: unknown): CodeError {
      const message = error instanceof Error ? error.message : String(error);
      if (stopReason === 'aborted') return { code: 'ABORTED', message: 'The code step was cancelled' };
      if (stopReason === 'timeout' || /Script execution timed out/.test(message)) {
        return { code: 'TIMEOUT', message: `The code did not finish within ${limits.timeoutMs} ms${fetchHint()}` };
      }
      if (/memory limit/i.test(message) || entry.isolate.isDisposed) {
        return { code: 'MEMORY_LIMIT', message: `The code used more than the ${limits.memoryMb} MB memory limit` };
      }
      // Code that escaped the wrapper and threw at the top level: still the user's error.
      const stack = error instanceof Error && typeof error.stack === 'string' ? error.stack : '';
      const name = error instanceof Error ? error.name : 'Error';
      return withLine(`${name}: ${message}`, locate(stack, lineCount));
    }

    function fetchHint(): string {
      return fetches > 0 ? ' (time spent waiting for fetch counts too)' : '';
    }
  }

  return {
    run,
    stats() {
      const { idle, workspaces, created } = pool.stats();
      return { idleIsolates: idle, workspaces, isolatesCreated: created };
    },
    dispose() {
      pool.dispose();
    },
  };
}
