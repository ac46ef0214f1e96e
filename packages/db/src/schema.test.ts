// Proves prisma/schema.prisma and the hand-written migrations agree: every model written and read through Prisma Client.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from './client.ts';
import { newId } from './ids.ts';
import { dropDatabase, ensureDatabase, migrate } from './migrate.ts';

const admin = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const url = Object.assign(new URL(admin), { pathname: `/switchyard_test_${randomBytes(6).toString('hex')}` }).toString();
let database: Database;

beforeAll(async () => {
  await ensureDatabase(url);
  await migrate(url);
  database = createDatabase(url, { max: 4 });
});

afterAll(async () => {
  await database?.close();
  await dropDatabase(url);
});

const now = new Date('2026-11-22T10:00:00.123Z');

describe('schema and migrations', () => {
  it('applying the migrations again changes nothing', async () => {
    const again = await migrate(url);
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied.length).toBeGreaterThan(0);
  });

  it('two processes migrating one fresh database at once both succeed and apply each migration once', async () => {
    const other = url.replace(/switchyard_test_/, 'switchyard_test_race_');
    await ensureDatabase(other);
    try {
      const [a, b] = await Promise.all([migrate(other), migrate(other)]);
      expect(a.applied.length + b.applied.length).toBe(a.applied.length + a.alreadyApplied.length);
      const check = createDatabase(other, { max: 1 });
      const { rows } = await check.pool.query('SELECT count(*)::int AS n FROM "_prisma_migrations"');
      expect(rows[0].n).toBe(a.applied.length + a.alreadyApplied.length);
      await check.close();
    } finally {
      await dropDatabase(other);
    }
  });

  it('writes and reads every model with every field through Prisma Client', async () => {
    const p = database.prisma;
    const user = { id: newId('usr'), email: 'a@example.com', passwordHash: 'scrypt$x', createdAt: now, updatedAt: now };
    const session = { id: 'h'.repeat(64), userId: user.id, createdAt: now, expiresAt: now, lastSeenAt: now };
    const workspace = { id: newId('ws'), name: 'Acme', settings: { hookRatePerSecond: 5 }, createdAt: now, updatedAt: now };
    const membership = { workspaceId: workspace.id, userId: user.id, role: 'owner' as const, createdAt: now };
    const apiKey = {
      id: newId('key'),
      workspaceId: workspace.id,
      name: 'ci',
      tokenHash: 'k'.repeat(64),
      tokenPrefix: 'sy_abc',
      role: 'editor' as const,
      createdById: user.id,
      lastUsedAt: now,
      revokedAt: now,
      createdAt: now,
    };
    const connection = {
      id: newId('con'),
      workspaceId: workspace.id,
      app: 'pipedrive',
      name: 'Sales',
      credentials: 'v1.x',
      keyId: 'k1',
      status: 'ok',
      statusMessage: 'fine',
      lastTestedAt: now,
      createdAt: now,
      updatedAt: now,
    };
    const zap = {
      id: newId('zap'),
      workspaceId: workspace.id,
      name: 'Z',
      status: 'off' as const,
      draft: { steps: [] },
      publishedVersionId: null,
      lastError: 'e',
      disabledReason: 'r',
      consecutiveFailures: 2,
      createdAt: now,
      updatedAt: now,
    };
    const version = { id: newId('zv'), workspaceId: workspace.id, zapId: zap.id, version: 1, definition: { steps: [] }, createdById: user.id, createdAt: now };
    const hook = {
      id: newId('hk'),
      workspaceId: workspace.id,
      zapId: zap.id,
      kind: 'catch',
      key: 'secretkey',
      app: 'webhooks',
      secret: 'v1.s',
      secretKeyId: 'k1',
      externalId: '42',
      createdAt: now,
    };
    const event = { id: newId('evt'), workspaceId: workspace.id, zapId: zap.id, source: 'hook', data: { a: [1, 'é'] }, dedupeKey: 'd', receivedAt: now };
    const run = {
      id: newId('run'),
      workspaceId: workspace.id,
      zapId: zap.id,
      zapVersionId: version.id,
      zapVersion: 1,
      triggerEventId: event.id,
      status: 'waiting' as const,
      isTest: false,
      error: 'x',
      replayOfId: null,
      replayFrom: 'start',
      resumeAt: now,
      createdAt: now,
      startedAt: now,
      finishedAt: now,
      updatedAt: now,
    };
    const replay = { ...run, id: newId('run'), replayOfId: run.id, status: 'succeeded' as const };
    const step = {
      id: newId('stp'),
      workspaceId: workspace.id,
      runId: run.id,
      path: 'a',
      stepKey: 'a',
      type: 'action',
      app: 'http',
      action: 'request',
      status: 'success',
      input: { u: 1 },
      output: { o: null },
      error: null,
      missing: ['trigger.x'],
      attempts: 2,
      requests: [{ method: 'GET' }],
      logs: ['hi'],
      startedAt: now,
      durationMs: 12,
    };
    const pollState = {
      zapId: zap.id,
      workspaceId: workspace.id,
      cursor: { since: 'x' },
      seeded: true,
      lastPolledAt: now,
      lastError: 'boom',
      consecutiveFailures: 1,
      updatedAt: now,
    };
    const seen = { workspaceId: workspace.id, zapId: zap.id, key: 'item-1', seenAt: now };
    const audit = {
      id: newId('aud'),
      workspaceId: workspace.id,
      actorUserId: user.id,
      actorApiKeyId: apiKey.id,
      action: 'zap.created',
      targetType: 'zap',
      targetId: zap.id,
      details: { name: 'Z' },
      createdAt: now,
    };

    await p.user.create({ data: user });
    await p.session.create({ data: session });
    await p.workspace.create({ data: workspace });
    await p.membership.create({ data: membership });
    await p.apiKey.create({ data: apiKey });
    await p.connection.create({ data: connection });
    await p.zap.create({ data: zap });
    await p.zapVersion.create({ data: version });
    await p.zap.update({ where: { id: zap.id }, data: { publishedVersionId: version.id, updatedAt: now } });
    await p.hook.create({ data: hook });
    await p.triggerEvent.create({ data: event });
    await p.run.create({ data: run });
    await p.run.create({ data: replay });
    await p.stepRun.create({ data: step });
    await p.pollState.create({ data: pollState });
    await p.pollSeenKey.create({ data: seen });
    await p.auditLog.create({ data: audit });

    // updatedAt columns are set by Prisma on write; compare them loosely.
    const { updatedAt: _u, ...userRest } = user;
    expect(await p.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject(userRest);
    expect(await p.session.findUniqueOrThrow({ where: { id: session.id } })).toEqual(session);
    expect(await p.workspace.findUniqueOrThrow({ where: { id: workspace.id } })).toMatchObject({ ...workspace, updatedAt: expect.any(Date) });
    expect(await p.membership.findUniqueOrThrow({ where: { workspaceId_userId: { workspaceId: workspace.id, userId: user.id } } })).toEqual(membership);
    expect(await p.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } })).toEqual(apiKey);
    expect(await p.connection.findUniqueOrThrow({ where: { id: connection.id } })).toMatchObject({ ...connection, updatedAt: expect.any(Date) });
    expect(await p.zap.findUniqueOrThrow({ where: { id: zap.id } })).toMatchObject({ ...zap, publishedVersionId: version.id, updatedAt: expect.any(Date) });
    expect(await p.zapVersion.findUniqueOrThrow({ where: { zapId_version: { zapId: zap.id, version: 1 } } })).toEqual(version);
    expect(await p.hook.findUniqueOrThrow({ where: { key: hook.key } })).toEqual(hook);
    expect(await p.triggerEvent.findUniqueOrThrow({ where: { id: event.id } })).toEqual(event);
    expect(await p.run.findUniqueOrThrow({ where: { id: run.id } })).toEqual(run);
    expect(await p.run.findUniqueOrThrow({ where: { id: replay.id }, include: { replayOf: true } })).toMatchObject({ replayOf: { id: run.id } });
    expect(await p.stepRun.findUniqueOrThrow({ where: { runId_path: { runId: run.id, path: 'a' } } })).toEqual(step);
    expect(await p.pollState.findUniqueOrThrow({ where: { zapId: zap.id } })).toEqual(pollState);
    expect(await p.pollSeenKey.findFirstOrThrow({ where: { zapId: zap.id } })).toEqual(seen);
    expect(await p.auditLog.findUniqueOrThrow({ where: { id: audit.id } })).toEqual(audit);

    // No column exists that the schema does not know: the tables hold exactly the fields written above.
    const expected: Record<string, object> = {
      users: user,
      sessions: session,
      workspaces: workspace,
      memberships: membership,
      api_keys: apiKey,
      connections: connection,
      zaps: zap,
      zap_versions: version,
      hooks: hook,
      trigger_events: event,
      runs: run,
      step_runs: step,
      poll_states: pollState,
      poll_seen_keys: seen,
      audit_logs: audit,
    };
    const { rows } = await database.pool.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    );
    const columns: Record<string, string[]> = {};
    for (const row of rows) columns[row.table_name] = [...(columns[row.table_name] ?? []), row.column_name];
    expect(Object.keys(columns).sort()).toEqual(Object.keys(expected).sort());
    for (const [table, fields] of Object.entries(expected)) {
      expect(columns[table]?.sort(), table).toEqual(Object.keys(fields).sort());
    }
  });

  it('deleting a workspace removes everything it owns', async () => {
    const p = database.prisma;
    const ws = await p.workspace.create({ data: { id: newId('ws'), name: 'Gone' } });
    const zap = await p.zap.create({ data: { id: newId('zap'), workspaceId: ws.id, name: 'z', draft: {} } });
    await p.hook.create({ data: { id: newId('hk'), workspaceId: ws.id, zapId: zap.id, kind: 'catch', key: newId('k') } });
    await p.workspace.delete({ where: { id: ws.id } });
    expect(await p.zap.count({ where: { workspaceId: ws.id } })).toBe(0);
    expect(await p.hook.count({ where: { workspaceId: ws.id } })).toBe(0);
  });
});

describe('history retention', () => {
  it('prunes finished runs and their events past each workspace’s retention, and keeps the rest', async () => {
    const { pruneHistory } = await import('./runs.ts');
    const p = database.prisma;
    const keepLong = await p.workspace.create({ data: { id: newId('ws'), name: 'Keeps a year', settings: { retentionDays: 365 } } });
    const normal = await p.workspace.create({ data: { id: newId('ws'), name: 'Default' } });
    const old = new Date(Date.now() - 40 * 86_400_000);
    const make = async (workspaceId: string, status: 'succeeded' | 'waiting', createdAt: Date) => {
      const zapId = newId('zap');
      await p.zap.create({ data: { id: zapId, workspaceId, name: 'z', draft: {} } });
      const eventId = newId('evt');
      await p.triggerEvent.create({ data: { id: eventId, workspaceId, zapId, source: 'hook', data: {} } });
      const runId = newId('run');
      await p.run.create({ data: { id: runId, workspaceId, zapId, zapVersion: 1, triggerEventId: eventId, status, createdAt } });
      return runId;
    };
    const oldFinished = await make(normal.id, 'succeeded', old);
    const oldWaiting = await make(normal.id, 'waiting', old);
    const recent = await make(normal.id, 'succeeded', new Date());
    const oldButKept = await make(keepLong.id, 'succeeded', old);
    expect(await pruneHistory(database.pool, 30)).toBeGreaterThanOrEqual(1);
    const left = new Set((await p.run.findMany({ select: { id: true } })).map((run) => run.id));
    expect(left.has(oldFinished)).toBe(false);
    expect(left.has(oldWaiting)).toBe(true);
    expect(left.has(recent)).toBe(true);
    expect(left.has(oldButKept)).toBe(true);
    expect(await p.triggerEvent.count({ where: { runs: { none: {} }, workspaceId: normal.id } })).toBe(0);
  });
});
