// Tests of running actions and polls as the engine does, over a local server.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { loopbackOnlyConnector, startLocalServer, type LocalServer } from '@switchyard/testing';
import { createHttpClient, type HttpClient } from '../http/client.ts';
import { StepFailure } from '../http/errors.ts';
import { REDACTED } from '../http/redact.ts';
import { defineAction, defineTrigger } from './define.ts';
import { credentialSecrets, dedupeKeyOf, performAction, pollTrigger } from './perform.ts';

let server: LocalServer;
let client: HttpClient;

beforeAll(async () => {
  server = await startLocalServer((request, response) => {
    response.setHeader('content-type', 'application/json');
    if (request.url.startsWith('/fail')) {
      response.statusCode = 401;
      response.end(JSON.stringify({ message: `key ${String(request.headers['x-api-key'])} is revoked` }));
      return;
    }
    response.end(JSON.stringify({ items: [{ id: 2 }, { id: 1 }], key: request.headers['idempotency-key'] ?? null }));
  });
  client = createHttpClient({ allow: `127.0.0.1:${server.port}`, baseConnector: loopbackOnlyConnector() });
});

afterAll(async () => {
  await client.close();
  await server.close();
});

const fetchItems = defineAction({
  key: 'fetch_items',
  name: 'Fetch items',
  description: 'Fetches items.',
  input: z.object({ path: z.string().startsWith('/') }),
  sample: { items: [] },
  outputFields: [{ key: 'items', label: 'Items', type: 'array' }],
  async perform({ input, auth, http, idempotencyKey }) {
    const response = await http.request({
      url: `${server.origin}${input.path}`,
      headers: { 'x-api-key': String(auth?.apiKey), 'idempotency-key': idempotencyKey },
    });
    return response.body;
  },
});

describe('performAction', () => {
  test('validates input, passes credentials and the idempotency key, and returns output with redacted records', async () => {
    const result = await performAction(fetchItems, {
      input: { path: '/items' },
      auth: { apiKey: 'key_abcdef' },
      client,
      idempotencyKey: 'run_1:step_2',
    });
    expect(result.output).toEqual({ items: [{ id: 2 }, { id: 1 }], key: 'run_1:step_2' });
    expect(result.requests).toHaveLength(1);
    expect(JSON.stringify(result.requests)).not.toContain('key_abcdef');
    // Handed on, so that the step's output and the later steps' records can be redacted of it too.
    expect(result.secrets).toContain('key_abcdef');
  });

  test('bad input fails permanently before any request, naming the field', async () => {
    const error = await performAction(fetchItems, { input: { path: 'items' }, client, idempotencyKey: 'k' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StepFailure);
    expect(error).toMatchObject({ code: 'INVALID_INPUT', transient: false, requests: [] });
    expect((error as StepFailure).message).toMatch(/^Invalid input for Fetch items: path: /);
  });

  test("a service error leaves as a StepFailure with the service's words, secrets redacted, and the step's requests", async () => {
    const error = await performAction(fetchItems, {
      input: { path: '/fail' },
      auth: { apiKey: 'key_abcdef' },
      client,
      idempotencyKey: 'k',
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ transient: false, status: 401 });
    expect((error as StepFailure).message).toContain(`key ${REDACTED} is revoked`);
    expect((error as StepFailure).requests).toHaveLength(1);
  });

  test('a bug in a connector becomes a permanent failure with its message', async () => {
    const broken = defineAction({
      key: 'broken',
      name: 'Broken',
      description: 'Throws.',
      input: z.object({}),
      sample: null,
      outputFields: [],
      async perform() {
        throw new TypeError('cannot read id of undefined');
      },
    });
    await expect(performAction(broken, { input: {}, client, idempotencyKey: 'k' })).rejects.toMatchObject({
      code: 'CONNECTOR_ERROR',
      transient: false,
      message: 'cannot read id of undefined',
    });
  });
});

describe('pollTrigger', () => {
  test('returns the items and their dedupe keys, by id unless the trigger says otherwise', async () => {
    const newItems = defineTrigger({
      key: 'new_item',
      name: 'New item',
      description: 'Polls items.',
      type: 'polling',
      input: z.object({}),
      sample: { id: 1 },
      outputFields: [{ key: 'id', label: 'ID', type: 'integer' }],
      dedupeKey: (item: { id: number }) => String(item.id),
      async perform({ http }) {
        const response = await http.request({ url: `${server.origin}/items` });
        return (response.body as { items: Array<{ id: number }> }).items;
      },
    });
    const result = await pollTrigger(newItems, { input: {}, client, cursor: null });
    expect(result.cursor).toBeNull();
    expect(result.items.map((item) => dedupeKeyOf(newItems, item))).toEqual(['2', '1']);
    expect(result.requests).toHaveLength(1);
  });
});

test('credentialSecrets collects every string of a credentials record, however nested', () => {
  expect(credentialSecrets({ apiKey: 'a1', oauth: { access: 'b2', expires: 5 }, list: ['c3'] })).toEqual(['a1', 'b2', 'c3']);
  expect(credentialSecrets(undefined)).toEqual([]);
});

test('credentialSecrets with the secret keys keeps non-secret fields readable, but still hides fields named like secrets', () => {
  const auth = { baseUrl: 'https://acme.example.com', appId: 'app-1', apiToken: 'tok-123', clientSecret: 'shh', nested: { token: 'deep' } };
  expect(credentialSecrets(auth, ['apiToken']).sort()).toEqual(['shh', 'tok-123'].sort());
  expect(credentialSecrets(auth, ['nested'])).toEqual(expect.arrayContaining(['deep', 'tok-123', 'shh']));
  expect(credentialSecrets(auth)).toEqual(expect.arrayContaining(['https://acme.example.com', 'app-1', 'tok-123']));
});
