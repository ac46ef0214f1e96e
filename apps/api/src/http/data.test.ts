// Proves the API's data access is guarded: no query on a workspace-owned model gets through without its workspace.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WorkspaceScopeError } from '@switchyard/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signup, startTestApi, type Account, type TestApi } from '../../test/harness.ts';

let api: TestApi;
let alice: Account;
let bob: Account;
beforeAll(async () => {
  api = await startTestApi();
  alice = await signup(api.app, 'data-alice');
  bob = await signup(api.app, 'data-bob');
  for (const account of [alice, bob]) {
    await account.caller.post(`/api/v1/workspaces/${account.workspace.id}/zaps`, {
      name: 'mine',
      trigger: { app: 'webhooks', event: 'catch_hook' },
      steps: [],
    });
  }
});
afterAll(() => api.close());

describe('the API’s data access', () => {
  it('refuses a query on a workspace-owned model that names no workspace', async () => {
    const { system } = api.deps.data;
    await expect(system.zap.findMany()).rejects.toThrow(WorkspaceScopeError);
    await expect(system.run.findFirst({ where: { id: 'run_anything' } })).rejects.toThrow(WorkspaceScopeError);
    await expect(system.membership.deleteMany({ where: { userId: alice.user.id } })).rejects.toThrow(WorkspaceScopeError);
    expect(await system.zap.count({ where: { workspaceId: alice.workspace.id } })).toBe(1);
  });

  it('gives each workspace only its own rows', async () => {
    const zaps = await api.deps.data.workspace(alice.workspace.id).zap.findMany();
    expect(zaps.map((zap) => zap.workspaceId)).toEqual([alice.workspace.id]);
    const bobsZap = await api.deps.db.prisma.zap.findFirstOrThrow({ where: { workspaceId: bob.workspace.id } });
    expect(await api.deps.data.workspace(alice.workspace.id).zap.findFirst({ where: { id: bobsZap.id } })).toBeNull();
  });

  it('is the only way feature code reaches Prisma (the unguarded client is for wiring, the seed script and the runner)', () => {
    const root = fileURLToPath(new URL('..', import.meta.url));
    const exempt = new Set(['deps.ts', 'seed.ts']);
    const offenders = sourceFiles(root)
      .filter((file) => !exempt.has(relative(root, file)))
      .filter((file) => /\bdb\.prisma\b|\{[^}]*\bprisma\b[^}]*\}\s*=\s*(deps\.)?db\b/.test(readFileSync(file, 'utf8')));
    expect(offenders.map((file) => relative(root, file))).toEqual([]);
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}
