// Tests of the Twenty app as a whole over real HTTP against the fake: connection test, errors, rate limits, dropdowns, custom call.
import { afterEach, describe, expect, test } from 'vitest';
import { startTwentyFake, type TwentyFake } from '@switchyard/testing/fakes/twenty';
import type { HttpClient } from '../../http/client.ts';
import { describeApp } from '../../kit/manifest.ts';
import { performAction } from '../../kit/perform.ts';
import { actionOf, failureOf, startConnectorTestbed, useConnectorTestbed } from '../../../test/testbed.ts';
import { TWENTY_CONNECTION_TEST, TWENTY_RATE_LIMIT_WAIT_MS } from './client.ts';
import { twentyApp } from './index.ts';
import { TWENTY_BATCH_SIGNATURE_UNVERIFIED } from './instant-trigger.ts';

let fake: TwentyFake;
let client: HttpClient;
let auth: { baseUrl: string; apiKey: string };

const connectionTo = (started: TwentyFake) => ({ baseUrl: started.origin, apiKey: started.token });
useConnectorTestbed(
  () =>
    startConnectorTestbed(
      twentyApp,
      () => startTwentyFake({ customObjects: [{ nameSingular: 'pet', namePlural: 'pets', labelPlural: 'Pets' }] }),
      connectionTo,
    ),
  (bed) => ({ fake, client, auth } = bed),
  { clearRequests: true },
);

afterEach(() => {
  fake.rateLimitNext(0);
});

const action = (key: string) => actionOf(twentyApp, key);

describe('twenty app definition', () => {
  test('describes a baseUrl and a secret apiKey as the connection form', () => {
    const manifest = describeApp(twentyApp);
    expect(manifest.auth?.fields).toEqual([
      expect.objectContaining({ key: 'baseUrl', label: 'Twenty URL', required: true, secret: false }),
      expect.objectContaining({ key: 'apiKey', label: 'API key', required: true, secret: true, type: 'password' }),
    ]);
  });

  test('offers instant triggers as app webhooks, polling fallbacks and the five record actions plus a custom call', () => {
    const manifest = describeApp(twentyApp);
    expect(manifest.triggers.map((trigger) => [trigger.key, trigger.kind])).toEqual([
      ['record_created', 'app_webhook'],
      ['record_updated', 'app_webhook'],
      ['record_deleted', 'app_webhook'],
      ['record_created_polling', 'polling'],
      ['record_updated_polling', 'polling'],
    ]);
    expect(manifest.actions.map((item) => item.key)).toEqual([
      'create_record',
      'update_record',
      'delete_record',
      'find_record',
      'upsert_record',
      'custom_api_call',
    ]);
  });

  test('says only the instant triggers are unverified, for the signature of batched deliveries', () => {
    const manifest = describeApp(twentyApp);
    const unverified = [...manifest.triggers, ...manifest.actions].filter((operation) => !operation.verified);
    expect(unverified.map((operation) => [operation.key, operation.unverifiedReason])).toEqual(
      ['record_created', 'record_updated', 'record_deleted'].map((key) => [key, TWENTY_BATCH_SIGNATURE_UNVERIFIED]),
    );
  });

  test('gives the polling triggers dedupe keys that work on their samples: id for new, id and updatedAt for updated', () => {
    const [created, updated] = ['record_created_polling', 'record_updated_polling'].map((key) => twentyApp.triggers.find((trigger) => trigger.key === key));
    if (created?.type !== 'polling' || updated?.type !== 'polling') throw new Error('polling triggers missing');
    expect(created.dedupeKey(created.sample)).toBe('20202020-1c0e-494c-a1b6-85b1c6fefaa5');
    expect(updated.dedupeKey(updated.sample)).toBe('20202020-1c0e-494c-a1b6-85b1c6fefaa5:2025-01-02T10:30:00.000Z');
  });

  test('marks the object field as a dropdown with a loader on every trigger and record action', () => {
    for (const operation of [...twentyApp.triggers, ...twentyApp.actions]) {
      if (operation.key === 'custom_api_call') continue;
      const schema = describeApp(twentyApp);
      const described = [...schema.triggers, ...schema.actions].find((item) => item.key === operation.key);
      expect(described?.inputSchema, operation.key).toMatchObject({
        properties: { object: { dynamicOptions: true } },
        required: expect.arrayContaining(['object']),
      });
      expect(typeof operation.options?.object, operation.key).toBe('function');
    }
  });
});

describe('twenty connection test', () => {
  test('passes with a valid key by listing one company, the named connection-test call', async () => {
    await twentyApp.auth.test({ auth, http: client.forStep({ secrets: [] }) });
    expect(fake.requests.at(-1)).toMatchObject({ method: 'GET', path: TWENTY_CONNECTION_TEST.path, query: { limit: '1' } });
    expect(fake.requests.at(-1)?.headers.authorization).toBe(`Bearer ${fake.token}`);
  });

  test('fails with Twenty’s own message for a bad key', async () => {
    const error = await failureOf(
      twentyApp.auth.test({ auth: { baseUrl: fake.origin, apiKey: 'expired-key' }, http: client.forStep({ secrets: ['expired-key'] }) }),
    );
    expect(error.message).toBe('Twenty answered 401 Unauthorized: Token invalid.');
    expect(error.transient).toBe(false);
    expect(error.status).toBe(401);
  });

  test('tolerates a trailing slash on the base URL and refuses one with a path', async () => {
    await twentyApp.auth.test({ auth: { baseUrl: `${fake.origin}/`, apiKey: fake.token }, http: client.forStep({ secrets: [] }) });
    const error = await failureOf(twentyApp.auth.test({ auth: { baseUrl: `${fake.origin}/rest`, apiKey: fake.token }, http: client.forStep({ secrets: [] }) }));
    expect(error.code).toBe('INVALID_INPUT');
  });
});

describe('twenty errors and rate limits', () => {
  test('turns Twenty’s {statusCode, error, messages} envelope into one readable message', async () => {
    const error = await failureOf(performAction(action('create_record'), { input: { object: 'peoples', fields: {} }, auth, client, idempotencyKey: 'run:1' }));
    expect(error.message).toBe("Twenty answered 400 Bad Request: object 'peoples' not found. Did you mean 'people'?");
    expect(error.transient).toBe(false);
  });

  test('keeps the API key out of failure messages and recorded requests', async () => {
    const error = await failureOf(
      performAction(action('find_record'), {
        input: { object: 'people', field: 'city', value: 'Paris' },
        auth: { baseUrl: fake.origin, apiKey: 'wrong-secret-key' },
        client,
        idempotencyKey: 'run:2',
      }),
    );
    expect(JSON.stringify(error.requests)).not.toContain('wrong-secret-key');
    expect(error.message).not.toContain('wrong-secret-key');
  });

  test('retries a 429 and succeeds on the next attempt', async () => {
    fake.rateLimitNext(1);
    const { output, requests } = await performAction(action('create_record'), {
      input: { object: 'companies', fields: { name: 'Acme' } },
      auth,
      client,
      idempotencyKey: 'run:3',
    });
    expect(requests.map((request) => request.status)).toEqual([429, 201]);
    expect(output).toMatchObject({ name: 'Acme' });
  });

  test('honours Retry-After when Twenty sends one', async () => {
    const limited = await startConnectorTestbed(twentyApp, () => startTwentyFake({ retryAfterSeconds: 1 }), connectionTo);
    try {
      limited.fake.rateLimitNext(1);
      const started = Date.now();
      await twentyApp.auth.test({ auth: limited.auth, http: limited.client.forStep({ secrets: [] }) });
      expect(Date.now() - started).toBeGreaterThanOrEqual(900);
      expect(limited.fake.requests).toHaveLength(2);
    } finally {
      await limited.close();
    }
  });

  test('hands a rate limit that outlasts the retries to the engine as transient, to come back after a minute', async () => {
    fake.rateLimitNext(10);
    const error = await failureOf(
      performAction(action('find_record'), { input: { object: 'people', field: 'city', value: 'Paris' }, auth, client, idempotencyKey: 'run:4' }),
    );
    expect(error).toMatchObject({ transient: true, status: 429, retryAfterMs: TWENTY_RATE_LIMIT_WAIT_MS });
    expect(error.message).toBe('Twenty answered 429 Too Many Requests: Limit reached (100 tokens per 60000 ms)');
  });
});

describe('twenty object dropdown', () => {
  test('lists active, non-system objects from the metadata API by plural name, custom ones included', async () => {
    const loader = action('create_record').options?.object;
    const options = await loader?.({ auth, http: client.forStep({ secrets: [] }), input: {} });
    expect(options).toEqual([
      { value: 'people', label: 'People' },
      { value: 'companies', label: 'Companies' },
      { value: 'opportunities', label: 'Opportunities' },
      { value: 'notes', label: 'Notes' },
      { value: 'tasks', label: 'Tasks' },
      { value: 'pets', label: 'Pets' },
    ]);
    expect(fake.requests.at(-1)).toMatchObject({ method: 'GET', path: '/rest/metadata/objects' });
  });
});

describe('twenty custom API call', () => {
  test('sends any method, path, query and JSON body with the connection’s auth and returns status and body', async () => {
    const { output } = await performAction(action('custom_api_call'), {
      input: { method: 'POST', path: 'rest/batch/companies', body: [{ name: 'One' }, { name: 'Two' }] },
      auth,
      client,
      idempotencyKey: 'run:5',
    });
    expect(output).toMatchObject({ status: 201, body: { data: { createCompanies: [{ name: 'One' }, { name: 'Two' }] } } });
    const listed = await performAction(action('custom_api_call'), {
      input: { method: 'GET', path: '/rest/companies', query: { filter: 'name[eq]:Two', limit: 5 } },
      auth,
      client,
      idempotencyKey: 'run:6',
    });
    expect(listed.output).toMatchObject({ status: 200, body: { data: { companies: [{ name: 'Two' }] }, totalCount: 1 } });
    expect(fake.requests.at(-1)?.headers.authorization).toBe(`Bearer ${fake.token}`);
  });

  test('fails with Twenty’s message on an error status and refuses full URLs', async () => {
    const error = await failureOf(
      performAction(action('custom_api_call'), { input: { path: '/rest/people?filter=city[nope]:x' }, auth, client, idempotencyKey: 'run:7' }),
    );
    expect(error.message).toContain("Twenty answered 400 Bad Request: 'filter' invalid for 'city[nope]:x', comparator nope not in");
    const refused = await failureOf(
      performAction(action('custom_api_call'), { input: { path: 'https://evil.example/rest' }, auth, client, idempotencyKey: 'run:8' }),
    );
    expect(refused.code).toBe('INVALID_INPUT');
  });
});
