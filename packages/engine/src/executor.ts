// The run executor: walks a zap's steps in order, through ports only, resuming from persisted records.
import type {
  ActionStep,
  CodeStep,
  DelayStep,
  FilterStep,
  JsonObject,
  JsonValue,
  LoopStep,
  PathsStep,
  Step,
  StepRecord,
  StepRequest,
} from '@switchyard/contracts';
import { setOwn } from '@switchyard/contracts';
import { evaluateConditions, toNumber, type EvaluatedCondition } from './conditions.ts';
import { findEngineApp } from './apps.ts';
import { StepFailure, toStepFailure, type StepFailureLike } from './failure.ts';
import { parseDate } from './formatter/date.ts';
import { isJsonObject, toJsonValue } from './json.ts';
import type { ExecuteOptions, ExecuteRunParams, EnginePorts, RunOutcome } from './ports.ts';
import { renderValue, type StepState, type TemplateContext } from './templates.ts';

type Flow =
  | { kind: 'next' }
  | { kind: 'stopped' }
  | { kind: 'filtered'; path: string }
  | { kind: 'failed'; error: string; path: string }
  | { kind: 'waiting'; resumeAt: Date };

const NEXT: Flow = { kind: 'next' };
const SKIPPED: StepState = { status: 'skipped', output: null, error: null };

type ResolvedOptions = Required<Omit<ExecuteOptions, 'signal' | 'stopAfterStep'>> & Pick<ExecuteOptions, 'signal' | 'stopAfterStep'>;

/** The retry fields are the step layer of the retries described in packages/runner/src/retry.ts. */
export const DEFAULT_EXECUTE_OPTIONS = {
  maxAttempts: 3,
  baseBackoffMs: 1_000,
  maxBackoffMs: 30_000,
  maxRetryAfterMs: 60_000,
  maxLoopIterations: 500,
  maxStepExecutions: 10_000,
  maxDelayMs: 31 * 24 * 3_600_000,
} as const;

const DELAY_UNIT_MS = { seconds: 1_000, minutes: 60_000, hours: 3_600_000, days: 86_400_000 } as const;

/**
 * Step states visible to templates. A loop iteration gets a child scope so its steps'
 * outputs do not leak out of the iteration; a paths branch shares its parent's scope, so
 * steps after the paths step can read what the chosen branch produced.
 */
class Scope {
  private readonly states = new Map<string, StepState>();

  constructor(private readonly parent?: Scope) {}

  get(key: string): StepState | undefined {
    return this.states.get(key) ?? this.parent?.get(key);
  }

  set(key: string, state: StepState): void {
    this.states.set(key, state);
  }

  ownOutputs(except: string): Record<string, JsonValue> {
    const out: Record<string, JsonValue> = {};
    for (const [key, state] of this.states) {
      if (key !== except) setOwn(out, key, toJsonValue(state.output));
    }
    return out;
  }
}

type Run = {
  runId: string;
  trigger: unknown;
  completed: ReadonlyMap<string, StepRecord>;
  ports: EnginePorts;
  options: ResolvedOptions;
  declared: ReadonlySet<string>;
  executions: number;
};

function collectKeys(steps: readonly Step[], into: Set<string>): Set<string> {
  for (const step of steps) {
    into.add(step.key);
    if (step.type === 'paths') for (const branch of step.branches) collectKeys(branch.steps, into);
    if (step.type === 'loop') collectKeys(step.steps, into);
  }
  return into;
}

function contextFor(run: Run, scope: Scope): TemplateContext {
  return {
    trigger: run.trigger,
    // A step the zap declares but that did not run (a branch not taken) reads as skipped.
    step: (key) => scope.get(key) ?? (run.declared.has(key) ? SKIPPED : undefined),
  };
}

function checkAbort(run: Run): void {
  const signal = run.options.signal;
  if (signal?.aborted) throw signal.reason ?? new Error('The run was aborted');
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

type RecordDraft = {
  step: Step;
  path: string;
  started: Date;
  status: StepRecord['status'];
  input: unknown;
  output: unknown;
  error: string | null;
  missing: string[];
  attempts: number;
  requests?: StepRequest[];
  logs?: string[];
  app?: string;
  action?: string;
};

async function persist(run: Run, draft: RecordDraft): Promise<StepRecord> {
  const ended = run.ports.now();
  const record: StepRecord = {
    path: draft.path,
    key: draft.step.key,
    type: draft.step.type,
    status: draft.status,
    input: toJsonValue(draft.input ?? null),
    output: toJsonValue(draft.output ?? null),
    error: draft.error,
    missing: unique(draft.missing),
    attempts: draft.attempts,
    startedAt: draft.started.toISOString(),
    durationMs: Math.max(0, ended.getTime() - draft.started.getTime()),
    requests: draft.requests ?? [],
    logs: draft.logs ?? [],
  };
  if (draft.app !== undefined) record.app = draft.app;
  if (draft.action !== undefined) record.action = draft.action;
  await run.ports.persistStep(record);
  return record;
}

function failedFlow(step: Step, path: string, message: string): Flow {
  return { kind: 'failed', error: `Step ${step.key} failed: ${message}`, path };
}

/** Backoff doubles per attempt with "equal jitter" (half fixed, half random); a Retry-After wins. */
function retryDelay(run: Run, attempt: number, retryAfterMs: number | undefined): number {
  if (retryAfterMs !== undefined) return retryAfterMs;
  const ceiling = Math.min(run.options.maxBackoffMs, run.options.baseBackoffMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + run.options.random() * (ceiling / 2));
}

type Attempted<T> = { ok: true; result: T; attempts: number } | { ok: false; failure: StepFailureLike; attempts: number };

async function withRetries<T extends { requests?: StepRequest[] | undefined }>(
  run: Run,
  requests: StepRequest[],
  attemptOnce: (attempt: number) => Promise<T>,
): Promise<Attempted<T>> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const result = await attemptOnce(attempt);
      if (Array.isArray(result.requests)) requests.push(...result.requests);
      return { ok: true, result, attempts: attempt };
    } catch (error) {
      checkAbort(run);
      const failure = toStepFailure(error);
      if (failure.requests) requests.push(...failure.requests);
      if (!failure.transient || attempt >= run.options.maxAttempts) return { ok: false, failure, attempts: attempt };
      if (failure.retryAfterMs !== undefined && failure.retryAfterMs > run.options.maxRetryAfterMs) {
        const seconds = Math.ceil(failure.retryAfterMs / 1000);
        return { ok: false, failure: { ...failure, message: `${failure.message} (the service asked to retry after ${seconds} s)` }, attempts: attempt };
      }
      await run.ports.sleep(retryDelay(run, attempt, failure.retryAfterMs));
      checkAbort(run);
    }
  }
}

function renderObject(value: unknown, context: TemplateContext, missing: string[]): JsonObject {
  const rendered = toJsonValue(renderValue(value, context, missing));
  return isJsonObject(rendered) ? rendered : {};
}

async function runTask(run: Run, step: ActionStep | CodeStep, scope: Scope, path: string): Promise<Flow> {
  const started = run.ports.now();
  const context = contextFor(run, scope);
  const missing: string[] = [];
  const requests: StepRequest[] = [];
  let logs: string[] = [];
  let recordInput: JsonObject;
  let attempted: Attempted<{ output: unknown; requests?: StepRequest[] | undefined }>;

  if (step.type === 'action') {
    const input = renderObject(step.input, context, missing);
    recordInput = input;
    const engineApp = findEngineApp(step.app);
    if (engineApp) {
      // Pure, so computed here and once: a failure comes from the input and would come again.
      try {
        attempted = { ok: true, result: { output: engineApp.perform(step.action, input) }, attempts: 1 };
      } catch (error) {
        attempted = { ok: false, failure: toStepFailure(error), attempts: 1 };
      }
    } else {
      attempted = await withRetries(run, requests, (attempt) =>
        run.ports.performAction({
          app: step.app,
          action: step.action,
          connectionId: step.connectionId,
          input,
          idempotencyKey: `${run.runId}:${path}`,
          stepKey: step.key,
          path,
          attempt,
          signal: run.options.signal,
        }),
      );
    }
  } else {
    const inputData = renderObject(step.input.inputData ?? {}, context, missing);
    recordInput = { inputData };
    attempted = await withRetries(run, requests, async () => {
      const result = await run.ports.runCode({ code: step.input.code, input: inputData, stepKey: step.key, path, signal: run.options.signal });
      logs = Array.isArray(result.logs) ? result.logs : [];
      return result;
    });
  }

  if (!attempted.ok && attempted.failure.logs) logs = attempted.failure.logs;
  const record = await persist(run, {
    step,
    path,
    started,
    status: attempted.ok ? 'success' : 'error',
    input: recordInput,
    output: attempted.ok ? attempted.result.output : null,
    error: attempted.ok ? null : attempted.failure.message,
    missing,
    attempts: attempted.attempts,
    requests,
    logs,
    ...(step.type === 'action' ? { app: step.app, action: step.action } : {}),
  });
  scope.set(step.key, { status: record.status, output: record.output, error: record.error });
  if (!attempted.ok && step.onError !== 'continue') return failedFlow(step, path, attempted.failure.message);
  return NEXT;
}

async function runFilter(run: Run, step: FilterStep, scope: Scope, path: string): Promise<Flow> {
  const started = run.ports.now();
  try {
    const result = evaluateConditions(step.conditions, contextFor(run, scope));
    const output = { passed: result.passed };
    await persist(run, {
      step,
      path,
      started,
      status: 'success',
      input: { conditions: result.evaluated },
      output,
      error: null,
      missing: result.missing,
      attempts: 1,
    });
    scope.set(step.key, { status: 'success', output, error: null });
    return result.passed ? NEXT : { kind: 'filtered', path };
  } catch (error) {
    const failure = toStepFailure(error);
    await persist(run, {
      step,
      path,
      started,
      status: 'error',
      input: { conditions: step.conditions },
      output: null,
      error: failure.message,
      missing: [],
      attempts: 1,
    });
    return failedFlow(step, path, failure.message);
  }
}

async function runPaths(run: Run, step: PathsStep, scope: Scope, path: string): Promise<Flow> {
  const started = run.ports.now();
  const context = contextFor(run, scope);
  const checked: Array<{ name: string; conditions: EvaluatedCondition[][]; passed: boolean }> = [];
  const missing: string[] = [];
  let chosen: PathsStep['branches'][number] | undefined;
  try {
    for (const branch of step.branches) {
      const result = evaluateConditions(branch.conditions, context);
      missing.push(...result.missing);
      checked.push({ name: branch.name, conditions: result.evaluated, passed: result.passed });
      if (result.passed) {
        chosen = branch;
        break;
      }
    }
  } catch (error) {
    const failure = toStepFailure(error);
    await persist(run, { step, path, started, status: 'error', input: { branches: checked }, output: null, error: failure.message, missing, attempts: 1 });
    return failedFlow(step, path, failure.message);
  }
  const output = { branch: chosen?.name ?? null };
  // Persisted before the branch runs so a resumed run follows the same branch.
  await persist(run, { step, path, started, status: 'success', input: { branches: checked }, output, error: null, missing, attempts: 1 });
  scope.set(step.key, { status: 'success', output, error: null });
  if (!chosen) return NEXT;
  return runSteps(run, chosen.steps, scope, `${path}/${chosen.name}`);
}

/**
 * Arrays loop as they are; nothing loops zero times; text that holds a JSON array is parsed,
 * other text is split on commas (line-item style); any other single value loops once.
 */
export function loopItems(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (value === undefined || value === null || value === '') return [];
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (trimmed.startsWith('[')) {
      try {
        const parsed: unknown = JSON.parse(trimmed);
        if (Array.isArray(parsed)) return parsed;
      } catch {
        // Not JSON after all: read it as comma-separated text.
      }
    }
    return trimmed === '' ? [] : trimmed.split(',').map((item) => item.trim());
  }
  return [value];
}

async function runLoop(run: Run, step: LoopStep, scope: Scope, path: string): Promise<Flow> {
  const started = run.ports.now();
  const missing: string[] = [];
  const all = loopItems(renderValue(step.input.items, contextFor(run, scope), missing));
  const limit = Math.min(step.input.maxItems ?? run.options.maxLoopIterations, run.options.maxLoopIterations);
  const items = all.slice(0, limit);
  const input = { items, maxItems: limit };
  const results: Array<Record<string, JsonValue>> = [];
  for (let index = 0; index < items.length; index += 1) {
    checkAbort(run);
    const iteration = new Scope(scope);
    iteration.set(step.key, { status: 'success', output: { item: items[index], index }, error: null });
    const flow = await runSteps(run, step.steps, iteration, `${path}[${index}]`);
    results.push(iteration.ownOutputs(step.key));
    // A filter inside a loop ends only its own iteration.
    if (flow.kind === 'filtered' || flow.kind === 'next') continue;
    if (flow.kind === 'failed') {
      const output = { count: index + 1, total: all.length, truncated: all.length > limit, results };
      await persist(run, { step, path, started, status: 'error', input, output, error: `Iteration ${index}: ${flow.error}`, missing, attempts: 1 });
    }
    // Waiting leaves the loop unrecorded: on resume it runs again and finished iterations are reused.
    return flow;
  }
  const output = { count: items.length, total: all.length, truncated: all.length > limit, results };
  const record = await persist(run, { step, path, started, status: 'success', input, output, error: null, missing, attempts: 1 });
  scope.set(step.key, { status: 'success', output: record.output, error: null });
  return NEXT;
}

function delayTarget(run: Run, step: DelayStep, started: Date, context: TemplateContext, missing: string[]): { resumeAt: Date; input: JsonObject } {
  const spec = step.input;
  if (spec.for) {
    const rendered = renderValue(spec.for.amount, context, missing);
    const amount = toNumber(rendered);
    if (amount === null || amount < 0) {
      throw StepFailure.permanent(`The delay amount must be a number of ${spec.for.unit} (0 or more), got ${JSON.stringify(rendered ?? null)}`);
    }
    const ms = amount * DELAY_UNIT_MS[spec.for.unit];
    if (ms > run.options.maxDelayMs) throw StepFailure.permanent(`A delay may last at most ${Math.round(run.options.maxDelayMs / 86_400_000)} days`);
    return { resumeAt: new Date(started.getTime() + ms), input: { for: { amount, unit: spec.for.unit } } };
  }
  if (spec.until !== undefined) {
    const rendered = renderValue(spec.until, context, missing);
    const resumeAt = new Date(parseDate(rendered, spec.timeZone ?? 'UTC'));
    if (resumeAt.getTime() - started.getTime() > run.options.maxDelayMs) {
      throw StepFailure.permanent(`A delay may last at most ${Math.round(run.options.maxDelayMs / 86_400_000)} days`);
    }
    return { resumeAt, input: { until: resumeAt.toISOString() } };
  }
  throw StepFailure.permanent('The delay has neither "for" nor "until"');
}

async function runDelay(run: Run, step: DelayStep, scope: Scope, path: string): Promise<Flow> {
  const started = run.ports.now();
  const missing: string[] = [];
  let target: { resumeAt: Date; input: JsonObject };
  try {
    target = delayTarget(run, step, started, contextFor(run, scope), missing);
  } catch (error) {
    const failure = toStepFailure(error);
    await persist(run, { step, path, started, status: 'error', input: step.input, output: null, error: failure.message, missing, attempts: 1 });
    return failedFlow(step, path, failure.message);
  }
  const waits = target.resumeAt.getTime() > started.getTime();
  const output = { resumeAt: target.resumeAt.toISOString(), waited: waits };
  // Recorded as a success now: on resume the record says the delay is done and it is not redone.
  await persist(run, { step, path, started, status: 'success', input: target.input, output, error: null, missing, attempts: 1 });
  scope.set(step.key, { status: 'success', output, error: null });
  return waits ? { kind: 'waiting', resumeAt: target.resumeAt } : NEXT;
}

function reusable(step: Step, prior: StepRecord): boolean {
  if (prior.key !== step.key || prior.type !== step.type) return false;
  if (prior.status === 'success') return true;
  return prior.status === 'error' && 'onError' in step && step.onError === 'continue';
}

function field(value: JsonValue, key: string): JsonValue | undefined {
  return isJsonObject(value) ? value[key] : undefined;
}

/** Replays a persisted record into the scope instead of executing the step again. */
async function reuse(run: Run, step: Step, scope: Scope, path: string, prior: StepRecord): Promise<Flow> {
  scope.set(step.key, { status: prior.status, output: prior.output, error: prior.error });
  if (step.type === 'filter' && field(prior.output, 'passed') === false) return { kind: 'filtered', path };
  if (step.type === 'delay') {
    const resumeAt = field(prior.output, 'resumeAt');
    const time = typeof resumeAt === 'string' ? Date.parse(resumeAt) : Number.NaN;
    // Resumed too early (a clock skew or an early job): keep waiting rather than skip ahead.
    if (!Number.isNaN(time) && time > run.ports.now().getTime()) return { kind: 'waiting', resumeAt: new Date(time) };
  }
  if (step.type === 'paths') {
    const name = field(prior.output, 'branch');
    const branch = step.branches.find((candidate) => candidate.name === name);
    if (branch) return runSteps(run, branch.steps, scope, `${path}/${branch.name}`);
  }
  return NEXT;
}

async function runStep(run: Run, step: Step, scope: Scope, path: string): Promise<Flow> {
  const prior = run.completed.get(path);
  if (prior && reusable(step, prior)) return reuse(run, step, scope, path, prior);
  run.executions += 1;
  if (run.executions > run.options.maxStepExecutions) {
    return { kind: 'failed', error: `The run stopped after ${run.options.maxStepExecutions} step executions (the limit for one run)`, path };
  }
  switch (step.type) {
    case 'action':
    case 'code':
      return runTask(run, step, scope, path);
    case 'filter':
      return runFilter(run, step, scope, path);
    case 'paths':
      return runPaths(run, step, scope, path);
    case 'loop':
      return runLoop(run, step, scope, path);
    case 'delay':
      return runDelay(run, step, scope, path);
  }
}

async function runSteps(run: Run, steps: readonly Step[], scope: Scope, prefix: string): Promise<Flow> {
  for (const step of steps) {
    checkAbort(run);
    const path = prefix ? `${prefix}/${step.key}` : step.key;
    const flow = await runStep(run, step, scope, path);
    if (flow.kind !== 'next') return flow;
    if (run.options.stopAfterStep === step.key) return { kind: 'stopped' };
  }
  return NEXT;
}

function resolveOptions(options: ExecuteOptions = {}): ResolvedOptions {
  const defaults = DEFAULT_EXECUTE_OPTIONS;
  return {
    maxAttempts: Math.max(1, Math.floor(options.maxAttempts ?? defaults.maxAttempts)),
    baseBackoffMs: Math.max(0, options.baseBackoffMs ?? defaults.baseBackoffMs),
    maxBackoffMs: Math.max(0, options.maxBackoffMs ?? defaults.maxBackoffMs),
    maxRetryAfterMs: Math.max(0, options.maxRetryAfterMs ?? defaults.maxRetryAfterMs),
    maxLoopIterations: Math.max(0, Math.floor(options.maxLoopIterations ?? defaults.maxLoopIterations)),
    maxStepExecutions: Math.max(1, Math.floor(options.maxStepExecutions ?? defaults.maxStepExecutions)),
    maxDelayMs: Math.max(0, options.maxDelayMs ?? defaults.maxDelayMs),
    random: options.random ?? Math.random,
    signal: options.signal,
    stopAfterStep: options.stopAfterStep,
  };
}

/**
 * Executes (or resumes) one run. Each step's record is persisted through `ports.persistStep`
 * when the step ends; the outcome says how the run ended. Throws only when a port that must
 * not fail (persistStep, now, sleep) throws, or when `options.signal` aborts.
 */
export async function executeRun(params: ExecuteRunParams): Promise<RunOutcome> {
  const options = resolveOptions(params.options);
  const run: Run = {
    runId: params.runId,
    trigger: params.trigger,
    completed: params.completed ?? new Map(),
    ports: params.ports,
    options,
    declared: collectKeys(params.zap.steps, new Set()),
    executions: 0,
  };
  const flow = await runSteps(run, params.zap.steps, new Scope(), '');
  switch (flow.kind) {
    case 'next':
    case 'stopped':
      return { status: 'succeeded' };
    case 'filtered':
      return { status: 'filtered', filteredPath: flow.path };
    case 'waiting':
      return { status: 'waiting', resumeAt: flow.resumeAt };
    case 'failed':
      return { status: 'failed', error: flow.error, failedPath: flow.path };
  }
}
