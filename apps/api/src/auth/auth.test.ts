import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Caller, signup, startTestApi, uniqueEmail, type TestApi } from '../../test/harness.ts';

let api: TestApi;
beforeAll(async () => {
  // Addresses come from X-Forwarded-For, so one test can log in from several.
  api = await startTestApi({ TRUST_PROXY: 'true', LOGIN_ADDRESS_MAX_FAILURES: '12' });
});
afterAll(() => api.close());

describe('signup', () => {
  it('creates the user and an owned workspace, and sets an httpOnly SameSite session cookie', async () => {
    const email = uniqueEmail('Signup');
    const reply = await new Caller(api.app).post('/api/v1/auth/signup', { email, password: 'correct horse', workspaceName: 'Acme' });
    expect(reply.status).toBe(201);
    expect(reply.body).toEqual({
      user: { id: expect.stringMatching(/^usr_/), email: email.toLowerCase() },
      workspace: { id: expect.stringMatching(/^ws_/), name: 'Acme' },
    });
    const setCookie = String(reply.headers['set-cookie']);
    expect(setCookie).toMatch(/sy_session=/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).not.toMatch(/Secure/); // PUBLIC_URL is http in tests; https turns Secure on (see config tests)
    const me = await new Caller(api.app, { cookie: reply.cookie! }).get('/api/v1/me');
    expect(me.body.workspaces).toEqual([{ id: reply.body.workspace.id, name: 'Acme', role: 'owner' }]);
  });

  it('refuses a second account with the same e-mail, whatever its case', async () => {
    const email = uniqueEmail('dup');
    await new Caller(api.app).post('/api/v1/auth/signup', { email, password: 'first plum orchard', workspaceName: 'A' });
    const again = await new Caller(api.app).post('/api/v1/auth/signup', { email: email.toUpperCase(), password: 'second plum orchard', workspaceName: 'B' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('email_taken');
  });

  it('names every bad field at once', async () => {
    const reply = await new Caller(api.app).post('/api/v1/auth/signup', { email: 'nope', password: 'short', workspaceName: '' });
    expect(reply.status).toBe(422);
    expect(reply.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['body.email', 'body.password', 'body.workspaceName']);
  });

  it.each(['password', '12345678', 'qwertyuiop'])('refuses the common password %j with 422 saying why and what to do', async (password) => {
    const reply = await new Caller(api.app).post('/api/v1/auth/signup', { email: uniqueEmail('weak'), password, workspaceName: 'Weak' });
    expect(reply.status).toBe(422);
    expect(reply.body.error.code).toBe('weak_password');
    expect(reply.body.error.message).toMatch(/^This password is too easy to guess\. This is a \w+ used password\. Add more words/);
    expect(reply.body.error.details).toEqual([{ path: 'body.password', message: reply.body.error.message }]);
  });

  it('refuses a password made of the e-mail or the workspace name', async () => {
    const email = uniqueEmail('personal');
    const asEmail = await new Caller(api.app).post('/api/v1/auth/signup', { email, password: email, workspaceName: 'Personal' });
    expect(asEmail.status).toBe(422);
    expect(asEmail.body.error.message).toContain('personal');
    const asWorkspace = await new Caller(api.app).post('/api/v1/auth/signup', { email, password: 'Bramblewick Tiller', workspaceName: 'Bramblewick Tiller' });
    expect(asWorkspace.status).toBe(422);
    expect(asWorkspace.body.error.code).toBe('weak_password');
  });

  it('judges only the start of a very long password, so checking it cannot stall the API', async () => {
    // 256 characters of symbols and digits: zxcvbn's default settings spend about a second on it here.
    const long = Array.from({ length: 256 }, (_, i) => String.fromCharCode(33 + ((i * 7919) % 90))).join('');
    const started = performance.now();
    const reply = await new Caller(api.app).post('/api/v1/auth/signup', { email: uniqueEmail('long'), password: long, workspaceName: 'Long' });
    expect(reply.body.error.code).toBe('weak_password');
    expect(performance.now() - started).toBeLessThan(400);
  });

  it('stores a scrypt hash, never the password', async () => {
    const account = await signup(api.app, 'hash');
    const row = await api.deps.db.prisma.user.findUniqueOrThrow({ where: { id: account.user.id } });
    expect(row.passwordHash).toMatch(/^scrypt\$/);
    expect(row.passwordHash).not.toContain(account.password);
  });
});

describe('login and logout', () => {
  it('logs in with the right password and lists workspaces with roles', async () => {
    const account = await signup(api.app, 'login');
    const reply = await new Caller(api.app).post('/api/v1/auth/login', { email: account.email, password: account.password });
    expect(reply.status).toBe(200);
    expect(reply.body.user.email).toBe(account.email);
    expect(reply.body.workspaces).toEqual([{ id: account.workspace.id, name: account.workspace.name, role: 'owner' }]);
    expect(reply.cookie).toMatch(/^sy_session=/);
  });

  it('answers 401 with the same message for a wrong password and an unknown e-mail', async () => {
    const account = await signup(api.app, 'wrong');
    const wrong = await new Caller(api.app).post('/api/v1/auth/login', { email: account.email, password: 'not it at all' });
    const unknown = await new Caller(api.app).post('/api/v1/auth/login', { email: uniqueEmail('ghost'), password: 'whatever1' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error.message).toBe(unknown.body.error.message);
  });

  it('logout ends the session: the old cookie no longer works', async () => {
    const account = await signup(api.app, 'logout');
    expect((await account.caller.get('/api/v1/me')).status).toBe(200);
    const out = await account.caller.post('/api/v1/auth/logout');
    expect(out.status).toBe(204);
    const after = await account.caller.get('/api/v1/me');
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('unauthorized');
  });

  it('answers 401 to /me without credentials and with a forged cookie', async () => {
    expect((await new Caller(api.app).get('/api/v1/me')).status).toBe(401);
    expect((await new Caller(api.app, { cookie: 'sy_session=forged' }).get('/api/v1/me')).status).toBe(401);
  });
});

describe('login throttling', () => {
  const loginFrom = (address: string, email: string, password: string) =>
    new Caller(api.app).request('POST', '/api/v1/auth/login', { email, password }, { 'x-forwarded-for': address });
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it("an attacker's 20 wrong passwords never lock the owner out of their own address", async () => {
    const owner = await signup(api.app, 'targeted');
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await loginFrom('203.0.113.7', owner.email, `guess number ${i}`)).status);
    expect(statuses).toEqual([...Array(5).fill(401), ...Array(15).fill(429)]);
    const fromHome = await loginFrom('198.51.100.20', owner.email, owner.password);
    expect(fromHome.status).toBe(200);
  });

  it("slows the attacker's address with 429s whose wait doubles, and says why and for how long", async () => {
    const owner = await signup(api.app, 'escalating');
    for (let i = 0; i < 5; i++) await loginFrom('203.0.113.8', owner.email, `guess number ${i}`);
    const first = await loginFrom('203.0.113.8', owner.email, owner.password);
    expect(first.status).toBe(429);
    expect(first.body.error.code).toBe('rate_limited');
    expect(first.headers['retry-after']).toBe('1');
    expect(first.body.error.message).toBe(
      '5 wrong passwords for this account from your address: wait 1 second before trying again. ' +
        'Each further wrong password doubles the wait, up to 15 minutes; logging in from another address is not affected.',
    );
    await sleep(1100);
    expect((await loginFrom('203.0.113.8', owner.email, 'guess number 5')).status).toBe(401);
    const second = await loginFrom('203.0.113.8', owner.email, 'guess number 6');
    expect(second.headers['retry-after']).toBe('2');
    expect(second.body.error.message).toMatch(/^6 wrong passwords for this account from your address: wait 2 seconds before/);
    await sleep(2100);
    expect((await loginFrom('203.0.113.8', owner.email, 'guess number 7')).status).toBe(401);
    expect((await loginFrom('203.0.113.8', owner.email, 'guess number 8')).headers['retry-after']).toBe('4');
  });

  it("a successful login clears that address's failures for the account", async () => {
    const owner = await signup(api.app, 'forgetful');
    const statuses: number[] = [];
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 4; i++) statuses.push((await loginFrom('198.51.100.30', owner.email, 'a wrong guess')).status);
      statuses.push((await loginFrom('198.51.100.30', owner.email, owner.password)).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 200, 401, 401, 401, 401, 200]);
  });

  it('caps wrong passwords from one address across many accounts, and not other addresses', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 13; i++) statuses.push((await loginFrom('203.0.113.9', uniqueEmail('stuffed'), 'leaked password 1')).status);
    expect(statuses).toEqual([...Array(12).fill(401), 429]);
    const refused = await loginFrom('203.0.113.9', uniqueEmail('stuffed'), 'leaked password 1');
    expect(refused.body.error.message).toMatch(/^12 wrong passwords from your address, across accounts: wait \d+ minutes before trying again\.$/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(3000);
    expect((await loginFrom('198.51.100.40', uniqueEmail('stuffed'), 'leaked password 1')).status).toBe(401);
  });
});

describe('cross-site requests', () => {
  it('refuses a cookie-authenticated write from another origin', async () => {
    const account = await signup(api.app, 'csrf');
    const reply = await account.caller.request('POST', '/api/v1/workspaces', { name: 'Evil' }, { origin: 'https://evil.example' });
    expect(reply.status).toBe(403);
    expect(reply.body.error.code).toBe('csrf_rejected');
    const same = await account.caller.request('POST', '/api/v1/workspaces', { name: 'Fine' }, { origin: 'http://localhost:3000' });
    expect(same.status).toBe(201);
  });
});

describe('logs', () => {
  it('never contain passwords, session tokens or API keys', async () => {
    const account = await signup(api.app, 'logged');
    await new Caller(api.app).post('/api/v1/auth/login', { email: account.email, password: account.password });
    const key = await account.caller.post(`/api/v1/workspaces/${account.workspace.id}/api-keys`, { name: 'k' });
    await new Caller(api.app, { token: key.body.token }).get('/api/v1/me');
    const text = api.logs.join('\n');
    expect(text.length).toBeGreaterThan(0);
    expect(text).toContain('"url":"/api/v1/me"');
    for (const secret of [account.password, account.caller.auth.cookie!.split('=')[1]!, key.body.token]) {
      expect(text).not.toContain(secret);
    }
  });
});
