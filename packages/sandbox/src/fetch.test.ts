// Tests of fetch inside code steps, bridged to the real guarded client and a local server.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
// The guarded client lives in connectors; the sandbox only knows the SandboxFetch shape it is given.
import { createCodeFetch, createHttpClient, type HttpClient } from '@switchyard/connectors';
import { loopbackOnlyConnector, startLocalServer, type LocalServer } from '@switchyard/testing';
import { createSandbox, type SandboxFetch } from './sandbox.ts';

let server: LocalServer;
let client: HttpClient;
let fetch: SandboxFetch;
const sandbox = createSandbox({ timeoutMs: 3000 });

beforeAll(async () => {
  server = await startLocalServer((request, response) => {
    const url = new URL(request.url, 'http://x');
    if (url.pathname === '/redirect') {
      response.writeHead(302, { location: url.searchParams.get('to') ?? '/' });
      response.end();
      return;
    }
    if (url.pathname === '/slow') {
      setTimeout(() => response.end('late'), 10_000).unref();
      return;
    }
    response.writeHead(url.pathname === '/missing' ? 404 : 200, { 'content-type': 'application/json', 'x-reply': 'yes' });
    response.end(
      JSON.stringify({
        method: request.method,
        path: url.pathname,
        body: request.body,
        type: request.headers['content-type'] ?? null,
        key: request.headers['x-api-key'] ?? null,
      }),
    );
  });
  client = createHttpClient({ allow: `127.0.0.1:${server.port}`, baseConnector: loopbackOnlyConnector() });
  fetch = createCodeFetch(client, { secrets: ['key_live_999'] });
});

afterAll(async () => {
  sandbox.dispose();
  await client.close();
  await server.close();
});

function run(code: string) {
  return sandbox.run({ workspaceId: 'ws_fetch', code, input: { origin: server.origin }, fetch });
}

describe('fetch inside code', () => {
  test('returns a Response-like object with status, ok, headers, text() and json(), and records the request', async () => {
    const result = await run(`
      const response = await fetch(input.origin + '/things', { method: 'POST', body: { a: 1 }, headers: { 'X-Api-Key': 'key_live_999' } });
      return { status: response.status, ok: response.ok, reply: response.headers.get('X-Reply'), data: await response.json() };`);
    expect(result).toMatchObject({
      ok: true,
      output: {
        status: 200,
        ok: true,
        reply: 'yes',
        data: { method: 'POST', path: '/things', body: '{"a":1}', type: 'application/json', key: 'key_live_999' },
      },
    });
    expect(result.requests).toHaveLength(1);
    expect(JSON.stringify(result.requests)).not.toContain('key_live_999');
  });

  test('a 404 is a response with ok false, as in the Web fetch', async () => {
    const result = await run("const r = await fetch(input.origin + '/missing'); return { status: r.status, ok: r.ok, text: (await r.text()).length > 0 };");
    expect(result).toMatchObject({ ok: true, output: { status: 404, ok: false, text: true } });
  });

  test.each([
    ['http://127.0.0.1:5432/', 'Refused to connect to 127.0.0.1:5432: loopback addresses are not allowed'],
    ['http://169.254.169.254/latest/meta-data/', 'Refused to connect to 169.254.169.254:80: link-local addresses (including cloud metadata) are not allowed'],
    ['http://10.0.0.1/', 'Refused to connect to 10.0.0.1:80: private network addresses are not allowed'],
    ['http://192.168.0.1:8080/', 'Refused to connect to 192.168.0.1:8080: private network addresses are not allowed'],
  ])('fetch to %s fails as a TypeError naming the refused address', async (url, message) => {
    const result = await run(`\nawait fetch(${JSON.stringify(url)});`);
    expect(result).toMatchObject({ ok: false, error: { code: 'USER_ERROR', message: `TypeError: ${message} (OUTBOUND_ALLOW) at line 2`, line: 2 } });
    expect(result.requests).toMatchObject([{ status: null, url }]);
  });

  test('a redirect from an allowed server to a refused address is refused at the hop', async () => {
    const result = await run("await fetch(input.origin + '/redirect?to=' + encodeURIComponent('http://169.254.169.254/'));");
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringContaining('TypeError: Refused to connect to 169.254.169.254:80') } });
    expect(result.requests.map((r) => r.status)).toEqual([302, null]);
  });

  test('redirects are followed by default, and the response says so', async () => {
    const result = await run(
      "const r = await fetch(input.origin + '/redirect?to=/landed'); return { status: r.status, redirected: r.redirected, url: r.url, path: (await r.json()).path };",
    );
    expect(result).toMatchObject({ ok: true, output: { status: 200, redirected: true, url: `${server.origin}/landed`, path: '/landed' } });
    expect(result.requests.map((r) => r.status)).toEqual([302, 200]);
  });

  test("redirect: 'manual' gives the redirect itself, with its location, and goes no further", async () => {
    const result = await run(
      "const r = await fetch(input.origin + '/redirect?to=/landed', { redirect: 'manual' }); return { status: r.status, ok: r.ok, redirected: r.redirected, location: r.headers.get('location') };",
    );
    expect(result).toMatchObject({ ok: true, output: { status: 302, ok: false, redirected: false, location: '/landed' } });
    expect(result.requests.map((r) => r.status)).toEqual([302]);
  });

  test("redirect: 'error' rejects with a TypeError on a redirect, and goes no further", async () => {
    const result = await run(
      "try { await fetch(input.origin + '/redirect?to=/landed', { redirect: 'error' }); } catch (e) { return e.name + ': ' + e.message; }",
    );
    expect(result).toMatchObject({
      ok: true,
      output: `TypeError: 127.0.0.1:${server.port} answered 302 with a redirect, and the request said redirect: 'error'`,
    });
    expect(result.requests.map((r) => r.status)).toEqual([302]);
    const plain = await run("const r = await fetch(input.origin + '/plain', { redirect: 'error' }); return r.status;");
    expect(plain).toMatchObject({ ok: true, output: 200 });
  });

  test('an unknown redirect mode is a TypeError before anything is sent', async () => {
    const result = await run("try { await fetch(input.origin + '/x', { redirect: 'sometimes' }); } catch (e) { return e.name + ': ' + e.message; }");
    expect(result).toMatchObject({ ok: true, output: "TypeError: fetch: redirect must be 'follow', 'manual' or 'error', not 'sometimes'" });
    expect(result.requests).toEqual([]);
  });

  test('a refusal can be caught by the code like any fetch failure', async () => {
    const result = await run("try { await fetch('http://127.0.0.1:6379/'); } catch (e) { return e.name + ': ' + e.message; }");
    expect(result).toMatchObject({ ok: true, output: 'TypeError: Refused to connect to 127.0.0.1:6379: loopback addresses are not allowed (OUTBOUND_ALLOW)' });
  });

  test('more fetches than the budget is an error, and the extra call never reaches the network', async () => {
    const result = await run("for (let i = 0; i < 11; i++) { await fetch(input.origin + '/n' + i); }\nreturn 'unreachable';");
    expect(result).toMatchObject({ ok: false, error: { message: 'Error: fetch budget exceeded: a code step may make at most 10 requests at line 1' } });
    expect(result.requests).toHaveLength(10);
  });

  test('a fetch left running when the code returns is cancelled and its isolate is not reused', async () => {
    const before = sandbox.stats().isolatesCreated;
    const result = await run("fetch(input.origin + '/slow'); return 'returned';");
    expect(result).toMatchObject({ ok: true, output: 'returned', requests: [] });
    expect(await run('return 2;')).toMatchObject({ ok: true, output: 2 });
    expect(sandbox.stats().isolatesCreated).toBe(before + 1);
  });

  test('a slow fetch counts against the wall clock and is cancelled with the run', async () => {
    const started = Date.now();
    const result = await run("await fetch(input.origin + '/slow'); return 1;");
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'TIMEOUT', message: 'The code did not finish within 3000 ms (time spent waiting for fetch counts too)' },
    });
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
