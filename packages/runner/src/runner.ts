// Executes runs with the engine and real ports: connectors through the guarded client, code in the sandbox, records in PostgreSQL.
import type { JsonValue, StepRecord, StepRequest, ZapDefinition } from '@switchyard/contracts';
import type { Sandbox, SandboxFetch } from '@switchyard/sandbox';
import {
  createRedactor,
  findAction,
  performAction as perform,
  REDACTED,
  redactByName,
  StepFailure,
  type Credentials,
  type HttpClient,
  type RecordedRequest,
} from '@switchyard/connectors';
import {
  claimRuns,
  createGroupCommit,
  disableFailingZap,
  finishRuns,
  newId,
  parkRun,
  saveSteps,
  touchRun,
  VaultError,
  type Database,
  type Finish,
  type StepRow,
  type Vault,
} from '@switchyard/db';
import { executeRun, toJsonValue, type EnginePorts, type ExecuteOptions, type RunOutcome } from '@switchyard/engine';
import type { AppCatalog } from './catalog.ts';
import { openConnection } from './connections.ts';
import { retryWithin } from './retry.ts';

export interface RunnerOptions {
  /** A running run whose heartbeat is older than this is taken over (its worker died). Heartbeats come at a third of it. */
  leaseMs: number;
  /** Failed runs in a row after which a zap turns itself off (0: never). */
  maxConsecutiveFailures?: number;
  db: Database;
  vault: Vault;
  catalog: AppCatalog;
  http: HttpClient;
  sandbox: Sandbox;
  /** `fetch` inside code steps: the guarded client, with code-step limits. */
  codeFetch: SandboxFetch;
  execute?: ExecuteOptions;
}

export interface RunRef {
  id: string;
  workspaceId: string;
}

/** What became of a run; `app` is its zap's trigger app (a label for metrics). */
export type ExecutionResult = { status: 'skipped' } | { status: 'busy' } | (RunOutcome & { app: string });

function toStepRequests(requests: readonly RecordedRequest[]): StepRequest[] {
  return requests.map((r) => ({
    method: r.method,
    url: r.url,
    status: r.status,
    requestBody: toJsonValue(r.requestBody ?? null),
    responseBody: toJsonValue(r.responseBody ?? null),
    durationMs: r.durationMs,
  }));
}

/** Whether a step's record stands for something done outside the engine (sent, fetched), which must never be repeated. */
function reachedOutside(record: StepRow, catalog: AppCatalog): boolean {
  if (record.type === 'code') return true;
  return record.type === 'action' && catalog.reachesOutside(record.app ?? '', record.action ?? '');
}

/** Errors that are a step's own outcome (the service's answer, an unreadable secret), as opposed to the database's. */
function isStepsOwnError(error: unknown): boolean {
  return error instanceof StepFailure || error instanceof VaultError;
}

const VERSION_GONE = 'The zap version of this run no longer exists.';

export function createRunner(options: RunnerOptions) {
  const { db, vault, catalog, http, sandbox, codeFetch } = options;
  // Runs starting together share one claim statement, and runs ending together one finish: under load a run then
  // costs a share of two statements, plus a save before each outside step that follows another.
  const claims = createGroupCommit((runIds: string[]) => claimRuns(db.pool, runIds, options.leaseMs), { maxBatch: 200, maxInFlight: 4 });
  // A failed finish means the run is executed again, so a batch the database refuses is retried run by run.
  const finishes = createGroupCommit((batch: Finish[]) => finishRuns(db.pool, batch, newId), { maxBatch: 200, maxInFlight: 4, isolateFailures: true });

  /** The values of an action's input fields marked secret (an HTTP step's token), with those fields replaced. */
  function withoutSecretInputs(record: StepRecord): { input: JsonValue; typed: string[] } {
    const input = record.input;
    if (record.type !== 'action' || !record.app || !record.action || !input || typeof input !== 'object' || Array.isArray(input)) return { input, typed: [] };
    const keys = catalog.secretInputKeys(record.app, record.action).filter((key) => typeof input[key] === 'string' && input[key] !== '');
    if (keys.length === 0) return { input, typed: [] };
    return { input: { ...input, ...Object.fromEntries(keys.map((key) => [key, REDACTED])) }, typed: keys.map((key) => input[key] as string) };
  }

  /**
   * The record as run history keeps it. In the filled-in input, credentials are replaced: fields marked secret and, by
   * name, credential headers, query parameters and URL passwords. Those values, and every secret a step of this run
   * redacted so far (`revealed`: credentials, typed-in secrets, what its requests carried by name), are then replaced
   * wherever the record holds them, base64 forms included, since services echo them. The run goes on with the real values.
   */
  function forHistory(record: StepRecord, revealed: ReadonlySet<string>): StepRecord {
    const { input, typed } = withoutSecretInputs(record);
    const named = redactByName(input);
    const secrets = [...revealed, ...typed, ...named.found];
    if (secrets.length === 0) return { ...record, input: named.value as JsonValue };
    const redactor = createRedactor(secrets);
    return {
      ...record,
      input: redactor.strings(named.value) as JsonValue,
      output: redactor.strings(record.output) as JsonValue,
      error: record.error === null ? null : redactor.text(record.error),
      logs: record.logs.map((line) => redactor.text(line)),
      requests: redactor.strings(record.requests) as StepRecord['requests'],
    };
  }

  /**
   * Step records wait in `buffer` until just before the next step that reaches outside (an action, code that may fetch)
   * or the run's end, whichever comes first. So every step that reached outside is recorded before anything else is
   * sent, and a crash never repeats it. Records of steps that only computed (filters, paths, formatters...) do not force
   * a write of their own: after a crash they are computed again, with the same result. A run whose only outside step
   * is its last costs two queries (claim, finish).
   */
  function portsFor(run: RunRef, buffer: StepRow[], signal: AbortSignal, halt: AbortController): EnginePorts {
    const credentials = new Map<string, Promise<Credentials>>();
    /** What the run's steps redacted so far: later steps may map it into their input, or a service echo it. */
    const revealed = new Set<string>();
    /**
     * Database work a step needs that is not the step itself (saving earlier records, reading credentials). It waits
     * out a short outage; if the database stays away, the run stops here and its job is retried later, instead of the
     * step failing for something the service never saw. A step failure or an unreadable secret is the step's own.
     */
    const infrastructure = async <T>(work: () => Promise<T>): Promise<T> => {
      try {
        return await retryWithin(options.leaseMs, work, { retryIf: (error) => !isStepsOwnError(error) });
      } catch (error) {
        if (!isStepsOwnError(error)) halt.abort(error);
        throw error;
      }
    };
    const flush = async () => {
      if (!buffer.some((record) => reachedOutside(record, catalog))) return;
      await infrastructure(() => saveSteps(db.pool, run.workspaceId, run.id, buffer, newId));
      buffer.length = 0;
    };
    return {
      async performAction(request) {
        await flush();
        const app = catalog.apps.get(request.app);
        const action = app && findAction(app, request.action);
        if (!app || !action) throw new StepFailure(`There is no action ${request.app}.${request.action}.`, { transient: false });
        let auth: Credentials | undefined;
        if (app.auth) {
          const cacheKey = request.connectionId ?? '';
          let pending = credentials.get(cacheKey);
          if (!pending) {
            pending = infrastructure(() => openConnection(db, vault, run.workspaceId, request.connectionId, app.key));
            credentials.set(cacheKey, pending);
          }
          auth = await pending;
        }
        const result = await perform(action, {
          input: request.input,
          client: http,
          idempotencyKey: request.idempotencyKey,
          secretKeys: catalog.secretKeys(app.key),
          ...(auth ? { auth } : {}),
          ...(request.signal ? { signal: request.signal } : {}),
        });
        for (const secret of result.secrets) revealed.add(secret);
        return { output: result.output, requests: toStepRequests(result.requests) };
      },
      async runCode(request) {
        await flush();
        const result = await sandbox.run({
          workspaceId: run.workspaceId,
          code: request.code,
          input: request.input,
          fetch: codeFetch,
          ...(request.signal ? { signal: request.signal } : {}),
        });
        const logs = result.logs.map((line) => (line.level === 'log' ? line.message : `[${line.level}] ${line.message}`));
        if (!result.ok) {
          // Only a run cut short by shutdown is worth retrying; the code's own errors would fail again.
          throw new StepFailure(result.error.message, { transient: result.error.code === 'ABORTED', code: result.error.code, requests: result.requests, logs });
        }
        return { output: result.output, logs, requests: toStepRequests(result.requests) };
      },
      async persistStep(stepRecord) {
        buffer.push(forHistory(stepRecord, revealed));
      },
      now: () => new Date(),
      sleep: (ms) =>
        new Promise<void>((resolve, reject) => {
          const timer = setTimeout(resolve, ms);
          signal?.addEventListener(
            'abort',
            () => {
              clearTimeout(timer);
              reject(signal.reason);
            },
            { once: true },
          );
        }),
    };
  }

  /** Runs a definition for a run row that exists, from the records it already has, and records the outcome. */
  async function runDefinition(
    run: RunRef,
    definition: ZapDefinition,
    trigger: unknown,
    completed: readonly StepRecord[],
    extra: { signal?: AbortSignal; stopAfterStep?: string } = {},
  ): Promise<RunOutcome> {
    const buffer: StepRow[] = [];
    // Stops the run from inside a port (the database went away); the engine then hands the error up instead of
    // recording it as the step's failure.
    const halt = new AbortController();
    const signal = extra.signal ? AbortSignal.any([extra.signal, halt.signal]) : halt.signal;
    // The heartbeat tells other workers (and the sweeper) that this run is alive while a long step runs.
    // It beats on while the outcome is written, which may wait out a short database outage.
    const heartbeat = setInterval(() => void touchRun(db.pool, run.id).catch(() => undefined), Math.max(250, Math.floor(options.leaseMs / 3)));
    let outcome: RunOutcome;
    let finished: { zapId: string | null; consecutiveFailures: number } | undefined;
    try {
      outcome = await executeRun({
        runId: run.id,
        zap: definition,
        trigger,
        completed: new Map(completed.map((record) => [record.path, record])),
        ports: portsFor(run, buffer, signal, halt),
        options: { ...options.execute, signal, ...(extra.stopAfterStep ? { stopAfterStep: extra.stopAfterStep } : {}) },
      });
      // These writes carry the records of the last steps, perhaps of an action already sent: if they were lost, the run
      // would execute again and send it again. So they are retried through an outage shorter than the run's lease.
      const result = outcome;
      if (result.status === 'waiting') {
        await retryWithin(options.leaseMs, () => parkRun(db.pool, run, result.resumeAt ?? new Date(), buffer, newId));
      } else {
        const final = { status: result.status, error: result.error ?? null };
        finished = await retryWithin(options.leaseMs, () => finishes.submit({ run, outcome: final, steps: buffer }));
      }
    } finally {
      clearInterval(heartbeat);
    }
    if (finished) {
      const { zapId, consecutiveFailures } = finished;
      const limit = options.maxConsecutiveFailures ?? 0;
      if (zapId && limit > 0 && consecutiveFailures >= limit) {
        await disableFailingZap(
          db.pool,
          zapId,
          `Turned off after ${consecutiveFailures} failed runs in a row. The last one failed with: ${outcome.error ?? 'an unknown error'}. Fix the cause, then turn the zap on again.`,
          newId('aud'),
        );
      }
    }
    return outcome;
  }

  return {
    runDefinition,

    /** Executes a queued (or resumed) run. Skips runs that are finished or unknown; `busy` when another worker runs it. */
    async execute(runId: string, signal?: AbortSignal): Promise<ExecutionResult> {
      const claim = await claims.submit(runId);
      if (claim.kind === 'gone') return { status: 'skipped' };
      if (claim.kind === 'busy') return { status: 'busy' };
      const claimed = claim.run;
      if (!claimed.definition) {
        await finishes.submit({ run: claimed, outcome: { status: 'failed', error: VERSION_GONE }, steps: [] });
        return { status: 'failed', error: VERSION_GONE, app: 'unknown' };
      }
      const definition = claimed.definition as ZapDefinition;
      const outcome = await runDefinition(claimed, definition, claimed.trigger, claimed.steps as StepRecord[], signal ? { signal } : {});
      return { ...outcome, app: definition.trigger.app };
    },
  };
}

export type Runner = ReturnType<typeof createRunner>;
