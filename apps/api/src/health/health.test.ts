import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@switchyard/config';
import { testEnv } from '@switchyard/testing';
import { buildApp } from '../app.ts';
import { createDeps } from '../deps.ts';
import { startTestApi, type TestApi } from '../../test/harness.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

describe('health, readiness, metrics and docs', () => {
  it('/healthz and /readyz answer 200 when PostgreSQL and Redis are up', async () => {
    expect((await api.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await api.app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', checks: { postgres: 'ok', redis: 'ok' } });
  });

  it('/readyz answers 503 naming what is down when PostgreSQL or Redis cannot be reached', async () => {
    const config = loadConfig(testEnv('postgres://postgres@127.0.0.1:1/none', { REDIS_URL: 'redis://127.0.0.1:1' }));
    const deps = await createDeps(config);
    const app = await buildApp(deps, { logger: false });
    try {
      const reply = await app.inject('/readyz');
      expect(reply.statusCode).toBe(503);
      const body = reply.json();
      expect(body.status).toBe('unavailable');
      expect(body.checks.postgres).toMatch(/^error: /);
      expect(body.checks.redis).toMatch(/^error: /);
      // Data routes answer 503 too, not 500, while the database is away.
      const me = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'a@b.co', password: 'x' } });
      expect(me.statusCode).toBe(503);
    } finally {
      await app.close();
      await deps.close();
    }
  });

  it('/metrics serves Prometheus text with request counts', async () => {
    await api.app.inject('/healthz');
    const reply = await api.app.inject('/metrics');
    expect(reply.headers['content-type']).toMatch(/text\/plain/);
    expect(reply.body).toMatch(/switchyard_http_requests_total\{method="GET",route="\/healthz",status="200"\} \d+/);
    expect(reply.body).toContain('process_cpu_user_seconds_total');
    expect(reply.body).toMatch(/switchyard_run_queue_jobs\{state="waiting"\} \d+/);
  });

  it('/metrics counts every route of the app by its pattern, API routes included', async () => {
    await api.app.inject('/api/v1/apps');
    await api.app.inject('/api/v1/workspaces/ws_counted_by_pattern/zaps');
    const body = (await api.app.inject('/metrics')).body;
    expect(body).toMatch(/switchyard_http_requests_total\{method="GET",route="\/api\/v1\/apps",status="200"\} [1-9]/);
    expect(body).toMatch(/switchyard_http_requests_total\{method="GET",route="\/api\/v1\/workspaces\/:ws\/zaps",status="401"\} [1-9]/);
    expect(body).toMatch(/switchyard_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/apps"\} [1-9]/);
    expect(body).not.toContain('ws_counted_by_pattern');
  });

  it('/api/docs serves the OpenAPI document to programs and the UI to browsers', async () => {
    const json = await api.app.inject('/api/docs');
    const document = json.json();
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/v1/auth/signup', '/api/v1/workspaces/{ws}/members', '/api/v1/workspaces/{ws}/api-keys']),
    );
    expect(document.paths['/api/v1/auth/signup'].post.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['email', 'password', 'workspaceName']),
    );
    const html = await api.app.inject({ url: '/api/docs', headers: { accept: 'text/html' } });
    expect(html.statusCode).toBe(302);
    expect(html.headers.location).toBe('/api/docs/ui/');
  });

  it('sends security headers and a request id', async () => {
    const reply = await api.app.inject('/healthz');
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['content-security-policy']).toContain("default-src 'self'");
    expect(reply.headers['x-request-id']).toMatch(/.+/);
  });
});
