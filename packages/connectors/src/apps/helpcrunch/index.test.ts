// HelpCrunch connection test, error envelope, rate limit, base URL and custom API call, over real HTTP against the fake.
import { describe, expect, test } from 'vitest';
import { startHelpCrunchFake, type HelpCrunchFake } from '@switchyard/testing/fakes/helpcrunch';
import type { HttpClient } from '../../http/client.ts';
import { describeApp } from '../../kit/manifest.ts';
import { performAction } from '../../kit/perform.ts';
import { actionOf, failureOf, startConnectorTestbed, useConnectorTestbed } from '../../../test/testbed.ts';
import { helpcrunchApp } from './index.ts';
import { HELPCRUNCH_RATE_LIMIT_RETRY_MS, helpcrunchAuth, helpcrunchUrl } from './client.ts';

let fake: HelpCrunchFake;
let client: HttpClient;
let auth: { apiKey: string; baseUrl: string };
// The Base URL with a trailing slash, which the connector accepts.
useConnectorTestbed(
  () => startConnectorTestbed(helpcrunchApp, startHelpCrunchFake, (started) => ({ apiKey: started.token, baseUrl: `${started.origin}/` })),
  (bed) => ({ fake, client, auth } = bed),
);

const action = (key: string) => actionOf(helpcrunchApp, key);

describe('connection test', () => {
  test('reads the organization with the API key as a Bearer token', async () => {
    await helpcrunchApp.auth.test({ auth, http: client.forStep({ secrets: [] }) });
    const request = fake.requests.at(-1);
    expect(request).toMatchObject({ method: 'GET', path: 'organization' });
    expect(request?.headers.authorization).toBe(`Bearer ${fake.token}`);
  });

  test("a bad key fails with HelpCrunch's own message", async () => {
    const failure = await failureOf(helpcrunchApp.auth.test({ auth: { ...auth, apiKey: 'revoked' }, http: client.forStep({ secrets: [] }) }));
    expect(failure.message).toMatch(/answered 401 Unauthorized: Invalid token$/);
    expect(failure.transient).toBe(false);
  });
});

describe('base URL', () => {
  test('defaults to https://api.helpcrunch.com/v1/ when left empty, and an override is an origin', () => {
    expect(helpcrunchUrl(helpcrunchAuth({ apiKey: 'k' }), 'customers')).toBe('https://api.helpcrunch.com/v1/customers');
    expect(helpcrunchUrl(helpcrunchAuth({ apiKey: 'k', baseUrl: '' }), 'organization')).toBe('https://api.helpcrunch.com/v1/organization');
    expect(helpcrunchUrl(helpcrunchAuth({ apiKey: 'k', baseUrl: 'http://127.0.0.1:9/' }), '/v1/agents')).toBe('http://127.0.0.1:9/v1/agents');
  });

  test('a base URL with a path is refused as an incomplete connection', () => {
    expect(() => helpcrunchAuth({ apiKey: 'k', baseUrl: 'https://api.helpcrunch.com/v1' })).toThrow(/baseUrl/);
  });
});

describe('errors and the rate limit', () => {
  test('an errors envelope becomes one readable, permanent message naming the field', async () => {
    const failure = await failureOf(
      performAction(action('create_customer'), { input: { name: 'Jane', email: 'not-an-email' }, auth, client, idempotencyKey: 'r:1' }),
    );
    expect(failure.message).toMatch(/answered 400 Bad Request: Invalid request; email: This value is not a valid email address\.$/);
    expect(failure.transient).toBe(false);
  });

  test('a 429 is retried and then succeeds', async () => {
    fake.rateLimitNext(1);
    const result = await performAction(action('search_customers'), {
      input: { field: 'email', value: 'nobody@example.com' },
      auth,
      client,
      idempotencyKey: 'r:2',
    });
    expect(result.requests.map((r) => r.status)).toEqual([429, 200]);
  });

  test('past 120 requests a minute the step fails as transient, with a minute to wait, in HelpCrunch’s words', async () => {
    let minute = 1_000 * 60_000;
    const limited = await startConnectorTestbed(
      helpcrunchApp,
      () => startHelpCrunchFake({ now: () => minute }),
      (started) => ({ apiKey: started.token, baseUrl: started.origin }),
    );
    const { auth: limitedAuth, client: limitedClient } = limited;
    try {
      for (let i = 0; i < 120; i++) await helpcrunchApp.auth.test({ auth: limitedAuth, http: limitedClient.forStep() });
      const failure = await failureOf(helpcrunchApp.auth.test({ auth: limitedAuth, http: limitedClient.forStep() }));
      expect(failure).toMatchObject({ transient: true, status: 429, retryAfterMs: HELPCRUNCH_RATE_LIMIT_RETRY_MS });
      expect(failure.message).toContain('You have exceeded your requests limit');
      minute += 60_000;
      await expect(helpcrunchApp.auth.test({ auth: limitedAuth, http: limitedClient.forStep() })).resolves.toBeUndefined();
    } finally {
      await limited.close();
    }
  });
});

describe('custom API call', () => {
  test('a path relative to /v1/ returns the status and the raw body', async () => {
    fake.seedCustomer({ name: 'Custom Call', email: 'custom@example.com' });
    const result = await performAction(action('custom_api_call'), {
      input: { method: 'GET', path: '/customers', query: { limit: 1 } },
      auth,
      client,
      idempotencyKey: 'r:3',
    });
    expect(result.output).toMatchObject({ status: 200, body: { total: expect.any(Number), data: [expect.objectContaining({ id: expect.any(Number) })] } });
    expect(fake.requests.at(-1)).toMatchObject({ method: 'GET', path: 'customers', query: { limit: '1' } });
  });

  test('a HelpCrunch error still fails the step with its message', async () => {
    const failure = await failureOf(
      performAction(action('custom_api_call'), { input: { method: 'GET', path: '/v1/chats/1' }, auth, client, idempotencyKey: 'r:4' }),
    );
    expect(failure.message).toContain('404 Not Found: Chat not found');
  });
});

describe('definition', () => {
  test('renders every trigger and action form as JSON Schema, with a sample, and marks only the apiKey secret', () => {
    const manifest = describeApp(helpcrunchApp);
    expect(manifest.key).toBe('helpcrunch');
    for (const operation of [...manifest.triggers, ...manifest.actions]) {
      expect(operation.inputSchema, operation.key).toMatchObject({ type: 'object' });
      expect(operation.sample, operation.key).toBeDefined();
    }
    expect(manifest.auth?.fields.filter((field) => field.secret).map((field) => field.key)).toEqual(['apiKey']);
    expect(manifest.actions.map((a) => a.key)).toContain('custom_api_call');
  });
});
