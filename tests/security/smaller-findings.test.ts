// The smaller findings of the adversarial test, through a running stack: a `__proto__` key in a hook body, and the
// redirect mode of fetch in code steps.
import { startLocalServer, startStack, StackClient, TESTING_APPS_MODULE, type LocalServer, type Stack } from '@switchyard/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let service: LocalServer;
let stack: Stack;
let client: StackClient;
let ws: string;

beforeAll(async () => {
  // An allowed outside service that redirects on /redirect and says which path it was asked for otherwise.
  service = await startLocalServer((request, response) => {
    if (request.url.startsWith('/redirect')) {
      response.writeHead(302, { location: '/landed' }).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ path: request.url }));
  });
  stack = await startStack({ workers: 1, env: { CONNECTOR_MODULES: TESTING_APPS_MODULE, OUTBOUND_ALLOW: `127.0.0.1:${service.port}` } });
  client = new StackClient(stack.url);
  const signup = await client.request('POST', '/api/v1/auth/signup', {
    email: 'smaller@security.example',
    password: 'smaller-findings-pw',
    workspaceName: 'S',
  });
  expect(signup.status, JSON.stringify(signup.body)).toBe(201);
  ws = signup.body.workspace.id;
});

afterAll(async () => {
  await stack?.stop();
  await service?.close();
});

/** Publishes a catch-hook zap, sends it one JSON body and returns the finished run's detail. */
async function runWith(steps: unknown[], body: string) {
  const created = await client.request('POST', `/api/v1/workspaces/${ws}/zaps`, { name: 'finding', trigger: { app: 'webhooks', event: 'catch_hook' }, steps });
  expect((await client.request('POST', `/api/v1/workspaces/${ws}/zaps/${created.body.id}/publish`)).status).toBe(200);
  const sent = await fetch(created.body.hookUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  expect(sent.status).toBe(200);
  return client.until('the run to finish', async () => {
    const [run] = (await client.request('GET', `/api/v1/workspaces/${ws}/runs?zapId=${created.body.id}`)).body.data as Array<{ id: string; status: string }>;
    if (!run || !['succeeded', 'failed'].includes(run.status)) return undefined;
    return (await client.request('GET', `/api/v1/workspaces/${ws}/runs/${run.id}`)).body;
  });
}

const own = (value: unknown, key: string): unknown => Object.getOwnPropertyDescriptor(value, key)?.value;

describe('smaller findings', () => {
  it('a __proto__ key in a hook body is one ordinary key: a template reads it, code sees it and the history keeps it', async () => {
    const run = await runWith(
      [
        {
          key: 'read',
          type: 'code',
          input: {
            code: 'return { x: input.x, kept: Object.keys(input.body).includes("__proto__"), polluted: ({}).x !== undefined };',
            inputData: { x: '{{trigger.body.__proto__.x}}', body: '{{trigger.body}}' },
          },
        },
      ],
      '{"__proto__": {"x": 1}, "a": 1}',
    );
    expect(run.status).toBe('succeeded');
    expect(own(run.trigger.data.body, '__proto__')).toEqual({ x: 1 });
    expect(own(run.steps[0].input.inputData.body, '__proto__')).toEqual({ x: 1 });
    expect(run.steps[0].output).toEqual({ x: 1, kept: true, polluted: false });
  });

  it("fetch in code honours redirect: 'manual' and 'error', and follows by default", async () => {
    const code = `
      const url = input.origin + '/redirect';
      const followed = await fetch(url);
      const manual = await fetch(url, { redirect: 'manual' });
      let refused = null;
      try { await fetch(url, { redirect: 'error' }); } catch (error) { refused = error.name; }
      return { followed: [followed.status, (await followed.json()).path], manual: [manual.status, manual.headers.get('location')], refused };`;
    const run = await runWith([{ key: 'fetch', type: 'code', input: { code, inputData: { origin: service.origin } } }], '{}');
    expect(run.status, JSON.stringify(run.steps)).toBe('succeeded');
    expect(run.steps[0].output).toEqual({ followed: [200, '/landed'], manual: [302, '/landed'], refused: 'TypeError' });
    // Follow made two requests, manual and error one each: the redirect's target was asked for once.
    expect(run.steps[0].requests.map((request: { status: number }) => request.status)).toEqual([302, 200, 302, 302]);
  });
});
