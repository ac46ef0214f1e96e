import { TESTING_APPS_MODULE } from '@switchyard/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signup, startTestApi, type Account, type TestApi } from '../../test/harness.ts';

let api: TestApi;
let owner: Account;
let base: string;

beforeAll(async () => {
  api = await startTestApi({ CONNECTOR_MODULES: TESTING_APPS_MODULE });
  owner = await signup(api.app, 'conn');
  base = `/api/v1/workspaces/${owner.workspace.id}/connections`;
});
afterAll(() => api.close());

describe('connections', () => {
  it('tests credentials live: a bad token is 422 connection_test_failed with the service’s reason, and nothing is stored', async () => {
    const reply = await owner.caller.post(base, { app: 'testing_account', name: 'Bad', credentials: { token: 'wrong' } });
    expect(reply.status).toBe(422);
    expect(reply.body.error).toMatchObject({ code: 'connection_test_failed', message: expect.stringContaining('The token is not valid (401 Unauthorized)') });
    expect(await api.deps.db.prisma.connection.count({ where: { workspaceId: owner.workspace.id, name: 'Bad' } })).toBe(0);
  });

  it('stores good credentials encrypted and never returns them', async () => {
    const reply = await owner.caller.post(base, { app: 'testing_account', name: 'Main', credentials: { token: 'good-token' } });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ id: expect.stringMatching(/^con_/), app: 'testing_account', name: 'Main', status: 'ok', usedBy: 0 });
    expect(JSON.stringify(reply.body)).not.toContain('good-token');
    const row = await api.deps.db.prisma.connection.findUniqueOrThrow({ where: { id: reply.body.id } });
    expect(row.credentials).toMatch(/^v1\./);
    expect(row.credentials).not.toContain('good-token');
    const list = await owner.caller.get(base);
    expect(JSON.stringify(list.body)).not.toContain('good-token');
    expect(list.body.data.map((c: { id: string }) => c.id)).toContain(reply.body.id);
  });

  it('names missing or malformed credential fields', async () => {
    const reply = await owner.caller.post(base, { app: 'testing_account', name: 'X', credentials: {} });
    expect(reply.status).toBe(422);
    expect(reply.body.error.details).toEqual([expect.objectContaining({ path: 'body.credentials.token' })]);
    const unknown = await owner.caller.post(base, { app: 'nope', name: 'X', credentials: {} });
    expect(unknown.body.error.code).toBe('unknown_app');
  });

  it('renames, re-tests replaced credentials (keeping the old ones on failure), tests on demand and deletes', async () => {
    const created = (await owner.caller.post(base, { app: 'testing_account', name: 'Old', credentials: { token: 'good-token' } })).body;
    expect((await owner.caller.patch(`${base}/${created.id}`, { name: 'New name' })).body.name).toBe('New name');
    const bad = await owner.caller.patch(`${base}/${created.id}`, { credentials: { token: 'broken' } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('connection_test_failed');
    const tested = await owner.caller.post(`${base}/${created.id}/test`);
    expect(tested.body).toEqual({ ok: true, message: expect.stringContaining('accepted') });
    expect((await owner.caller.delete(`${base}/${created.id}`)).status).toBe(204);
    expect((await owner.caller.get(`${base}/${created.id}`)).status).toBe(404);
  });

  it('counts the zaps that use a connection', async () => {
    const created = (await owner.caller.post(base, { app: 'testing_account', name: 'Used', credentials: { token: 'good-token' } })).body;
    await owner.caller.post(`/api/v1/workspaces/${owner.workspace.id}/zaps`, {
      name: 'uses it',
      trigger: { app: 'webhooks', event: 'catch_hook' },
      steps: [{ key: 'w', type: 'action', app: 'testing_account', action: 'whoami', connectionId: created.id, input: { list: 'a' } }],
    });
    expect((await owner.caller.get(`${base}/${created.id}`)).body.usedBy).toBe(1);
  });

  it('a connection of another workspace is 404, and cannot be used by its zaps', async () => {
    const created = (await owner.caller.post(base, { app: 'testing_account', name: 'Mine', credentials: { token: 'good-token' } })).body;
    const stranger = await signup(api.app, 'conn-stranger');
    const theirs = `/api/v1/workspaces/${stranger.workspace.id}/connections/${created.id}`;
    expect((await stranger.caller.get(theirs)).status).toBe(404);
    expect((await stranger.caller.post(`${theirs}/test`)).status).toBe(404);
    const zap = await stranger.caller.post(`/api/v1/workspaces/${stranger.workspace.id}/zaps`, {
      name: 'borrow',
      trigger: { app: 'webhooks', event: 'catch_hook' },
      steps: [{ key: 'w', type: 'action', app: 'testing_account', action: 'whoami', connectionId: created.id, input: { list: 'a' } }],
    });
    const publish = await stranger.caller.post(`/api/v1/workspaces/${stranger.workspace.id}/zaps/${zap.body.id}/publish`);
    expect(publish.status).toBe(422);
    expect(publish.body.error.details).toEqual([
      expect.objectContaining({ stepKey: 'w', message: expect.stringContaining('does not exist in this workspace') }),
    ]);
  });
});

describe('apps catalog and choices', () => {
  it('lists connectors and built-ins in the contract’s shape', async () => {
    const reply = await owner.caller.get('/api/v1/apps');
    const keys = reply.body.map((app: { key: string }) => app.key);
    expect(keys).toEqual(expect.arrayContaining(['webhooks', 'schedule', 'manual', 'http', 'formatter', 'code', 'filter', 'paths', 'delay', 'loop']));
    const webhooks = reply.body.find((app: { key: string }) => app.key === 'webhooks');
    expect(webhooks.triggers[0]).toMatchObject({
      key: 'catch_hook',
      kind: 'hook',
      inputSchema: { type: 'object' },
      sample: expect.any(Object),
      outputFields: expect.arrayContaining([{ key: 'body', label: expect.any(String), type: 'object' }]),
      verified: true,
      unverifiedReason: null,
    });
    const account = (await owner.caller.get('/api/v1/apps/testing_account')).body;
    expect(account.actions[0]).toMatchObject({ key: 'whoami', verified: false, unverifiedReason: 'A test app: its list of choices is made up.' });
    expect(account.auth.fields).toEqual([{ key: 'token', label: 'Token', type: 'password', required: true, secret: true, help: null }]);
    expect((await owner.caller.get('/api/v1/apps/nope')).status).toBe(404);
  });

  it('loads a field’s choices through a connection of the workspace', async () => {
    const connection = (await owner.caller.post(base, { app: 'testing_account', name: 'Choices', credentials: { token: 'good-token' } })).body;
    const reply = await owner.caller.post(`/api/v1/workspaces/${owner.workspace.id}/apps/testing_account/options`, {
      connectionId: connection.id,
      operation: { type: 'action', key: 'whoami' },
      field: 'list',
    });
    expect(reply.body.options).toEqual([
      { value: 'a', label: 'List A' },
      { value: 'b', label: 'List B' },
    ]);
    const noField = await owner.caller.post(`/api/v1/workspaces/${owner.workspace.id}/apps/testing_account/options`, {
      connectionId: connection.id,
      operation: { type: 'action', key: 'whoami' },
      field: 'nothing',
    });
    expect(noField.status).toBe(422);
  });
});
