// The fake Pipedrive itself, spoken to with plain fetch over loopback: hosts, auth forms, envelopes, paging and validation as its README's sources say.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { startPipedriveFake, type PipedriveFake } from './index.ts';

let fake: PipedriveFake;
beforeAll(async () => {
  fake = await startPipedriveFake({ maxPageSize: 2, deliverWebhooks: false });
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
});

async function call(path: string, init: { method?: string; body?: unknown; token?: string | null; form?: boolean } = {}) {
  const headers: Record<string, string> = {};
  if (init.token !== null) headers['x-api-token'] = init.token ?? fake.token;
  let body: string | undefined;
  if (init.body !== undefined) {
    headers['content-type'] = init.form ? 'application/x-www-form-urlencoded' : 'application/json';
    body = init.form ? new URLSearchParams(init.body as Record<string, string>).toString() : JSON.stringify(init.body);
  }
  const response = await fetch(`${fake.origin}${path}`, { method: init.method ?? 'GET', headers, ...(body !== undefined ? { body } : {}) });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}

describe('auth', () => {
  test('accepts x-api-token and ?api_token=, and answers the documented 401 envelope otherwise', async () => {
    expect((await call('/api/v1/users/me')).status).toBe(200);
    const byQuery = await call(`/api/v1/users/me?api_token=${fake.token}`, { token: null });
    expect(byQuery.status).toBe(200);
    expect(byQuery.headers.get('x-daily-requests-left')).toBeTruthy();
    const refused = await call('/api/v1/users/me', { token: 'wrong' });
    expect(refused).toMatchObject({
      status: 401,
      body: {
        success: false,
        error: 'unauthorized access',
        errorCode: 401,
        error_info: 'Please check developers.pipedrive.com',
        data: null,
        additional_data: null,
      },
    });
  });
});

describe('hosts', () => {
  test('as a company domain (the default) serves v1 at /api/v1 only, with the company in users/me', async () => {
    expect((await call('/api/v1/users/me')).body.data).toMatchObject({ id: 1, company_id: 1001, company_domain: 'fake-company' });
    expect(await call('/v1/users/me')).toMatchObject({ status: 404, body: { success: false, errorCode: 404 } });
    expect((await call('/api/v2/pipelines')).status).toBe(200);
  });

  test('as api.pipedrive.com serves v1 at /v1 and /api/v1', async () => {
    const api = await startPipedriveFake({ host: 'api' });
    try {
      for (const path of ['/v1/users/me', '/api/v1/users/me']) {
        const response = await fetch(`${api.origin}${path}`, { headers: { 'x-api-token': api.token } });
        expect(response.status, path).toBe(200);
      }
      expect((await fetch(`${api.origin}/v2/deals`, { headers: { 'x-api-token': api.token } })).status).toBe(404);
    } finally {
      await api.close();
    }
  });
});

describe('v2 lists', () => {
  test('page with limit and next_cursor, null on the last page', async () => {
    for (const title of ['A', 'B', 'C']) fake.seed('deal', { title });
    const first = await call('/api/v2/deals?sort_by=id&sort_direction=asc');
    expect(first.body).toMatchObject({ success: true, data: [{ title: 'A' }, { title: 'B' }] });
    const cursor = (first.body.additional_data as { next_cursor: string }).next_cursor;
    const last = await call(`/api/v2/deals?cursor=${cursor}`);
    expect(last.body).toMatchObject({ data: [{ title: 'C' }], additional_data: { next_cursor: null } });
  });

  test('filter by updated_since (inclusive) and refuse malformed parameters', async () => {
    const deal = fake.create('deal', { title: 'Fresh' });
    const since = await call(`/api/v2/deals?updated_since=${deal.update_time}`);
    expect(since.body.data).toMatchObject([{ title: 'Fresh' }]);
    expect((await call('/api/v2/deals?updated_since=yesterday')).status).toBe(400);
    expect((await call('/api/v2/deals?sort_by=title')).status).toBe(400);
    expect((await call('/api/v2/deals?limit=501')).status).toBe(400);
    expect((await call('/api/v2/deals?cursor=garbage')).status).toBe(400);
  });

  test('v2 writes take JSON only and refuse unknown fields', async () => {
    expect((await call('/api/v2/deals', { method: 'POST', body: { title: 'x' }, form: true })).status).toBe(415);
    const unknown = await call('/api/v2/persons', { method: 'POST', body: { name: 'x', email: 'x@y.z' } });
    expect(unknown).toMatchObject({ status: 400, body: { success: false, error: expect.stringContaining("'email' is not allowed") } });
    const missing = await call('/api/v2/deals', { method: 'POST', body: { value: 3 } });
    expect(missing.body.error).toContain("'title' is required");
    // The SDK's AddDealRequest has no add_time (persons and organizations take one).
    const backdated = await call('/api/v2/deals', { method: 'POST', body: { title: 'x', add_time: '2025-01-01T00:00:00Z' } });
    expect(backdated.body.error).toContain("'add_time' is not allowed");
    expect((await call('/api/v2/persons', { method: 'POST', body: { name: 'x', add_time: '2025-01-01T00:00:00Z' } })).status).toBe(200);
  });

  test('delete answers the id and hides the record from lists', async () => {
    const deal = fake.seed('deal', { title: 'Gone' });
    expect((await call(`/api/v2/deals/${deal.id}`, { method: 'DELETE' })).body).toEqual({ success: true, data: { id: deal.id }, additional_data: null });
    expect((await call(`/api/v2/deals/${deal.id}`)).status).toBe(404);
    expect((await call(`/api/v2/deals?ids=${deal.id}&status=deleted`)).body.data).toMatchObject([{ id: deal.id, is_deleted: true }]);
  });
});

describe('rate limits and webhooks', () => {
  test('rateLimitNext answers 429 with Retry-After and x-ratelimit-* headers, then recovers', async () => {
    fake.rateLimitNext(1, { retryAfterSeconds: 3 });
    const limited = await call('/api/v1/users/me');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(limited.headers.get('x-ratelimit-limit')).toBeTruthy();
    expect((await call('/api/v1/users/me')).status).toBe(200);
  });

  test('webhooks register (JSON or form), list with their Basic auth as the SDK’s BaseWebhook has it, and delete', async () => {
    const created = await call('/api/v1/webhooks', {
      method: 'POST',
      body: { subscription_url: 'http://127.0.0.1:9/h', event_action: 'added', event_object: 'deal', name: 'n', http_auth_user: 'u', http_auth_password: 'p' },
      form: true,
    });
    expect(created).toMatchObject({
      status: 201,
      body: { success: true, data: { event_action: 'create', event_object: 'deal', version: '2.0', http_auth_user: 'u' } },
    });
    expect(created.body.data).toMatchObject({ http_auth_password: 'p', remove_reason: null, admin_id: 1 });
    const id = (created.body.data as { id: number }).id;
    expect((await call('/api/v1/webhooks')).body.data).toHaveLength(1);
    expect(
      (await call('/api/v1/webhooks', { method: 'POST', body: { subscription_url: 'http://127.0.0.1:9/h', event_action: 'create', event_object: 'deal' } }))
        .body.error,
    ).toBe('name is required');
    expect((await call(`/api/v1/webhooks/${id}`, { method: 'DELETE' })).body).toEqual({ status: 'ok', success: true });
    expect((await call(`/api/v1/webhooks/${id}`, { method: 'DELETE' })).status).toBe(404);
  });
});
