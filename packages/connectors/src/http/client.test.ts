// Tests of the guarded client over a local server: bodies, parsing, errors, retries, limits, redirects, records.
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { ServerResponse } from 'node:http';
import { loopbackOnlyConnector, startLocalServer, type LocalServer, type ReceivedRequest } from '@switchyard/testing';
import { createHttpClient, type HttpClient, type HttpClientOptions } from './client.ts';
import { StepFailure } from './errors.ts';
import { REDACTED } from './redact.ts';

type Route = (request: ReceivedRequest, response: ServerResponse) => void;

let routes: Record<string, Route> = {};
let server: LocalServer;
let other: LocalServer;
const clients: HttpClient[] = [];

function json(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

const base64 = (text: string | string[] | undefined) => Buffer.from(String(text)).toString('base64');

function client(options: HttpClientOptions = {}): HttpClient {
  const created = createHttpClient({
    allow: `127.0.0.1:${server.port},127.0.0.1:${other.port},127.0.0.1:1`,
    baseConnector: loopbackOnlyConnector(),
    retry: { baseDelayMs: 10, maxDelayMs: 20 },
    ...options,
  });
  clients.push(created);
  return created;
}

async function failure(promise: Promise<unknown>): Promise<StepFailure> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof StepFailure)) throw new Error(`expected a StepFailure, got ${String(error)}`);
  return error;
}

beforeAll(async () => {
  server = await startLocalServer((request, response) => {
    const path = new URL(request.url, 'http://x').pathname;
    const route = routes[path];
    if (route) route(request, response);
    else json(response, 404, { message: `no route ${path}` });
  });
  other = await startLocalServer((request, response) =>
    json(response, 200, {
      authorization: request.headers.authorization ?? null,
      apiToken: request.headers['x-api-token'] ?? null,
      custom: request.headers['x-tenant-secret'] ?? null,
      accept: request.headers.accept ?? null,
    }),
  );
});

afterEach(async () => {
  routes = {};
  server.received.length = 0;
  await Promise.all(clients.splice(0).map((c) => c.close()));
});

afterAll(async () => {
  await server.close();
  await other.close();
});

describe('request bodies', () => {
  test('sends JSON, form and text bodies with matching content types, plus the query', async () => {
    routes['/echo'] = (request, response) => json(response, 200, { body: request.body, type: request.headers['content-type'], url: request.url });
    const http = client();
    const sent = await http.request({
      method: 'POST',
      url: `${server.origin}/echo?a=1`,
      query: { b: 'two', c: [3, 4], skip: undefined },
      body: { type: 'json', value: { x: [1, 'é'] } },
    });
    expect(sent.body).toEqual({ body: '{"x":[1,"é"]}', type: 'application/json', url: '/echo?a=1&b=two&c=3&c=4' });
    const form = await http.request({ method: 'PUT', url: `${server.origin}/echo`, body: { type: 'form', value: { name: 'A B', tags: ['x', 'y'] } } });
    expect(form.body).toMatchObject({ body: 'name=A+B&tags=x&tags=y', type: 'application/x-www-form-urlencoded' });
    const text = await http.request({ method: 'PATCH', url: `${server.origin}/echo`, body: { type: 'text', value: '<x/>', contentType: 'application/xml' } });
    expect(text.body).toMatchObject({ body: '<x/>', type: 'application/xml' });
  });

  test('refuses a body on GET and unknown methods as invalid requests', async () => {
    const http = client();
    expect((await failure(http.request({ url: server.origin, body: { type: 'text', value: 'x' } }))).code).toBe('INVALID_REQUEST');
    expect((await failure(http.request({ method: 'CONNECT', url: server.origin }))).code).toBe('INVALID_REQUEST');
  });
});

describe('response parsing', () => {
  test('parses JSON when the content type says so and returns text otherwise', async () => {
    routes['/json'] = (_q, response) => json(response, 200, { ok: true }, { 'x-thing': 'y' });
    routes['/problem'] = (_q, response) => json(response, 200, { ok: 'problem' }, { 'content-type': 'application/problem+json' });
    routes['/text'] = (_q, response) => {
      response.setHeader('content-type', 'text/plain');
      response.end('{"not":"parsed"}');
    };
    routes['/empty'] = (_q, response) => {
      response.statusCode = 204;
      response.end();
    };
    const http = client();
    const parsed = await http.request({ url: `${server.origin}/json` });
    expect(parsed).toMatchObject({ status: 200, statusText: 'OK', body: { ok: true } });
    expect(parsed.headers['x-thing']).toBe('y');
    expect((await http.request({ url: `${server.origin}/problem` })).body).toEqual({ ok: 'problem' });
    expect((await http.request({ url: `${server.origin}/text` })).body).toBe('{"not":"parsed"}');
    expect((await http.request({ url: `${server.origin}/text`, responseType: 'json' })).body).toEqual({ not: 'parsed' });
    expect((await http.request({ url: `${server.origin}/json`, responseType: 'text' })).body).toBe('{"ok":true}');
    expect((await http.request({ url: `${server.origin}/empty` })).body).toBeNull();
  });

  test('asking for JSON from a server that sends HTML is a permanent, readable failure', async () => {
    routes['/html'] = (_q, response) => {
      response.setHeader('content-type', 'text/html');
      response.end('<html>maintenance</html>');
    };
    const error = await failure(client().request({ url: `${server.origin}/html`, responseType: 'json' }));
    expect(error).toMatchObject({ code: 'INVALID_RESPONSE', transient: false });
    expect(error.message).toContain('Expected a JSON response but got text/html: <html>maintenance</html>');
  });
});

describe('HTTP errors', () => {
  test("a 4xx fails permanently with the service's own message", async () => {
    routes['/missing'] = (_q, response) => json(response, 404, { error: { message: 'Deal 7 not found' } });
    const error = await failure(client().request({ url: `${server.origin}/missing` }));
    expect(error.message).toBe(`127.0.0.1:${server.port} answered 404 Not Found: Deal 7 not found`);
    expect(error).toMatchObject({ transient: false, status: 404, code: 'HTTP_ERROR' });
    expect(error.requests).toHaveLength(1);
  });

  test('a 5xx fails as transient after the retries, and a custom extractor picks the message', async () => {
    routes['/down'] = (_q, response) => json(response, 503, { fault: 'upstream down' });
    const error = await failure(client().request({ url: `${server.origin}/down`, errorMessage: (body) => (body as { fault?: string }).fault }));
    expect(error).toMatchObject({ transient: true, status: 503 });
    expect(error.message).toContain('answered 503 Service Unavailable: upstream down');
    expect(error.requests).toHaveLength(3);
  });

  test("httpErrors: 'return' hands a 4xx back as a response", async () => {
    routes['/teapot'] = (_q, response) => json(response, 418, { short: 'stout' });
    const response = await client().request({ url: `${server.origin}/teapot`, httpErrors: 'return' });
    expect(response).toMatchObject({ status: 418, body: { short: 'stout' } });
  });
});

describe('retries', () => {
  test('a 429 with Retry-After is retried after the pause the server asked for, and both attempts are recorded', async () => {
    let calls = 0;
    routes['/busy'] = (_q, response) => {
      calls++;
      if (calls === 1) json(response, 429, { message: 'slow down' }, { 'retry-after': '1' });
      else json(response, 200, { done: true });
    };
    const started = Date.now();
    const response = await client().request({ method: 'POST', url: `${server.origin}/busy`, body: { type: 'json', value: {} } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(response.body).toEqual({ done: true });
    expect(response.requests.map((r) => r.status)).toEqual([429, 200]);
  });

  test('a Retry-After beyond the cap is not slept through: the step fails as transient with retryAfterMs', async () => {
    routes['/later'] = (_q, response) => json(response, 429, { message: 'quota' }, { 'retry-after': '120' });
    const started = Date.now();
    const error = await failure(client().request({ url: `${server.origin}/later` }));
    expect(Date.now() - started).toBeLessThan(1000);
    expect(error).toMatchObject({ transient: true, retryAfterMs: 120_000, status: 429 });
    expect(error.requests).toHaveLength(1);
  });

  test('a POST is not repeated after a 502 unless it carries an idempotency key', async () => {
    routes['/flaky'] = (_q, response) => json(response, 502, { message: 'bad gateway' });
    const http = client();
    const once = await failure(http.request({ method: 'POST', url: `${server.origin}/flaky`, body: { type: 'json', value: {} } }));
    expect(once.requests).toHaveLength(1);
    const keyed = await failure(
      http.request({ method: 'POST', url: `${server.origin}/flaky`, headers: { 'Idempotency-Key': 'run1:step2' }, body: { type: 'json', value: {} } }),
    );
    expect(keyed.requests).toHaveLength(3);
  });

  test('a refused connection is a transient network failure, retried and recorded per attempt', async () => {
    const error = await failure(client().request({ method: 'POST', url: 'http://127.0.0.1:1/', body: { type: 'json', value: {} } }));
    expect(error).toMatchObject({ transient: true, code: 'NETWORK' });
    expect(error.message).toContain('Could not reach 127.0.0.1:1');
    expect(error.requests?.map((r) => r.status)).toEqual([null, null, null]);
    expect(error.requests?.[0]?.error).toContain('ECONNREFUSED');
  });
});

describe('limits', () => {
  test('a server that never answers times out as a transient failure', async () => {
    routes['/hang'] = () => undefined;
    const started = Date.now();
    const error = await failure(client({ timeoutMs: 200, retry: { maxAttempts: 1 } }).request({ url: `${server.origin}/hang` }));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(error).toMatchObject({ transient: true, code: 'TIMEOUT' });
    expect(error.message).toBe(`The request to 127.0.0.1:${server.port} timed out after 200 ms`);
  });

  test('a response over the size cap is aborted, whether or not it declared its length', async () => {
    const big = 'x'.repeat(200_000);
    routes['/declared'] = (_q, response) => {
      response.setHeader('content-type', 'text/plain');
      response.end(big);
    };
    routes['/streamed'] = (_q, response) => {
      response.setHeader('content-type', 'text/plain');
      for (let i = 0; i < 20; i++) response.write(big.slice(0, 10_000));
      response.end();
    };
    const http = client({ maxResponseBytes: 100_000 });
    for (const path of ['/declared', '/streamed']) {
      const error = await failure(http.request({ url: `${server.origin}${path}` }));
      expect(error).toMatchObject({ code: 'RESPONSE_TOO_LARGE', transient: false });
      expect(error.message).toContain('larger than the 98 KB limit');
    }
  });
});

describe('redirects', () => {
  test('follows up to five redirects and refuses the sixth', async () => {
    routes['/hop'] = (request, response) => {
      const n = Number(new URL(request.url, 'http://x').searchParams.get('n'));
      response.writeHead(302, { location: n === 0 ? '/done' : `/hop?n=${n - 1}` });
      response.end();
    };
    routes['/done'] = (_q, response) => json(response, 200, { arrived: true });
    const http = client();
    const five = await http.request({ url: `${server.origin}/hop?n=4` });
    expect(five).toMatchObject({ body: { arrived: true }, redirected: true, url: `${server.origin}/done` });
    expect(five.requests).toHaveLength(6);
    const error = await failure(http.request({ url: `${server.origin}/hop?n=5` }));
    expect(error).toMatchObject({ code: 'TOO_MANY_REDIRECTS', transient: false });
  });

  test('a 303 after a POST continues as a GET without the body', async () => {
    routes['/submit'] = (_q, response) => {
      response.writeHead(303, { location: '/result' });
      response.end();
    };
    routes['/result'] = (request, response) => json(response, 200, { method: request.method, body: request.body });
    const response = await client().request({ method: 'POST', url: `${server.origin}/submit`, body: { type: 'json', value: { a: 1 } } });
    expect(response.body).toEqual({ method: 'GET', body: '' });
  });

  test('every header but the safelisted ones is kept on a same-origin redirect and dropped on a cross-origin one', async () => {
    routes['/same'] = (_q, response) => {
      response.writeHead(307, { location: '/whoami' });
      response.end();
    };
    routes['/whoami'] = (request, response) =>
      json(response, 200, {
        authorization: request.headers.authorization ?? null,
        apiToken: request.headers['x-api-token'] ?? null,
        custom: request.headers['x-tenant-secret'] ?? null,
        accept: request.headers.accept ?? null,
      });
    routes['/away'] = (_q, response) => {
      response.writeHead(307, { location: `${other.origin}/` });
      response.end();
    };
    const http = client();
    // Pipedrive's token travels in x-api-token, and a step may put a secret in any header it likes.
    const headers = { authorization: 'Bearer abc', 'x-api-token': 'pd-token', 'x-tenant-secret': 's3cret', accept: 'application/json' };
    expect((await http.request({ url: `${server.origin}/same`, headers })).body).toEqual({
      authorization: 'Bearer abc',
      apiToken: 'pd-token',
      custom: 's3cret',
      accept: 'application/json',
    });
    expect((await http.request({ url: `${server.origin}/away`, headers })).body).toEqual({
      authorization: null,
      apiToken: null,
      custom: null,
      accept: 'application/json',
    });
  });
});

describe('recording', () => {
  test('records every attempt with secrets redacted in the URL, headers and both bodies', async () => {
    routes['/login'] = (request, response) =>
      json(response, 200, { echoed: JSON.parse(request.body) as unknown, note: 'your key is sk_live_123456' }, { 'set-cookie': 'sid=abc' });
    const step = client().forStep({ secrets: ['sk_live_123456'] });
    step.redact('hunter2!');
    await step.request({
      method: 'POST',
      url: `${server.origin}/login?key=sk_live_123456&page=1`,
      headers: { authorization: 'Bearer sk_live_123456', 'x-custom': 'has sk_live_123456 inside' },
      body: { type: 'json', value: { user: 'ann', pass: 'hunter2!' } },
    });
    expect(step.requests).toHaveLength(1);
    const [recorded] = step.requests;
    expect(JSON.stringify(recorded)).not.toContain('sk_live_123456');
    expect(JSON.stringify(recorded)).not.toContain('hunter2!');
    expect(recorded).toMatchObject({
      method: 'POST',
      url: `${server.origin}/login?key=${REDACTED}&page=1`,
      status: 200,
      requestHeaders: { authorization: REDACTED, 'x-custom': `has ${REDACTED} inside` },
      requestBody: { user: 'ann', pass: REDACTED },
      responseHeaders: { 'set-cookie': REDACTED },
      responseBody: { echoed: { user: 'ann', pass: REDACTED }, note: `your key is ${REDACTED}` },
    });
    expect(recorded?.durationMs).toBeGreaterThan(0);
  });

  test('credentials a request carries by name are sent, gathered for the step and redacted by value wherever they are echoed', async () => {
    routes['/whoami'] = (request, response) =>
      json(response, 200, {
        url: request.url,
        key: request.headers['x-api-key'],
        basic: request.headers.authorization,
        keyBase64: base64(request.headers['x-api-key']),
      });
    const step = client().forStep();
    await step.request({ url: `http://ann:url-pass-1@127.0.0.1:${server.port}/whoami?api_key=query-key-1&page=2`, headers: { 'X-Api-Key': 'header-key-1' } });
    const basic = `Basic ${Buffer.from('ann:url-pass-1').toString('base64')}`;
    expect(server.received.map((r) => [r.url, r.headers['x-api-key'], r.headers.authorization])).toEqual([
      ['/whoami?api_key=query-key-1&page=2', 'header-key-1', basic],
    ]);
    expect(step.secrets()).toEqual(expect.arrayContaining(['header-key-1', 'query-key-1', basic, 'ann:url-pass-1', 'url-pass-1']));
    const recorded = JSON.stringify(step.requests);
    for (const secret of ['header-key-1', 'query-key-1', 'url-pass-1', basic.slice('Basic '.length), base64('header-key-1')])
      expect(recorded).not.toContain(secret);
    expect(step.requests[0]?.responseBody).toMatchObject({ url: `/whoami?api_key=${REDACTED}&page=2`, key: REDACTED, basic: REDACTED });
  });

  test('bodies bigger than the record cap are cut with a marker', async () => {
    routes['/big'] = (_q, response) => {
      response.setHeader('content-type', 'text/plain');
      response.end('y'.repeat(5000));
    };
    const response = await client({ maxRecordedBodyBytes: 1000 }).request({ url: `${server.origin}/big` });
    expect(response.body).toHaveLength(5000);
    expect(response.requests[0]?.responseBody).toBe(`${'y'.repeat(1000)}… [truncated: 5000 bytes in total]`);
  });

  test("a step's failure carries the step's records and its message is redacted", async () => {
    routes['/echo-error'] = (request, response) => json(response, 400, { message: `bad token ${request.headers['x-token'] ?? ''}` });
    const step = client().forStep({ secrets: ['tok_987654'] });
    const error = await failure(step.request({ url: `${server.origin}/echo-error`, headers: { 'x-token': 'tok_987654' } }));
    expect(error.message).toContain(`bad token ${REDACTED}`);
    expect(step.requests).toHaveLength(1);
  });
});
