// CINNOX connection test, error envelopes, throttling and the custom API call, over real HTTP against the fake.
import { beforeAll, describe, expect, test } from 'vitest';
import { CINNOX_FAKE_PATHS, CINNOX_FAKE_SUBSCRIPTIONS, startCinnoxFake, type CinnoxFake } from '@switchyard/testing/fakes/cinnox';
import type { HttpClient } from '../../http/client.ts';
import { describeApp } from '../../kit/manifest.ts';
import { performAction } from '../../kit/perform.ts';
import { actionOf, failureOf, startConnectorTestbed, useConnectorTestbed } from '../../../test/testbed.ts';
import { cinnoxApp } from './index.ts';
import { CINNOX_PATHS, CINNOX_RATE_LIMIT_RETRY_MS } from './client.ts';
import { CINNOX_SUBSCRIPTIONS } from './subscription.ts';

let fake: CinnoxFake;
let client: HttpClient;
let auth: { appId: string; appToken: string; baseUrl: string };
// The Base URL with a trailing slash, which the connector accepts.
useConnectorTestbed(
  () => startConnectorTestbed(cinnoxApp, startCinnoxFake, (started) => ({ appId: started.appId, appToken: started.token, baseUrl: `${started.origin}/` })),
  (bed) => ({ fake, client, auth } = bed),
);
beforeAll(() => {
  fake.seedNumber({ number: '+85230011234' });
});

const action = (key: string) => actionOf(cinnoxApp, key);

describe('connection test', () => {
  test('lists one staff contact with the Bearer App Token under /v1/api/apps/{appID}', async () => {
    await cinnoxApp.auth.test({ auth, http: client.forStep({ secrets: [] }) });
    const request = fake.requests.at(-1);
    expect(request).toMatchObject({ method: 'GET', path: 'contacts/staffcontact-list', query: { limit: '1' } });
    expect(request?.headers.authorization).toBe(`Bearer ${fake.token}`);
  });

  test("a bad App Token fails with CINNOX's own message", async () => {
    const failure = await failureOf(cinnoxApp.auth.test({ auth: { ...auth, appToken: 'wrong' }, http: client.forStep({ secrets: [] }) }));
    expect(failure.message).toContain('401');
    expect(failure.message).toContain('Unauthorized: invalid App Token');
    expect(failure.transient).toBe(false);
  });

  test('a Base URL with a path is refused before any request', async () => {
    const before = fake.requests.length;
    const failure = await failureOf(cinnoxApp.auth.test({ auth: { ...auth, baseUrl: `${fake.origin}/v1/api` }, http: client.forStep({ secrets: [] }) }));
    expect(failure.message).toMatch(/Base URL/);
    expect(fake.requests.length).toBe(before);
  });
});

describe('errors and throttling', () => {
  test('an error envelope becomes one readable, permanent message with the CINNOX code', async () => {
    const failure = await failureOf(
      performAction(action('send_sms'), {
        input: { senderNumber: '+85200000000', recipientNumbers: '+85291234567', text: 'Hi' },
        auth,
        client,
        idempotencyKey: 'r:1',
      }),
    );
    expect(failure.message).toMatch(/answered 400 Bad Request: Invalid senderNumber \(CINNOX code 6451000\)$/);
    expect(failure.transient).toBe(false);
  });

  test('a 429 with code 6451010 is retried and then succeeds', async () => {
    fake.rateLimitNext(1, { status: 429, retryAfterSeconds: 0 });
    const before = fake.requests.length;
    const result = await performAction(action('get_number_list'), { input: {}, auth, client, idempotencyKey: 'r:2' });
    expect(result.output).toMatchObject({ count: 1 });
    expect(fake.requests.length - before).toBe(2);
    expect(result.requests.map((r) => r.status)).toEqual([429, 200]);
  });

  test('a 400 with code 6451010 fails as transient with a retry delay for the engine', async () => {
    fake.rateLimitNext(1, { status: 400 });
    const failure = await failureOf(performAction(action('get_number_list'), { input: {}, auth, client, idempotencyKey: 'r:3' }));
    expect(failure.transient).toBe(true);
    expect(failure.retryAfterMs).toBe(CINNOX_RATE_LIMIT_RETRY_MS);
    expect(failure.message).toContain('too many requests: Too many requests (CINNOX code 6451010)');
  });
});

describe('custom API call', () => {
  test('a relative path goes under /v1/api/apps/{appID}/ and returns status and the raw body', async () => {
    const result = await performAction(action('custom_api_call'), {
      input: { method: 'GET', path: '/number-list', query: { limit: 5 } },
      auth,
      client,
      idempotencyKey: 'r:4',
    });
    expect(result.output).toMatchObject({ status: 200, body: { code: 0, result: { items: [{ number: '+85230011234' }] } } });
    expect(fake.requests.at(-1)).toMatchObject({ method: 'GET', path: 'number-list', query: { limit: '5' } });
  });

  test('a /v1/ path is taken from the Base URL, and CINNOX errors still fail the step', async () => {
    const result = await performAction(action('custom_api_call'), {
      input: { method: 'GET', path: `/v1/api/apps/${fake.appId}/number-list` },
      auth,
      client,
      idempotencyKey: 'r:5',
    });
    expect(result.output).toMatchObject({ status: 200 });
    const failure = await failureOf(
      performAction(action('custom_api_call'), { input: { method: 'GET', path: '/no-such-thing' }, auth, client, idempotencyKey: 'r:6' }),
    );
    expect(failure.message).toContain('method not found (CINNOX code 6450001)');
  });
});

test('the connector and the fake agree on the INFERRED paths', () => {
  expect(CINNOX_PATHS).toEqual(CINNOX_FAKE_PATHS);
  for (const path of Object.values(CINNOX_SUBSCRIPTIONS)) expect(CINNOX_FAKE_SUBSCRIPTIONS).toContain(path);
});

describe('definition', () => {
  test('renders every trigger and action form as JSON Schema, with a sample, and marks only the appToken secret', () => {
    const manifest = describeApp(cinnoxApp);
    expect(manifest.key).toBe('cinnox');
    for (const operation of [...manifest.triggers, ...manifest.actions]) {
      expect(operation.inputSchema, operation.key).toMatchObject({ type: 'object' });
      expect(operation.sample, operation.key).toBeDefined();
    }
    expect(manifest.auth?.fields.filter((field) => field.secret).map((field) => field.key)).toEqual(['appToken']);
    expect(manifest.actions.map((a) => a.key)).toContain('custom_api_call');
  });

  test('marks the triggers whose events CINNOX does not describe as unverified, with the reason', () => {
    const triggers = describeApp(cinnoxApp).triggers;
    expect(triggers.filter((t) => !t.verified).map((t) => t.key)).toEqual([
      'external_contact_merged',
      'external_contact_ownership_transferred',
      'tag_added',
      'tag_edited',
      'tag_deleted',
    ]);
    const reason = (key: string) => triggers.find((t) => t.key === key)?.unverifiedReason;
    expect(reason('external_contact_merged')).toContain('status word');
    expect(reason('external_contact_ownership_transferred')).toContain('status word');
    expect(reason('tag_added')).toContain('label-event-sub');
  });

  test('marks the actions whose path, filter or body CINNOX does not publish as unverified, with the reason', () => {
    const actions = describeApp(cinnoxApp).actions;
    expect(actions.filter((a) => !a.verified).map((a) => a.key)).toEqual([
      'get_enquiry_by_display_case_number',
      'add_external_contact',
      'get_external_contact_by_full_name',
      'get_number_list',
      'update_external_contact',
      'send_sms',
      'send_im_to_staff',
    ]);
    const reason = (key: string) => actions.find((a) => a.key === key)?.unverifiedReason;
    expect(reason('send_sms')).toContain('send_otp');
    expect(reason('get_number_list')).toContain('number-list');
    expect(reason('get_external_contact_by_full_name')).toContain('fullName');
    expect(reason('add_external_contact')).toBe(reason('update_external_contact'));
  });
});
