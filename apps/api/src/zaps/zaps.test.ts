import { REDACTED } from '@switchyard/connectors';
import { startLocalServer, TESTING_APPS_MODULE, type LocalServer } from '@switchyard/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, Caller, signup, startTestApi, type Account, type TestApi } from '../../test/harness.ts';

let api: TestApi;
let owner: Account;
let zaps: string;
/** A service that answers with the URL and headers it received. */
let echoService: LocalServer;

beforeAll(async () => {
  echoService = await startLocalServer((request, response) =>
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ url: request.url, headers: request.headers })),
  );
  api = await startTestApi({ CONNECTOR_MODULES: TESTING_APPS_MODULE, OUTBOUND_ALLOW: `127.0.0.1:${echoService.port}` });
  owner = await signup(api.app, 'zaps');
  zaps = `/api/v1/workspaces/${owner.workspace.id}/zaps`;
});
afterAll(async () => {
  await api.close();
  await echoService.close();
});

const hookZap = (steps: unknown[] = []) => ({ name: 'Hook zap', trigger: { app: 'webhooks', event: 'catch_hook' }, steps });
const echo = (key: string, input: object) => ({ key, type: 'action', app: 'testing', action: 'echo', input });

describe('zaps', () => {
  it('creates a zap that is off, with a catch-hook URL under PUBLIC_URL', async () => {
    const reply = await owner.caller.post(zaps, hookZap([echo('first', { value: '{{trigger.body.name}}' })]));
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ status: 'off', publishedVersion: null, draftDiffers: true, name: 'Hook zap' });
    expect(reply.body.hookUrl).toMatch(new RegExp(`^http://localhost:3000/hooks/catch/${owner.workspace.id}/[A-Za-z0-9_-]{32}$`));
    const list = await owner.caller.get(zaps);
    expect(list.body.data.map((z: { id: string }) => z.id)).toContain(reply.body.id);
    expect((await owner.caller.get(`${zaps}/${reply.body.id}`)).body.hookUrl).toBe(reply.body.hookUrl);
  });

  it('publishing lists every problem at once with 422', async () => {
    const created = await owner.caller.post(
      zaps,
      hookZap([
        { key: 'a', type: 'action', app: 'nope', action: 'x', input: {} },
        { key: 'b', type: 'action', app: 'testing', action: 'call', input: {} },
        echo('c', { value: '{{steps.later.value}}' }),
        echo('later', {}),
        { key: 'd', type: 'action', app: 'testing', action: 'echo', connectionId: 'con_missing', input: {} },
      ]),
    );
    const reply = await owner.caller.post(`${zaps}/${created.body.id}/publish`);
    expect(reply.status).toBe(422);
    expect(reply.body.error.code).toBe('zap_invalid');
    const codes = reply.body.error.details.map((d: { code: string }) => d.code);
    expect(codes).toEqual(expect.arrayContaining(['unknown_app', 'missing_input', 'bad_reference']));
    expect(reply.body.error.details.find((d: { code: string }) => d.code === 'missing_input')).toMatchObject({ stepKey: 'b', path: 'steps[1].input.url' });
    expect((await owner.caller.get(`${zaps}/${created.body.id}`)).body.status).toBe('off');
    const problems = await owner.caller.get(`${zaps}/${created.body.id}/problems`);
    expect(problems.body.problems.length).toBe(reply.body.error.details.length);
  });

  it('publishing a schedule whose cron expression cannot fire names the field and the reason', async () => {
    const schedule = { app: 'schedule', event: 'schedule', input: { frequency: 'cron', cron: '0 9 * * 8', timezone: 'Europe/Prague' } };
    const created = await owner.caller.post(zaps, { name: 'Weekday report', trigger: schedule, steps: [] });
    const reply = await owner.caller.post(`${zaps}/${created.body.id}/publish`);
    expect(reply.status).toBe(422);
    expect(reply.body.error.details).toEqual([{ path: 'trigger.input.cron', code: 'invalid_input', message: 'Invalid value for day-of-week: 8' }]);
    expect((await owner.caller.get(`${zaps}/${created.body.id}`)).body.status).toBe('off');
  });

  it('a published zap keeps its version while the draft changes, and runs record the version', async () => {
    const created = await owner.caller.post(zaps, hookZap([echo('first', { value: 'v1' })]));
    const published = await owner.caller.post(`${zaps}/${created.body.id}/publish`);
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ status: 'on', publishedVersion: 1, draftDiffers: false });
    const edited = await owner.caller.put(`${zaps}/${created.body.id}`, { ...hookZap([echo('first', { value: 'v2' })]), name: 'Edited' });
    expect(edited.body).toMatchObject({ status: 'on', publishedVersion: 1, draftDiffers: true, name: 'Edited' });
    const hook = await new Caller(api.app).post(new URL(created.body.hookUrl).pathname, { hello: 'world' });
    expect(hook.status).toBe(200);
    const run = await api.deps.db.prisma.run.findFirstOrThrow({ where: { zapId: created.body.id }, include: { version: true } });
    expect(run.zapVersion).toBe(1);
    expect(run.version?.definition).toMatchObject({ steps: [{ input: { value: 'v1' } }] });
    // The list and the zap itself show the latest run.
    const lastRun = { id: run.id, status: run.status, createdAt: run.createdAt.toISOString(), finishedAt: null };
    expect((await owner.caller.get(zaps)).body.data.find((z: { id: string }) => z.id === created.body.id).lastRun).toEqual(lastRun);
    expect((await owner.caller.get(`${zaps}/${created.body.id}`)).body.lastRun).toEqual(lastRun);
    const again = await owner.caller.post(`${zaps}/${created.body.id}/publish`);
    expect(again.body).toMatchObject({ publishedVersion: 2, draftDiffers: false });
    expect((await owner.caller.post(`${zaps}/${created.body.id}/unpublish`)).body.status).toBe('off');
  });

  it('test runs the draft with the sample given and shows each step with its filled-in input', async () => {
    const created = await owner.caller.post(
      zaps,
      hookZap([
        echo('greet', { value: 'Hello {{trigger.body.name}}', count: '{{trigger.body.count}}' }),
        { key: 'only_big', type: 'filter', conditions: [[{ left: '{{trigger.body.count}}', op: 'gt', right: 5 }]] },
        echo('after', { value: '{{steps.greet.value}}!' }),
      ]),
    );
    const big = await owner.caller.post(`${zaps}/${created.body.id}/test`, { triggerSample: { body: { name: 'Ada', count: 9 } } });
    expect(big.status).toBe(200);
    expect(big.body.status).toBe('succeeded');
    expect(big.body.steps.map((s: { key: string }) => s.key)).toEqual(['greet', 'only_big', 'after']);
    expect(big.body.steps[0].input).toEqual({ value: 'Hello Ada', count: 9 });
    expect(big.body.steps[2].output).toEqual({ value: 'Hello Ada!' });
    const small = await owner.caller.post(`${zaps}/${created.body.id}/test`, { triggerSample: { body: { name: 'Bo', count: 1 } } });
    expect(small.body.status).toBe('filtered');
    const upTo = await owner.caller.post(`${zaps}/${created.body.id}/test`, { triggerSample: { body: { name: 'C', count: 9 } }, upToStep: 'greet' });
    expect(upTo.body.steps.map((s: { key: string }) => s.key)).toEqual(['greet']);
    // Test runs stay out of the history unless asked for.
    const history = await owner.caller.get(`/api/v1/workspaces/${owner.workspace.id}/runs?zapId=${created.body.id}`);
    expect(history.body.data).toEqual([]);
    const withTests = await owner.caller.get(`/api/v1/workspaces/${owner.workspace.id}/runs?zapId=${created.body.id}&includeTests=true`);
    expect(withTests.body.data).toHaveLength(3);
    // Nor do they count as the zap's last run.
    expect((await owner.caller.get(`${zaps}/${created.body.id}`)).body.lastRun).toBeNull();
  });

  it('test without a sample uses the trigger’s own sample data', async () => {
    const created = await owner.caller.post(zaps, hookZap([echo('e', { value: '{{trigger.body.email}}' })]));
    const reply = await owner.caller.post(`${zaps}/${created.body.id}/test`, {});
    expect(reply.body.steps[0].output).toEqual({ value: 'jane@example.com' });
  });

  it('exports without ids or connections, and imports as a new zap', async () => {
    const created = await owner.caller.post(zaps, hookZap([{ ...echo('e', { value: 1 }), connectionId: 'con_x' }]));
    const exported = await owner.caller.get(`${zaps}/${created.body.id}/export`);
    expect(exported.body.switchyard).toBe(1);
    expect(JSON.stringify(exported.body)).not.toContain('con_x');
    expect(JSON.stringify(exported.body)).not.toContain(created.body.id);
    const imported = await owner.caller.post(`${zaps}/import`, exported.body);
    expect(imported.status).toBe(201);
    expect(imported.body.id).not.toBe(created.body.id);
    expect(imported.body.steps).toEqual(exported.body.zap.steps);
  });

  it('deleting a zap removes it and its hook', async () => {
    const created = await owner.caller.post(zaps, hookZap());
    await owner.caller.post(`${zaps}/${created.body.id}/publish`);
    expect((await owner.caller.delete(`${zaps}/${created.body.id}`)).status).toBe(204);
    expect((await owner.caller.get(`${zaps}/${created.body.id}`)).status).toBe(404);
    expect((await new Caller(api.app).post(new URL(created.body.hookUrl).pathname, {})).status).toBe(404);
  });

  it('a list filter with a control character (NUL, escape) is a 400 naming the parameter, not a database error', async () => {
    await owner.caller.post(zaps, hookZap());
    for (const [url, parameter] of [
      [`${zaps}?q=a%00b`, 'q'],
      [`${zaps}?q=%1B%5B31m`, 'q'],
      [`/api/v1/workspaces/${owner.workspace.id}/connections?app=x%00`, 'app'],
      [`/api/v1/workspaces/${owner.workspace.id}/audit-log?action=%7F`, 'action'],
    ] as const) {
      const reply = await owner.caller.get(url);
      expect(reply.status, url).toBe(400);
      expect(reply.body.error).toMatchObject({ code: 'invalid_query', details: [{ path: `querystring.${parameter}` }] });
    }
    expect((await owner.caller.get(`${zaps}?q=Hook`)).body.data.length).toBeGreaterThan(0);
  });

  it('rejects a zap document that is malformed, listing the fields', async () => {
    const reply = await owner.caller.post(zaps, { name: '', trigger: { app: 'webhooks' }, steps: [{ key: '1bad', type: 'teleport' }] });
    expect(reply.status).toBe(422);
    expect(reply.body.error.details.length).toBeGreaterThanOrEqual(2);
  });

  it('viewers see a zap without the credentials typed into its steps; editors see them to edit them', async () => {
    const viewer = await signup(api.app, 'zaps-viewer');
    await addMember(owner, viewer, 'viewer');
    const created = await owner.caller.post(
      zaps,
      hookZap([
        {
          key: 'call',
          type: 'action',
          app: 'http',
          action: 'request',
          input: { method: 'GET', url: 'https://example.com', authType: 'bearer', token: 'typed-in-secret' },
        },
      ]),
    );
    expect((await owner.caller.get(`${zaps}/${created.body.id}`)).body.steps[0].input.token).toBe('typed-in-secret');
    const seen = await viewer.caller.get(`${zaps}/${created.body.id}`);
    expect(seen.body.steps[0].input.url).toBe('https://example.com');
    expect(JSON.stringify(seen.body)).not.toContain('typed-in-secret');
    expect(JSON.stringify((await viewer.caller.get(zaps)).body)).not.toContain('typed-in-secret');
  });

  it('credentials typed into a step’s headers, query and URL stay out of test replies, exports, viewers’ view and logs', async () => {
    const viewer = await signup(api.app, 'zaps-typed-viewer');
    await addMember(owner, viewer, 'viewer');
    const typed = ['typed-bearer-api', 'typed-key-api', 'typed-query-api', 'typed-url-pass-api'];
    const input = {
      url: `http://ann:typed-url-pass-api@127.0.0.1:${echoService.port}/echo?api_key=typed-query-api&page=2`,
      headers: { Authorization: 'Bearer typed-bearer-api', 'X-Api-Key': 'typed-key-api', 'X-Request-Id': 'r-1' },
    };
    const mapped = { url: `${echoService.origin}/echo?token={{trigger.body.token}}`, headers: { Authorization: 'Bearer {{trigger.body.token}}' } };
    const created = await owner.caller.post(
      zaps,
      hookZap([
        { key: 'call', type: 'action', app: 'http', action: 'request', input },
        { key: 'mapped', type: 'action', app: 'http', action: 'request', input: mapped },
      ]),
    );
    const leaks = (text: string) => typed.filter((secret) => text.includes(secret) || text.includes(Buffer.from(`ann:${secret}`).toString('base64')));

    const tested = await owner.caller.post(`${zaps}/${created.body.id}/test`, { triggerSample: { body: { token: 'sample-token' } } });
    expect(tested.body.status).toBe('succeeded');
    expect(leaks(JSON.stringify(tested.body))).toEqual([]);
    expect(tested.body.steps[0].input.headers).toEqual({ Authorization: REDACTED, 'X-Api-Key': REDACTED, 'X-Request-Id': 'r-1' });
    expect(tested.body.steps[0].output.body.headers['x-request-id']).toBe('r-1');
    const history = await owner.caller.get(`/api/v1/workspaces/${owner.workspace.id}/runs/${tested.body.id}`);
    expect(leaks(JSON.stringify(history.body))).toEqual([]);

    // The export keeps what a mapping says (a template is no secret) and marks what was left out.
    const exported = await owner.caller.get(`${zaps}/${created.body.id}/export`);
    expect(leaks(JSON.stringify(exported.body))).toEqual([]);
    expect(exported.body.zap.steps[0].input).toEqual({
      url: `http://ann:${REDACTED}@127.0.0.1:${echoService.port}/echo?api_key=${REDACTED}&page=2`,
      headers: { Authorization: REDACTED, 'X-Api-Key': REDACTED, 'X-Request-Id': 'r-1' },
    });
    expect(exported.body.zap.steps[1].input).toEqual(mapped);

    expect(leaks(JSON.stringify((await viewer.caller.get(`${zaps}/${created.body.id}`)).body))).toEqual([]);
    expect(leaks(JSON.stringify((await viewer.caller.get(zaps)).body))).toEqual([]);
    // Editors edit the draft, so they see what they typed.
    expect((await owner.caller.get(`${zaps}/${created.body.id}`)).body.steps[0].input).toEqual(input);
    expect(leaks(api.logs.join('\n'))).toEqual([]);
  });

  it('a zap of another workspace is 404 everywhere', async () => {
    const stranger = await signup(api.app, 'zaps-stranger');
    const created = await owner.caller.post(zaps, hookZap());
    for (const path of ['', '/publish', '/unpublish', '/test', '/export', '/problems']) {
      const url = `/api/v1/workspaces/${stranger.workspace.id}/zaps/${created.body.id}${path}`;
      const reply = path === '' || path === '/export' || path === '/problems' ? await stranger.caller.get(url) : await stranger.caller.post(url, {});
      expect(reply.status, url).toBe(404);
    }
  });
});
