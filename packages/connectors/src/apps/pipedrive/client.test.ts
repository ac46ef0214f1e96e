// The Pipedrive client over real HTTP: the connection test, base URLs, error envelopes, 429 handling and redaction.
import { describe, expect, test } from 'vitest';
import { startPipedriveFake, type PipedriveFake } from '@switchyard/testing/fakes/pipedrive';
import type { HttpRequest, HttpResponse, StepHttp } from '../../http/client.ts';
import { findAction } from '../../kit/define.ts';
import { performAction } from '../../kit/perform.ts';
import { failureOf, startConnectorTestbed, useConnectorTestbed, type ConnectorTestbed } from '../../../test/testbed.ts';
import { pipedriveApp } from './index.ts';
import { PIPEDRIVE_API_ORIGIN, pipedrive, pipedriveErrorMessage, rateLimitWaitMs } from './client.ts';

let bed: ConnectorTestbed<PipedriveFake, { apiToken: string; baseUrl: string }>;
useConnectorTestbed(
  () => startConnectorTestbed(pipedriveApp, startPipedriveFake, (fake) => ({ apiToken: fake.token, baseUrl: fake.origin })),
  (started) => (bed = started),
  { clearRequests: true },
);

const createDeal = findAction(pipedriveApp, 'create_deal')!;

/** A StepHttp that answers without any network, recording what would have been sent. */
function recordingHttp(sent: HttpRequest[]): StepHttp {
  return {
    requests: [],
    redact: () => undefined,
    redactText: (text) => text,
    request: async (request): Promise<HttpResponse> => {
      sent.push(request);
      return {
        status: 200,
        statusText: 'OK',
        headers: {},
        body: { success: true, data: { id: 1 } },
        url: String(request.url),
        redirected: false,
        requests: [],
      };
    },
  };
}

describe('connection test', () => {
  test('a valid token passes with GET /api/v1/users/me (the fake is a company domain) and the token in the x-api-token header', async () => {
    await pipedriveApp.auth.test({ auth: bed.auth, http: bed.client.forStep({ secrets: [] }) });
    expect(bed.fake.requests).toHaveLength(1);
    const [request] = bed.fake.requests;
    expect(request).toMatchObject({ method: 'GET', path: '/api/v1/users/me', query: {} });
    expect(request?.headers['x-api-token']).toBe(bed.fake.token);
  });

  test('a bad token fails permanently with Pipedrive’s own "unauthorized access" message', async () => {
    const failure = await failureOf(pipedriveApp.auth.test({ auth: { ...bed.auth, apiToken: 'revoked-token' }, http: bed.client.forStep({ secrets: [] }) }));
    expect(failure.message).toBe('Pipedrive answered 401 Unauthorized: unauthorized access (Please check developers.pipedrive.com)');
    expect(failure.status).toBe(401);
    expect(failure.transient).toBe(false);
  });

  test('a base URL with a trailing slash works; one with a path is refused before any request', async () => {
    await pipedriveApp.auth.test({ auth: { ...bed.auth, baseUrl: `${bed.fake.origin}/` }, http: bed.client.forStep({ secrets: [] }) });
    const failure = await failureOf(
      pipedriveApp.auth.test({ auth: { ...bed.auth, baseUrl: `${bed.fake.origin}/api/v2` }, http: bed.client.forStep({ secrets: [] }) }),
    );
    expect(failure.code).toBe('INVALID_INPUT');
    expect(failure.message).toContain('baseUrl: must be an origin like https://example.com');
    expect(bed.fake.requests).toHaveLength(1);
    await pipedriveApp.auth.test({ auth: { ...bed.auth, baseUrl: '' }, http: recordingHttp([]) });
  });

  test('without a base URL the public API host is used', async () => {
    const sent: HttpRequest[] = [];
    await pipedrive({ auth: { apiToken: 'abc' }, http: recordingHttp(sent) }, { path: '/v1/users/me' });
    expect(String(sent[0]?.url)).toBe(`${PIPEDRIVE_API_ORIGIN}/v1/users/me`);
    expect(sent[0]?.headers).toEqual({ 'x-api-token': 'abc' });
  });

  test('a connection without a token is refused with a readable message', async () => {
    const failure = await failureOf(pipedrive({ auth: { baseUrl: bed.fake.origin }, http: bed.client.forStep() }, { path: '/v1/users/me' }));
    expect(failure.message).toMatch(/^The Pipedrive connection is incomplete or invalid \(apiToken: /);
  });
});

describe('errors and rate limits', () => {
  test('each error envelope becomes one readable message with the status', async () => {
    bed.fake.failNext(403, 'You do not have permission to add deals');
    const forbidden = await failureOf(performAction(createDeal, { input: { title: 'X' }, auth: bed.auth, client: bed.client, idempotencyKey: 'r:1' }));
    expect(forbidden.message).toBe('Pipedrive answered 403 Forbidden: You do not have permission to add deals (Please check developers.pipedrive.com)');
    expect(forbidden.transient).toBe(false);

    bed.fake.failNext(500, 'Internal server error');
    const broken = await failureOf(performAction(createDeal, { input: { title: 'X' }, auth: bed.auth, client: bed.client, idempotencyKey: 'r:2' }));
    expect(broken.message).toContain('Pipedrive answered 500 Internal Server Error: Internal server error');
    expect(broken.transient).toBe(true);
  });

  test('pipedriveErrorMessage reads error and error_info, and falls back to message or text', () => {
    expect(pipedriveErrorMessage({ success: false, error: 'Deal not found', error_info: 'Please check developers.pipedrive.com', errorCode: 404 })).toBe(
      'Deal not found (Please check developers.pipedrive.com)',
    );
    expect(pipedriveErrorMessage({ success: false, error: 'Bad request' })).toBe('Bad request');
    expect(pipedriveErrorMessage({ message: 'Gateway timeout' })).toBe('Gateway timeout');
    expect(pipedriveErrorMessage('<html>oops</html>')).toBeUndefined();
    expect(pipedriveErrorMessage('Service unavailable')).toBe('Service unavailable');
  });

  test('a 429 is retried after Retry-After and the action then succeeds', async () => {
    bed.fake.rateLimitNext(1, { retryAfterSeconds: 0 });
    const result = await performAction(createDeal, { input: { title: 'After the limit' }, auth: bed.auth, client: bed.client, idempotencyKey: 'r:3' });
    expect(result.output).toMatchObject({ title: 'After the limit' });
    expect(result.requests.map((request) => request.status)).toEqual([429, 200]);
    expect(bed.fake.records('deal').filter((deal) => deal.title === 'After the limit')).toHaveLength(1);
  });

  test('a 429 that persists fails as transient, asking to wait as long as Retry-After or else x-ratelimit-reset says', async () => {
    bed.fake.rateLimitNext(3, { retryAfterSeconds: 0 });
    const withRetryAfter = await failureOf(performAction(createDeal, { input: { title: 'X' }, auth: bed.auth, client: bed.client, idempotencyKey: 'r:4' }));
    expect(withRetryAfter).toMatchObject({ status: 429, transient: true, retryAfterMs: 0 });
    expect(withRetryAfter.message).toBe('Pipedrive answered 429 Too Many Requests: Request over limit (Please check developers.pipedrive.com)');

    bed.fake.rateLimitNext(3, { retryAfterSeconds: null, resetSeconds: 7 });
    const withReset = await failureOf(performAction(createDeal, { input: { title: 'X' }, auth: bed.auth, client: bed.client, idempotencyKey: 'r:5' }));
    expect(withReset).toMatchObject({ status: 429, transient: true, retryAfterMs: 7000 });
  });

  test('rateLimitWaitMs prefers Retry-After over x-ratelimit-reset', () => {
    expect(rateLimitWaitMs({ 'retry-after': '3', 'x-ratelimit-reset': '9' })).toBe(3000);
    expect(rateLimitWaitMs({ 'x-ratelimit-reset': '9' })).toBe(9000);
    expect(rateLimitWaitMs({})).toBeUndefined();
  });

  test('the token never appears in the recorded requests', async () => {
    const result = await performAction(createDeal, { input: { title: 'Secret-free' }, auth: bed.auth, client: bed.client, idempotencyKey: 'r:6' });
    expect(JSON.stringify(result.requests)).not.toContain(bed.fake.token);
    expect(result.requests[0]?.requestHeaders?.['x-api-token']).toBeDefined();
  });
});
