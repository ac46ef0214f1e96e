// Runs the API in-process against a fresh database and the real Redis, with a small cookie-aware client.
import { loadConfig, type Config } from '@switchyard/config';
import { createTestDatabase, testEnv } from '@switchyard/testing';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp } from '../src/app.ts';
import { createDeps } from '../src/deps.ts';
import type { Deps } from '../src/http/deps.ts';

export interface TestApi {
  app: FastifyInstance;
  deps: Deps;
  config: Config;
  logs: string[];
  close(): Promise<void>;
}

export async function startTestApi(overrides: Record<string, string> = {}): Promise<TestApi> {
  const database = await createTestDatabase('api');
  const config = loadConfig(testEnv(database.url, { LOG_LEVEL: 'info', ...overrides }));
  const deps = await createDeps(config);
  const logs: string[] = [];
  const app = await buildApp(deps, {
    logger: { level: 'info', stream: { write: (line: string) => void logs.push(line) } },
  });
  await app.ready();
  return {
    app,
    deps,
    config,
    logs,
    async close() {
      await app.close();
      await deps.close();
      await database.drop();
    },
  };
}

export interface Reply {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: replies are JSON inspected field by field in assertions; typing each one would add nothing the assertions do not check.
  body: any;
  headers: Record<string, string | string[] | number | undefined>;
  cookie?: string;
}

let counter = 0;
export const uniqueEmail = (label = 'user') => `${label}.${Date.now().toString(36)}.${counter++}@example.com`;

/** A caller: a session cookie or an API key. */
export class Caller {
  constructor(
    private readonly app: FastifyInstance,
    readonly auth: { cookie?: string; token?: string } = {},
  ) {}

  async request(method: InjectOptions['method'], url: string, payload?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
    const allHeaders: Record<string, string> = { ...headers };
    if (this.auth.cookie) allHeaders.cookie = this.auth.cookie;
    if (this.auth.token) allHeaders.authorization = `Bearer ${this.auth.token}`;
    const options: InjectOptions = { method, url, headers: allHeaders };
    if (payload !== undefined) options.payload = typeof payload === 'string' ? payload : (payload as InjectOptions['payload']);
    if (payload !== undefined && typeof payload !== 'string') allHeaders['content-type'] ??= 'application/json';
    const response = await this.app.inject(options);
    const setCookie = response.headers['set-cookie'];
    const cookieLine = Array.isArray(setCookie) ? setCookie[0] : setCookie;
    let body: unknown = response.body;
    try {
      body = response.body ? JSON.parse(response.body) : null;
    } catch {
      /* not JSON */
    }
    return { status: response.statusCode, body, headers: response.headers, ...(cookieLine ? { cookie: cookieLine.split(';')[0] } : {}) };
  }

  get = (url: string) => this.request('GET', url);
  post = (url: string, payload: unknown = {}) => this.request('POST', url, payload);
  patch = (url: string, payload: unknown = {}) => this.request('PATCH', url, payload);
  put = (url: string, payload: unknown = {}) => this.request('PUT', url, payload);
  delete = (url: string) => this.request('DELETE', url);
}

export interface Account {
  caller: Caller;
  user: { id: string; email: string };
  workspace: { id: string; name: string };
  email: string;
  password: string;
}

export async function signup(app: FastifyInstance, label = 'user'): Promise<Account> {
  const email = uniqueEmail(label);
  const password = `pw-${label}-${counter}-secret`;
  const reply = await new Caller(app).post('/api/v1/auth/signup', { email, password, workspaceName: `${label} workspace` });
  if (reply.status !== 201 || !reply.cookie) throw new Error(`signup failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  return { caller: new Caller(app, { cookie: reply.cookie }), user: reply.body.user, workspace: reply.body.workspace, email, password };
}

/** Adds `member` to `owner`'s workspace with a role. */
export async function addMember(owner: Account, member: Account, role: string) {
  const reply = await owner.caller.post(`/api/v1/workspaces/${owner.workspace.id}/members`, { email: member.email, role });
  if (reply.status !== 201) throw new Error(`add member failed: ${reply.status} ${JSON.stringify(reply.body)}`);
}

export async function mintKey(account: Account, workspaceId = account.workspace.id, body: object = { name: 'test key' }) {
  const reply = await account.caller.post(`/api/v1/workspaces/${workspaceId}/api-keys`, body);
  if (reply.status !== 201) throw new Error(`mint key failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body as { id: string; token: string; role: string };
}
