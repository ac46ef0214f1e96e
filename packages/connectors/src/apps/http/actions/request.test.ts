// Tests of the HTTP app's Request action over a real local server.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loopbackOnlyConnector, startLocalServer, type LocalServer } from '@switchyard/testing';
import { createHttpClient, type HttpClient } from '../../../http/client.ts';
import { REDACTED } from '../../../http/redact.ts';
import { performAction } from '../../../kit/perform.ts';
import { failureOf } from '../../../../test/testbed.ts';
import { getApp } from '../../index.ts';
import { request } from './request.ts';

let server: LocalServer;
let client: HttpClient;

beforeAll(async () => {
  server = await startLocalServer((received, response) => {
    const path = new URL(received.url, 'http://x').pathname;
    if (path === '/text') {
      response.setHeader('content-type', 'text/plain');
      response.end('plain words');
      return;
    }
    if (path === '/missing') {
      response.writeHead(404, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: 'No such contact' }));
      return;
    }
    if (path === '/deep') {
      response.setHeader('content-type', 'application/json');
      response.end('['.repeat(20_000) + ']'.repeat(20_000));
      return;
    }
    if (path === '/busy') {
      response.writeHead(503, { 'content-type': 'application/json', 'retry-after': '60' });
      response.end(JSON.stringify({ message: 'maintenance' }));
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json', 'x-server': 'local' });
    response.end(
      JSON.stringify({
        method: received.method,
        url: received.url,
        contentType: received.headers['content-type'] ?? null,
        authorization: received.headers.authorization ?? null,
        custom: received.headers['x-custom'] ?? null,
        body: received.body,
      }),
    );
  });
  client = createHttpClient({ allow: `127.0.0.1:${server.port}`, baseConnector: loopbackOnlyConnector(), retry: { maxAttempts: 1 } });
});

afterAll(async () => {
  await client.close();
  await server.close();
});

function run(input: Record<string, unknown>) {
  return performAction(request, { input, client, idempotencyKey: 'run:step' });
}

describe('http app: Request', () => {
  test('a reply nested deeper than a step output may be fails the step, saying so', async () => {
    const error = await failureOf(run({ method: 'GET', url: `${server.origin}/deep` }));
    expect(error.message).toBe(
      "The service answered with JSON that Switchyard cannot use as a step's output: the document is nested more than 200 levels deep.",
    );
    expect(error.transient).toBe(false);
  });

  test('is registered as app "http", action "request"', () => {
    expect(getApp('http')?.actions.map((action) => action.key)).toEqual(['request']);
  });

  test('a GET with query and headers returns status, headers and the parsed JSON body', async () => {
    const { output } = await run({ url: `${server.origin}/things?a=1`, query: { b: '2' }, headers: { 'X-Custom': 'yes' } });
    expect(output).toMatchObject({
      status: 200,
      headers: { 'x-server': 'local', 'content-type': 'application/json' },
      body: { method: 'GET', url: '/things?a=1&b=2', custom: 'yes' },
    });
  });

  test('sends a JSON body given as a value or as JSON text', async () => {
    const asValue = await run({ method: 'POST', url: server.origin, bodyType: 'json', jsonBody: { name: 'Ann', tags: ['a'] } });
    expect(asValue.output).toMatchObject({ body: { contentType: 'application/json', body: '{"name":"Ann","tags":["a"]}' } });
    const asText = await run({ method: 'PUT', url: server.origin, bodyType: 'json', jsonBody: '{ "name": "Bo" }' });
    expect(asText.output).toMatchObject({ body: { method: 'PUT', contentType: 'application/json', body: '{ "name": "Bo" }' } });
  });

  test('a mapped body goes out as it came, a __proto__ key included', async () => {
    const jsonBody = JSON.parse('{"__proto__": {"x": 1}, "a": 1}') as unknown;
    const sent = await run({ method: 'POST', url: server.origin, bodyType: 'json', jsonBody });
    expect(sent.output).toMatchObject({ body: { body: '{"__proto__":{"x":1},"a":1}' } });
  });

  test('sends form fields url-encoded and a raw body with its content type', async () => {
    const form = await run({ method: 'POST', url: server.origin, bodyType: 'form', formFields: { q: 'a b', n: '1' } });
    expect(form.output).toMatchObject({ body: { contentType: 'application/x-www-form-urlencoded', body: 'q=a+b&n=1' } });
    const raw = await run({ method: 'POST', url: server.origin, bodyType: 'raw', rawBody: '<a/>', rawContentType: 'application/xml' });
    expect(raw.output).toMatchObject({ body: { contentType: 'application/xml', body: '<a/>' } });
  });

  test('adds basic and bearer authorization and keeps both secrets out of the records', async () => {
    const basic = await run({ url: server.origin, authType: 'basic', username: 'ann', password: 'pa55word!' });
    expect(basic.output).toMatchObject({ body: { authorization: `Basic ${Buffer.from('ann:pa55word!').toString('base64')}` } });
    const bearer = await run({ url: server.origin, authType: 'bearer', token: 'tok_secret_1' });
    expect(bearer.output).toMatchObject({ body: { authorization: 'Bearer tok_secret_1' } });
    const records = JSON.stringify([...basic.requests, ...bearer.requests]);
    expect(records).not.toContain('pa55word!');
    expect(records).not.toContain('tok_secret_1');
    expect(records).toContain(REDACTED);
  });

  test('with "parse response as JSON" off, the body comes back as text', async () => {
    const { output } = await run({ url: server.origin, parseJson: false });
    expect(typeof (output as { body: unknown }).body).toBe('string');
  });

  test('with "parse response as JSON" on, a text response fails with a readable message', async () => {
    const error = await failureOf(run({ url: `${server.origin}/text` }));
    expect(error.message).toContain('Expected a JSON response but got text/plain: plain words');
  });

  test("a non-2xx response fails the step with the service's message; 4xx is permanent, 5xx transient with Retry-After", async () => {
    const missing = await failureOf(run({ url: `${server.origin}/missing` }));
    expect(missing.message).toBe(`127.0.0.1:${server.port} answered 404 Not Found: No such contact`);
    expect(missing).toMatchObject({ transient: false, status: 404 });
    expect(missing.requests).toHaveLength(1);
    const busy = await failureOf(run({ url: `${server.origin}/busy` }));
    expect(busy).toMatchObject({ transient: true, status: 503, retryAfterMs: 60_000 });
  });

  test('with "continue on HTTP errors" on, a non-2xx response is the output', async () => {
    const { output } = await run({ url: `${server.origin}/missing`, continueOnHttpError: true });
    expect(output).toMatchObject({ status: 404, body: { error: 'No such contact' } });
  });

  test('invalid combinations fail as input errors before any request', async () => {
    const withBody = await failureOf(run({ url: server.origin, bodyType: 'raw', rawBody: 'x' }));
    expect(withBody.message).toContain('bodyType: A GET request cannot have a body');
    const badJson = await failureOf(run({ method: 'POST', url: server.origin, bodyType: 'json', jsonBody: '{nope' }));
    expect(badJson.message).toContain('jsonBody: Not valid JSON');
    const noToken = await failureOf(run({ url: server.origin, authType: 'bearer' }));
    expect(noToken.message).toContain('token: Required for bearer authentication');
    const badScheme = await failureOf(run({ url: 'file:///etc/passwd' }));
    expect(badScheme.message).toContain('url: Enter an http:// or https:// URL');
  });

  test('the SSRF guard applies: Postgres on loopback is refused', async () => {
    const error = await failureOf(run({ url: 'http://127.0.0.1:5432/' }));
    expect(error.message).toBe('Refused to connect to 127.0.0.1:5432: loopback addresses are not allowed (OUTBOUND_ALLOW)');
    expect(error.requests).toHaveLength(1);
  });
});
