// The executor's ports and results: everything that crosses between the pure engine and the worker.
import type { JsonObject, StepRecord, StepRequest, ZapDefinition } from '@switchyard/contracts';

export type PerformActionRequest = {
  app: string;
  action: string;
  connectionId: string | undefined;
  /** Input after templates were filled in. */
  input: JsonObject;
  /** `${runId}:${path}`: stable across retries and crash-resumes of the same step in the same run. */
  idempotencyKey: string;
  stepKey: string;
  path: string;
  /** 1 for the first try; retries count up. */
  attempt: number;
  signal?: AbortSignal | undefined;
};

export type PerformActionResult = {
  output: unknown;
  requests?: StepRequest[] | undefined;
};

export type RunCodeRequest = {
  code: string;
  /** The step's rendered `inputData`, exposed to the code as `input`. */
  input: JsonObject;
  stepKey: string;
  path: string;
  signal?: AbortSignal | undefined;
};

export type RunCodeResult = {
  output: unknown;
  logs: string[];
  requests?: StepRequest[] | undefined;
};

/**
 * All I/O the executor needs. Failures from performAction and runCode should be thrown as
 * StepFailure (see failure.ts); anything else thrown is treated as a permanent failure.
 * persistStep errors are not caught: the run stops and the job should be retried.
 */
export type EnginePorts = {
  performAction(request: PerformActionRequest): Promise<PerformActionResult>;
  runCode(request: RunCodeRequest): Promise<RunCodeResult>;
  persistStep(record: StepRecord): Promise<void>;
  now(): Date;
  sleep(ms: number): Promise<void>;
};

export type ExecuteOptions = {
  /** Tries per step for transient failures, the first included. Default 3. */
  maxAttempts?: number;
  /** First retry waits about this long, doubling each time, with jitter. Default 1000. */
  baseBackoffMs?: number;
  /** Ceiling for one backoff wait. Default 30 000. */
  maxBackoffMs?: number;
  /** A longer Retry-After fails the step instead of holding the worker. Default 60 000. */
  maxRetryAfterMs?: number;
  /** Iteration bound for loops (a loop's own maxItems can only lower it). Default 500. */
  maxLoopIterations?: number;
  /** Bound on steps executed in one call, nested and looped ones included. Default 10 000. */
  maxStepExecutions?: number;
  /** Longest accepted delay. Default 31 days. */
  maxDelayMs?: number;
  /** Source of jitter; inject for deterministic tests. Default Math.random. */
  random?: () => number;
  /** Checked between steps and passed to ports; when aborted the executor throws the signal's reason. */
  signal?: AbortSignal;
  /** End the run as succeeded right after the step with this key (the zap test's `upToStep`). */
  stopAfterStep?: string;
};

export type ExecuteRunParams = {
  runId: string;
  zap: ZapDefinition;
  /** The trigger data (`{{trigger.*}}`). */
  trigger: unknown;
  /**
   * Records persisted by earlier attempts of this run, by path. A success is never executed
   * again: its output is reused. An error record of an `onError: continue` step is reused too,
   * since the run already went past it. Anything else is executed (again).
   */
  completed?: ReadonlyMap<string, StepRecord>;
  ports: EnginePorts;
  options?: ExecuteOptions;
};

export type RunOutcome = {
  status: 'succeeded' | 'failed' | 'filtered' | 'waiting';
  /** Set when waiting: when to call executeRun again (with the records persisted so far). */
  resumeAt?: Date;
  /** Set when failed: "Step <key> failed: <message>". */
  error?: string;
  /** Set when failed: the path of the step that failed. */
  failedPath?: string;
  /** Set when filtered: the path of the filter that stopped the run. */
  filteredPath?: string;
};
