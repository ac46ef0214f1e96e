// Connected accounts: credentials validated against the app's form, tested live, sealed by the vault, never returned.
import { StepFailure, type AppDefinition } from '@switchyard/connectors';
import { connectionContext, newId, type Prisma, type Vault } from '@switchyard/db';
import type { Runtime } from '@switchyard/runner';
import { z } from 'zod';
import { audit } from '../audit/service.ts';
import type { Principal } from '../http/auth.ts';
import type { Data, WorkspaceData } from '../http/data.ts';
import { invalid, notFound } from '../http/errors.ts';
import { decodeCursor, pageOf } from '../http/pagination.ts';

export interface ConnectionView {
  id: string;
  app: string;
  name: string;
  status: 'ok' | 'error';
  statusMessage: string | null;
  lastTestedAt: string | null;
  createdAt: string;
  updatedAt: string;
  usedBy: number;
}

type Row = Prisma.ConnectionGetPayload<object>;

export function createConnectionService(data: Data, vault: Vault, runtime: Runtime) {
  function appOf(key: string): AppDefinition & { auth: NonNullable<AppDefinition['auth']> } {
    const app = runtime.catalog.apps.get(key);
    if (!app) throw invalid('unknown_app', `There is no app "${key}".`, [{ path: 'body.app', message: 'is not a known app' }]);
    if (!app.auth) throw invalid('app_without_auth', `${app.name} needs no connection.`, [{ path: 'body.app', message: 'needs no connection' }]);
    return app as AppDefinition & { auth: NonNullable<AppDefinition['auth']> };
  }

  function parseCredentials(app: AppDefinition & { auth: NonNullable<AppDefinition['auth']> }, credentials: unknown): Record<string, unknown> {
    const parsed = app.auth.fields.safeParse(credentials);
    if (!parsed.success) {
      throw invalid(
        'invalid_credentials',
        `The ${app.name} credentials are incomplete or malformed.`,
        parsed.error.issues.map((issue) => ({ path: ['body', 'credentials', ...issue.path.map(String)].join('.'), message: issue.message })),
      );
    }
    return parsed.data as Record<string, unknown>;
  }

  /** Calls the service with the credentials; the service's own words when it refuses them. */
  async function liveTest(
    app: AppDefinition & { auth: NonNullable<AppDefinition['auth']> },
    credentials: Record<string, unknown>,
  ): Promise<{ ok: true } | { ok: false; message: string }> {
    const secrets = Object.values(credentials).filter((value): value is string => typeof value === 'string');
    try {
      await app.auth.test({ auth: credentials, http: runtime.http.forStep({ secrets, signal: AbortSignal.timeout(30_000) }) });
      return { ok: true };
    } catch (error) {
      const message = error instanceof StepFailure || error instanceof Error ? error.message : String(error);
      return { ok: false, message: `${app.name} refused the connection: ${message}` };
    }
  }

  async function usage(workspaceId: string, ids: string[]): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const rows = await data.workspace(workspaceId).$queryRaw<Array<{ id: string; count: bigint }>>`
      SELECT c.id, count(z.id) AS count FROM unnest(${ids}::text[]) AS c(id)
      LEFT JOIN zaps z ON z."workspaceId" = ${workspaceId}
        AND jsonb_path_exists(z.draft, '$.** ? (@.connectionId == $id)', jsonb_build_object('id', c.id))
      GROUP BY c.id`;
    return new Map(rows.map((row) => [row.id, Number(row.count)]));
  }

  function toView(row: Row, usedBy: number): ConnectionView {
    return {
      id: row.id,
      app: row.app,
      name: row.name,
      status: row.status === 'ok' ? 'ok' : 'error',
      statusMessage: row.statusMessage,
      lastTestedAt: row.lastTestedAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      usedBy,
    };
  }

  async function load(ws: WorkspaceData, id: string): Promise<Row> {
    const row = await ws.connection.findFirst({ where: { id } });
    if (!row) throw notFound('Connection');
    return row;
  }

  return {
    async list(workspaceId: string, query: { limit: number; cursor?: string | undefined; app?: string | undefined }) {
      const before = decodeCursor(query.cursor);
      const rows = await data.workspace(workspaceId).connection.findMany({
        where: { ...(query.app ? { app: query.app } : {}), ...(before ? { id: { lt: before } } : {}) },
        orderBy: { id: 'desc' },
        take: query.limit + 1,
      });
      const counts = await usage(
        workspaceId,
        rows.map((row) => row.id),
      );
      return pageOf(
        rows,
        query.limit,
        (row) => row.id,
        (row) => toView(row, counts.get(row.id) ?? 0),
      );
    },

    async get(workspaceId: string, id: string) {
      const row = await load(data.workspace(workspaceId), id);
      return toView(row, (await usage(workspaceId, [id])).get(id) ?? 0);
    },

    async create(workspaceId: string, principal: Principal, body: { app: string; name: string; credentials: unknown }) {
      const app = appOf(body.app);
      const credentials = parseCredentials(app, body.credentials);
      const result = await liveTest(app, credentials);
      if (!result.ok) throw invalid('connection_test_failed', result.message);
      const id = newId('con');
      const sealed = vault.seal(credentials, connectionContext(workspaceId, id));
      const row = await data.workspace(workspaceId).$transaction(async (tx) => {
        const created = await tx.connection.create({
          data: { id, workspaceId, app: app.key, name: body.name, credentials: sealed.ciphertext, keyId: sealed.keyId, status: 'ok', lastTestedAt: new Date() },
        });
        await audit(tx, principal, {
          workspaceId,
          action: 'connection.created',
          targetType: 'connection',
          targetId: id,
          details: { app: app.key, name: body.name },
        });
        return created;
      });
      return toView(row, 0);
    },

    async update(
      workspaceId: string,
      principal: Principal,
      id: string,
      body: { name?: string | undefined; credentials?: Record<string, unknown> | undefined },
    ) {
      const ws = data.workspace(workspaceId);
      const row = await load(ws, id);
      const changes: Prisma.ConnectionUpdateInput = {};
      if (body.name !== undefined) changes.name = body.name;
      if (body.credentials !== undefined) {
        const app = appOf(row.app);
        // Fields left out keep their stored value, so a user can replace just the token.
        const current = vault.open<Record<string, unknown>>(row.credentials, connectionContext(workspaceId, id));
        const credentials = parseCredentials(app, { ...current, ...body.credentials });
        const result = await liveTest(app, credentials);
        if (!result.ok) throw invalid('connection_test_failed', result.message);
        const sealed = vault.seal(credentials, connectionContext(workspaceId, id));
        Object.assign(changes, { credentials: sealed.ciphertext, keyId: sealed.keyId, status: 'ok', statusMessage: null, lastTestedAt: new Date() });
      }
      const updated = await ws.$transaction(async (tx) => {
        const saved = await tx.connection.update({ where: { id }, data: changes });
        await audit(tx, principal, {
          workspaceId,
          action: 'connection.updated',
          targetType: 'connection',
          targetId: id,
          details: { renamed: body.name !== undefined, credentialsReplaced: body.credentials !== undefined },
        });
        return saved;
      });
      return toView(updated, (await usage(workspaceId, [id])).get(id) ?? 0);
    },

    async remove(workspaceId: string, principal: Principal, id: string) {
      const ws = data.workspace(workspaceId);
      const row = await load(ws, id);
      await ws.$transaction(async (tx) => {
        await tx.connection.delete({ where: { id } });
        await audit(tx, principal, {
          workspaceId,
          action: 'connection.deleted',
          targetType: 'connection',
          targetId: id,
          details: { app: row.app, name: row.name },
        });
      });
    },

    async test(workspaceId: string, id: string) {
      const ws = data.workspace(workspaceId);
      const row = await load(ws, id);
      const app = appOf(row.app);
      const credentials = vault.open<Record<string, unknown>>(row.credentials, connectionContext(workspaceId, id));
      const result = await liveTest(app, credentials);
      await ws.connection.update({
        where: { id },
        data: { status: result.ok ? 'ok' : 'error', statusMessage: result.ok ? null : result.message, lastTestedAt: new Date() },
      });
      return result.ok ? { ok: true, message: `${app.name} accepted the connection.` } : { ok: false, message: result.message };
    },
  };
}

export const connectionView = z.object({
  id: z.string(),
  app: z.string(),
  name: z.string(),
  status: z.enum(['ok', 'error']),
  statusMessage: z.string().nullable(),
  lastTestedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  usedBy: z.number().int().describe('Zaps whose draft uses this connection'),
});
