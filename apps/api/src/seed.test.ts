import { randomBytes } from 'node:crypto';
import { connectionContext, createDatabase, createVault, type Database } from '@switchyard/db';
import { createTestDatabase, demoFakes, type TestDatabase } from '@switchyard/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from './auth/passwords.ts';
import { seedDemo, seedDemoFakes } from './seed.ts';

let database: TestDatabase;
let db: Database;
beforeAll(async () => {
  database = await createTestDatabase('seed');
  db = createDatabase(database.url, { max: 2 });
});
afterAll(async () => {
  await db?.close();
  await database?.drop();
});

describe('demo seed', () => {
  it('creates the demo account once, and its password always follows .env', async () => {
    const first = await seedDemo(db.prisma, { email: 'demo@switchyard.local', password: 'first-password' });
    const again = await seedDemo(db.prisma, { email: 'demo@switchyard.local', password: 'second-password' });
    expect(first.created).toBe(true);
    expect(again).toEqual({ workspaceId: first.workspaceId, created: false });
    const user = await db.prisma.user.findUniqueOrThrow({ where: { email: 'demo@switchyard.local' } });
    expect(await verifyPassword('second-password', user.passwordHash)).toBe(true);
  });

  it('refuses a guessable demo password, saying why', async () => {
    await expect(seedDemo(db.prisma, { email: 'weak-demo@switchyard.local', password: 'password1' })).rejects.toThrow(
      /^DEMO_PASSWORD is refused: This password is too easy to guess\./,
    );
    expect(await db.prisma.user.count({ where: { email: 'weak-demo@switchyard.local' } })).toBe(0);
  });

  it('connects the demo to every fake and publishes one zap; a new SECRETS_KEY gets the connections sealed again', async () => {
    const { workspaceId } = await seedDemo(db.prisma, { email: 'demo@switchyard.local', password: 'second-password' });
    const oldVault = createVault(randomBytes(32));
    const hookUrl = await seedDemoFakes(db.prisma, oldVault, workspaceId, 'http://localhost:3000');
    expect(hookUrl).toMatch(new RegExp(`^http://localhost:3000/hooks/catch/${workspaceId}/`));
    expect(await db.prisma.connection.count({ where: { workspaceId } })).toBe(Object.keys(demoFakes()).length);
    expect(await db.prisma.zap.findFirstOrThrow({ where: { workspaceId } })).toMatchObject({ status: 'on' });

    const newVault = createVault(randomBytes(32));
    expect(await seedDemoFakes(db.prisma, newVault, workspaceId, 'http://localhost:3000')).toBe(hookUrl);
    for (const connection of await db.prisma.connection.findMany({ where: { workspaceId } })) {
      expect(() => newVault.open(connection.credentials, connectionContext(workspaceId, connection.id))).not.toThrow();
    }
    expect(await db.prisma.zap.count({ where: { workspaceId } })).toBe(1);
  });
});
