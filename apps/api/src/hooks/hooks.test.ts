import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Caller, signup, startTestApi, type Account, type TestApi } from '../../test/harness.ts';

let api: TestApi;
let owner: Account;
let hookPath: string;
let offHookPath: string;
let zapId: string;

async function counts() {
  const prisma = api.deps.db.prisma;
  return { events: await prisma.triggerEvent.count({ where: { zapId } }), runs: await prisma.run.count({ where: { zapId } }) };
}

beforeAll(async () => {
  api = await startTestApi({ HOOK_MAX_BODY_BYTES: '2048', HOOK_RATE_PER_SECOND: '1000' });
  owner = await signup(api.app, 'hooks');
  const zaps = `/api/v1/workspaces/${owner.workspace.id}/zaps`;
  const on = await owner.caller.post(zaps, { name: 'on', trigger: { app: 'webhooks', event: 'catch_hook' }, steps: [] });
  await owner.caller.post(`${zaps}/${on.body.id}/publish`);
  zapId = on.body.id;
  hookPath = new URL(on.body.hookUrl).pathname;
  const off = await owner.caller.post(zaps, { name: 'off', trigger: { app: 'webhooks', event: 'catch_hook' }, steps: [] });
  offHookPath = new URL(off.body.hookUrl).pathname;
});
afterAll(() => api.close());

const anonymous = () => new Caller(api.app);

describe('catch hooks', () => {
  it('accepts JSON and stores {method, query, headers, body} with credentials removed, before answering', async () => {
    const reply = await anonymous().request(
      'POST',
      `${hookPath}?source=crm&tag=a&tag=b`,
      { deal: { id: 7, title: 'Ünïcode ✓' } },
      {
        authorization: 'Bearer secret-token',
        cookie: 'session=abc',
        'x-custom': 'yes',
      },
    );
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ status: 'success', id: expect.stringMatching(/^evt_/), requestId: reply.body.id });
    const event = await api.deps.db.prisma.triggerEvent.findUniqueOrThrow({ where: { id: reply.body.id }, include: { runs: true } });
    expect(event.data).toMatchObject({ method: 'POST', query: { source: 'crm', tag: ['a', 'b'] }, body: { deal: { id: 7, title: 'Ünïcode ✓' } } });
    const headers = (event.data as { headers: Record<string, string> }).headers;
    expect(headers['x-custom']).toBe('yes');
    expect(headers.authorization).toBeUndefined();
    expect(headers.cookie).toBeUndefined();
    expect(event.runs).toEqual([expect.objectContaining({ status: 'queued', zapVersion: 1 })]);
  });

  it('accepts every method, form and text bodies, and no body at all', async () => {
    for (const method of ['GET', 'PUT', 'PATCH', 'DELETE'] as const) {
      expect((await anonymous().request(method, hookPath)).status, method).toBe(200);
    }
    const form = await anonymous().request('POST', hookPath, 'name=Jane+Doe&tags=a&tags=b', { 'content-type': 'application/x-www-form-urlencoded' });
    const text = await anonymous().request('POST', hookPath, 'plain words', { 'content-type': 'text/plain' });
    const data = async (id: string) => (await api.deps.db.prisma.triggerEvent.findUniqueOrThrow({ where: { id } })).data as { body: unknown };
    expect((await data(form.body.id)).body).toEqual({ name: 'Jane Doe', tags: ['a', 'b'] });
    expect((await data(text.body.id)).body).toBe('plain words');
  });

  it('keeps a __proto__ key of a JSON or form body and of the query as an ordinary key, never as a prototype', async () => {
    const own = (value: unknown, key: string) => Object.getOwnPropertyDescriptor(value, key)?.value;
    const data = async (id: string) => (await api.deps.db.prisma.triggerEvent.findUniqueOrThrow({ where: { id } })).data as Record<string, unknown>;
    const json = await anonymous().request('POST', `${hookPath}?__proto__=q`, '{"__proto__": {"x": 1}, "a": 1}', { 'content-type': 'application/json' });
    const form = await anonymous().request('POST', hookPath, '__proto__=f&a=1', { 'content-type': 'application/x-www-form-urlencoded' });
    const fromJson = await data(json.body.id);
    expect(own(fromJson.body, '__proto__')).toEqual({ x: 1 });
    expect(Object.getPrototypeOf(fromJson.body)).toBe(Object.prototype);
    expect(own(fromJson.query, '__proto__')).toBe('q');
    expect(own((await data(form.body.id)).body, '__proto__')).toBe('f');
  });

  it('answers 404 for an unknown key or another workspace’s id, 410 for a zap that is off, storing nothing', async () => {
    const before = await counts();
    const unknown = await anonymous().post(`/hooks/catch/${owner.workspace.id}/not-a-key`, {});
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('hook_not_found');
    const other = await signup(api.app, 'hooks-other');
    expect((await anonymous().post(hookPath.replace(owner.workspace.id, other.workspace.id), {})).status).toBe(404);
    const off = await anonymous().post(offHookPath, {});
    expect(off.status).toBe(410);
    expect(off.body.error.code).toBe('zap_off');
    expect(await counts()).toEqual(before);
  });

  it('answers 413 over the size limit, 400 for broken JSON and 415 for unknown types, storing nothing', async () => {
    const before = await counts();
    const big = await anonymous().request('POST', hookPath, JSON.stringify({ text: 'x'.repeat(5000) }), { 'content-type': 'application/json' });
    expect(big.status).toBe(413);
    const broken = await anonymous().request('POST', hookPath, '{"a":', { 'content-type': 'application/json' });
    expect(broken.status).toBe(400);
    expect(broken.body.error.code).toBe('invalid_json');
    const binary = await anonymous().request('POST', hookPath, 'abc', { 'content-type': 'application/octet-stream' });
    expect(binary.status).toBe(415);
    expect(await counts()).toEqual(before);
  });

  it('while the builder listens, a zap that is off keeps what its hook receives as a sample, and runs nothing', async () => {
    const zaps = `/api/v1/workspaces/${owner.workspace.id}/zaps`;
    const zap = await owner.caller.post(zaps, { name: 'listening', trigger: { app: 'webhooks', event: 'catch_hook' }, steps: [] });
    expect((await owner.caller.post(`${zaps}/${zap.body.id}/samples/listen`)).status).toBe(200);
    const reply = await anonymous().post(new URL(zap.body.hookUrl).pathname, { text: 'nul \u0000 inside' });
    expect(reply.body).toEqual({ status: 'success', sample: true });
    const samples = await owner.caller.get(`${zaps}/${zap.body.id}/samples`);
    expect(samples.body.data).toEqual([expect.objectContaining({ source: 'sample', data: expect.objectContaining({ body: { text: 'nul \ufffd inside' } }) })]);
    expect(await api.deps.db.prisma.run.count({ where: { zapId: zap.body.id } })).toBe(0);
  });

  it('never writes the hook key to the logs', async () => {
    await anonymous().post(hookPath, {});
    const key = hookPath.split('/').pop()!;
    expect(api.logs.join('\n')).toContain('/hooks/catch/');
    expect(api.logs.join('\n')).not.toContain(key);
  });
});

describe('catch hook rate limit', () => {
  it('answers 429 with Retry-After once a workspace exceeds its rate, and stores only what it accepted', async () => {
    const limited = await startTestApi({ HOOK_RATE_PER_SECOND: '5' });
    try {
      const account = await signup(limited.app, 'rate');
      const zaps = `/api/v1/workspaces/${account.workspace.id}/zaps`;
      const zap = await account.caller.post(zaps, { name: 'r', trigger: { app: 'webhooks', event: 'catch_hook' }, steps: [] });
      await account.caller.post(`${zaps}/${zap.body.id}/publish`);
      const path = new URL(zap.body.hookUrl).pathname;
      const replies = await Promise.all(Array.from({ length: 12 }, () => new Caller(limited.app).post(path, {})));
      const accepted = replies.filter((r) => r.status === 200).length;
      const refused = replies.filter((r) => r.status === 429);
      expect(accepted).toBeGreaterThanOrEqual(5);
      expect(refused.length).toBeGreaterThan(0);
      expect(Number(refused[0]!.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(await limited.deps.db.prisma.run.count({ where: { zapId: zap.body.id } })).toBe(accepted);
    } finally {
      await limited.close();
    }
  });
});
