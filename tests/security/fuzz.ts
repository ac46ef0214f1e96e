// Malformed requests for every route: bad JSON, wrong types, huge and deep bodies, unicode edge cases, hostile ids and queries.
import { Agent, request as httpRequest } from 'node:http';
import type { Exchange, Transcript } from '../support/api-client.ts';

/** A route of the OpenAPI document (`{name}` placeholders) or a hook endpoint. */
export interface FuzzRoute {
  method: string;
  path: string;
  /** Top-level body fields the route's schema names, to give them wrong types. */
  fields: string[];
}

export interface FuzzContext {
  routes: FuzzRoute[];
  /** Real values for placeholders, so requests get past "not found" into validation (DELETE never gets them). */
  ids: Record<string, string>;
  /** The catch hook of a published zap: malformed deliveries must be refused or stored, never a 5xx. */
  hook: { ws: string; key: string };
  apiKey: string;
  cookie: string;
  /** An id from another workspace: must be a plain 404, never a leak. */
  foreignWs: string;
}

export interface FuzzCase {
  label: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
}

export interface FuzzResult {
  fuzzCase: FuzzCase;
  status: number | null;
  error?: string;
  body: string;
}

/** mulberry32: a seeded generator, so a failing run can be repeated with FUZZ_SEED. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BAD_JSON = [
  '{',
  '{"name":',
  '{"name":1,}',
  "{'name':'x'}",
  '[1,2',
  'nul',
  'NaN',
  '{"name":NaN}',
  '{"name":Infinity}',
  '{"name":01}',
  '{"name":"\\x41"}',
  '{"name":"\\u12"}',
  '{"name":"\\uZZZZ"}',
  '{"name":"x"}{"b":2}',
  '{"name":"x"} trailing',
  ' ',
  '-',
  '+1',
  '\ufeff{"name":"bom"}',
  '{"a":1e400}',
  '{"name":"x","name":"y"}',
  '{"__proto__":{"admin":true}}',
  '{"constructor":{"prototype":{"admin":true}}}',
  '{"name":"\\"}',
  '{"name":"line\nbreak"}',
  '{"name":"tab\there"}',
  '[]',
  '[[]]',
  'true',
  '0',
  '"str"',
  'null',
  '{}',
  '{"":""}',
  '{"name":"\\ud800"}',
  '{"name":"\\udc00x"}',
  '{"name":"\\u0000"}',
  '{"\\u0000":"key"}',
  '{"name":"a\\u0000b","email":"\\ud83d"}',
];

const UNICODE = [
  '\u0000',
  '\ud800',
  '\udfff',
  'a\ud800b',
  '\uffff',
  '\ufffe',
  '\ufeff',
  '\u202e',
  '\u200b\u200c\u200d',
  'e\u0301',
  '🙂',
  '𝕏'.repeat(500),
  'İ',
  '\u0085',
  '\u2028\u2029',
  `a${'\u0301'.repeat(5000)}`,
  'ﷺ'.repeat(100),
  '\u001b[31mred',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal template-injection probe; the API must store it as text.
  '${7*7}',
  '{{trigger.__proto__}}',
  '%00',
  '../../etc/passwd',
  '\\\\server\\share',
  'CON',
  'x'.repeat(70_000),
];

const WRONG_TYPES: unknown[] = [
  42,
  -1,
  0,
  1e308,
  -0,
  true,
  false,
  null,
  [],
  {},
  '',
  ['a'],
  { $ne: 1 },
  { __proto__: { admin: true } },
  'x'.repeat(300_000),
  [[[[[]]]]],
  { nested: { deeper: [1, { x: null }] } },
];

const HOSTILE_IDS = [
  '..',
  '..%2F..%2Fetc%2Fpasswd',
  '%2e%2e',
  '%2e%2e%2f%2e%2e%2f',
  '....%2F%2F',
  '%00',
  'x'.repeat(201),
  'x'.repeat(199),
  '%F0%9F%99%82',
  '%ED%A0%80',
  '%C0%AF',
  '%FF%FE',
  "'%20OR%201=1--",
  '%3Cscript%3E',
  '*',
  '$',
  `ws_${'Z'.repeat(26)}`,
  'run_0',
  '1e9',
  '-1',
  '%20',
  'null',
  'undefined',
  '__proto__',
  'constructor',
  'prototype',
  '%ZZ',
  '%',
  '%E2%80%AE',
  '%5C..%5C..',
  'a;b',
  'a,b',
  '~',
  '%0d%0aX-Injected:%201',
];

const QUERIES = [
  '?limit=-1',
  '?limit=0',
  '?limit=201',
  '?limit=1e3',
  '?limit=abc',
  '?limit=',
  '?limit[]=1',
  '?limit=1&limit=2',
  '?cursor=%FF',
  `?cursor=${'A'.repeat(5000)}`,
  '?cursor=eyJ4IjoxfQ',
  '?status=bogus',
  '?status[$ne]=x',
  "?zapId='%20OR%201=1--",
  '?__proto__[admin]=1',
  '?constructor[prototype][x]=1',
  '?a=%00',
  `?${'a=1&'.repeat(2000)}`,
  '?includeTests=maybe',
  '?%ZZ',
  '?a=%E2%80%AE',
  '?app=../../etc',
  '?from=not-a-date&to=2026-13-45',
  '?from=9999999999999999',
  `?zapId=zap_${'x'.repeat(300)}`,
  '?&&&',
  '?=',
  '?a[b][c][d][e][f]=1',
  '?limit=%00',
  '?status=succeeded&status=failed',
  '?q=a%00b',
  '?q=%1B%5B31m',
  '?action=%00',
  '?app=x%0Ay',
  '?targetId=%7F',
  '?zapId=zap_%00',
];

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=utf-16',
  'APPLICATION/JSON',
  'application/json;;;',
  'application/vnd.api+json',
  'text/plain',
  'text/xml',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=----x',
  'application/octet-stream',
  'image/png',
  '*/*',
  'json',
];

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

/** Generates `count` malformed requests, spread over the routes and the hook endpoints. */
export function fuzzCases(context: FuzzContext, count: number, random: () => number): FuzzCase[] {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const chance = (p: number) => random() < p;
  const cases: FuzzCase[] = [];
  let huge = 0;

  const jsonWithWrongType = (route: FuzzRoute): string => {
    const fields = route.fields.length > 0 ? route.fields : ['name', 'email', 'role', 'steps', 'trigger', 'credentials'];
    const body: Record<string, unknown> = { name: 'fuzz', email: 'fuzz@example.com', role: 'viewer', password: 'fuzz-password-1', workspaceName: 'fuzz' };
    body[pick(fields)] = pick(WRONG_TYPES);
    if (chance(0.3)) body[pick(fields)] = pick(UNICODE);
    return JSON.stringify(body);
  };

  const deepJson = (): string => {
    const depth = pick([150, 250, 5_000, 100_000]);
    return chance(0.5) ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `{"name":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`;
  };

  const body = (route: FuzzRoute, isHook: boolean): { body: string | Buffer; type: string; label: string } => {
    const roll = random();
    if (roll < 0.25) return { body: pick(BAD_JSON), type: 'application/json', label: 'bad json' };
    if (roll < 0.5) return { body: jsonWithWrongType(route), type: 'application/json', label: 'wrong types' };
    if (roll < 0.6) return { body: deepJson(), type: 'application/json', label: 'deep' };
    if (roll < 0.7)
      return {
        body: JSON.stringify({ name: pick(UNICODE), email: `${pick(UNICODE)}@example.com`, [pick(UNICODE)]: pick(UNICODE) }),
        type: 'application/json',
        label: 'unicode',
      };
    if (roll < 0.75) {
      // Bytes that are not UTF-8 at all: overlong forms, lone continuation bytes, a cut multi-byte character.
      return {
        body: Buffer.concat([
          Buffer.from('{"name":"'),
          Buffer.from(pick([[0xc0, 0xaf], [0xff, 0xfe], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0x80]])),
          Buffer.from('"}'),
        ]),
        type: 'application/json',
        label: 'invalid utf-8',
      };
    }
    if (roll < 0.8) return { body: `[${'0,'.repeat(100_000)}0]`, type: 'application/json', label: 'wide' };
    if (roll < 0.81 && huge < 40) {
      huge++;
      const size = isHook ? 10 * 1024 * 1024 + 1024 : 1024 * 1024 + 1024;
      return { body: JSON.stringify({ name: 'x'.repeat(size) }), type: 'application/json', label: 'huge' };
    }
    if (roll < 0.9) {
      const text = pick([
        'name=x&name=y',
        'a=%00&b=%ED%A0%80',
        '%%%',
        '=&=&',
        'a[b]=1&a[c]=2',
        '<x>&</x>',
        '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--',
      ]);
      return { body: text, type: pick(CONTENT_TYPES), label: 'other type' };
    }
    return { body: pick(BAD_JSON), type: pick(CONTENT_TYPES), label: 'mismatched type' };
  };

  for (let i = 0; i < count; i++) {
    const roll = random();
    const isHook = roll < 0.15;
    const route: FuzzRoute = isHook
      ? {
          method: 'POST',
          path: chance(0.8)
            ? '/hooks/catch/{hookWs}/{hookKey}'
            : pick(['/hooks/catch/{hookWs}/{bogus}', '/hooks/app/{hookWs}/{hookKey}', '/hooks/catch/{ws}/{hookKey}']),
          fields: ['contact', 'email'],
        }
      : roll < 0.2
        ? {
            method: pick(METHODS),
            path: pick([
              '/api/v1/nothing',
              '/api/v1/workspaces/{ws}/zaps/{zapId}/../../../../../etc/passwd',
              '/api/v1//workspaces',
              '/api/v1/workspaces/{ws}/%2e%2e/%2e%2e',
              '/hooks/catch',
              '/hooks/catch/{ws}',
              '/api/v1/apps/..%2F..%2F',
            ]),
            fields: [],
          }
        : pick(context.routes);
    const ids: Record<string, string> = { ...context.ids, hookWs: context.hook.ws, hookKey: context.hook.key, bogus: 'k'.repeat(32) };
    const method = isHook ? pick(['GET', 'POST', 'POST', 'POST', 'PUT', 'PATCH', 'DELETE']) : chance(0.1) ? pick(METHODS) : route.method;
    const hostileId = chance(0.25) ? pick([...HOSTILE_IDS, context.foreignWs]) : null;
    let path = route.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
      if (hostileId !== null && chance(0.5)) return hostileId;
      // DELETE never meets the fuzzer's own objects: it would saw off the branch the fuzzer sits on.
      if (method === 'DELETE' && !isHook) return name === 'ws' ? context.foreignWs : `${name}_missing`;
      if (name === 'ws' && chance(0.05)) return context.foreignWs;
      return ids[name] ?? 'missing';
    });
    const labels: string[] = [];
    if (hostileId !== null) labels.push('hostile id');
    if (chance(0.25)) {
      path += pick(QUERIES);
      labels.push('query');
    }
    const headers: Record<string, string> = {};
    const auth = random();
    if (auth < 0.7) headers.authorization = `Bearer ${context.apiKey}`;
    else if (auth < 0.85 && !route.path.endsWith('/logout')) headers.cookie = context.cookie;
    else if (auth < 0.9)
      headers.authorization = pick(['Bearer', 'Bearer ', 'Basic dXNlcjpwYXNz', `Bearer ${'x'.repeat(5000)}`, 'Bearer sy_%00', 'bearer  a b']);
    else if (auth < 0.93)
      headers.cookie = pick(['sy_session=', 'sy_session=%FF%FE', `sy_session=${'a'.repeat(4000)}`, 'sy_session="x', 'sy_session=a; sy_session=b']);
    let payload: string | Buffer | undefined;
    if (method !== 'GET' && method !== 'HEAD' && (isHook || chance(0.9))) {
      const made = body(route, isHook);
      payload = made.body;
      headers['content-type'] = made.type;
      labels.push(made.label);
    } else if (chance(0.05)) {
      payload = pick(BAD_JSON);
      headers['content-type'] = 'application/json';
      labels.push('body on a read');
    }
    if (chance(0.05)) headers.accept = pick(['application/xml', 'text/html', '*/*;q=0', 'application/json;q=abc']);
    if (chance(0.05)) headers['x-request-id'] = pick(['../../x', 'a'.repeat(500), 'ok-id', '%00']);
    cases.push({ label: labels.join(', ') || 'method', method, path, headers, ...(payload !== undefined ? { body: payload } : {}) });
  }
  return cases;
}

/** Sends the cases over plain sockets (so paths, bytes and headers go out exactly as made), `concurrency` at a time. */
export async function sendCases(base: string, cases: FuzzCase[], concurrency: number, transcript: Transcript): Promise<FuzzResult[]> {
  const origin = new URL(base);
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const results: FuzzResult[] = [];
  let next = 0;
  const one = (fuzzCase: FuzzCase): Promise<FuzzResult> =>
    new Promise((resolve) => {
      // Node sends a GET, DELETE or OPTIONS body with neither Content-Length nor chunking unless told the length:
      // the server would read those bytes as the next request. Malformed HTTP is not what this fuzzer is after.
      const headers = fuzzCase.body === undefined ? fuzzCase.headers : { ...fuzzCase.headers, 'content-length': String(Buffer.byteLength(fuzzCase.body)) };
      const request = httpRequest(
        { host: origin.hostname, port: origin.port, method: fuzzCase.method, path: fuzzCase.path, headers, agent, timeout: 20_000 },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            const headers: Record<string, string> = {};
            for (const [name, value] of Object.entries(response.headers))
              if (value !== undefined) headers[name] = Array.isArray(value) ? value.join('\n') : value;
            const exchange: Exchange = { method: fuzzCase.method, path: fuzzCase.path, status: response.statusCode ?? 0, headers, body: text };
            transcript.add(exchange);
            resolve({ fuzzCase, status: response.statusCode ?? null, body: text });
          });
          response.on('error', (error) => resolve({ fuzzCase, status: null, error: error.message, body: '' }));
        },
      );
      request.on('timeout', () => request.destroy(new Error('no answer within 20 s')));
      request.on('error', (error) => resolve({ fuzzCase, status: null, error: error.message, body: '' }));
      request.end(fuzzCase.body);
    });
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < cases.length) {
        const fuzzCase = cases[next++]!;
        results.push(await one(fuzzCase));
      }
    }),
  );
  agent.destroy();
  return results;
}
