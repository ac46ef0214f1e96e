// Run data access shared by intake (API, pollers) and execution (worker): plain SQL, because these are the hot paths.
import type pg from 'pg';

type Queryable = Pick<pg.Pool, 'query'> | Pick<pg.PoolClient, 'query'>;

export type RunSource = 'hook' | 'app_webhook' | 'poll' | 'schedule' | 'manual' | 'replay' | 'test';

export interface NewRun {
  runId: string;
  eventId: string;
  workspaceId: string;
  zapId: string;
  zapVersionId: string | null;
  zapVersion: number;
  source: RunSource;
  data: unknown;
  dedupeKey?: string | null;
  isTest?: boolean;
  replayOfId?: string | null;
  replayFrom?: string | null;
  /** An existing event to run again (replays); no new event row is written. */
  existingEventId?: boolean;
}

/**
 * Writes trigger events and their queued runs in ONE statement (so one round trip per batch, and atomic):
 * callers may answer or move on once it returns.
 */
export async function insertEventsAndRuns(db: Queryable, runs: ReadonlyArray<NewRun>): Promise<void> {
  if (runs.length === 0) return;
  const rows = runs.map((run) => ({
    run_id: run.runId,
    event_id: run.eventId,
    new_event: !run.existingEventId,
    workspace_id: run.workspaceId,
    zap_id: run.zapId,
    version_id: run.zapVersionId,
    version: run.zapVersion,
    source: run.source,
    data: run.data ?? null,
    dedupe_key: run.dedupeKey ?? null,
    is_test: run.isTest ?? false,
    replay_of: run.replayOfId ?? null,
    replay_from: run.replayFrom ?? null,
  }));
  await db.query(
    `WITH input AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(
         run_id text, event_id text, new_event boolean, workspace_id text, zap_id text, version_id text, version int,
         source text, data jsonb, dedupe_key text, is_test boolean, replay_of text, replay_from text)
     ), events AS (
       INSERT INTO trigger_events (id, "workspaceId", "zapId", source, data, "dedupeKey")
       SELECT event_id, workspace_id, zap_id, source, coalesce(data, 'null'::jsonb), dedupe_key FROM input WHERE new_event
     )
     INSERT INTO runs (id, "workspaceId", "zapId", "zapVersionId", "zapVersion", "triggerEventId", status, "isTest", "replayOfId", "replayFrom")
     SELECT run_id, workspace_id, zap_id, version_id, version, event_id, 'queued', is_test, replay_of, replay_from FROM input`,
    [storableJson(rows)],
  );
}

/** Keeps what a zap's catch hook received while the builder listens for a sample: an event of its own, with no run. */
export async function insertSampleEvent(db: Queryable, sample: { eventId: string; workspaceId: string; zapId: string; data: unknown }): Promise<void> {
  // Through storableJson like every event: a NUL in a query or body must not make the sample unsavable.
  await db.query(`INSERT INTO trigger_events (id, "workspaceId", "zapId", source, data) VALUES ($1, $2, $3, 'sample', $4::jsonb)`, [
    sample.eventId,
    sample.workspaceId,
    sample.zapId,
    storableJson(sample.data),
  ]);
}

/** Shows a problem on the zap, as its last error (a delivery its trigger could not read, say). */
export async function recordZapError(db: Queryable, zap: { workspaceId: string; zapId: string }, message: string): Promise<void> {
  await db.query(`UPDATE zaps SET "lastError" = $3 WHERE id = $2 AND "workspaceId" = $1`, [zap.workspaceId, zap.zapId, storableText(message)]);
}

/**
 * JSON for a jsonb parameter. PostgreSQL cannot store U+0000 nor unpaired surrogates (JSON.stringify writes both as
 * \u escapes); a hook body, a service's answer or a code step's result may hold either, and must not make its
 * event or step impossible to save. Each becomes U+FFFD, the usual stand-in for a character that cannot be kept.
 */
export function storableJson(value: unknown): string {
  const text = JSON.stringify(value) ?? 'null';
  // JSON.stringify writes \u escapes only for control characters and unpaired surrogates: most payloads have none.
  return text.includes('\\u') ? text.replace(/(?<!\\)((?:\\\\)*)\\u(?:0000|d[89a-f][0-9a-f]{2})/gi, '$1\\ufffd') : text;
}

/** Text for a text column: PostgreSQL refuses U+0000 in text (unpaired surrogates are already replaced on encoding). */
export function storableText(value: string | null | undefined): string | null {
  return value == null ? null : value.replaceAll('\u0000', '\ufffd');
}

export interface StepRow {
  path: string;
  key: string;
  type: string;
  app?: string | undefined;
  action?: string | undefined;
  status: string;
  input: unknown;
  output: unknown;
  error: string | null;
  missing: string[];
  attempts: number;
  startedAt: string;
  durationMs: number;
  requests: unknown[];
  logs: string[];
}

const STEP_COLUMNS = `id text, "workspaceId" text, "runId" text, path text, "stepKey" text, type text, app text, action text, status text,
  input jsonb, output jsonb, error text, missing jsonb, attempts int, requests jsonb, logs jsonb, "startedAt" timestamptz, "durationMs" numeric`;

const UPSERT_STEPS = `INSERT INTO step_runs (id, "workspaceId", "runId", path, "stepKey", type, app, action, status, input, output, error, missing, attempts, requests, logs, "startedAt", "durationMs")
  SELECT id, "workspaceId", "runId", path, "stepKey", type, app, action, status, coalesce(input, 'null'::jsonb), coalesce(output, 'null'::jsonb), error,
         missing, attempts, coalesce(requests, '[]'::jsonb), coalesce(logs, '[]'::jsonb), "startedAt", round("durationMs")::int
  FROM jsonb_to_recordset($1::jsonb) AS x(${STEP_COLUMNS})
  ON CONFLICT ("runId", path) DO UPDATE SET status = EXCLUDED.status, input = EXCLUDED.input, output = EXCLUDED.output, error = EXCLUDED.error,
    missing = EXCLUDED.missing, attempts = EXCLUDED.attempts, requests = EXCLUDED.requests, logs = EXCLUDED.logs,
    "startedAt" = EXCLUDED."startedAt", "durationMs" = EXCLUDED."durationMs"`;

function stepPayload(workspaceId: string, runId: string, steps: ReadonlyArray<StepRow>, newId: (prefix: string) => string): string {
  return storableJson(stepRows(workspaceId, runId, steps, newId));
}

function stepRows(workspaceId: string, runId: string, steps: ReadonlyArray<StepRow>, newId: (prefix: string) => string) {
  return steps.map((step) => ({
    id: newId('stp'),
    workspaceId,
    runId,
    path: step.path,
    stepKey: step.key,
    type: step.type,
    app: step.app ?? null,
    action: step.action ?? null,
    status: step.status,
    input: step.input ?? null,
    output: step.output ?? null,
    error: step.error,
    missing: step.missing,
    attempts: step.attempts,
    requests: step.requests,
    logs: step.logs,
    startedAt: step.startedAt,
    durationMs: step.durationMs,
  }));
}

export interface ClaimedRun {
  id: string;
  workspaceId: string;
  zapId: string;
  zapVersionId: string | null;
  zapVersion: number;
  status: string;
  isTest: boolean;
  definition: unknown;
  trigger: unknown;
  steps: StepRow[];
}

export type Claim = { kind: 'claimed'; run: ClaimedRun } | { kind: 'busy' } | { kind: 'gone' };

/**
 * Marks runs as running and loads everything executing them needs (each version's definition, the trigger data and
 * the step records persisted so far) in one round trip, for a batch of runs at once (see createGroupCommit). A run
 * another worker executes (running, with a heartbeat younger than `staleMs`) is `busy`; an unknown or finished one
 * is `gone`. Results come in the order of `runIds`.
 */
export async function claimRuns(db: Queryable, runIds: readonly string[], staleMs: number): Promise<Claim[]> {
  const { rows } = await db.query<ClaimedRun>(
    `WITH r AS (
       UPDATE runs SET status = 'running', "startedAt" = coalesce("startedAt", now()), "updatedAt" = now(), "resumeAt" = NULL
       WHERE id = ANY($1::text[]) AND (status IN ('queued', 'waiting') OR (status = 'running' AND "updatedAt" < now() - make_interval(secs => $2::float8 / 1000)))
       RETURNING id, "workspaceId", "zapId", "zapVersionId", "zapVersion", status, "isTest", "triggerEventId"
     )
     SELECT r.id, r."workspaceId", r."zapId", r."zapVersionId", r."zapVersion", r.status, r."isTest", v.definition, e.data AS trigger,
       coalesce((SELECT json_agg(json_build_object(
           'path', s.path, 'key', s."stepKey", 'type', s.type, 'app', s.app, 'action', s.action, 'status', s.status, 'input', s.input,
           'output', s.output, 'error', s.error, 'missing', coalesce(s.missing, '[]'::jsonb), 'attempts', s.attempts,
           'startedAt', to_char(s."startedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'durationMs', s."durationMs",
           'requests', s.requests, 'logs', s.logs) ORDER BY s.id)
         FROM step_runs s WHERE s."runId" = r.id), '[]'::json) AS steps
     FROM r
     JOIN trigger_events e ON e.id = r."triggerEventId"
     LEFT JOIN zap_versions v ON v.id = r."zapVersionId"`,
    [runIds, staleMs],
  );
  const claimed = new Map(rows.map((run) => [run.id, run]));
  const others = runIds.filter((id) => !claimed.has(id));
  const { rows: current } = others.length
    ? await db.query<{ id: string; status: string }>(`SELECT id, status::text FROM runs WHERE id = ANY($1::text[])`, [others])
    : { rows: [] };
  const running = new Set(current.filter((run) => run.status === 'running').map((run) => run.id));
  return runIds.map((id): Claim => {
    const run = claimed.get(id);
    if (run) {
      // The same run twice in one batch: the first caller has it, the second finds it busy.
      claimed.delete(id);
      running.add(id);
      return { kind: 'claimed', run };
    }
    return running.has(id) ? { kind: 'busy' } : { kind: 'gone' };
  });
}

/**
 * Persists step records (insert, or replace a record of the same path from an earlier attempt). The run row is left
 * alone: the runner's heartbeat keeps it fresh, and every update of a run rewrites all of its index entries.
 */
export async function saveSteps(db: Queryable, workspaceId: string, runId: string, steps: ReadonlyArray<StepRow>, newId: (prefix: string) => string) {
  if (steps.length === 0) return;
  await db.query(UPSERT_STEPS, [stepPayload(workspaceId, runId, steps, newId)]);
}

export type FinalStatus = 'succeeded' | 'failed' | 'filtered';

export interface Finish {
  run: { id: string; workspaceId: string };
  outcome: { status: FinalStatus; error?: string | null };
  /** Step records not saved yet. */
  steps: ReadonlyArray<StepRow>;
}

/**
 * Saves the last step records and the final status of a batch of runs in one statement (see createGroupCommit), and
 * keeps each zap's count of failed runs in a row, in batch order: a success resets it, a failure adds one. The count
 * is written only when it changes, under row locks taken in zap id order, so batches finishing at once cannot
 * deadlock. Returns each run's zap and that zap's count after the batch, so the caller can turn a failing zap off.
 */
export async function finishRuns(
  db: Queryable,
  finishes: readonly Finish[],
  newId: (prefix: string) => string,
): Promise<Array<{ zapId: string | null; consecutiveFailures: number }>> {
  const outcomes = finishes.map((finish, ord) => ({ id: finish.run.id, status: finish.outcome.status, error: storableText(finish.outcome.error), ord }));
  const { rows } = await db.query<{ id: string; zapId: string; consecutiveFailures: number }>(
    `WITH saved AS (${UPSERT_STEPS}),
     outcome AS (SELECT * FROM jsonb_to_recordset($2::jsonb) AS x(id text, status text, error text, ord int)),
     finished AS (
       UPDATE runs SET status = outcome.status::"RunStatus", error = outcome.error, "finishedAt" = now(), "updatedAt" = now(), "resumeAt" = NULL
       FROM outcome WHERE runs.id = outcome.id
       RETURNING runs.id, runs."zapId", runs."isTest", outcome.status, outcome.ord
     ),
     ordered AS (
       SELECT "zapId", status, ord, max(ord) FILTER (WHERE status <> 'failed') OVER (PARTITION BY "zapId") AS "lastSuccess"
       FROM finished WHERE NOT "isTest"
     ),
     tally AS (
       -- Per zap: whether a success reset the count, and the failures after the last success.
       SELECT "zapId", bool_or(status <> 'failed') AS reset, count(*) FILTER (WHERE status = 'failed' AND ord > coalesce("lastSuccess", -1)) AS failures
       FROM ordered GROUP BY "zapId"
     ),
     locked AS (
       SELECT z.id FROM zaps z JOIN tally t ON t."zapId" = z.id
       WHERE t.failures > 0 OR z."consecutiveFailures" > 0 ORDER BY z.id FOR NO KEY UPDATE OF z
     ),
     counted AS (
       UPDATE zaps SET "consecutiveFailures" = CASE WHEN t.reset THEN t.failures ELSE zaps."consecutiveFailures" + t.failures END
       FROM tally t WHERE zaps.id = t."zapId" AND zaps.id IN (SELECT id FROM locked)
       RETURNING zaps.id, zaps."consecutiveFailures"
     )
     SELECT finished.id, finished."zapId", coalesce(counted."consecutiveFailures", 0) AS "consecutiveFailures"
     FROM finished LEFT JOIN counted ON counted.id = finished."zapId"`,
    [storableJson(finishes.flatMap((finish) => stepRows(finish.run.workspaceId, finish.run.id, finish.steps, newId))), JSON.stringify(outcomes)],
  );
  const byRun = new Map(rows.map((row) => [row.id, row]));
  return finishes.map((finish) => {
    const row = byRun.get(finish.run.id);
    return { zapId: row?.zapId ?? null, consecutiveFailures: Number(row?.consecutiveFailures ?? 0) };
  });
}

/** One run's finish (see finishRuns). */
export async function finishRun(
  db: Queryable,
  run: { id: string; workspaceId: string },
  outcome: { status: FinalStatus; error?: string | null },
  steps: ReadonlyArray<StepRow>,
  newId: (prefix: string) => string,
): Promise<{ zapId: string | null; consecutiveFailures: number }> {
  const [result] = await finishRuns(db, [{ run, outcome, steps }], newId);
  return result!;
}

/** Turns a zap off because it keeps failing, with the reason shown on the zap and an audit entry. Once only. */
export async function disableFailingZap(db: Queryable, zapId: string, reason: string, auditId: string): Promise<boolean> {
  const { rows } = await db.query<{ workspaceId: string }>(
    `WITH off AS (UPDATE zaps SET status = 'off', "disabledReason" = $2, "updatedAt" = now() WHERE id = $1 AND status = 'on' RETURNING "workspaceId")
     INSERT INTO audit_logs (id, "workspaceId", action, "targetType", "targetId", details)
     SELECT $3, "workspaceId", 'zap.disabled', 'zap', $1, jsonb_build_object('reason', $2::text) FROM off
     RETURNING "workspaceId"`,
    [zapId, storableText(reason), auditId],
  );
  return rows.length > 0;
}

/** Parks a run until `resumeAt` (a delay step), saving the step records so far. */
export async function parkRun(
  db: Queryable,
  run: { id: string; workspaceId: string },
  resumeAt: Date,
  steps: ReadonlyArray<StepRow>,
  newId: (prefix: string) => string,
): Promise<void> {
  await db.query(
    `WITH saved AS (${UPSERT_STEPS})
     UPDATE runs SET status = 'waiting', "resumeAt" = $2, "updatedAt" = now() WHERE id = $3`,
    [stepPayload(run.workspaceId, run.id, steps, newId), resumeAt.toISOString(), run.id],
  );
}

export interface OrphanQuery {
  /** Queued runs older than this may have lost their job (enqueue failed, Redis lost). */
  queuedForMs: number;
  /** Running runs not touched for this long lost their worker and, maybe, their job. */
  runningStaleMs: number;
  limit: number;
}

/** Runs that should have a job: queued a while, waiting past their resume time, or running but stale. Oldest first. */
export async function findRunsNeedingJobs(db: Queryable, query: OrphanQuery): Promise<Array<{ runId: string; workspaceId: string; status: string }>> {
  const { rows } = await db.query<{ runId: string; workspaceId: string; status: string }>(
    `(SELECT id AS "runId", "workspaceId", status::text FROM runs
        WHERE status = 'queued' AND NOT "isTest" AND "updatedAt" < now() - make_interval(secs => $1::float8 / 1000) ORDER BY "updatedAt" LIMIT $4)
     UNION ALL
     (SELECT id, "workspaceId", status::text FROM runs WHERE status = 'waiting' AND NOT "isTest" AND "resumeAt" <= now() ORDER BY "updatedAt" LIMIT $4)
     UNION ALL
     (SELECT id, "workspaceId", status::text FROM runs
        WHERE status = 'running' AND NOT "isTest" AND "updatedAt" < now() - make_interval(secs => $2::float8 / 1000) ORDER BY "updatedAt" LIMIT $3)`,
    [query.queuedForMs, query.runningStaleMs, query.limit, query.limit],
  );
  return rows;
}

/** Keeps a running run's heartbeat fresh, so the sweeper leaves it alone. */
export async function touchRun(db: Queryable, runId: string): Promise<void> {
  await db.query(`UPDATE runs SET "updatedAt" = now() WHERE id = $1 AND status = 'running'`, [runId]);
}

/**
 * Deletes finished runs (with their steps) and their events older than each workspace's retention
 * (`settings.retentionDays`, else `defaultDays`), one batch per call; returns how many runs went.
 */
export async function pruneHistory(db: Queryable, defaultDays: number, batch = 5_000): Promise<number> {
  const { rows } = await db.query<{ runs: string }>(
    `WITH old AS (
       SELECT r.id, r."triggerEventId" FROM runs r JOIN workspaces w ON w.id = r."workspaceId"
       WHERE r.status IN ('succeeded', 'failed', 'filtered')
         AND r."createdAt" < now() - make_interval(days => coalesce((w.settings->>'retentionDays')::int, $1::int))
       LIMIT $2 FOR UPDATE OF r SKIP LOCKED
     ), gone AS (
       DELETE FROM runs WHERE id IN (SELECT id FROM old) RETURNING "triggerEventId"
     ), events AS (
       -- An event goes with its last run; replays share their original's event. (One snapshot: exclude the runs going now.)
       DELETE FROM trigger_events e WHERE e.id IN (SELECT "triggerEventId" FROM gone)
         AND NOT EXISTS (SELECT 1 FROM runs r WHERE r."triggerEventId" = e.id AND r.id NOT IN (SELECT id FROM old))
       RETURNING 1
     )
     SELECT (SELECT count(*) FROM gone) AS runs, (SELECT count(*) FROM events) AS events`,
    [defaultDays, batch],
  );
  return Number(rows[0]?.runs ?? 0);
}
