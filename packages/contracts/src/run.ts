// Runs and their step records: what the executor persists and the run history API returns.
import { z } from 'zod';
import { JsonValue, RunStatus, STEP_TYPES } from './zap.ts';

/** A parked delay is recorded as a success whose output holds `resumeAt`, so no separate waiting status is needed. */
export const StepStatus = z.enum(['success', 'error', 'skipped']);
export type StepStatus = z.infer<typeof StepStatus>;

/** One HTTP exchange made by a step; bodies are already redacted by whoever recorded them. */
export const StepRequest = z.object({
  method: z.string(),
  url: z.string(),
  status: z.number().int().nullable(),
  requestBody: JsonValue.nullable(),
  responseBody: JsonValue.nullable(),
  durationMs: z.number().nonnegative().optional(),
});
export type StepRequest = z.infer<typeof StepRequest>;

/**
 * A step's record. `path` locates it in the zap tree: the key at the top level,
 * `route/failed/deal` inside a paths branch, `each[3]/inner` inside a loop iteration.
 */
export const StepRecord = z.object({
  path: z.string(),
  key: z.string(),
  type: z.enum(STEP_TYPES),
  app: z.string().optional(),
  action: z.string().optional(),
  status: StepStatus,
  input: JsonValue,
  output: JsonValue,
  error: z.string().nullable(),
  missing: z.array(z.string()),
  attempts: z.number().int().nonnegative(),
  startedAt: z.string(),
  durationMs: z.number().nonnegative(),
  requests: z.array(StepRequest),
  logs: z.array(z.string()),
});
export type StepRecord = z.infer<typeof StepRecord>;

/** Reply of `GET .../runs/:id`. */
export const Run = z.object({
  id: z.string(),
  zapId: z.string(),
  zapVersion: z.number().int().nullable(),
  status: RunStatus,
  trigger: z.object({ data: JsonValue }),
  error: z.string().nullable().optional(),
  failedPath: z.string().nullable().optional(),
  resumeAt: z.string().nullable().optional(),
  createdAt: z.string().optional(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  /** The run this one replays, and from where ("start" or "failed_step"); null for a run its trigger started. */
  replayOf: z
    .object({ id: z.string(), from: z.enum(['start', 'failed_step']) })
    .nullable()
    .optional(),
  steps: z.array(StepRecord),
});
export type Run = z.infer<typeof Run>;

/** One row of `GET .../runs`. */
export const RunSummary = z.object({
  id: z.string(),
  zapId: z.string(),
  zapVersion: z.number().int().nullable(),
  status: RunStatus,
  error: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type RunSummary = z.infer<typeof RunSummary>;

/** Body of `POST .../runs/:id/replay`. */
export const RunReplayInput = z.object({
  from: z.enum(['start', 'failed_step']).default('start'),
});
export type RunReplayInput = z.infer<typeof RunReplayInput>;
