import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, signup, startTestApi, type TestApi } from '../../test/harness.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

describe('workspaces', () => {
  it('a second workspace makes its creator the owner and shows in /me', async () => {
    const owner = await signup(api.app, 'multi');
    const created = await owner.caller.post('/api/v1/workspaces', { name: 'Second' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.stringMatching(/^ws_/), name: 'Second', role: 'owner' });
    const me = await owner.caller.get('/api/v1/me');
    expect(me.body.workspaces.map((w: { name: string }) => w.name)).toEqual([owner.workspace.name, 'Second']);
    const list = await owner.caller.get('/api/v1/workspaces');
    expect(list.body.data).toHaveLength(2);
  });

  it('renaming needs admin; deleting needs owner and removes the workspace', async () => {
    const owner = await signup(api.app, 'ren');
    const editor = await signup(api.app, 'ren-ed');
    await addMember(owner, editor, 'editor');
    const ws = `/api/v1/workspaces/${owner.workspace.id}`;
    expect((await editor.caller.patch(ws, { name: 'Nope' })).status).toBe(403);
    expect((await owner.caller.patch(ws, { name: 'Renamed' })).body.name).toBe('Renamed');
    expect((await editor.caller.delete(ws)).status).toBe(403);
    expect((await owner.caller.delete(ws)).status).toBe(204);
    expect((await owner.caller.get(ws)).status).toBe(404);
  });
});

describe('members and roles', () => {
  it('an admin adds a member by e-mail, who then sees the workspace with that role', async () => {
    const owner = await signup(api.app, 'own');
    const viewer = await signup(api.app, 'view');
    const added = await owner.caller.post(`/api/v1/workspaces/${owner.workspace.id}/members`, { email: viewer.email.toUpperCase(), role: 'viewer' });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ userId: viewer.user.id, email: viewer.email, role: 'viewer' });
    const me = await viewer.caller.get('/api/v1/me');
    expect(me.body.workspaces).toContainEqual({ id: owner.workspace.id, name: owner.workspace.name, role: 'viewer' });
    const list = await viewer.caller.get(`/api/v1/workspaces/${owner.workspace.id}/members`);
    expect(list.body.data.map((m: { role: string }) => m.role).sort()).toEqual(['owner', 'viewer']);
    expect(list.body.nextCursor).toBeNull();
  });

  it('adding an unknown e-mail is 422 user_not_found naming the field; adding twice is 409', async () => {
    const owner = await signup(api.app, 'unk');
    const other = await signup(api.app, 'twice');
    const unknown = await owner.caller.post(`/api/v1/workspaces/${owner.workspace.id}/members`, { email: 'nobody@example.com', role: 'editor' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error).toMatchObject({ code: 'user_not_found', details: [{ path: 'body.email' }] });
    await addMember(owner, other, 'editor');
    const again = await owner.caller.post(`/api/v1/workspaces/${owner.workspace.id}/members`, { email: other.email, role: 'viewer' });
    expect(again.status).toBe(409);
  });

  it('a viewer cannot write, an editor cannot manage members, an admin cannot make owners', async () => {
    const owner = await signup(api.app, 'r-own');
    const admin = await signup(api.app, 'r-adm');
    const editor = await signup(api.app, 'r-ed');
    const viewer = await signup(api.app, 'r-vw');
    const newcomer = await signup(api.app, 'r-new');
    await addMember(owner, admin, 'admin');
    await addMember(owner, editor, 'editor');
    await addMember(owner, viewer, 'viewer');
    const members = `/api/v1/workspaces/${owner.workspace.id}/members`;
    const byViewer = await viewer.caller.post(members, { email: newcomer.email, role: 'viewer' });
    expect(byViewer.status).toBe(403);
    expect(byViewer.body.error.message).toMatch(/needs the admin role/);
    expect((await viewer.caller.post(`/api/v1/workspaces/${owner.workspace.id}/api-keys`, { name: 'x' })).status).toBe(403);
    expect((await editor.caller.post(members, { email: newcomer.email, role: 'viewer' })).status).toBe(403);
    expect((await admin.caller.post(members, { email: newcomer.email, role: 'owner' })).status).toBe(403);
    expect((await admin.caller.patch(`${members}/${owner.user.id}`, { role: 'viewer' })).status).toBe(403);
    expect((await admin.caller.post(members, { email: newcomer.email, role: 'editor' })).status).toBe(201);
    expect((await admin.caller.patch(`${members}/${newcomer.user.id}`, { role: 'viewer' })).body.role).toBe('viewer');
  });

  it('the last owner can neither leave nor be demoted', async () => {
    const owner = await signup(api.app, 'last');
    const members = `/api/v1/workspaces/${owner.workspace.id}/members`;
    const demote = await owner.caller.patch(`${members}/${owner.user.id}`, { role: 'admin' });
    expect(demote.status).toBe(409);
    expect(demote.body.error.code).toBe('last_owner');
    expect((await owner.caller.delete(`${members}/${owner.user.id}`)).status).toBe(409);
  });

  it('a member can leave; a removed member loses access (404)', async () => {
    const owner = await signup(api.app, 'leave');
    const editor = await signup(api.app, 'leaver');
    const removed = await signup(api.app, 'removed');
    await addMember(owner, editor, 'editor');
    await addMember(owner, removed, 'viewer');
    const members = `/api/v1/workspaces/${owner.workspace.id}/members`;
    expect((await editor.caller.delete(`${members}/${editor.user.id}`)).status).toBe(204);
    expect((await editor.caller.get(members)).status).toBe(404);
    expect((await owner.caller.delete(`${members}/${removed.user.id}`)).status).toBe(204);
    expect((await removed.caller.get(members)).status).toBe(404);
  });

  it('records member changes in the audit log', async () => {
    const owner = await signup(api.app, 'aud');
    const other = await signup(api.app, 'aud2');
    await addMember(owner, other, 'editor');
    const entries = await api.deps.db.prisma.auditLog.findMany({ where: { workspaceId: owner.workspace.id }, orderBy: { id: 'asc' } });
    expect(entries.map((e) => e.action)).toContain('member.added');
    expect(entries.find((e) => e.action === 'member.added')).toMatchObject({ actorUserId: owner.user.id, targetId: other.user.id });
    const log = await owner.caller.get(`/api/v1/workspaces/${owner.workspace.id}/audit-log?action=member.added`);
    expect(log.body.data).toEqual([
      expect.objectContaining({ action: 'member.added', targetId: other.user.id, actor: { userId: owner.user.id, email: owner.email, apiKeyId: null } }),
    ]);
    expect((await other.caller.get(`/api/v1/workspaces/${owner.workspace.id}/audit-log`)).status).toBe(403);
  });
});
