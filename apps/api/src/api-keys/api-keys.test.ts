import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, Caller, mintKey, signup, startTestApi, type TestApi } from '../../test/harness.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

describe('API keys', () => {
  it('shows the token once, stores only its hash, and lists keys without tokens', async () => {
    const owner = await signup(api.app, 'key');
    const key = await mintKey(owner);
    expect(key.token).toMatch(/^sy_/);
    const row = await api.deps.db.prisma.apiKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(row.tokenHash).toBe(createHash('sha256').update(key.token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(key.token);
    const list = await owner.caller.get(`/api/v1/workspaces/${owner.workspace.id}/api-keys`);
    expect(list.body.data).toEqual([expect.objectContaining({ id: key.id, name: 'test key', role: 'owner', prefix: key.token.slice(0, 10) })]);
    expect(JSON.stringify(list.body)).not.toContain(key.token);
  });

  it('a key works as Bearer for its own workspace and is 404 on another', async () => {
    const a = await signup(api.app, 'key-a');
    const b = await signup(api.app, 'key-b');
    const key = await mintKey(a);
    const caller = new Caller(api.app, { token: key.token });
    expect((await caller.get(`/api/v1/workspaces/${a.workspace.id}/members`)).status).toBe(200);
    expect((await caller.get(`/api/v1/workspaces/${b.workspace.id}/members`)).status).toBe(404);
    const me = await caller.get('/api/v1/me');
    expect(me.body.workspaces).toEqual([{ id: a.workspace.id, name: a.workspace.name, role: 'owner' }]);
    expect((await caller.post('/api/v1/workspaces', { name: 'x' })).status).toBe(403);
  });

  it('a revoked key answers 401 at once', async () => {
    const owner = await signup(api.app, 'revoke');
    const key = await mintKey(owner);
    expect((await owner.caller.delete(`/api/v1/workspaces/${owner.workspace.id}/api-keys/${key.id}`)).status).toBe(204);
    const reply = await new Caller(api.app, { token: key.token }).get('/api/v1/me');
    expect(reply.status).toBe(401);
    expect((await owner.caller.delete(`/api/v1/workspaces/${owner.workspace.id}/api-keys/${key.id}`)).status).toBe(404);
  });

  it("a key's role limits it, cannot exceed its maker's, and ends when the maker leaves", async () => {
    const owner = await signup(api.app, 'krole');
    const admin = await signup(api.app, 'krole-admin');
    await addMember(owner, admin, 'admin');
    const viewerKey = await mintKey(owner, owner.workspace.id, { name: 'read only', role: 'viewer' });
    const viewerCaller = new Caller(api.app, { token: viewerKey.token });
    expect((await viewerCaller.get(`/api/v1/workspaces/${owner.workspace.id}/members`)).status).toBe(200);
    expect((await viewerCaller.patch(`/api/v1/workspaces/${owner.workspace.id}`, { name: 'x' })).status).toBe(403);
    const tooHigh = await admin.caller.post(`/api/v1/workspaces/${owner.workspace.id}/api-keys`, { name: 'x', role: 'owner' });
    expect(tooHigh.status).toBe(403);
    const adminKey = await mintKey(admin, owner.workspace.id);
    expect(adminKey.role).toBe('admin');
    await owner.caller.delete(`/api/v1/workspaces/${owner.workspace.id}/members/${admin.user.id}`);
    expect((await new Caller(api.app, { token: adminKey.token }).get('/api/v1/me')).status).toBe(401);
  });

  it('a malformed Authorization header or unknown key is 401, never 500', async () => {
    for (const header of ['Bearer', 'Basic abc', 'Bearer sy_nope', `Bearer ${'x'.repeat(5000)}`]) {
      const reply = await new Caller(api.app).request('GET', '/api/v1/me', undefined, { authorization: header });
      expect(reply.status, header.slice(0, 20)).toBe(401);
    }
  });
});
