// A fake Pipedrive API on 127.0.0.1 as Pipedrive publishes it (README.md names each route's source): hosts, auth, envelopes, v2 cursor paging, search, notes, webhooks, 429s.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  defaultUsers,
  FakeApiError,
  FakeClock,
  FakeStore,
  kindOfCollection,
  labelOf,
  type FakeNote,
  type FakeRecord,
  type FakeUser,
  type RecordKind,
} from './store.ts';
import { WebhookRegistry, type EventAction, type FakeWebhook, type WebhookDelivery } from './webhooks.ts';

export { FakeClock, type FakeNote, type FakeRecord, type FakeUser, type RecordKind } from './store.ts';
export type { FakeWebhook, WebhookDelivery } from './webhooks.ts';

export const PIPEDRIVE_FAKE_TOKEN = 'pd-fake-token-0123456789abcdef';

export interface PipedriveFakeOptions {
  /** Default 0: any free port. */
  port?: number;
  /** The valid API token. */
  token?: string;
  /** The clock's start (RFC3339). Default 2025-01-01T00:00:00Z. */
  startTime?: string;
  /** How far the clock moves on each write. Default 1000 ms. */
  tickMs?: number;
  /** The most records one list page holds (Pipedrive's own maximum is 500). Tests lower it to page sooner. */
  maxPageSize?: number;
  /** Post webhook deliveries to registered URLs on record changes. Default true; also settable later. */
  deliverWebhooks?: boolean;
  /** Company users; the first is the token's owner. */
  users?: FakeUser[];
  /** The company's subdomain, as users/me and webhook payloads name it. Default fake-company. */
  companyDomain?: string;
  /**
   * Which Pipedrive host the fake stands in for; v2 is at /api/v2 on both. 'company' (default): a company domain
   * (https://acme.pipedrive.com, OAuth's api_domain), v1 at /api/v1 only. 'api': https://api.pipedrive.com, v1 at /v1
   * (the SDK's BASE_PATH) and /api/v1. A client tells them apart by hostname, so an 'api' fake is reached as
   * http://api.pipedrive.com:<port> through a resolver that answers 127.0.0.1.
   */
  host?: PipedriveHost;
}

export type PipedriveHost = 'company' | 'api';

export interface FakeRequestRecord {
  method: string;
  /** Path without the query string. */
  path: string;
  query: Record<string, string>;
  headers: IncomingMessage['headers'];
  /** Parsed JSON or form body, the raw text otherwise, null when empty. */
  body: unknown;
}

export interface PipedriveFake {
  origin: string;
  port: number;
  token: string;
  clock: FakeClock;
  /** Every request received, in order (including refused ones). */
  requests: FakeRequestRecord[];
  deliverWebhooks: boolean;
  /** Deliveries posted (or attempted) to registered webhooks, in order. */
  deliveries: WebhookDelivery[];
  /** Inserts records silently, as if they existed before; `id`, `add_time` and `update_time` may be given. */
  seed(kind: RecordKind, fields: Record<string, unknown>): FakeRecord;
  /** A user adding a record in the Pipedrive app: the clock ticks and webhooks fire (change_source "app"). */
  create(kind: RecordKind, fields: Record<string, unknown>): FakeRecord;
  /** A user editing a record in the app: update_time moves and webhooks fire. */
  update(kind: RecordKind, id: number, fields: Record<string, unknown>): FakeRecord;
  /** A user deleting a record in the app. */
  remove(kind: RecordKind, id: number): void;
  /** Current records (deleted ones too, flagged is_deleted), by id. */
  records(kind: RecordKind): FakeRecord[];
  notes(): FakeNote[];
  webhooks(): FakeWebhook[];
  /** The next `count` authenticated requests answer 429 with Retry-After (seconds; null to leave it out) and x-ratelimit-* headers. */
  rateLimitNext(count?: number, options?: { retryAfterSeconds?: number | null; resetSeconds?: number }): void;
  /** The next `count` authenticated requests fail with this status and Pipedrive's error envelope. */
  failNext(status: number, error: string, count?: number): void;
  /** Waits until every webhook delivery in flight has been answered. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

const ERROR_INFO = 'Please check developers.pipedrive.com';
const RATE_LIMIT = 80;

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text).toString(), ...headers });
  response.end(text);
}

/** Pipedrive's error envelope (API-NOTES 2.2). */
function errorBody(status: number, error: string): Record<string, unknown> {
  return { success: false, error, errorCode: status, error_info: ERROR_INFO, data: null, additional_data: null };
}

function parseBody(request: IncomingMessage, raw: string): { body: unknown; kind: 'json' | 'form' | 'text' | 'none' } {
  if (raw === '') return { body: null, kind: 'none' };
  const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/json' || type.endsWith('+json')) {
    try {
      return { body: JSON.parse(raw) as unknown, kind: 'json' };
    } catch {
      throw new FakeApiError(400, 'Invalid JSON in the request body');
    }
  }
  if (type === 'application/x-www-form-urlencoded') return { body: Object.fromEntries(new URLSearchParams(raw)), kind: 'form' };
  return { body: raw, kind: 'text' };
}

/** Where each host serves v1, the rest of the path captured: /v1 is the public host's alone. */
const v1Paths: Record<PipedriveHost, RegExp> = { company: /^\/api\/v1(\/.*)$/, api: /^\/(?:api\/)?v1(\/.*)$/ };

const encodeCursor = (offset: number): string => Buffer.from(`offset:${offset}`).toString('base64url');
function decodeCursor(cursor: string | undefined): number {
  if (cursor === undefined || cursor === '') return 0;
  const match = /^offset:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw new FakeApiError(400, 'Invalid cursor');
  return Number(match[1]);
}

function integerParam(query: Record<string, string>, name: string): number | undefined {
  const value = query[name];
  if (value === undefined || value === '') return undefined;
  if (!/^\d+$/.test(value)) throw new FakeApiError(400, `Validation failed: ${name}: must be an integer`);
  return Number(value);
}

function timeParam(query: Record<string, string>, name: string): number | undefined {
  const value = query[name];
  if (value === undefined || value === '') return undefined;
  const parsed = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(parsed)) throw new FakeApiError(400, `Validation failed: ${name}: must be an RFC3339 date-time, e.g. 2025-01-01T10:20:00Z`);
  return parsed;
}

function booleanParam(query: Record<string, string>, name: string): boolean | undefined {
  const value = query[name];
  if (value === undefined || value === '') return undefined;
  if (['true', '1'].includes(value)) return true;
  if (['false', '0'].includes(value)) return false;
  throw new FakeApiError(400, `Validation failed: ${name}: must be a boolean`);
}

/** One v2 page: `limit` (default 100, max 500 or the fake's maxPageSize) from the cursor's offset, and the next cursor or null. */
function page<T>(
  items: T[],
  query: Record<string, string>,
  maxPageSize: number,
): { success: true; data: T[]; additional_data: { next_cursor: string | null } } {
  const limit = integerParam(query, 'limit') ?? 100;
  if (limit < 1 || limit > 500) throw new FakeApiError(400, 'Validation failed: limit: must be between 1 and 500');
  const size = Math.min(limit, maxPageSize);
  const offset = decodeCursor(query.cursor);
  const data = items.slice(offset, offset + size);
  const next = offset + size < items.length ? encodeCursor(offset + size) : null;
  return { success: true, data, additional_data: { next_cursor: next } };
}

export async function startPipedriveFake(options: PipedriveFakeOptions = {}): Promise<PipedriveFake> {
  const token = options.token ?? PIPEDRIVE_FAKE_TOKEN;
  const clock = new FakeClock(options.startTime ?? '2025-01-01T00:00:00Z', options.tickMs ?? 1000);
  const store = new FakeStore(clock, options.users ?? defaultUsers);
  const companyDomain = options.companyDomain ?? 'fake-company';
  const company = { id: 1001, name: 'Fake Company', domain: companyDomain };
  const hooks = new WebhookRegistry(clock, { id: company.id, domain: companyDomain });
  const maxPageSize = options.maxPageSize ?? 500;
  const v1Path = v1Paths[options.host ?? 'company'];
  const requests: FakeRequestRecord[] = [];
  let rateLimited: Array<{ retryAfterSeconds: number | null; resetSeconds: number }> = [];
  let failures: Array<{ status: number; error: string }> = [];

  const fake: PipedriveFake = {
    origin: '',
    port: 0,
    token,
    clock,
    requests,
    deliverWebhooks: options.deliverWebhooks ?? true,
    deliveries: hooks.deliveries,
    seed: (kind, fields) => store.insert(kind, fields, clock.now()),
    create: (kind, fields) => {
      const record = store.insert(kind, fields, clock.tick());
      emit('create', kind, record.id, record, null, 'app');
      return record;
    },
    update: (kind, id, fields) => {
      const { before, after } = store.change(kind, id, fields, clock.tick());
      emit('change', kind, id, after, before, 'app');
      return after;
    },
    remove: (kind, id) => {
      const before = store.remove(kind, id, clock.tick());
      emit('delete', kind, id, null, before, 'app');
    },
    records: (kind) => [...store.table(kind).values()].map((record) => structuredClone(record)),
    notes: () => [...store.notes.values()].map((note) => structuredClone(note)),
    webhooks: () => [...hooks.hooks.values()].map((hook) => ({ ...hook })),
    rateLimitNext: (count = 1, limit = {}) => {
      for (let i = 0; i < count; i++)
        rateLimited.push({ retryAfterSeconds: limit.retryAfterSeconds === undefined ? 2 : limit.retryAfterSeconds, resetSeconds: limit.resetSeconds ?? 2 });
    },
    failNext: (status, error, count = 1) => {
      for (let i = 0; i < count; i++) failures.push({ status, error });
    },
    settle: () => hooks.settle(),
    close: () =>
      new Promise<void>((resolve) => {
        rateLimited = [];
        failures = [];
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };

  function emit(
    action: EventAction,
    kind: RecordKind | 'note',
    entityId: number,
    current: Record<string, unknown> | null,
    previous: Record<string, unknown> | null,
    source: 'app' | 'api',
  ): void {
    if (!fake.deliverWebhooks) return;
    hooks.dispatch({ action, object: kind, entityId, current: current && structuredClone(current), previous: previous && structuredClone(previous), source });
  }

  /** Routes one authenticated request; answers [status, body]. */
  function route(method: string, path: string, query: Record<string, string>, body: unknown, bodyKind: string): [number, unknown] {
    const v1 = v1Path.exec(path)?.[1];
    if (v1 !== undefined) return routeV1(method, v1, query, body);
    const v2 = /^\/api\/v2(\/.*)$/.exec(path)?.[1];
    if (v2 === undefined) throw new FakeApiError(404, 'Unknown method .');
    if ((method === 'POST' || method === 'PATCH' || method === 'PUT') && bodyKind !== 'json') {
      throw new FakeApiError(415, 'Unsupported Media Type: API v2 accepts JSON bodies only');
    }
    return routeV2(method, v2, query, body);
  }

  function routeV1(method: string, path: string, query: Record<string, string>, body: unknown): [number, unknown] {
    const me = store.me;
    if (path === '/users/me' && method === 'GET') {
      return [
        200,
        {
          success: true,
          data: {
            ...me,
            default_currency: 'USD',
            locale: 'en_US',
            lang: 1,
            phone: null,
            activated: true,
            timezone_name: 'Europe/Tallinn',
            company_id: company.id,
            company_name: company.name,
            company_domain: company.domain,
            company_country: 'EE',
            language: { language_code: 'en', country_code: 'US' },
          },
        },
      ];
    }
    if (path === '/users' && method === 'GET')
      return [200, { success: true, data: store.users, additional_data: { pagination: { start: 0, limit: 100, more_items_in_collection: false } } }];
    if (path === '/notes' && method === 'POST') {
      const fields = objectBody(body);
      if (typeof fields.content !== 'string' || fields.content.trim() === '') throw new FakeApiError(400, 'Content is required');
      const toNumber = (value: unknown): unknown => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);
      for (const key of ['deal_id', 'person_id', 'org_id', 'project_id', 'user_id']) if (fields[key] !== undefined) fields[key] = toNumber(fields[key]);
      if (![fields.deal_id, fields.person_id, fields.org_id, fields.lead_id, fields.project_id].some((value) => value !== undefined && value !== null)) {
        throw new FakeApiError(400, 'A note must be attached to a deal, person, organization, lead or project');
      }
      const targets: Array<[string, RecordKind]> = [
        ['deal_id', 'deal'],
        ['person_id', 'person'],
        ['org_id', 'organization'],
      ];
      for (const [key, kind] of targets) {
        if (fields[key] !== undefined && fields[key] !== null && !store.get(kind, Number(fields[key])))
          throw new FakeApiError(400, `${labelOf[kind]} with id ${String(fields[key])} not found`);
      }
      const note = store.addNote(fields, clock.tick());
      emit('create', 'note', note.id, note, null, 'api');
      return [201, { success: true, data: note, additional_data: null }];
    }
    if (path === '/notes' && method === 'GET') {
      const start = integerParam(query, 'start') ?? 0;
      const limit = integerParam(query, 'limit') ?? 100;
      const all = [...store.notes.values()];
      const more = start + limit < all.length;
      return [
        200,
        {
          success: true,
          data: all.slice(start, start + limit),
          additional_data: { pagination: { start, limit, more_items_in_collection: more, ...(more ? { next_start: start + limit } : {}) } },
        },
      ];
    }
    if (path === '/webhooks' && method === 'GET')
      return [200, { status: 'ok', success: true, data: [...hooks.hooks.values()].map((hook) => hooks.view(hook)) }];
    if (path === '/webhooks' && method === 'POST') {
      const hook = hooks.register(objectBody(body), me.id);
      return [201, { status: 'ok', success: true, data: hooks.view(hook) }];
    }
    const webhookId = /^\/webhooks\/(\d+)$/.exec(path)?.[1];
    if (webhookId && method === 'DELETE') {
      hooks.remove(Number(webhookId));
      return [200, { status: 'ok', success: true }];
    }
    throw new FakeApiError(404, 'Unknown method .');
  }

  function routeV2(method: string, path: string, query: Record<string, string>, body: unknown): [number, unknown] {
    if (path === '/pipelines' && method === 'GET') return [200, page(store.pipelines, query, maxPageSize)];
    if (path === '/stages' && method === 'GET') {
      const pipelineId = integerParam(query, 'pipeline_id');
      return [
        200,
        page(
          store.stages.filter((stage) => pipelineId === undefined || stage.pipeline_id === pipelineId),
          query,
          maxPageSize,
        ),
      ];
    }
    if (path === '/persons/search' && method === 'GET') return [200, searchPersons(query)];
    const match = /^\/(deals|persons|organizations|activities)(?:\/(\d+))?$/.exec(path);
    const kind = match?.[1] ? kindOfCollection[match[1]] : undefined;
    if (!kind) throw new FakeApiError(404, 'Unknown method .');
    const id = match?.[2] ? Number(match[2]) : undefined;
    if (id === undefined) {
      if (method === 'GET') return [200, page(list(kind, query), query, maxPageSize)];
      if (method === 'POST') {
        const record = store.insert(kind, store.checkBody(kind, body, true), clock.tick());
        emit('create', kind, record.id, record, null, 'api');
        return [200, { success: true, data: record, additional_data: null }];
      }
      throw new FakeApiError(405, 'Method not allowed');
    }
    if (method === 'GET') {
      const record = store.get(kind, id);
      if (!record) throw new FakeApiError(404, `${labelOf[kind]} not found`);
      return [200, { success: true, data: record, additional_data: null }];
    }
    if (method === 'PATCH') {
      const { before, after } = store.change(kind, id, store.checkBody(kind, body, false), clock.tick());
      emit('change', kind, id, after, before, 'api');
      return [200, { success: true, data: after, additional_data: null }];
    }
    if (method === 'DELETE') {
      const before = store.remove(kind, id, clock.tick());
      emit('delete', kind, id, null, before, 'api');
      return [200, { success: true, data: { id }, additional_data: null }];
    }
    throw new FakeApiError(405, 'Method not allowed');
  }

  /** GET /api/v2/{collection}: the documented filters, updated_since/until, then sort_by/sort_direction with id as tie-break. */
  function list(kind: RecordKind, query: Record<string, string>): FakeRecord[] {
    const sortBy = query.sort_by ?? 'id';
    const allowedSorts = kind === 'activity' ? ['id', 'update_time', 'add_time', 'due_date'] : ['id', 'update_time', 'add_time'];
    if (!allowedSorts.includes(sortBy)) throw new FakeApiError(400, `Validation failed: sort_by: must be one of ${allowedSorts.join(', ')}`);
    const direction = query.sort_direction ?? 'asc';
    if (direction !== 'asc' && direction !== 'desc') throw new FakeApiError(400, 'Validation failed: sort_direction: must be asc or desc');
    const since = timeParam(query, 'updated_since');
    const until = timeParam(query, 'updated_until');
    const ids = query.ids ? new Set(query.ids.split(',').map((value) => Number(value.trim()))) : undefined;
    if (ids && ids.size > 100) throw new FakeApiError(400, 'Validation failed: ids: at most 100 ids');
    const equals: string[] = [
      'owner_id',
      ...(
        {
          deal: ['person_id', 'org_id', 'pipeline_id', 'stage_id'],
          person: ['org_id'],
          organization: [],
          activity: ['deal_id', 'person_id', 'org_id'],
        } as const
      )[kind],
    ];
    const wanted = equals.map((field) => [field, integerParam(query, field)] as const).filter(([, value]) => value !== undefined);
    const statuses = kind === 'deal' && query.status ? query.status.split(',').map((value) => value.trim()) : undefined;
    const done = kind === 'activity' ? booleanParam(query, 'done') : undefined;
    const dealId = kind === 'person' ? integerParam(query, 'deal_id') : undefined;
    const dealPerson = dealId === undefined ? undefined : store.get('deal', dealId)?.person_id;
    const records = [...store.table(kind).values()].filter((record) => {
      const deleted = record.is_deleted;
      if (statuses) {
        if (!(deleted ? statuses.includes('deleted') : statuses.includes(String(record.status)))) return false;
      } else if (deleted) return false;
      if (since !== undefined && Date.parse(record.update_time) < since) return false;
      if (until !== undefined && Date.parse(record.update_time) >= until) return false;
      if (ids && !ids.has(record.id)) return false;
      if (wanted.some(([field, value]) => record[field] !== value)) return false;
      if (done !== undefined && record.done !== done) return false;
      if (kind === 'activity' && query.lead_id && record.lead_id !== query.lead_id) return false;
      if (dealId !== undefined && record.id !== dealPerson) return false;
      return true;
    });
    const key = (record: FakeRecord): number | string =>
      sortBy === 'id' ? record.id : sortBy === 'due_date' ? String(record.due_date ?? '') : Date.parse(String(record[sortBy]));
    const sign = direction === 'asc' ? 1 : -1;
    return records.sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      return (x < y ? -1 : x > y ? 1 : a.id - b.id) * sign;
    });
  }

  /** GET /api/v2/persons/search: term of 2+ characters (1 with exact_match) in the chosen fields. */
  function searchPersons(query: Record<string, string>): unknown {
    const term = (query.term ?? '').trim();
    const exact = booleanParam(query, 'exact_match') ?? false;
    if (term.length < (exact ? 1 : 2)) throw new FakeApiError(400, 'Validation failed: term: must be at least 2 characters long (1 with exact_match)');
    const known = ['custom_fields', 'email', 'notes', 'phone', 'name'];
    const fields = query.fields ? query.fields.split(',').map((field) => field.trim()) : known;
    const unknown = fields.find((field) => !known.includes(field));
    if (unknown) throw new FakeApiError(400, `Validation failed: fields: "${unknown}" is not one of ${known.join(', ')}`);
    const organizationId = integerParam(query, 'organization_id');
    const needle = term.toLowerCase();
    const scoreOf = (value: unknown): number => {
      const text = String(value ?? '').toLowerCase();
      if (text === needle) return 1;
      return !exact && text.includes(needle) ? 0.5 : 0;
    };
    const values = (list: unknown): unknown[] => (Array.isArray(list) ? list.map((entry) => (entry as { value?: unknown }).value) : []);
    const items = [...store.table('person').values()]
      .filter((person) => !person.is_deleted && (organizationId === undefined || person.org_id === organizationId))
      .map((person) => {
        const candidates = [
          ...(fields.includes('name') ? [person.name] : []),
          ...(fields.includes('email') ? values(person.emails) : []),
          ...(fields.includes('phone') ? values(person.phones) : []),
        ];
        return { person, score: Math.max(0, ...candidates.map(scoreOf)) };
      })
      .filter((entry) => entry.score > 0)
      .sort((a, b) => b.score - a.score || a.person.id - b.person.id)
      .map((entry) => ({ result_score: entry.score, item: store.searchItem(entry.person) }));
    const result = page(items, query, maxPageSize);
    return { success: true, data: { items: result.data }, additional_data: result.additional_data };
  }

  function objectBody(body: unknown): Record<string, unknown> {
    if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new FakeApiError(400, 'The request body must be a JSON object or a form');
    return { ...(body as Record<string, unknown>) };
  }

  function rateHeaders(remaining: number, resetSeconds: number): Record<string, string> {
    return { 'x-ratelimit-limit': String(RATE_LIMIT), 'x-ratelimit-remaining': String(remaining), 'x-ratelimit-reset': String(resetSeconds) };
  }

  function handle(request: IncomingMessage, response: ServerResponse, raw: string): void {
    const url = new URL(request.url ?? '/', 'http://fake.invalid');
    const query = Object.fromEntries(url.searchParams);
    const method = (request.method ?? 'GET').toUpperCase();
    let parsed: { body: unknown; kind: string };
    try {
      parsed = parseBody(request, raw);
    } catch (error) {
      requests.push({ method, path: url.pathname, query, headers: request.headers, body: raw });
      send(response, 400, errorBody(400, (error as Error).message));
      return;
    }
    requests.push({ method, path: url.pathname, query, headers: request.headers, body: parsed.body });

    const headerToken = request.headers['x-api-token'];
    const given = typeof headerToken === 'string' ? headerToken : query.api_token;
    if (given !== token) {
      send(response, 401, errorBody(401, 'unauthorized access'));
      return;
    }
    const limited = rateLimited.shift();
    if (limited) {
      send(response, 429, errorBody(429, 'Request over limit'), {
        ...rateHeaders(0, limited.resetSeconds),
        ...(limited.retryAfterSeconds !== null ? { 'retry-after': String(limited.retryAfterSeconds) } : {}),
      });
      return;
    }
    const headers = { ...rateHeaders(RATE_LIMIT - 1, 2), ...(query.api_token !== undefined ? { 'x-daily-requests-left': '9999' } : {}) };
    const failure = failures.shift();
    if (failure) {
      send(response, failure.status, errorBody(failure.status, failure.error), headers);
      return;
    }
    const { api_token: _token, ...params } = query;
    try {
      const [status, body] = route(method, url.pathname, params, parsed.body, parsed.kind);
      send(response, status, body, headers);
    } catch (error) {
      if (error instanceof FakeApiError) {
        send(response, error.status, errorBody(error.status, error.message), headers);
        return;
      }
      send(response, 500, errorBody(500, `Internal error: ${error instanceof Error ? error.message : String(error)}`), headers);
    }
  }

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => handle(request, response, Buffer.concat(chunks).toString('utf8')));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  fake.port = port;
  fake.origin = `http://127.0.0.1:${port}`;
  return fake;
}
