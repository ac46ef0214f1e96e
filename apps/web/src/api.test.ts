// Tests of the API fetch wrapper: request shape, error envelope parsing and Retry-After.
import { describe, expect, it, vi } from 'vitest';
import { api, ApiError, fieldErrors, otherDetails, parseRetryAfter, wsPath } from './api.ts';
import { errorReply, stubFetch } from './test/fetch-stub.ts';

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

describe('api()', () => {
  it('sends JSON to /api/v1 with same-origin credentials and resolves with the parsed body', async () => {
    const calls = stubFetch({ 'POST /api/v1/workspaces': { status: 201, body: { id: 'ws_2', name: 'Ops', role: 'owner' } } });

    const created = await api<{ id: string }>('/workspaces', { method: 'POST', body: { name: 'Ops' } });

    expect(created).toEqual({ id: 'ws_2', name: 'Ops', role: 'owner' });
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call?.body).toEqual({ name: 'Ops' });
    expect(call?.init.credentials).toBe('same-origin');
    expect(call?.init.headers).toMatchObject({ 'content-type': 'application/json', accept: 'application/json' });
  });

  it('adds query parameters and leaves out the empty ones', async () => {
    const calls = stubFetch({ 'GET /api/v1/workspaces/ws_1/members': { body: { data: [], nextCursor: null } } });

    await api('/workspaces/ws_1/members', { query: { limit: 50, cursor: null } });

    expect(calls[0]?.query.toString()).toBe('limit=50');
  });

  it('resolves undefined for 204 No Content', async () => {
    stubFetch({ 'POST /api/v1/auth/logout': { status: 204 } });

    await expect(api('/auth/logout', { method: 'POST' })).resolves.toBeUndefined();
  });

  it('turns the error envelope into an ApiError with status, code, message and normalised detail paths', async () => {
    stubFetch({
      'POST /api/v1/auth/signup': errorReply(422, 'validation_failed', 'Some fields are not valid.', [
        { path: ['body', 'email'], message: 'Email is already registered.' },
        { path: '/body/password', message: 'Too short.' },
        { path: 'workspaceName', message: 'Required.' },
      ]),
    });

    const error = await failure(api('/auth/signup', { method: 'POST', body: {} }));

    expect(error.status).toBe(422);
    expect(error.code).toBe('validation_failed');
    expect(error.message).toBe('Some fields are not valid.');
    expect(error.details).toEqual([
      { path: 'email', message: 'Email is already registered.' },
      { path: 'password', message: 'Too short.' },
      { path: 'workspaceName', message: 'Required.' },
    ]);
    expect(error.retryAfter).toBeNull();
  });

  it('reads Retry-After seconds into retryAfter on a 429', async () => {
    stubFetch({
      'POST /api/v1/auth/login': errorReply(429, 'rate_limited', 'Too many login attempts.', [], { 'Retry-After': '42' }),
    });

    const error = await failure(api('/auth/login', { method: 'POST', body: {} }));

    expect(error.status).toBe(429);
    expect(error.code).toBe('rate_limited');
    expect(error.retryAfter).toBe(42);
  });

  it("keeps the message of an error body that is not the envelope (e.g. a framework's default 404)", async () => {
    stubFetch({
      'GET /api/v1/workspaces/ws_1/zaps': {
        status: 404,
        body: { message: 'Route GET:/api/v1/workspaces/ws_1/zaps not found', error: 'Not Found', statusCode: 404 },
      },
    });

    const error = await failure(api('/workspaces/ws_1/zaps'));

    expect(error.status).toBe(404);
    expect(error.code).toBe('http_404');
    expect(error.message).toBe('Route GET:/api/v1/workspaces/ws_1/zaps not found');
  });

  it('falls back to the status line when the error body is not JSON', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' })),
    );

    const error = await failure(api('/me'));

    expect(error.status).toBe(502);
    expect(error.message).toBe('The request failed (502 Bad Gateway).');
  });

  it('reports an unreachable server as ApiError status 0 with code network_error', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );

    const error = await failure(api('/me'));

    expect(error.status).toBe(0);
    expect(error.code).toBe('network_error');
  });

  it('rethrows an abort unchanged so query cancellation is not reported as a failure', async () => {
    const controller = new AbortController();
    controller.abort();
    const abort = new DOMException('aborted', 'AbortError');
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(abort)),
    );

    await expect(api('/me', { signal: controller.signal })).rejects.toBe(abort);
  });
});

describe('parseRetryAfter()', () => {
  it('accepts delay seconds and HTTP dates, and ignores garbage', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(parseRetryAfter('30', now)).toBe(30);
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:01:30 GMT', now)).toBe(90);
    expect(parseRetryAfter('Tue, 31 Dec 2024 23:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});

describe('field details', () => {
  it('gives each input its first detail and leaves the rest for the banner', () => {
    const error = new ApiError({
      status: 422,
      code: 'validation_failed',
      message: 'Invalid.',
      details: [
        { path: 'email', message: 'Not an email.' },
        { path: 'email', message: 'Second problem.' },
        { path: 'plan', message: 'Unknown plan.' },
      ],
    });

    expect(fieldErrors(error)).toEqual({ email: 'Not an email.', plan: 'Unknown plan.' });
    expect(otherDetails(error, ['email'])).toEqual([{ path: 'plan', message: 'Unknown plan.' }]);
    expect(fieldErrors(new Error('not from the API'))).toEqual({});
  });

  it('encodes workspace path segments', () => {
    expect(wsPath('ws 1', 'members', 'u/2')).toBe('/workspaces/ws%201/members/u%2F2');
  });
});
