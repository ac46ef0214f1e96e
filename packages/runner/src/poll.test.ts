import { loadConfig } from '@switchyard/config';
import { connectionContext, createDatabase, newId, type Database } from '@switchyard/db';
import { createRedis, createRunQueue, type RunQueue } from '@switchyard/queue';
import { createTestDatabase, startFeedServer, testEnv, TESTING_APPS_MODULE, type FeedServer, type TestDatabase } from '@switchyard/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPoller, type Poller } from './poll.ts';
import { createRuntime, vaultFromConfig, type Runtime } from './runtime.ts';

let database: TestDatabase;
let db: Database;
let runtime: Runtime;
let feed: FeedServer;
let queue: RunQueue;
let poller: Poller;
let redis: ReturnType<typeof createRedis>;
const disabled: string[] = [];
let workspaceId: string;
let connectionId: string;

beforeAll(async () => {
  database = await createTestDatabase('poll');
  feed = await startFeedServer();
  const config = loadConfig(testEnv(database.url, { CONNECTOR_MODULES: TESTING_APPS_MODULE, OUTBOUND_ALLOW: `127.0.0.1:${feed.port}` }));
  db = createDatabase(database.url, { max: 4 });
  runtime = await createRuntime(config, db, vaultFromConfig(config));
  redis = createRedis(config.REDIS_URL);
  queue = createRunQueue(redis, config.QUEUE_PREFIX);
  poller = createPoller({
    db,
    vault: runtime.vault,
    catalog: runtime.catalog,
    http: runtime.http,
    runs: queue,
    onDisabled: async (zapId) => void disabled.push(zapId),
  });
  workspaceId = newId('ws');
  await db.prisma.workspace.create({ data: { id: workspaceId, name: 'Polls' } });
  connectionId = newId('con');
  const sealed = runtime.vault.seal({ token: 'good-token' }, connectionContext(workspaceId, connectionId));
  await db.prisma.connection.create({
    data: { id: connectionId, workspaceId, app: 'testing_account', name: 'feed', credentials: sealed.ciphertext, keyId: sealed.keyId },
  });
});

afterAll(async () => {
  await queue?.obliterate({ force: true }).catch(() => undefined);
  await queue?.close();
  redis?.disconnect();
  await runtime?.close();
  await db?.close();
  await feed?.close();
  await database?.drop();
});

async function pollingZap(event: 'new_item' | 'updated_item') {
  const zapId = newId('zap');
  const definition = { name: 'feed', trigger: { app: 'testing_account', event, connectionId, input: { url: feed.url } }, steps: [] };
  await db.prisma.zap.create({ data: { id: zapId, workspaceId, name: 'feed', draft: definition, status: 'on' } });
  const version = await db.prisma.zapVersion.create({ data: { id: newId('zv'), workspaceId, zapId, version: 1, definition } });
  await db.prisma.zap.update({ where: { id: zapId }, data: { publishedVersionId: version.id } });
  return zapId;
}

const titlesOfRuns = async (zapId: string) =>
  (await db.prisma.run.findMany({ where: { zapId }, include: { triggerEvent: true }, orderBy: { id: 'asc' } })).map(
    (run) => (run.triggerEvent.data as { title: string }).title,
  );

describe('polling', () => {
  it('the first poll records what exists and fires nothing; later polls fire once per new item, oldest first, across pages', async () => {
    feed.add('existing one');
    feed.add('existing two');
    const zapId = await pollingZap('new_item');
    expect(await poller.poll(zapId, workspaceId)).toEqual({ status: 'seeded', seen: 2 });
    expect(await titlesOfRuns(zapId)).toEqual([]);
    for (const title of ['a', 'b', 'c', 'd', 'e']) feed.add(title);
    expect(await poller.poll(zapId, workspaceId)).toMatchObject({ status: 'polled', fired: 5 });
    expect(await titlesOfRuns(zapId)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(await poller.poll(zapId, workspaceId)).toMatchObject({ status: 'polled', fired: 0 });
    const runs = await db.prisma.run.findMany({ where: { zapId } });
    expect(runs.every((run) => run.status === 'queued' && run.zapVersion === 1)).toBe(true);
  });

  it('does not fire old items again after a restart or a republish', async () => {
    feed.add('before');
    const zapId = await pollingZap('new_item');
    await poller.poll(zapId, workspaceId);
    const restarted = createPoller({ db, vault: runtime.vault, catalog: runtime.catalog, http: runtime.http, runs: queue });
    expect(await restarted.poll(zapId, workspaceId)).toMatchObject({ fired: 0 });
    const definition = (await db.prisma.zap.findUniqueOrThrow({ where: { id: zapId } })).draft as object;
    const v2 = await db.prisma.zapVersion.create({ data: { id: newId('zv'), workspaceId, zapId, version: 2, definition } });
    await db.prisma.zap.update({ where: { id: zapId }, data: { publishedVersionId: v2.id } });
    expect(await restarted.poll(zapId, workspaceId)).toMatchObject({ fired: 0 });
    feed.add('after republish');
    expect(await restarted.poll(zapId, workspaceId)).toMatchObject({ fired: 1 });
    const last = await db.prisma.run.findFirstOrThrow({ where: { zapId }, orderBy: { id: 'desc' } });
    expect(last.zapVersion).toBe(2);
  });

  it('an "updated" trigger fires again when an item changes, once per change', async () => {
    const item = feed.add('draft');
    const zapId = await pollingZap('updated_item');
    await poller.poll(zapId, workspaceId);
    feed.update(item.id, 'final');
    expect(await poller.poll(zapId, workspaceId)).toMatchObject({ fired: 1 });
    expect(await poller.poll(zapId, workspaceId)).toMatchObject({ fired: 0 });
    expect(await titlesOfRuns(zapId)).toEqual(['final']);
  });

  it('a failing poll records its error on the zap, and a connection refused three times turns the zap off with the reason', async () => {
    const zapId = await pollingZap('new_item');
    await poller.poll(zapId, workspaceId);
    feed.failNext(1, 500);
    await expect(poller.poll(zapId, workspaceId)).rejects.toThrow();
    expect((await db.prisma.zap.findUniqueOrThrow({ where: { id: zapId } })).lastError).toMatch(/^Polling Testing account failed/);
    await poller.poll(zapId, workspaceId);
    expect((await db.prisma.zap.findUniqueOrThrow({ where: { id: zapId } })).lastError).toBeNull();
    feed.failNext(3, 401);
    for (let i = 0; i < 3; i++) await expect(poller.poll(zapId, workspaceId)).rejects.toThrow(/401|invalid token/);
    const zap = await db.prisma.zap.findUniqueOrThrow({ where: { id: zapId } });
    expect(zap.status).toBe('off');
    expect(zap.disabledReason).toMatch(/refused the connection's credentials 3 times in a row/);
    expect(disabled).toContain(zapId);
    expect(await db.prisma.auditLog.count({ where: { targetId: zapId, action: 'zap.disabled' } })).toBe(1);
    expect(await poller.poll(zapId, workspaceId)).toMatchObject({ status: 'skipped' });
  });
});
