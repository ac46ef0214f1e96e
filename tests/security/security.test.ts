// The security suite over real HTTP against a running stack: tenancy on every route, a fuzzer, SSRF and sandbox escapes
// through published zaps, browser protections, and finally a scan of everything received and logged for the secrets used.
import { randomBytes } from 'node:crypto';
import { createOutboundGuard, parseOutboundAllow } from '@switchyard/connectors';
import { startLocalServer, startStack, TESTING_APPS_MODULE, type LocalServer, type Stack } from '@switchyard/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, sessionCookie, Transcript, type Exchange } from '../support/api-client.ts';
import { fuzzCases, seededRandom, sendCases, type FuzzResult, type FuzzRoute } from './fuzz.ts';
import { SECURITY_PROBE_MODULE } from './probe-app.ts';

const distinctive = (label: string) => `${label}-${randomBytes(12).toString('hex')}`;

/** A secret the suite configured, and the one reply (if any) that may carry it: the one that handed it out. */
interface Secret {
  name: string;
  value: string;
  origin?: { exchange: Exchange; part: 'headers' | 'body' };
  /** Replies that legitimately hold it besides (a zap's own definition holds the credentials typed into its steps). */
  allowed?: (exchange: Exchange) => boolean;
  /** Capabilities handed out in replies by design (catch-hook keys): only logs must never hold them. */
  logsOnly?: boolean;
}

const transcript = new Transcript();
const secrets: Secret[] = [];
const probeToken = distinctive('probe-token');
const httpBearer = distinctive('http-bearer');
const httpPassword = distinctive('http-basic-password');
/** Credentials typed into ordinary fields of an HTTP step: a header, query parameters, a URL's userinfo. */
const typed = {
  authorization: distinctive('typed-authorization'),
  apiKeyHeader: distinctive('typed-x-api-key'),
  apiKeyParameter: distinctive('typed-api-key-parameter'),
  tokenParameter: distinctive('typed-token-parameter'),
  urlPassword: distinctive('typed-url-password'),
};
/** How a service echoes a Basic credential: base64 of `user:password`. */
const basicPair = (password: string) => Buffer.from(`ann:${password}`).toString('base64');
// testing_account's live connection test accepts exactly this token (packages/testing/src/apps.ts); the probe app's is distinctive.
const TESTING_ACCOUNT_TOKEN = 'good-token';
const zapDefinitionReply = (exchange: Exchange) =>
  /\/zaps(\/[^/?]+)?(\/(publish|unpublish))?(\?.*)?$/.test(exchange.path) && !/\/export(\?|$)/.test(exchange.path);

interface Account {
  email: string;
  userId: string;
  ws: string;
  session: ApiClient;
}

let service: LocalServer;
let stack: Stack;
let api: ApiClient;
let owner: Account;
let viewer: Account;
let stranger: Account;
let fuzzer: Account;
let ownerKey: { id: string; token: string };
let strangerKey: { id: string; token: string };
let fuzzerKey: { id: string; token: string };
const fixtures: Record<string, string> = {};
let fuzzHook: { ws: string; key: string; zapId: string };

async function signup(label: string): Promise<Account> {
  const password = distinctive(`pw-${label}`);
  const email = `${label}.${randomBytes(3).toString('hex')}@security.example`;
  const reply = await api.post('/api/v1/auth/signup', { email, password, workspaceName: `${label} workspace` });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  const { token } = sessionCookie(reply);
  secrets.push(
    { name: `${label}'s password`, value: password },
    { name: `${label}'s session cookie`, value: token, origin: { exchange: reply.exchange, part: 'headers' } },
  );
  // A second session through login, so the login path is scanned as well.
  const login = await api.post('/api/v1/auth/login', { email, password });
  expect(login.status).toBe(200);
  const second = sessionCookie(login);
  secrets.push({ name: `${label}'s login session cookie`, value: second.token, origin: { exchange: login.exchange, part: 'headers' } });
  return { email, userId: reply.body.user.id, ws: reply.body.workspace.id, session: api.as({ cookie: second.cookie }) };
}

async function mintKey(account: Account, name: string): Promise<{ id: string; token: string }> {
  const reply = await account.session.post(`/api/v1/workspaces/${account.ws}/api-keys`, { name });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  secrets.push({ name: `API key ${name}`, value: reply.body.token, origin: { exchange: reply.exchange, part: 'body' } });
  return { id: reply.body.id, token: reply.body.token };
}

async function publishZap(account: Account, name: string, steps: unknown[]): Promise<{ id: string; hookUrl: string }> {
  const created = await account.session.post(`/api/v1/workspaces/${account.ws}/zaps`, { name, trigger: { app: 'webhooks', event: 'catch_hook' }, steps });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const published = await account.session.post(`/api/v1/workspaces/${account.ws}/zaps/${created.body.id}/publish`);
  expect(published.status, JSON.stringify(published.body)).toBe(200);
  secrets.push({ name: `catch-hook key of ${name}`, value: new URL(created.body.hookUrl).pathname.split('/').at(-1)!, logsOnly: true });
  return created.body;
}

/** Sends one request to a hook and waits for the run it made to finish; returns the run with its steps. */
async function runOnce(account: Account, zap: { id: string; hookUrl: string }, body: unknown = {}, timeoutMs = 30_000) {
  const before = new Set(
    ((await account.session.get(`/api/v1/workspaces/${account.ws}/runs?zapId=${zap.id}&limit=200`)).body.data as Array<{ id: string }>).map((run) => run.id),
  );
  const hook = await fetch(zap.hookUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(hook.status).toBe(200);
  return account.session.until(
    `a finished run of ${zap.id}`,
    async () => {
      const runs = (await account.session.get(`/api/v1/workspaces/${account.ws}/runs?zapId=${zap.id}&limit=200`)).body.data as Array<{
        id: string;
        status: string;
      }>;
      const run = runs.find((candidate) => !before.has(candidate.id) && ['succeeded', 'failed', 'filtered'].includes(candidate.status));
      return run ? (await account.session.get(`/api/v1/workspaces/${account.ws}/runs/${run.id}`)).body : undefined;
    },
    timeoutMs,
  );
}

beforeAll(async () => {
  // The one outside service the stack may reach: it echoes what it gets, and redirects to a refused address on demand.
  service = await startLocalServer((request, response) => {
    if (request.url.startsWith('/redirect')) {
      response.writeHead(302, { location: 'http://127.0.0.1:6379/' }).end();
      return;
    }
    response
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ method: request.method, url: request.url, headers: request.headers, body: request.body }));
  });
  stack = await startStack({
    workers: 1,
    env: {
      CONNECTOR_MODULES: `${TESTING_APPS_MODULE},${SECURITY_PROBE_MODULE}`,
      OUTBOUND_ALLOW: `127.0.0.1:${service.port}`,
      // The fuzz sends 10,000 requests in about 20 s from one session, beyond the per-session limit (which
      // load-shedding.test.ts proves); here it must reach the routes it probes.
      API_RATE_PER_MINUTE: '1000000',
      SECURITY_PROBE_TOKEN: probeToken,
      CODE_TIMEOUT_MS: '8000', // long enough that only the memory limit stops a memory bomb, even on a busy machine
      // Many runs here fail on purpose; none of the zaps may switch itself off midway.
      ZAP_MAX_CONSECUTIVE_FAILURES: '0',
    },
  });
  api = new ApiClient(stack.url, transcript);
  secrets.push({ name: 'testing_account connection token', value: TESTING_ACCOUNT_TOKEN }, { name: 'probe connection token', value: probeToken });
  secrets.push(
    { name: 'HTTP step bearer token', value: httpBearer, allowed: zapDefinitionReply },
    { name: 'HTTP step basic-auth password', value: httpPassword, allowed: zapDefinitionReply },
    { name: 'HTTP step basic-auth pair, base64', value: basicPair(httpPassword) },
    { name: 'Authorization header typed into an HTTP step', value: typed.authorization, allowed: zapDefinitionReply },
    { name: 'X-Api-Key header typed into an HTTP step', value: typed.apiKeyHeader, allowed: zapDefinitionReply },
    { name: 'api_key parameter typed into an HTTP step', value: typed.apiKeyParameter, allowed: zapDefinitionReply },
    { name: 'token parameter typed into an HTTP step', value: typed.tokenParameter, allowed: zapDefinitionReply },
    { name: 'URL password typed into an HTTP step', value: typed.urlPassword, allowed: zapDefinitionReply },
    { name: 'URL user:password typed into an HTTP step, base64', value: basicPair(typed.urlPassword) },
  );

  owner = await signup('owner');
  viewer = await signup('viewer');
  stranger = await signup('stranger');
  fuzzer = await signup('fuzzer');
  expect((await owner.session.post(`/api/v1/workspaces/${owner.ws}/members`, { email: viewer.email, role: 'viewer' })).status).toBe(201);
  ownerKey = await mintKey(owner, 'owner key');
  strangerKey = await mintKey(stranger, 'stranger key');
  fuzzerKey = await mintKey(fuzzer, 'fuzzer key');

  const account = await owner.session.post(`/api/v1/workspaces/${owner.ws}/connections`, {
    app: 'testing_account',
    name: 'Account',
    credentials: { token: TESTING_ACCOUNT_TOKEN },
  });
  expect(account.status, JSON.stringify(account.body)).toBe(201);
  const probe = await owner.session.post(`/api/v1/workspaces/${owner.ws}/connections`, {
    app: 'security_probe',
    name: 'Probe',
    credentials: { token: probeToken },
  });
  expect(probe.status, JSON.stringify(probe.body)).toBe(201);
  expect((await owner.session.post(`/api/v1/workspaces/${owner.ws}/connections/${probe.body.id}/test`)).body).toMatchObject({ ok: true });
  const zap = await publishZap(owner, 'Secrets at work', [
    { key: 'probe', type: 'action', app: 'security_probe', action: 'send', connectionId: probe.body.id, input: { url: `${service.origin}/probe` } },
    { key: 'whoami', type: 'action', app: 'testing_account', action: 'whoami', connectionId: account.body.id, input: { list: 'a' } },
    {
      key: 'bearer',
      type: 'action',
      app: 'http',
      action: 'request',
      input: { method: 'POST', url: `${service.origin}/bearer`, authType: 'bearer', token: httpBearer, bodyType: 'json', jsonBody: { hello: 'world' } },
    },
    {
      key: 'basic',
      type: 'action',
      app: 'http',
      action: 'request',
      input: { url: `${service.origin}/basic`, authType: 'basic', username: 'ann', password: httpPassword },
    },
    {
      key: 'typed_headers',
      type: 'action',
      app: 'http',
      action: 'request',
      input: {
        url: `${service.origin}/typed?api_key=${typed.apiKeyParameter}&page=2`,
        query: { token: typed.tokenParameter },
        headers: { Authorization: `Bearer ${typed.authorization}`, 'X-Api-Key': typed.apiKeyHeader },
      },
    },
    {
      key: 'typed_userinfo',
      type: 'action',
      app: 'http',
      action: 'request',
      input: { url: `http://ann:${typed.urlPassword}@127.0.0.1:${service.port}/userinfo` },
    },
  ]);
  const run = await runOnce(owner, zap, { contact: 'ada@example.com' });
  expect(run.status, JSON.stringify(run)).toBe('succeeded');
  // The exported document and a test run's reply are replies like any other; they must carry no secret.
  expect((await owner.session.get(`/api/v1/workspaces/${owner.ws}/zaps/${zap.id}/export`)).status).toBe(200);
  const tested = await owner.session.post(`/api/v1/workspaces/${owner.ws}/zaps/${zap.id}/test`, { triggerSample: { contact: 'ada@example.com' } });
  expect(tested.body.status, JSON.stringify(tested.body)).toBe('succeeded');
  Object.assign(fixtures, {
    ws: owner.ws,
    zapId: zap.id,
    runId: run.id,
    connectionId: probe.body.id,
    keyId: ownerKey.id,
    userId: owner.userId,
    app: 'testing',
  });
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  await service?.close();
});

async function documentedRoutes(): Promise<FuzzRoute[]> {
  const reply = await api.request('GET', '/api/docs', undefined, { accept: 'application/json' });
  expect(reply.status).toBe(200);
  const paths = reply.body.paths as Record<
    string,
    Record<string, { requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> } }>
  >;
  return Object.entries(paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .map(([method, operation]) => ({
        method: method.toUpperCase(),
        path,
        fields: Object.keys(operation.requestBody?.content?.['application/json']?.schema?.properties ?? {}),
      })),
  );
}

const fill = (path: string, values: Record<string, string>) => path.replace(/\{([^}]+)\}/g, (_, name: string) => values[name] ?? 'zz_unknown');
const sampleBody = {
  name: 'x',
  email: 'someone@example.com',
  role: 'viewer',
  password: 'plum orchard lantern',
  workspaceName: 'w',
  app: 'testing',
  credentials: {},
  from: 'start',
};
const PUBLIC_ROUTES = new Set([
  'POST /api/v1/auth/signup',
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/logout',
  'GET /api/v1/apps',
  'GET /api/v1/apps/{app}',
]);
// Reads made with POST (loading an action's choices) are open to viewers.
const READS_BY_POST = new Set(['POST /api/v1/workspaces/{ws}/apps/{app}/options']);

describe('tenancy on every documented route, over HTTP', () => {
  it('answers 404 to another workspace’s member and API key, 403 to a viewer’s writes and 401 without credentials, on every route, with real ids', async () => {
    const routes = await documentedRoutes();
    const workspaceRoutes = routes.filter((route) => route.path.includes('{ws}'));
    expect(workspaceRoutes.length).toBeGreaterThanOrEqual(20);
    const wrong: string[] = [];
    const expectStatus = async (who: string, client: ApiClient, route: FuzzRoute, expected: number, code?: string) => {
      const body = route.method === 'GET' || route.method === 'DELETE' ? undefined : sampleBody;
      const reply = await client.request(route.method, fill(route.path, fixtures), body);
      if (reply.status !== expected || (code && reply.body?.error?.code !== code))
        wrong.push(`${route.method} ${route.path} as ${who}: ${reply.status} ${reply.exchange.body.slice(0, 120)}`);
    };
    for (const route of workspaceRoutes) {
      await expectStatus('a member of another workspace', stranger.session, route, 404, 'not_found');
      await expectStatus('an API key of another workspace', api.as({ token: strangerKey.token }), route, 404, 'not_found');
      await expectStatus('nobody', api, route, 401, 'unauthorized');
      if (route.method !== 'GET' && !READS_BY_POST.has(`${route.method} ${route.path}`))
        await expectStatus('a viewer', viewer.session, route, 403, 'forbidden');
    }
    for (const route of routes.filter((r) => !r.path.includes('{ws}') && !PUBLIC_ROUTES.has(`${r.method} ${r.path}`))) {
      await expectStatus('nobody', api, route, 401, 'unauthorized');
    }
    expect(wrong).toEqual([]);

    // Nothing the sweep sent changed the owner's workspace.
    const asOwner = api.as({ token: ownerKey.token });
    expect((await asOwner.get(`/api/v1/workspaces/${owner.ws}/zaps/${fixtures.zapId}`)).body).toMatchObject({ status: 'on' });
    expect((await asOwner.get(`/api/v1/workspaces/${owner.ws}/connections/${fixtures.connectionId}`)).status).toBe(200);
    expect((await asOwner.get(`/api/v1/workspaces/${owner.ws}/runs/${fixtures.runId}`)).status).toBe(200);
    const members = (await asOwner.get(`/api/v1/workspaces/${owner.ws}/members`)).body.data as Array<{ email: string; role: string }>;
    expect(members.map((m) => `${m.email}:${m.role}`).sort()).toEqual([`${owner.email}:owner`, `${viewer.email}:viewer`].sort());
    expect((await asOwner.get(`/api/v1/workspaces/${owner.ws}`)).body).toMatchObject({ name: 'owner workspace' });
  });
});

describe('fuzzing', () => {
  it('10,000 malformed requests across every route and the catch hooks get no 5xx, always an answer, and errors in the envelope', async () => {
    const routes = await documentedRoutes();
    // The fuzzer's own workspace: a published hook, a draft zap, a run, a connection to aim at.
    const hookZap = await publishZap(fuzzer, 'Fuzzed hook', []);
    const draft = await fuzzer.session.post(`/api/v1/workspaces/${fuzzer.ws}/zaps`, {
      name: 'Fuzzed draft',
      trigger: { app: 'webhooks', event: 'catch_hook' },
      steps: [],
    });
    const run = await runOnce(fuzzer, hookZap);
    const connection = await fuzzer.session.post(`/api/v1/workspaces/${fuzzer.ws}/connections`, {
      app: 'testing_account',
      name: 'Fuzzed',
      credentials: { token: TESTING_ACCOUNT_TOKEN },
    });
    const [, hookWs, hookKey] = /\/hooks\/catch\/([^/]+)\/([^/]+)$/.exec(new URL(hookZap.hookUrl).pathname)!;
    fuzzHook = { ws: hookWs!, key: hookKey!, zapId: hookZap.id };
    const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
    const cases = fuzzCases(
      {
        routes,
        ids: {
          ws: fuzzer.ws,
          zapId: draft.body.id,
          runId: run.id,
          connectionId: connection.body.id,
          keyId: 'key_missing',
          userId: fuzzer.userId,
          app: 'testing',
        },
        hook: fuzzHook,
        apiKey: fuzzerKey.token,
        cookie: fuzzer.session.credentials.cookie!,
        foreignWs: owner.ws,
      },
      10_000,
      seededRandom(seed),
    );
    const started = Date.now();
    const results = await sendCases(stack.url, cases, 16, transcript);
    const seconds = (Date.now() - started) / 1000;

    const describeResult = (result: FuzzResult) =>
      `${result.status ?? result.error} ${result.fuzzCase.method} ${result.fuzzCase.path.slice(0, 100)} [${result.fuzzCase.label}] ${String(result.fuzzCase.body ?? '').slice(0, 80)} -> ${result.body.slice(0, 160)}`;
    const byStatus = new Map<string, number>();
    for (const result of results) byStatus.set(String(result.status ?? 'no answer'), (byStatus.get(String(result.status ?? 'no answer')) ?? 0) + 1);
    const isEnvelope = (text: string) => {
      try {
        const parsed = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
        return typeof parsed.error?.code === 'string' && typeof parsed.error.message === 'string';
      } catch {
        return false;
      }
    };
    const serverErrors = results.filter((result) => result.status !== null && result.status >= 500);
    // A body over the limit is answered 413 at once; the client may still be writing when the socket closes.
    const unanswered = results.filter(
      (result) => result.status === null && !(result.fuzzCase.label.includes('huge') && /EPIPE|ECONNRESET/.test(result.error ?? '')),
    );
    const outsideEnvelope = results.filter(
      (result) => result.status !== null && result.status >= 400 && result.fuzzCase.method !== 'HEAD' && !isEnvelope(result.body),
    );
    console.log(
      `fuzzer: seed ${seed}, ${results.length} requests in ${seconds.toFixed(1)} s, statuses ${JSON.stringify(Object.fromEntries([...byStatus].sort()))}`,
    );

    expect(results).toHaveLength(10_000);
    expect(serverErrors.map(describeResult), '5xx answers').toEqual([]);
    expect(unanswered.map(describeResult), 'requests without an answer').toEqual([]);
    expect(outsideEnvelope.map(describeResult).slice(0, 20), 'errors outside the {"error": {code, message}} envelope').toEqual([]);
    // The rejection paths were exercised, not only 404s.
    for (const status of ['400', '401', '404', '413', '415', '422']) expect(byStatus.get(status) ?? 0, `answers with ${status}`).toBeGreaterThan(0);
    expect(
      results.some((result) => result.status === 200 && result.fuzzCase.path.startsWith('/hooks/catch/')),
      'some malformed deliveries were stored',
    ).toBe(true);
    expect(stack.api.child.exitCode).toBeNull();
    expect((await fetch(`${stack.url}/readyz`)).status).toBe(200);
    expect(seconds).toBeLessThan(150);
  });
});

describe('outbound requests from published zaps (SSRF)', () => {
  const targets: Array<{ url: string; names: string }> = [
    { url: 'http://127.0.0.1:5432/', names: '127.0.0.1:5432' },
    { url: 'http://127.0.0.1:6379/', names: '127.0.0.1:6379' },
    { url: 'http://169.254.169.254/latest/meta-data/', names: '169.254.169.254' },
    { url: 'http://2130706433/', names: '127.0.0.1' },
    { url: 'http://0x7f000001/', names: '127.0.0.1' },
    { url: 'http://[::ffff:127.0.0.1]/', names: '127.0.0.1' },
    { url: 'http://localhost/', names: 'localhost' },
    // Allowed at first: the local service answers with a redirect to a port that is not.
    { url: 'redirect', names: '127.0.0.1:6379' },
  ];

  it('refuses every private, loopback and metadata address, and a redirect to one, in HTTP steps and in code-step fetch, naming the address', async () => {
    // Safety net first: the product's own guard, in this process, must refuse each address before the stack is
    // asked to, so that a broken guard could never send a packet anywhere but loopback.
    const guard = createOutboundGuard({ allow: parseOutboundAllow(stack.env.OUTBOUND_ALLOW!) });
    for (const target of targets) {
      const url = new URL(target.url === 'redirect' ? 'http://127.0.0.1:6379/' : target.url);
      await expect(
        (async () => {
          guard.checkUrl(url);
          await guard.permittedAddresses(url.hostname, Number(url.port || 80));
        })(),
        target.url,
      ).rejects.toThrow(/Refused/);
    }

    const cases = targets.flatMap((target) => {
      const url = target.url === 'redirect' ? `${service.origin}/redirect` : target.url;
      return [
        { ...target, kind: 'HTTP step', steps: [{ key: 'call', type: 'action', app: 'http', action: 'request', input: { url } }] },
        {
          ...target,
          kind: 'code fetch',
          steps: [
            {
              key: 'call',
              type: 'code',
              input: { code: 'const response = await fetch(input.url); return { status: response.status, text: await response.text() };', inputData: { url } },
            },
          ],
        },
      ];
    });
    const runs = await Promise.all(
      cases.map(async (target) => ({ target, run: await runOnce(owner, await publishZap(owner, `SSRF ${target.kind} ${target.url}`, target.steps)) })),
    );
    const wrong = runs
      .filter(({ target, run }) => {
        const step = run.steps[0];
        return run.status !== 'failed' || step?.status !== 'error' || !/Refused/.test(step.error ?? '') || !String(step.error).includes(target.names);
      })
      .map(({ target, run }) => `${target.kind} ${target.url}: run ${run.status}, step ${run.steps[0]?.status}: ${run.steps[0]?.error}`);
    expect(wrong).toEqual([]);
    console.log(
      `SSRF: ${runs.length} runs refused, e.g. ${runs
        .slice(0, 4)
        .map(({ run }) => run.steps[0].error)
        .join(' | ')}`,
    );
  });
});

describe('code-step sandbox through published zaps', () => {
  it('escape attempts, endless loops, memory bombs and huge results each end as a clear step error, and the worker stays up', async () => {
    const worker = stack.workers[0]!;
    const pid = worker.child.pid;
    const cases = [
      { name: 'constructor escape', code: "return this.constructor.constructor('return process')();", error: /process is not defined/ },
      { name: 'require', code: "return require('child_process').execSync('id').toString();", error: /require is not defined/ },
      { name: 'endless loop', code: 'while (true) {}', error: /did not finish within 8000 ms/ },
      { name: 'memory bomb', code: 'const hoard = []; while (true) hoard.push(new Array(100000).fill({ x: Math.random() }));', error: /memory limit/ },
      { name: 'huge string result', code: "return 'x'.repeat(50 * 1024 * 1024);", error: /at most 1 MB|memory limit/ },
      { name: 'huge object result', code: 'return Array.from({ length: 200000 }, (_, i) => ({ i }));', error: /at most 1 MB/ },
    ];
    const runs = await Promise.all(
      cases.map(async (test) => ({
        test,
        run: await runOnce(owner, await publishZap(owner, `Sandbox: ${test.name}`, [{ key: 'code', type: 'code', input: { code: test.code } }])),
      })),
    );
    const wrong = runs
      .filter(({ test, run }) => run.status !== 'failed' || run.steps[0]?.status !== 'error' || !test.error.test(run.steps[0]?.error ?? ''))
      .map(({ test, run }) => `${test.name}: run ${run.status}, step ${run.steps[0]?.status}: ${run.steps[0]?.error}`);
    expect(wrong).toEqual([]);
    console.log(`sandbox: ${runs.map(({ test, run }) => `${test.name} -> ${run.steps[0].error}`).join(' | ')}`);

    const healthy = await runOnce(
      owner,
      await publishZap(owner, 'Sandbox: still healthy', [
        { key: 'code', type: 'code', input: { code: 'return { sum: input.a + input.b };', inputData: { a: 20, b: 22 } } },
      ]),
    );
    expect(healthy.steps[0]).toMatchObject({ status: 'success', output: { sum: 42 } });
    expect(worker.child.exitCode).toBeNull();
    expect(stack.workers.map((w) => w.child.pid)).toEqual([pid]);
    expect(worker.output.filter((line) => /worker ready/.test(line))).toHaveLength(1);
  });

  it('prototype pollution in one run does not leak into the next run', async () => {
    const code = `
      const seen = { polluted: ({}).polluted ?? null, map: [1, 2].map((x) => x * 2), json: JSON.stringify({ a: 1 }) };
      Object.prototype.polluted = 'yes';
      Array.prototype.map = function () { return 'hijacked'; };
      JSON.stringify = () => '{}';
      return seen;`;
    const zap = await publishZap(owner, 'Sandbox: pollution', [{ key: 'code', type: 'code', input: { code } }]);
    const clean = { polluted: null, map: [2, 4], json: '{"a":1}' };
    expect((await runOnce(owner, zap)).steps[0]).toMatchObject({ status: 'success', output: clean });
    expect((await runOnce(owner, zap)).steps[0]).toMatchObject({ status: 'success', output: clean });
  });

  it('results PostgreSQL cannot store as they are (NUL, unpaired surrogates, 20,000 levels deep) still end their run', async () => {
    const cases = [
      { name: 'unstorable characters', code: 'return { nul: String.fromCharCode(0), lone: String.fromCharCode(0xd800) };', status: 'succeeded' },
      { name: 'a NUL in an error', code: "throw new Error('bad' + String.fromCharCode(0) + 'input');", status: 'failed' },
      { name: 'deep result', code: 'let o = 1; for (let i = 0; i < 20000; i++) o = [o]; return o;', status: 'succeeded' },
    ];
    const runs = await Promise.all(
      cases.map(async (test) => ({
        test,
        run: await runOnce(owner, await publishZap(owner, `Sandbox: ${test.name}`, [{ key: 'code', type: 'code', input: { code: test.code } }]), {}, 20_000),
      })),
    );
    expect(runs.map(({ test, run }) => `${test.name}: ${run.status}`)).toEqual(cases.map((test) => `${test.name}: ${test.status}`));
    expect(runs[0]!.run.steps[0].output).toEqual({ nul: '\ufffd', lone: '\ufffd' });
    expect(runs[1]!.run.steps[0].error).toMatch(/bad\ufffdinput/);
  });
});

describe('browser protections', () => {
  it('API replies carry helmet’s security headers, on success and on errors alike', async () => {
    for (const reply of [await owner.session.get('/api/v1/me'), await owner.session.get('/api/v1/nothing-here')]) {
      expect(reply.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'SAMEORIGIN',
        'referrer-policy': 'no-referrer',
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-resource-policy': 'same-origin',
        'x-dns-prefetch-control': 'off',
      });
      expect(reply.headers['content-security-policy']).toMatch(/default-src 'self'/);
      expect(reply.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
      expect(reply.headers['x-powered-by']).toBeUndefined();
      // Plain http here: HSTS belongs to https deployments only (see tls-cookie.test.ts).
      expect(reply.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('refuses a cookie-authenticated cross-site write with 403 csrf_rejected, and writes nothing', async () => {
    const zaps = `/api/v1/workspaces/${owner.ws}/zaps`;
    const count = async () => ((await owner.session.get(`${zaps}?limit=200`)).body.data as unknown[]).length;
    const before = await count();
    const body = { name: 'Planted by evil.example', trigger: { app: 'webhooks', event: 'catch_hook' }, steps: [] };
    const crossSite: Array<Record<string, string>> = [
      { origin: 'https://evil.example' },
      { 'sec-fetch-site': 'cross-site' },
      { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      { origin: 'null' },
    ];
    for (const headers of crossSite) {
      const reply = await owner.session.request('POST', zaps, body, headers);
      expect(reply.status, JSON.stringify(headers)).toBe(403);
      expect(reply.body.error.code).toBe('csrf_rejected');
    }
    const remove = await owner.session.request('DELETE', `${zaps}/${fixtures.zapId}`, undefined, {
      origin: 'https://evil.example',
      'sec-fetch-site': 'cross-site',
    });
    expect(remove.status).toBe(403);
    expect(await count()).toBe(before);
    // The same write from the app's own origin goes through; an API key is not an ambient credential, so no origin check.
    expect((await owner.session.request('POST', zaps, { ...body, name: 'Same origin' }, { origin: stack.url, 'sec-fetch-site': 'same-origin' })).status).toBe(
      201,
    );
    expect((await api.as({ token: ownerKey.token }).request('POST', zaps, { ...body, name: 'By key' }, { origin: 'https://evil.example' })).status).toBe(201);
    // Cross-site reads get no CORS grant, so a browser does not hand them to the other site.
    expect((await owner.session.request('GET', zaps, undefined, { origin: 'https://evil.example' })).headers['access-control-allow-origin']).toBeUndefined();
  });

  it('the session cookie is HttpOnly and SameSite=Lax, and not Secure on a plain-http deployment', async () => {
    const reply = await api.post('/api/v1/auth/login', { email: owner.email, password: secrets.find((s) => s.name === "owner's password")!.value });
    const { token } = sessionCookie(reply);
    secrets.push({ name: "owner's third session cookie", value: token, origin: { exchange: reply.exchange, part: 'headers' } });
    const line = reply.headers['set-cookie']!;
    expect(line).toMatch(/HttpOnly/i);
    expect(line).toMatch(/SameSite=Lax/i);
    expect(line).not.toMatch(/Secure/i);
  });
});

describe('secrets', () => {
  it('no reply, no run in history and no line of API or worker output holds a password, session, API key, connection token or hook key', async () => {
    // The run history of every workspace the suite used, each run fetched on its own.
    const readers = [
      { ws: owner.ws, client: api.as({ token: ownerKey.token }) },
      { ws: fuzzer.ws, client: api.as({ token: fuzzerKey.token }) },
      { ws: stranger.ws, client: api.as({ token: strangerKey.token }) },
      { ws: viewer.ws, client: viewer.session },
    ];
    let runsRead = 0;
    for (const { ws, client } of readers) {
      const ids: string[] = [];
      for (let cursor: string | null = ''; cursor !== null; ) {
        const page = await client.get(`/api/v1/workspaces/${ws}/runs?includeTests=true&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        expect(page.status).toBe(200);
        ids.push(...(page.body.data as Array<{ id: string }>).map((run) => run.id));
        cursor = page.body.nextCursor;
      }
      for (let i = 0; i < ids.length; i += 16) {
        await Promise.all(ids.slice(i, i + 16).map(async (id) => expect((await client.get(`/api/v1/workspaces/${ws}/runs/${id}`)).status).toBe(200)));
      }
      runsRead += ids.length;
    }

    // The secrets were really used: the service saw the probe token; history shows it redacted.
    const seenByService = JSON.stringify(service.received);
    expect(seenByService).toContain(probeToken);
    expect(seenByService).toContain(httpBearer);
    // The URL's password travels as the Basic pair it makes.
    const { urlPassword, ...sentAsTyped } = typed;
    for (const value of Object.values(sentAsTyped)) expect(seenByService).toContain(value);
    expect(seenByService).toContain(basicPair(urlPassword));
    const history = transcript.exchanges.find((exchange) => exchange.path === `/api/v1/workspaces/${owner.ws}/runs/${fixtures.runId}`)!;
    expect(history.body).toContain('[REDACTED]');

    const hits: string[] = [];
    for (const secret of secrets.filter((s) => !s.logsOnly)) {
      for (const exchange of transcript.exchanges) {
        for (const part of ['headers', 'body'] as const) {
          const text = part === 'body' ? exchange.body : JSON.stringify(exchange.headers);
          if (!text.includes(secret.value)) continue;
          if (secret.origin?.exchange === exchange && secret.origin.part === part) continue;
          if (secret.allowed?.(exchange)) continue;
          hits.push(`${secret.name} in the ${part} of ${exchange.method} ${exchange.path.slice(0, 100)} (${exchange.status})`);
        }
      }
    }
    const logs = [
      { name: 'API output', lines: stack.api.output },
      ...stack.workers.map((worker, index) => ({ name: `worker ${index} output`, lines: worker.output })),
    ];
    for (const { name, lines } of logs) {
      const text = lines.join('\n');
      for (const secret of secrets) if (text.includes(secret.value)) hits.push(`${secret.name} in the ${name}`);
    }
    const logLines = logs.reduce((sum, log) => sum + log.lines.length, 0);
    console.log(`secret scan: ${secrets.length} secrets, ${transcript.exchanges.length} replies, ${runsRead} runs, ${logLines} log lines, ${hits.length} hits`);
    expect(hits).toEqual([]);
  });
});
