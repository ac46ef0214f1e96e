// Load shedding through a real API instance: per-caller rate limits in Redis, and 503 while the event loop lags.
import { afterEach, describe, expect, it } from 'vitest';
import { Caller, mintKey, signup, startTestApi, type TestApi } from '../../test/harness.ts';

let api: TestApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

/** Keeps the event loop busy, as a slow synchronous step in the API process would. */
function stall(ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // Spinning on purpose: nothing else may run meanwhile.
  }
}

describe('per-caller rate limits on API routes', () => {
  it('answers 429 with Retry-After in the error envelope once a session, an API key or an address has used its minute', async () => {
    api = await startTestApi({ API_RATE_PER_MINUTE: '3' });
    const ann = await signup(api.app, 'ann');
    const bob = await signup(api.app, 'bob');

    for (let i = 0; i < 3; i++) expect((await ann.caller.get('/api/v1/me')).status).toBe(200);
    const refused = await ann.caller.get('/api/v1/me');
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatchObject({ code: 'rate_limited', message: expect.stringContaining('3 a minute') });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);

    // Another session, and an API key, count on their own.
    expect((await bob.caller.get('/api/v1/me')).status).toBe(200);
    const key = new Caller(api.app, { token: (await mintKey(bob)).token });
    for (let i = 0; i < 3; i++) expect((await key.get(`/api/v1/workspaces/${bob.workspace.id}`)).status).toBe(200);
    expect((await key.get(`/api/v1/workspaces/${bob.workspace.id}`)).status).toBe(429);

    // Without credentials the address counts: it has made the two signups already.
    const anonymous = new Caller(api.app);
    expect((await anonymous.get('/api/v1/me')).status).toBe(401);
    expect((await anonymous.get('/api/v1/me')).status).toBe(429);

    // Health and metrics are not API routes and are never counted.
    for (let i = 0; i < 5; i++) {
      expect((await api.app.inject('/healthz')).statusCode).toBe(200);
      expect((await api.app.inject('/metrics')).statusCode).toBe(200);
    }
  });
});

/** Asks until the API serves the request normally: a loaded machine can lag past a small threshold on its own. */
async function whenQuiet(app: TestApi['app']): Promise<number> {
  let status = 0;
  for (let attempt = 0; attempt < 50 && status !== 401; attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 100));
    status = (await app.inject('/api/v1/me')).statusCode;
  }
  return status;
}

describe('load shedding', () => {
  it('answers 503 with Retry-After while the event loop lags, and still answers /healthz', async () => {
    api = await startTestApi({ API_MAX_EVENT_LOOP_DELAY_MS: '50', API_OVERLOAD_RETRY_AFTER_SECONDS: '7' });
    const app = api.app;
    expect(await whenQuiet(app)).toBe(401);

    // The lag is sampled on a timer: stall until a sample has seen it (the first stall normally suffices).
    let shed: { health: number; api: Awaited<ReturnType<typeof app.inject>> } | undefined;
    for (let attempt = 0; attempt < 20 && !shed; attempt++) {
      stall(300);
      const [health, me] = await Promise.all([app.inject('/healthz'), app.inject('/api/v1/me')]);
      if (me.statusCode === 503) shed = { health: health.statusCode, api: me };
    }
    expect(shed, 'no request was shed').toBeDefined();
    expect(shed?.health).toBe(200);
    expect(shed?.api.headers['retry-after']).toBe('7');
    expect(shed?.api.json().error).toMatchObject({ code: 'unavailable', message: expect.stringContaining('overloaded') });

    // Once the loop is quiet again, requests are served.
    expect(await whenQuiet(app)).toBe(401);
  });
});
