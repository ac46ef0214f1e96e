// Warm isolates kept per workspace, so a code step pays for a fresh context and not for a fresh isolate.
import ivm from 'isolated-vm';
import type { FreshContext } from './context.ts';
import { runtimeSource } from './runtime.ts';

export interface WarmIsolate {
  readonly workspaceId: string;
  readonly isolate: ivm.Isolate;
  /** The runtime script, compiled once per isolate and run in every new context. */
  readonly runtime: ivm.Script;
  /** User scripts compiled in this isolate, by source; the least recently used are dropped first. */
  readonly scripts: Map<string, ivm.Script>;
  runs: number;
  /** The context the next run will use, prepared while the isolate was idle. */
  next?: Promise<FreshContext>;
}

export interface IsolatePoolOptions {
  memoryLimitMb: number;
  /** Idle isolates kept for one workspace. */
  maxIdlePerWorkspace: number;
  /** Idle isolates kept in all; the least recently used workspace gives one up first. */
  maxIdle: number;
  /** An isolate is retired after this many runs, so slow leaks in V8 heaps cannot accumulate. */
  maxRunsPerIsolate: number;
  maxCachedScripts: number;
  onCatastrophicError: (message: string) => void;
  /** Builds a fresh context in an isolate; the pool calls it ahead of need. */
  prepare: (isolate: ivm.Isolate, runtime: ivm.Script) => Promise<FreshContext>;
}

export interface IsolatePool {
  /** An isolate of this workspace for one run at a time: never one that served another workspace. */
  acquire(workspaceId: string): WarmIsolate;
  /** Hands the isolate back; one that hit a limit or misbehaved is disposed instead of kept. */
  release(entry: WarmIsolate, reusable: boolean): void;
  /** A never-used context of this isolate: the one prepared ahead, or a new one. */
  context(entry: WarmIsolate): Promise<FreshContext>;
  /** Compiled user script for this isolate, from the cache when the same code ran here before. */
  script(entry: WarmIsolate, source: string, compile: () => ivm.Script): ivm.Script;
  stats(): { idle: number; workspaces: number; created: number };
  dispose(): void;
}

function disposeQuietly(isolate: ivm.Isolate): void {
  if (!isolate.isDisposed) isolate.dispose();
}

function prepareAhead(entry: WarmIsolate, prepare: IsolatePoolOptions['prepare']): void {
  // A run that failed to compile never took its context; that one is still fresh.
  if (entry.next) return;
  const next = prepare(entry.isolate, entry.runtime);
  // Marked as handled here; whoever takes the context awaits it and sees any failure.
  next.catch(() => undefined);
  entry.next = next;
}

export function createIsolatePool(options: IsolatePoolOptions): IsolatePool {
  // Map order is the recency order of workspaces: a workspace is moved to the end when it releases.
  const idle = new Map<string, WarmIsolate[]>();
  let idleCount = 0;
  let created = 0;
  let disposed = false;

  function create(workspaceId: string): WarmIsolate {
    const isolate = new ivm.Isolate({ memoryLimit: options.memoryLimitMb, onCatastrophicError: options.onCatastrophicError });
    created++;
    const entry: WarmIsolate = {
      workspaceId,
      isolate,
      runtime: isolate.compileScriptSync(runtimeSource, { filename: 'switchyard-runtime.js' }),
      scripts: new Map(),
      runs: 0,
    };
    prepareAhead(entry, options.prepare);
    return entry;
  }

  function evictOne(): void {
    const oldest = idle.keys().next();
    if (oldest.done) return;
    const list = idle.get(oldest.value) ?? [];
    const entry = list.shift();
    if (list.length === 0) idle.delete(oldest.value);
    if (entry) {
      idleCount--;
      disposeQuietly(entry.isolate);
    }
  }

  return {
    acquire(workspaceId) {
      if (disposed) throw new Error('The sandbox has been disposed');
      const list = idle.get(workspaceId);
      const entry = list?.pop();
      if (entry) {
        idleCount--;
        if (list?.length === 0) idle.delete(workspaceId);
        return entry;
      }
      return create(workspaceId);
    },

    release(entry, reusable) {
      entry.runs++;
      const keep = reusable && !disposed && !entry.isolate.isDisposed && entry.runs < options.maxRunsPerIsolate;
      if (!keep) {
        disposeQuietly(entry.isolate);
        return;
      }
      const list = idle.get(entry.workspaceId) ?? [];
      idle.delete(entry.workspaceId);
      if (list.length >= options.maxIdlePerWorkspace) {
        disposeQuietly(entry.isolate);
        idle.set(entry.workspaceId, list);
        return;
      }
      list.push(entry);
      idle.set(entry.workspaceId, list);
      idleCount++;
      prepareAhead(entry, options.prepare);
      while (idleCount > options.maxIdle) evictOne();
    },

    context(entry) {
      const next = entry.next ?? options.prepare(entry.isolate, entry.runtime);
      entry.next = undefined;
      return next;
    },

    script(entry, source, compile) {
      const cached = entry.scripts.get(source);
      if (cached) {
        entry.scripts.delete(source);
        entry.scripts.set(source, cached);
        return cached;
      }
      const compiled = compile();
      entry.scripts.set(source, compiled);
      if (entry.scripts.size > options.maxCachedScripts) {
        const oldest = entry.scripts.keys().next();
        if (!oldest.done) {
          entry.scripts.get(oldest.value)?.release();
          entry.scripts.delete(oldest.value);
        }
      }
      return compiled;
    },

    stats() {
      return { idle: idleCount, workspaces: idle.size, created };
    },

    dispose() {
      disposed = true;
      for (const list of idle.values()) for (const entry of list) disposeQuietly(entry.isolate);
      idle.clear();
      idleCount = 0;
    },
  };
}
