// An HTTP client for a running stack that keeps every exchange, so a suite can afterwards scan all it was answered.
import { until } from '@switchyard/testing';

export interface Exchange {
  method: string;
  path: string;
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Everything the suite was answered, in order. */
export class Transcript {
  readonly exchanges: Exchange[] = [];
  add(exchange: Exchange): Exchange {
    this.exchanges.push(exchange);
    return exchange;
  }
}

export interface Reply {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: replies are JSON inspected field by field in assertions; typing each one would add nothing the assertions do not check.
  body: any;
  headers: Record<string, string>;
  exchange: Exchange;
}

export interface Credentials {
  /** The session cookie as sent back: `sy_session=<token>`. */
  cookie?: string;
  /** An API key token, sent as `Authorization: Bearer`. */
  token?: string;
}

export class ApiClient {
  constructor(
    readonly base: string,
    readonly transcript: Transcript,
    public credentials: Credentials = {},
  ) {}

  /** The same stack and transcript with other credentials. */
  as(credentials: Credentials): ApiClient {
    return new ApiClient(this.base, this.transcript, credentials);
  }

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
    const sent: Record<string, string> = { ...headers };
    if (body !== undefined && typeof body !== 'string') sent['content-type'] ??= 'application/json';
    if (this.credentials.cookie) sent.cookie = this.credentials.cookie;
    if (this.credentials.token) sent.authorization = `Bearer ${this.credentials.token}`;
    const response = await fetch(this.base + path, {
      method,
      headers: sent,
      redirect: 'manual',
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    const responseHeaders: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      responseHeaders[name] = value;
    });
    const setCookie = response.headers.getSetCookie();
    if (setCookie.length > 0) responseHeaders['set-cookie'] = setCookie.join('\n');
    const exchange = this.transcript.add({ method, path, status: response.status, headers: responseHeaders, body: text });
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: kept as text
    }
    return { status: response.status, body: parsed, headers: responseHeaders, exchange };
  }

  get = (path: string) => this.request('GET', path);
  post = (path: string, body: unknown = {}) => this.request('POST', path, body);
  put = (path: string, body: unknown = {}) => this.request('PUT', path, body);
  patch = (path: string, body: unknown = {}) => this.request('PATCH', path, body);
  delete = (path: string) => this.request('DELETE', path);

  until<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
    return until(what, check, timeoutMs);
  }
}

/** The session token a signup or login set, from its Set-Cookie header (`sy_session=<token>; HttpOnly; ...`). */
export function sessionCookie(reply: Reply): { cookie: string; token: string } {
  const line = (reply.headers['set-cookie'] ?? '').split('\n').find((cookie) => cookie.startsWith('sy_session='));
  if (!line) throw new Error(`no session cookie in the reply (status ${reply.status})`);
  const cookie = line.split(';')[0]!;
  return { cookie, token: cookie.slice('sy_session='.length) };
}
