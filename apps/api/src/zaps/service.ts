// Zaps: drafts, published versions, publishing with every problem listed, and their catch hooks.
import { ZapDefinition, ZapInput, type ErrorDetail, type LastRun, type Zap } from '@switchyard/contracts';
import { insertEventsAndRuns, newId, type Prisma, randomToken, type Database } from '@switchyard/db';
import { enqueueRuns, type RunQueue } from '@switchyard/queue';
import { redactByName } from '@switchyard/connectors';
import { validateZap } from '@switchyard/engine';
import type { AppCatalog, TriggerLifecycle } from '@switchyard/runner';
import { audit } from '../audit/service.ts';
import type { Principal } from '../http/auth.ts';
import type { Data, WorkspaceData, WorkspaceTx } from '../http/data.ts';
import { AppError, invalid, notFound } from '../http/errors.ts';
import { decodeCursor, pageOf } from '../http/pagination.ts';

type ZapRow = Prisma.ZapGetPayload<{ include: { publishedVersion: true; hooks: true } }>;

const include = { publishedVersion: true, hooks: true } as const;

/** A stable text form of a definition: key order does not make a draft "differ". */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}

export interface ZapServiceDeps {
  data: Data;
  pool: Database['pool'];
  queue: RunQueue;
  catalog: AppCatalog;
  lifecycle: TriggerLifecycle;
  publicUrl: string;
  /** A hook's zap changed (status, version, deleted): forget cached lookups of its key. */
  onHookChanged: (key: string) => void;
}

export function createZapService({ data, pool, queue, catalog, lifecycle, publicUrl, onHookChanged }: ZapServiceDeps) {
  function toZap(row: ZapRow): Zap {
    const draft = row.draft as ZapInput;
    const hook = row.hooks.find((h) => h.kind === 'catch');
    return {
      id: row.id,
      name: row.name,
      status: row.status,
      trigger: draft.trigger,
      steps: draft.steps,
      ...(hook ? { hookUrl: `${publicUrl}/hooks/catch/${row.workspaceId}/${hook.key}` } : {}),
      publishedVersion: row.publishedVersion?.version ?? null,
      draftDiffers: row.publishedVersion ? canonical(row.publishedVersion.definition) !== canonical(row.draft) : true,
      lastError: row.lastError,
      disabledReason: row.disabledReason,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  }

  /** Each zap's latest run besides tests: one index probe per zap ((workspaceId, zapId, id) read backwards). */
  async function withLastRuns(workspaceId: string, zaps: Zap[]): Promise<Zap[]> {
    if (zaps.length === 0) return zaps;
    const { rows } = await pool.query<{ zapId: string; id: string; status: LastRun['status']; createdAt: Date; finishedAt: Date | null }>(
      `SELECT z.id AS "zapId", r.id, r.status::text AS status, r."createdAt", r."finishedAt"
         FROM unnest($2::text[]) AS z(id)
         CROSS JOIN LATERAL (
           SELECT id, status, "createdAt", "finishedAt" FROM runs
           WHERE "workspaceId" = $1 AND "zapId" = z.id AND NOT "isTest" ORDER BY id DESC LIMIT 1
         ) r`,
      [workspaceId, zaps.map((zap) => zap.id)],
    );
    const latest = new Map(rows.map((row) => [row.zapId, row]));
    return zaps.map((zap) => {
      const run = latest.get(zap.id);
      return {
        ...zap,
        lastRun: run ? { id: run.id, status: run.status, createdAt: run.createdAt.toISOString(), finishedAt: run.finishedAt?.toISOString() ?? null } : null,
      };
    });
  }

  async function load(ws: WorkspaceData | WorkspaceTx, zapId: string): Promise<ZapRow> {
    const row = await ws.zap.findFirst({ where: { id: zapId }, include });
    if (!row) throw notFound('Zap');
    return row;
  }

  /** A catch-hook trigger gets a hook with a random key; the key survives edits so pasted URLs keep working. */
  async function syncHook(tx: WorkspaceTx, workspaceId: string, zapId: string, draft: ZapInput) {
    const kind = catalog.triggerKind(draft.trigger.app, draft.trigger.event);
    if (kind === 'hook') {
      const existing = await tx.hook.findUnique({ where: { zapId_kind: { zapId, kind: 'catch' } } });
      if (!existing) {
        await tx.hook.create({ data: { id: newId('hk'), workspaceId, zapId, kind: 'catch', key: randomToken(24), app: draft.trigger.app } });
      }
    }
  }

  /** Connections must exist in this workspace and belong to the app that uses them. */
  async function connectionChecker(workspaceId: string, definition: ZapInput) {
    const ids = new Set<string>();
    const collect = (value: unknown) => {
      if (Array.isArray(value)) value.forEach(collect);
      else if (value && typeof value === 'object') {
        for (const [key, child] of Object.entries(value)) {
          if (key === 'connectionId' && typeof child === 'string') ids.add(child);
          else collect(child);
        }
      }
    };
    collect(definition);
    const rows = ids.size ? await data.workspace(workspaceId).connection.findMany({ where: { id: { in: [...ids] } }, select: { id: true, app: true } }) : [];
    const apps = new Map(rows.map((row) => [row.id, row.app]));
    return (app: string, connectionId: string): string | null => {
      const owner = apps.get(connectionId);
      if (owner === undefined) return `connection ${connectionId} does not exist in this workspace`;
      if (owner !== app) return `connection ${connectionId} is a ${owner} connection, not a ${app} one`;
      return null;
    };
  }

  /** Stops the published trigger's schedulers and subscriptions; a warning when the service could not be told. */
  async function stopTrigger(row: ZapRow): Promise<string | null> {
    const published = row.publishedVersion ? ZapDefinition.safeParse(row.publishedVersion.definition) : null;
    if (!published?.success) return null;
    return lifecycle.deactivate({ zapId: row.id, workspaceId: row.workspaceId, trigger: published.data.trigger });
  }

  return {
    toZap,

    /** What a viewer sees of a zap: without the credentials typed into its trigger and steps, since viewers only read. */
    forViewer(zap: Zap): Zap {
      return { ...zap, trigger: withoutTypedSecrets(zap.trigger, catalog) as Zap['trigger'], steps: withoutTypedSecrets(zap.steps, catalog) as Zap['steps'] };
    },

    async list(workspaceId: string, query: { limit: number; cursor?: string | undefined; q?: string | undefined; status?: 'on' | 'off' | undefined }) {
      const before = decodeCursor(query.cursor);
      const rows = await data.workspace(workspaceId).zap.findMany({
        where: {
          ...(before ? { id: { lt: before } } : {}),
          ...(query.q ? { name: { contains: query.q, mode: 'insensitive' as const } } : {}),
          ...(query.status ? { status: query.status } : {}),
        },
        include,
        orderBy: { id: 'desc' },
        take: query.limit + 1,
      });
      const page = pageOf(rows, query.limit, (row) => row.id, toZap);
      return { ...page, data: await withLastRuns(workspaceId, page.data) };
    },

    async get(workspaceId: string, zapId: string) {
      const [zap] = await withLastRuns(workspaceId, [toZap(await load(data.workspace(workspaceId), zapId))]);
      return zap!;
    },

    async create(workspaceId: string, principal: Principal, input: ZapInput) {
      const id = newId('zap');
      const row = await data.workspace(workspaceId).$transaction(async (tx) => {
        await tx.zap.create({ data: { id, workspaceId, name: input.name, draft: input as Prisma.InputJsonValue } });
        await syncHook(tx, workspaceId, id, input);
        await audit(tx, principal, { workspaceId, action: 'zap.created', targetType: 'zap', targetId: id, details: { name: input.name } });
        return load(tx, id);
      });
      return toZap(row);
    },

    async update(workspaceId: string, principal: Principal, zapId: string, input: ZapInput) {
      const row = await data.workspace(workspaceId).$transaction(async (tx) => {
        await load(tx, zapId);
        await tx.zap.update({ where: { id: zapId }, data: { name: input.name, draft: input as Prisma.InputJsonValue } });
        await syncHook(tx, workspaceId, zapId, input);
        await audit(tx, principal, { workspaceId, action: 'zap.updated', targetType: 'zap', targetId: zapId });
        return load(tx, zapId);
      });
      return toZap(row);
    },

    async remove(workspaceId: string, principal: Principal, zapId: string) {
      const ws = data.workspace(workspaceId);
      const row = await load(ws, zapId);
      await stopTrigger(row);
      await ws.$transaction(async (tx) => {
        await tx.zap.delete({ where: { id: zapId } });
        await audit(tx, principal, { workspaceId, action: 'zap.deleted', targetType: 'zap', targetId: zapId, details: { name: row.name } });
      });
      for (const hook of row.hooks) onHookChanged(hook.key);
      return row;
    },

    /** Lists every problem that keeps the draft from running, located by path; empty when it can be published. */
    async problems(workspaceId: string, draft: unknown): Promise<ErrorDetail[]> {
      const parsed = ZapDefinition.safeParse(draft);
      if (!parsed.success) {
        return parsed.error.issues.map((issue) => ({ path: formatIssuePath(issue.path), code: 'invalid_schema', message: issue.message }));
      }
      const checkConnection = await connectionChecker(workspaceId, parsed.data);
      return validateZap(parsed.data, { ...catalog, checkConnection }).map((problem) => ({
        path: problem.path,
        code: problem.code,
        message: problem.message,
        ...(problem.stepKey ? { stepKey: problem.stepKey } : {}),
      }));
    },

    async publish(workspaceId: string, principal: Principal, zapId: string) {
      const ws = data.workspace(workspaceId);
      const current = await load(ws, zapId);
      const problems = await this.problems(workspaceId, current.draft);
      if (problems.length > 0) {
        throw invalid('zap_invalid', `The zap cannot be published: ${problems.length} problem${problems.length === 1 ? '' : 's'} to fix.`, problems);
      }
      const row = await ws.$transaction(async (tx) => {
        // Lock the zap row so two publishes never take the same version number.
        await tx.$queryRaw`SELECT id FROM zaps WHERE id = ${zapId} FOR UPDATE`;
        const latest = await tx.zapVersion.findFirst({ where: { zapId }, orderBy: { version: 'desc' }, select: { version: true } });
        const version = await tx.zapVersion.create({
          data: {
            id: newId('zv'),
            workspaceId,
            zapId,
            version: (latest?.version ?? 0) + 1,
            definition: current.draft as Prisma.InputJsonValue,
            createdById: principal.userId,
          },
        });
        await tx.zap.update({
          where: { id: zapId },
          data: { status: 'on', publishedVersionId: version.id, disabledReason: null, consecutiveFailures: 0, lastError: null },
        });
        await audit(tx, principal, { workspaceId, action: 'zap.published', targetType: 'zap', targetId: zapId, details: { version: version.version } });
        return load(tx, zapId);
      });
      const published = ZapDefinition.parse(current.draft);
      try {
        // After the commit, so a first poll that runs at once finds the zap on.
        await lifecycle.activate({ zapId, workspaceId, trigger: published.trigger });
      } catch (error) {
        const message = `The trigger could not be started: ${(error as Error).message}`;
        await ws.zap.update({ where: { id: zapId }, data: { status: 'off', lastError: message } });
        for (const hook of row.hooks) onHookChanged(hook.key);
        throw invalid('trigger_start_failed', message, [{ path: 'trigger', message: (error as Error).message }]);
      }
      for (const hook of row.hooks) onHookChanged(hook.key);
      return toZap(row);
    },

    async unpublish(workspaceId: string, principal: Principal, zapId: string) {
      const ws = data.workspace(workspaceId);
      const current = await load(ws, zapId);
      const warning = await stopTrigger(current);
      const row = await ws.$transaction(async (tx) => {
        await tx.zap.update({ where: { id: zapId }, data: { status: 'off', ...(warning ? { lastError: warning } : {}) } });
        await audit(tx, principal, { workspaceId, action: 'zap.unpublished', targetType: 'zap', targetId: zapId });
        return load(tx, zapId);
      });
      for (const hook of row.hooks) onHookChanged(hook.key);
      return toZap(row);
    },

    /** The latest trigger data the zap received (samples and real events, not test data), newest first. */
    async samples(workspaceId: string, zapId: string, limit: number) {
      const ws = data.workspace(workspaceId);
      await load(ws, zapId);
      const rows = await ws.triggerEvent.findMany({ where: { zapId, source: { not: 'test' } }, orderBy: { receivedAt: 'desc' }, take: limit });
      return rows.map((row) => ({ id: row.id, source: row.source, receivedAt: row.receivedAt.toISOString(), data: row.data }));
    },

    /** "Run now": a run of the published version with the given data (any trigger kind; the manual trigger exists for it). */
    async runNow(workspaceId: string, principal: Principal, zapId: string, triggerData: Record<string, unknown> | undefined) {
      const row = await load(data.workspace(workspaceId), zapId);
      if (!row.publishedVersion) throw new AppError(409, 'not_published', 'Publish the zap before running it; to try the draft, use Test.');
      const runId = newId('run');
      await insertEventsAndRuns(pool, [
        {
          runId,
          eventId: newId('evt'),
          workspaceId,
          zapId,
          zapVersionId: row.publishedVersion.id,
          zapVersion: row.publishedVersion.version,
          source: 'manual',
          data: { startedBy: principal.email, data: triggerData ?? {} },
        },
      ]);
      await enqueueRuns(queue, [{ runId, workspaceId }]).catch(() => undefined); // the sweeper enqueues it otherwise
      return { runId };
    },

    /** Portable JSON: no ids, no secrets; connections are replaced by the app they belong to. */
    async exportZap(workspaceId: string, zapId: string) {
      const row = await load(data.workspace(workspaceId), zapId);
      return { switchyard: 1 as const, zap: withoutTypedSecrets(stripConnections(row.draft), catalog) as ZapInput };
    },

    /** Imports a zap; each app's connection is filled in when the workspace has exactly one for that app. */
    async importZap(workspaceId: string, principal: Principal, document: ZapInput) {
      const connections = await data.workspace(workspaceId).connection.findMany({ select: { id: true, app: true } });
      const byApp = new Map<string, string[]>();
      for (const connection of connections) byApp.set(connection.app, [...(byApp.get(connection.app) ?? []), connection.id]);
      // Whatever connection ids the document carries belong to another workspace: drop them, then fill in.
      const assign = (value: unknown): unknown => {
        if (Array.isArray(value)) return value.map(assign);
        if (!value || typeof value !== 'object') return value;
        const copy: Record<string, unknown> = {};
        for (const [key, child] of Object.entries(value)) if (key !== 'connectionId') copy[key] = assign(child);
        const candidates = typeof copy.app === 'string' && ('action' in copy || 'event' in copy) ? byApp.get(copy.app) : undefined;
        if (candidates?.length === 1) copy.connectionId = candidates[0];
        return copy;
      };
      const parsed = ZapInput.safeParse(assign(document));
      if (!parsed.success) {
        throw invalid(
          'invalid_zap',
          'The imported zap is not valid.',
          parsed.error.issues.map((i) => ({ path: formatIssuePath(['zap', ...i.path]), message: i.message })),
        );
      }
      return this.create(workspaceId, principal, parsed.data);
    },
  };
}

export type ZapService = ReturnType<typeof createZapService>;

function stripConnections(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripConnections);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'connectionId')
      .map(([key, child]) => [key, stripConnections(child)]),
  );
}

/**
 * Credentials typed into steps stay behind too: input fields marked secret (an HTTP step's token) are left out, and
 * credential headers, query parameters and URL passwords are marked redacted. A template stays: it says where a value
 * comes from at run time, not what it is.
 */
function withoutTypedSecrets(value: unknown, catalog: AppCatalog): unknown {
  if (Array.isArray(value)) return value.map((item) => withoutTypedSecrets(item, catalog));
  if (!value || typeof value !== 'object') return value;
  const step = value as Record<string, unknown>;
  const secret =
    step.type === 'action' && typeof step.app === 'string' && typeof step.action === 'string' ? catalog.secretInputKeys(step.app, step.action) : [];
  return Object.fromEntries(
    Object.entries(step).map(([key, child]) =>
      key === 'input' && child && typeof child === 'object' && !Array.isArray(child)
        ? [
            key,
            redactByName(Object.fromEntries(Object.entries(child).filter(([field]) => !secret.includes(field))), { keep: (text) => text.includes('{{') }).value,
          ]
        : [key, withoutTypedSecrets(child, catalog)],
    ),
  );
}

export function formatIssuePath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out || 'zap';
}
