// A fresh context, prepared while its isolate is idle: runtime installed, host hooks bound per run.
import ivm from 'isolated-vm';

export type FetchAnswer =
  | { status: number; statusText: string; url: string; redirected: boolean; headers: Record<string, string>; body: string }
  | { error: string; kind: 'network' | 'error' };

/** What one run does with the console lines and fetch calls its code makes. */
export interface RunHooks {
  log(level: unknown, message: unknown): void;
  fetch(request: unknown): Promise<FetchAnswer>;
}

export interface FreshContext {
  readonly context: ivm.Context;
  /** Routes the context's console and fetch to this run; until then, and after unbind, they do nothing. */
  bind(hooks: RunHooks): void;
  unbind(): void;
  release(): void;
}

const finished: FetchAnswer = { error: 'fetch was called after the code step finished', kind: 'error' };

/**
 * Creates and installs a context without blocking the host's event loop: both steps run on the
 * isolate's thread. The hooks are per context, so a late call from an earlier run's context can
 * never land in a later run's record.
 */
export async function prepareContext(isolate: ivm.Isolate, runtime: ivm.Script, limitsJson: string): Promise<FreshContext> {
  const context = await isolate.createContext();
  let hooks: RunHooks | undefined;
  const log = new ivm.Callback((level: unknown, message: unknown) => hooks?.log(level, message));
  const fetch = new ivm.Reference(async (request: unknown): Promise<FetchAnswer> => (hooks ? hooks.fetch(request) : finished));
  const install = await runtime.run(context, { reference: true });
  try {
    await install.apply(undefined, [log, fetch, limitsJson]);
  } finally {
    install.release();
  }
  return {
    context,
    bind(next) {
      hooks = next;
    },
    unbind() {
      hooks = undefined;
    },
    release() {
      fetch.release();
      if (!isolate.isDisposed) context.release();
    },
  };
}
