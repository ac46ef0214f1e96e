// A tiny fetch stand-in for component tests: answers "METHOD /path" from a table and records every call.
import { vi } from 'vitest';

export type StubCall = { method: string; path: string; query: URLSearchParams; body: unknown; init: RequestInit };
export type StubReply = { status?: number; body?: unknown; headers?: Record<string, string> };
export type StubRoutes = Record<string, StubReply | ((call: StubCall) => StubReply)>;

/** Replaces global fetch; unknown routes answer 404 in the API's error envelope. Returns the recorded calls. */
export function stubFetch(routes: StubRoutes): StubCall[] {
  const calls: StubCall[] = [];
  const fetchStub = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, 'http://localhost');
    const method = init.method ?? 'GET';
    const body: unknown = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    const call: StubCall = { method, path: url.pathname, query: url.searchParams, body, init };
    calls.push(call);
    const route = routes[`${method} ${url.pathname}`];
    const reply: StubReply = route
      ? typeof route === 'function'
        ? route(call)
        : route
      : { status: 404, body: { error: { code: 'not_found', message: `No stub for ${method} ${url.pathname}` } } };
    const status = reply.status ?? 200;
    const text = reply.body === undefined || status === 204 ? null : JSON.stringify(reply.body);
    return new Response(text, { status, headers: { 'content-type': 'application/json', ...reply.headers } });
  };
  vi.stubGlobal('fetch', vi.fn(fetchStub));
  return calls;
}

/** An API error reply in the envelope of API.md. */
export function errorReply(
  status: number,
  code: string,
  message: string,
  details: Array<{ path: unknown; message: string }> = [],
  headers: Record<string, string> = {},
): StubReply {
  return { status, body: { error: { code, message, details } }, headers };
}
