// Proves the workspace scope keeps every kind of query inside its workspace, and the guard refuses queries that name none.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from './client.ts';
import { newId } from './ids.ts';
import { dropDatabase, ensureDatabase, migrate } from './migrate.ts';
import { WORKSPACE_MODELS, workspaceGuard, workspaceScope, WorkspaceScopeError } from './workspace.ts';

const admin = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const url = Object.assign(new URL(admin), { pathname: `/switchyard_test_${randomBytes(6).toString('hex')}` }).toString();
let database: Database;
const mine = newId('ws');
const theirs = newId('ws');
const [myZap, theirZap] = [newId('zap'), newId('zap')];

beforeAll(async () => {
  await ensureDatabase(url);
  await migrate(url);
  database = createDatabase(url, { max: 4 });
  const p = database.prisma;
  await p.workspace.createMany({
    data: [
      { id: mine, name: 'Mine' },
      { id: theirs, name: 'Theirs' },
    ],
  });
  await p.user.create({ data: { id: 'usr_1', email: 'one@example.com', passwordHash: 'x' } });
  await p.membership.createMany({
    data: [
      { workspaceId: mine, userId: 'usr_1', role: 'owner' },
      { workspaceId: theirs, userId: 'usr_1', role: 'viewer' },
    ],
  });
  await p.zap.createMany({
    data: [
      { id: myZap, workspaceId: mine, name: 'Z', draft: {} },
      { id: theirZap, workspaceId: theirs, name: 'Z', draft: {} },
    ],
  });
});

afterAll(async () => {
  await database?.close();
  await dropDatabase(url);
});

const scoped = () => database.prisma.$extends(workspaceScope(mine));

describe('workspace-owned models', () => {
  it('are exactly the models of prisma/schema.prisma with a workspaceId column', () => {
    const schema = readFileSync(new URL('../../../prisma/schema.prisma', import.meta.url), 'utf8');
    const models = [...schema.matchAll(/^model (\w+) \{([^}]*)\}/gm)].filter(([, , body]) => /^\s+workspaceId\s/m.test(body!)).map(([, name]) => name);
    expect(models.length).toBeGreaterThan(10);
    expect([...WORKSPACE_MODELS].sort()).toEqual(models.sort());
  });
});

describe('workspace scope', () => {
  it('reads, counts and aggregates only its own rows, whatever the filter says', async () => {
    const ws = scoped();
    expect((await ws.zap.findMany({ where: { name: 'Z' } })).map((zap) => zap.id)).toEqual([myZap]);
    expect(await ws.zap.findUnique({ where: { id: theirZap } })).toBeNull();
    expect(await ws.zap.findFirst({ where: { id: theirZap } })).toBeNull();
    expect(await ws.zap.count()).toBe(1);
    expect(await ws.membership.findMany({ where: { userId: 'usr_1' } })).toEqual([expect.objectContaining({ workspaceId: mine })]);
    expect(await ws.membership.findUnique({ where: { workspaceId_userId: { workspaceId: theirs, userId: 'usr_1' } } })).toBeNull();
  });

  it('changes and deletes only its own rows', async () => {
    const ws = scoped();
    await expect(ws.zap.update({ where: { id: theirZap }, data: { name: 'Taken' } })).rejects.toMatchObject({ code: 'P2025' });
    expect(await ws.zap.updateMany({ where: { id: theirZap }, data: { name: 'Taken' } })).toEqual({ count: 0 });
    expect(await ws.zap.deleteMany({ where: { id: theirZap } })).toEqual({ count: 0 });
    await expect(ws.zap.delete({ where: { id: theirZap } })).rejects.toMatchObject({ code: 'P2025' });
    expect(await database.prisma.zap.findUniqueOrThrow({ where: { id: theirZap } })).toMatchObject({ name: 'Z', workspaceId: theirs });
  });

  it('puts new rows in its workspace and refuses rows of another, or moving a row to another', async () => {
    const ws = scoped();
    const created = await ws.connection.create({ data: { id: newId('con'), workspaceId: mine, app: 'a', name: 'n', credentials: 'c', keyId: 'k' } });
    expect(created.workspaceId).toBe(mine);
    await expect(ws.connection.create({ data: { id: newId('con'), workspaceId: theirs, app: 'a', name: 'n', credentials: 'c', keyId: 'k' } })).rejects.toThrow(
      WorkspaceScopeError,
    );
    await expect(
      ws.connection.createMany({ data: [{ id: newId('con'), workspaceId: theirs, app: 'a', name: 'n', credentials: 'c', keyId: 'k' }] }),
    ).rejects.toThrow(WorkspaceScopeError);
    await expect(ws.connection.update({ where: { id: created.id }, data: { workspaceId: theirs } })).rejects.toThrow(WorkspaceScopeError);
    await expect(ws.connection.findMany({ where: { workspaceId: theirs } })).rejects.toThrow(WorkspaceScopeError);
    expect(await database.prisma.connection.count({ where: { workspaceId: theirs } })).toBe(0);
  });

  it('scopes an upsert: it finds only its own row, and the row it creates joins its workspace', async () => {
    const ws = scoped();
    const key = { workspaceId: mine, zapId: myZap, key: 'item' };
    const row = await ws.pollSeenKey.upsert({ where: { workspaceId_zapId_key: key }, create: key, update: {} });
    expect(row.workspaceId).toBe(mine);
  });

  it('holds inside interactive transactions too', async () => {
    const found = await scoped().$transaction(async (tx) => tx.zap.findMany());
    expect(found.map((zap) => zap.id)).toEqual([myZap]);
  });
});

describe('workspace guard', () => {
  const allowed = [{ model: 'Membership', operation: 'findMany', by: 'userId', why: 'a user’s own workspaces' }] as const;
  const guarded = () => database.prisma.$extends(workspaceGuard(allowed));

  it('refuses a query on a workspace-owned model whose filter does not name its workspace', async () => {
    const p = guarded();
    await expect(p.zap.findFirst({ where: { id: myZap } })).rejects.toThrow(/Zap.findFirst does not name its workspace \(its filter is on id\)/);
    await expect(p.zap.findMany()).rejects.toThrow(WorkspaceScopeError);
    await expect(p.zap.update({ where: { id: myZap }, data: { name: 'Z' } })).rejects.toThrow(WorkspaceScopeError);
    await expect(p.zap.deleteMany({ where: { name: 'gone' } })).rejects.toThrow(WorkspaceScopeError);
    await expect(p.run.count({ where: { workspaceId: undefined } })).rejects.toThrow(WorkspaceScopeError);
    await expect(p.run.count({ where: { workspaceId: { in: [mine, theirs] } } })).rejects.toThrow(WorkspaceScopeError);
    await expect(p.$transaction(async (tx) => tx.zap.findMany())).rejects.toThrow(WorkspaceScopeError);
  });

  it('refuses creating a workspace-owned row without its workspace', async () => {
    const p = guarded();
    await expect(p.auditLog.create({ data: { id: newId('aud'), action: 'x', targetType: 'x', workspace: { connect: { id: mine } } } })).rejects.toThrow(
      WorkspaceScopeError,
    );
  });

  it('lets through queries that name one workspace, models no workspace owns, and the allowed cross-workspace look-ups', async () => {
    const p = guarded();
    expect(await p.zap.findFirst({ where: { id: myZap, workspaceId: mine } })).toMatchObject({ id: myZap });
    expect(await p.membership.findUnique({ where: { workspaceId_userId: { workspaceId: mine, userId: 'usr_1' } } })).toMatchObject({ role: 'owner' });
    expect(await p.user.findUnique({ where: { id: 'usr_1' } })).toMatchObject({ email: 'one@example.com' });
    expect(await p.membership.findMany({ where: { userId: 'usr_1' } })).toHaveLength(2);
    // The allowance is for that filter alone: anything more is an ordinary query again.
    await expect(p.membership.findMany({ where: { userId: 'usr_1', role: 'owner' } })).rejects.toThrow(WorkspaceScopeError);
    await expect(p.membership.findFirst({ where: { userId: 'usr_1' } })).rejects.toThrow(WorkspaceScopeError);
  });

  it('added after the scope, sees the workspace the scope put in', async () => {
    const p = database.prisma.$extends(workspaceScope(mine)).$extends(workspaceGuard([]));
    expect(await p.zap.findMany({ where: { name: 'Z' } })).toHaveLength(1);
    expect(await p.$transaction(async (tx) => tx.zap.count())).toBe(1);
  });
});
