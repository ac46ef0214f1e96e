// Sweeps every documented route: other tenants get 404, viewers cannot write, and no malformed input yields a 5xx.
import { TESTING_APPS_MODULE } from '@switchyard/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, Caller, mintKey, signup, startTestApi, type Account, type TestApi } from './harness.ts';

let api: TestApi;
let owner: Account;
let stranger: Account;
let viewer: Account;
let routes: Array<{ method: string; path: string }>;

beforeAll(async () => {
  api = await startTestApi({ CONNECTOR_MODULES: TESTING_APPS_MODULE });
  owner = await signup(api.app, 'sweep-owner');
  stranger = await signup(api.app, 'sweep-stranger');
  viewer = await signup(api.app, 'sweep-viewer');
  await addMember(owner, viewer, 'viewer');
  const document = api.app.swagger() as { paths: Record<string, Record<string, unknown>> };
  routes = Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path })));
});
afterAll(() => api.close());

const fill = (path: string, ws: string, id = 'zz_unknown_id') => path.replace('{ws}', ws).replace(/\{[^}]+\}/g, id);
const isWorkspaceRoute = (path: string) => path.includes('{ws}');
const sampleBody = { name: 'x', email: 'someone@example.com', role: 'viewer', password: 'plum orchard lantern', workspaceName: 'w' };

describe('route sweep', () => {
  it('finds the workspace routes in the OpenAPI document', () => {
    expect(routes.filter((r) => isWorkspaceRoute(r.path)).length).toBeGreaterThanOrEqual(8);
  });

  it('every workspace route answers 404 to a member of another workspace, and with their API key', async () => {
    const strangerKey = await mintKey(stranger);
    for (const route of routes.filter((r) => isWorkspaceRoute(r.path))) {
      const url = fill(route.path, owner.workspace.id);
      const payload = route.method === 'GET' || route.method === 'DELETE' ? undefined : sampleBody;
      const bySession = await stranger.caller.request(route.method as 'GET', url, payload);
      expect(bySession.status, `${route.method} ${route.path} as another workspace's member`).toBe(404);
      expect(bySession.body.error.code).toBe('not_found');
      const byKey = await new Caller(api.app, { token: strangerKey.token }).request(route.method as 'GET', url, payload);
      expect(byKey.status, `${route.method} ${route.path} with another workspace's key`).toBe(404);
    }
  });

  it('every workspace route answers 401 without credentials', async () => {
    for (const route of routes.filter((r) => isWorkspaceRoute(r.path))) {
      const reply = await new Caller(api.app).request(
        route.method as 'GET',
        fill(route.path, owner.workspace.id),
        route.method === 'GET' ? undefined : sampleBody,
      );
      expect(reply.status, `${route.method} ${route.path}`).toBe(401);
    }
  });

  it('a viewer gets 403 for every write (reads made with POST, like loading choices, are allowed)', async () => {
    const readsByPost = new Set(['/api/v1/workspaces/{ws}/apps/{app}/options']);
    for (const route of routes.filter((r) => isWorkspaceRoute(r.path) && r.method !== 'GET' && !readsByPost.has(r.path))) {
      const reply = await viewer.caller.request(
        route.method as 'POST',
        fill(route.path, owner.workspace.id),
        route.method === 'DELETE' ? undefined : sampleBody,
      );
      expect(reply.status, `${route.method} ${route.path} as viewer`).toBe(403);
    }
  });

  it('malformed JSON, wrong types, missing fields, huge strings and odd ids never give a 5xx', async () => {
    const ws = (await owner.caller.post('/api/v1/workspaces', { name: 'fuzz target' })).body.id as string;
    const bodies: unknown[] = [
      '{"name":',
      '[]',
      '123',
      '"text"',
      'null',
      {},
      { name: 42, email: [], role: 'god' },
      { name: 'x'.repeat(300_000) },
      { name: '\u0000\ud800\uffff🙂', email: 'ü@ß.example', role: 'viewer' },
      JSON.parse('{"__proto__": {"admin": true}, "constructor": {"prototype": 1}}'),
    ];
    const ids = ['..%2F..%2Fetc%2Fpasswd', '%00', 'x'.repeat(180), '%F0%9F%99%82', `ws_${'a'.repeat(26)}`];
    const queries = ['?limit=-1', '?limit=abc', '?limit=100000', '?cursor=%FF%FE', `?cursor=${'a'.repeat(500)}`];
    const seen: string[] = [];
    for (const route of routes) {
      for (const body of bodies) {
        if (route.method === 'DELETE' && route.path === '/api/v1/workspaces/{ws}') continue; // deleting the target ends the sweep
        const reply = await owner.caller.request(route.method as 'POST', fill(route.path, ws, 'zz_missing'), typeof body === 'string' ? body : body, {
          'content-type': 'application/json',
        });
        expect(reply.status, `${route.method} ${route.path} body ${String(JSON.stringify(body)).slice(0, 40)}`).toBeLessThan(500);
        seen.push(`${reply.status}`);
      }
      for (const id of ids) {
        const reply = await owner.caller.request(
          route.method as 'GET',
          fill(route.path, isWorkspaceRoute(route.path) ? id : ws, id),
          route.method === 'GET' ? undefined : sampleBody,
        );
        expect(reply.status, `${route.method} ${route.path} id ${id.slice(0, 20)}`).toBeLessThan(500);
      }
      if (route.method === 'GET') {
        for (const query of queries) {
          const reply = await owner.caller.get(fill(route.path, ws) + query);
          expect(reply.status, `${route.method} ${route.path}${query.slice(0, 30)}`).toBeLessThan(500);
        }
      }
    }
    // The sweep exercised the rejection paths, not just 404s.
    expect(seen).toContain('400');
    expect(seen).toContain('422');
  });

  it('every GET route answers a success (never a 5xx) for objects that exist', async () => {
    // Its own account: the fuzz above also calls logout with the owner's cookie.
    const owner = await signup(api.app, 'sweep-real');
    const ws = owner.workspace.id;
    const zap = await owner.caller.post(`/api/v1/workspaces/${ws}/zaps`, { name: 'real', trigger: { app: 'webhooks', event: 'catch_hook' }, steps: [] });
    const test = await owner.caller.post(`/api/v1/workspaces/${ws}/zaps/${zap.body.id}/test`, {});
    const key = await mintKey(owner);
    const connection = await owner.caller.post(`/api/v1/workspaces/${ws}/connections`, {
      app: 'testing_account',
      name: 'acct',
      credentials: { token: 'good-token' },
    });
    const ids: Record<string, string> = {
      ws,
      zapId: zap.body.id,
      runId: test.body.id,
      userId: owner.user.id,
      keyId: key.id,
      connectionId: connection.body.id,
      app: 'testing',
    };
    for (const route of routes.filter((r) => r.method === 'GET')) {
      const url = route.path.replace(/\{([^}]+)\}/g, (_, name: string) => ids[name] ?? 'missing');
      const reply = await owner.caller.get(url + (url.includes('/runs') && !url.includes('/runs/') ? '?includeTests=true' : ''));
      expect(reply.status, `GET ${url}`).toBeLessThan(300);
    }
  });

  it('malformed JSON is 400 invalid_json and a wrong type is 422 naming the field', async () => {
    const bad = await owner.caller.request('POST', '/api/v1/workspaces', '{"name":', { 'content-type': 'application/json' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_json');
    // Valid JSON whose keys could poison a prototype is refused too, and the message says so.
    const poisoned = await owner.caller.request('POST', '/api/v1/workspaces', '{"name":"x","__proto__":{"admin":true}}', {
      'content-type': 'application/json',
    });
    expect(poisoned.status).toBe(400);
    expect(poisoned.body.error).toMatchObject({ code: 'invalid_json', message: expect.stringContaining('"__proto__" or "constructor.prototype" key') });
    const wrong = await owner.caller.post('/api/v1/workspaces', { name: 42 });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.details).toEqual([expect.objectContaining({ path: 'body.name' })]);
  });

  it('an empty JSON body is no body where the route can do without one (publish, unpublish, run, replay), and 400 where one is required', async () => {
    // A fresh account: the sweeps above end the owner's session.
    const account = await signup(api.app, 'empty-bodies');
    const json = { 'content-type': 'application/json' };
    const zaps = `/api/v1/workspaces/${account.workspace.id}/zaps`;
    const zap = await account.caller.post(zaps, { name: 'Empty bodies', trigger: { app: 'webhooks', event: 'catch_hook' }, steps: [] });
    const published = await account.caller.request('POST', `${zaps}/${zap.body.id}/publish`, '', json);
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    const run = await account.caller.request('POST', `${zaps}/${zap.body.id}/run`, '', json);
    expect(run.status, JSON.stringify(run.body)).toBe(202);
    // No worker runs here: the run is finished by hand, as one would be, so that it can be replayed.
    await api.deps.db.prisma.run.update({ where: { id: run.body.runId }, data: { status: 'succeeded', finishedAt: new Date() } });
    const replay = await account.caller.request('POST', `/api/v1/workspaces/${account.workspace.id}/runs/${run.body.runId}/replay`, '', json);
    expect(replay.status, JSON.stringify(replay.body)).toBe(202);
    // With no body and no Content-Type at all, the replay takes its default too.
    const bare = await account.caller.request('POST', `/api/v1/workspaces/${account.workspace.id}/runs/${run.body.runId}/replay`);
    expect(bare.status, JSON.stringify(bare.body)).toBe(202);
    const unpublished = await account.caller.request('POST', `${zaps}/${zap.body.id}/unpublish`, '', json);
    expect(unpublished.status, JSON.stringify(unpublished.body)).toBe(200);

    const required = await account.caller.request('POST', zaps, '', json);
    expect(required.status).toBe(400);
    expect(required.body.error).toMatchObject({ code: 'invalid_json', message: 'The request says its body is JSON but the body is empty.' });
  });

  it('an unknown route answers 404 in the error envelope', async () => {
    const reply = await owner.caller.get('/api/v1/nothing-here');
    expect(reply.status).toBe(404);
    expect(reply.body.error).toMatchObject({ code: 'route_not_found', message: expect.stringContaining('/api/v1/nothing-here') });
  });

  it('a body that is not JSON is 415, whatever its type says', async () => {
    for (const type of ['application/x-www-form-urlencoded', 'text/plain']) {
      const reply = await owner.caller.request('POST', '/api/v1/workspaces', 'name=x', { 'content-type': type });
      expect(reply.status, type).toBe(415);
      expect(reply.body.error.code).toBe('unsupported_media_type');
    }
  });
});
