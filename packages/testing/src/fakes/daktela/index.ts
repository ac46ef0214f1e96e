// A fake Daktela instance (REST API v6) on node:http, following shared/connectors/API-NOTES.md section 1.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  ACTIVITY_CHANNELS,
  DAKTELA_FAKE_DEFAULTS,
  DAKTELA_FAKE_PAUSE_FIELD,
  MODELS,
  defaultReferenceRecords,
  validate,
  type DaktelaRecord,
  type ModelSpec,
} from './models.ts';
import {
  matches,
  parseFields,
  parseFilter,
  parseNestedQuery,
  parsePaging,
  parseSort,
  QueryError,
  searchText,
  sortRecords,
  type FilterNode,
  type NestedQuery,
  type SortKey,
} from './query.ts';

export { DAKTELA_FAKE_DEFAULTS, DAKTELA_FAKE_PAUSE_FIELD, type DaktelaRecord } from './models.ts';
export { FILTER_OPERATORS, parseNestedQuery, type NestedQuery } from './query.ts';

/** The `error` member of a Daktela envelope, in each shape the real API was seen to use. */
export type DaktelaError = string | string[] | { form?: Record<string, unknown>; primary?: string[] };

export interface DaktelaFakeOptions {
  /** Default 0 (any free port), bound on 127.0.0.1. */
  port?: number;
  /** The one valid access token. Default "daktela-test-token". */
  token?: string;
  /** The instance clock ("YYYY-MM-DD HH:MM:SS", the instance's time zone); each write moves it on one second. */
  clock?: string;
  /** ⚠ INFERRED: page size when a list request gives no `take` (the PHP connector always sends 100). Default 100. */
  defaultTake?: number;
  /** `take` is capped here (mcp-daktela notes 1000). */
  maxTake?: number;
  /** A CALL activity needs its queue logged into (usersSession) unless it names another `user`. Default true. */
  enforceQueueLogin?: boolean;
}

export interface DaktelaFakeRequest {
  method: string;
  /** The path without the query string. */
  path: string;
  /** The query parsed as PHP does (`filter[filters][0][field]` → nested objects). */
  query: NestedQuery;
  /** The raw query string, for asserting which filter syntax was sent. */
  search: string;
  headers: IncomingHttpHeaders;
  body: unknown;
  /** How the token arrived, or null when none did. */
  auth: 'header' | 'query' | 'cookie' | null;
}

export interface UsersSessionState {
  queues: Array<{ name: string | number; login: boolean; penalty: number }>;
  pause: string | null;
}

export interface DaktelaFake {
  origin: string;
  port: number;
  /** A valid access token. */
  token: string;
  /** Every request received, in order. */
  requests: DaktelaFakeRequest[];
  /** Stores records as they are (generating `name`, `created` and `edited` when missing); returns what was stored. */
  seed(model: string, records: DaktelaRecord | DaktelaRecord[]): DaktelaRecord[];
  /** The stored records of a model, in insertion order (references not expanded). */
  records(model: string): DaktelaRecord[];
  record(model: string, name: string | number): DaktelaRecord | undefined;
  /** The token user's session: queues logged into and the current pause. */
  session(): UsersSessionState;
  /** The instance clock, as Daktela formats times. */
  now(): string;
  setClock(time: string): void;
  advanceClock(seconds: number): void;
  /** The next `count` requests answer 429 with `Retry-After` (seconds, or an HTTP date). */
  rateLimitNext(count?: number, retryAfter?: string | number): void;
  /** The next request answers this status and envelope (any of the four error shapes). */
  failNext(failure: { status: number; error: DaktelaError; result?: unknown }): void;
  /** Lists answer `result.data` as an object keyed by record name instead of an array, as some instances do. */
  dataAsObject: boolean;
  close(): Promise<void>;
}

const API_PREFIX = '/api/v6/';

function formatTime(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

function parseTime(text: string): Date {
  const date = new Date(`${text.replace(' ', 'T')}Z`);
  if (Number.isNaN(date.getTime())) throw new Error(`Not a Daktela time: "${text}" (use YYYY-MM-DD HH:MM:SS)`);
  return date;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export async function startDaktelaFake(options: DaktelaFakeOptions = {}): Promise<DaktelaFake> {
  const token = options.token ?? 'daktela-test-token';
  const defaultTake = options.defaultTake ?? 100;
  const maxTake = options.maxTake ?? 1000;
  const enforceQueueLogin = options.enforceQueueLogin ?? true;
  let clock = parseTime(options.clock ?? '2024-05-01 09:00:00');
  const store = new Map<string, Map<string, DaktelaRecord>>();
  const requests: DaktelaFakeRequest[] = [];
  const rateLimits: Array<string> = [];
  const failures: Array<{ status: number; error: DaktelaError; result?: unknown }> = [];
  const session = { queues: new Map<string, { name: string | number; login: boolean; penalty: number }>(), pause: null as string | null };
  let ticketCounter = 0;
  let nameCounter = 0;

  const now = (): string => formatTime(clock);
  /** The time a write happens at; the clock moves on so that later writes sort after it. */
  const stamp = (): string => {
    const time = now();
    clock = new Date(clock.getTime() + 1000);
    return time;
  };

  const table = (model: string): Map<string, DaktelaRecord> => {
    let records = store.get(model);
    if (!records) {
      records = new Map();
      store.set(model, records);
    }
    return records;
  };

  const newName = (model: string, spec: ModelSpec): string | number => {
    if (spec.numericNames) return ++ticketCounter;
    nameCounter += 1;
    // Daktela names look like uniqid() plus digits: contacts_5fa299a48ab72834012563.
    return `${spec.namePrefix ?? model}_${(0x5fa299a48ab72 + nameCounter).toString(16)}${String(nameCounter).padStart(9, '0')}`;
  };

  const specOf = (model: string): ModelSpec => MODELS[model] ?? { writable: false, required: [] };

  function seed(model: string, given: DaktelaRecord | DaktelaRecord[]): DaktelaRecord[] {
    const spec = specOf(model);
    return (Array.isArray(given) ? given : [given]).map((input) => {
      const record: DaktelaRecord = { ...input };
      if (record.name === undefined) record.name = newName(model, spec);
      if (spec.numericNames && typeof record.name === 'number') ticketCounter = Math.max(ticketCounter, record.name);
      if (spec.writable && !spec.untimed) {
        if (record.created === undefined) record.created = stamp();
        if (record.edited === undefined) record.edited = record.created;
      }
      table(model).set(String(record.name), record);
      return structuredClone(record);
    });
  }

  for (const [model, records] of Object.entries(defaultReferenceRecords())) seed(model, records);

  /** A record as the API returns it: references expanded to the records they name, and `_sys`. */
  function present(model: string, record: DaktelaRecord): DaktelaRecord {
    const out: DaktelaRecord = structuredClone(record);
    for (const [field, target] of Object.entries(specOf(model).references ?? {})) {
      const expand = (value: unknown): unknown => {
        if (typeof value !== 'string' && typeof value !== 'number') return value;
        const found = store.get(target)?.get(String(value));
        return found ? { ...structuredClone(found), _sys: { hash: null, model: target } } : value;
      };
      const value = out[field];
      if (Array.isArray(value)) out[field] = value.map(expand);
      else if (value !== undefined) out[field] = expand(value);
    }
    out._sys = { hash: null, model };
    return out;
  }

  function envelope(result: unknown, error: DaktelaError = []): string {
    return JSON.stringify({ error, result, _time: now() });
  }

  function reply(response: ServerResponse, status: number, result: unknown, error: DaktelaError = [], headers: Record<string, string> = {}): void {
    if (status === 204) {
      response.writeHead(204, headers).end();
      return;
    }
    response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(envelope(result, error));
  }

  function tokenOf(request: IncomingMessage, query: NestedQuery): { value: string | undefined; via: DaktelaFakeRequest['auth'] } {
    const header = request.headers['x-auth-token'];
    if (typeof header === 'string' && header !== '') return { value: header, via: 'header' };
    if (typeof query.accessToken === 'string' && query.accessToken !== '') return { value: query.accessToken, via: 'query' };
    const cookie = /(?:^|;\s*)c_user=([^;]*)/.exec(request.headers.cookie ?? '')?.[1];
    if (cookie) return { value: decodeURIComponent(cookie), via: 'cookie' };
    return { value: undefined, via: null };
  }

  function presentSession(): DaktelaRecord {
    const pause = session.pause ? store.get('pauses')?.get(session.pause) : undefined;
    return {
      user: present('users', store.get('users')?.get(DAKTELA_FAKE_DEFAULTS.user) ?? { name: DAKTELA_FAKE_DEFAULTS.user }),
      queues: [...session.queues.values()],
      [DAKTELA_FAKE_PAUSE_FIELD]: pause ? { ...structuredClone(pause), _sys: { hash: null, model: 'pauses' } } : null,
      onpause: session.pause !== null,
      id_pause: session.pause,
    };
  }

  function list(model: string, query: NestedQuery): { status: number; result: unknown; error?: DaktelaError } {
    let filter: FilterNode | undefined;
    let sort: SortKey[];
    let fields: string[] | undefined;
    let paging: { skip: number; take: number };
    try {
      filter = parseFilter(query.filter);
      sort = parseSort(query.sort);
      fields = parseFields(query.fields);
      paging = parsePaging(query, defaultTake);
    } catch (error) {
      // ⚠ The status and wording are the fake's: the envelope is Daktela's list-of-messages error shape.
      if (error instanceof QueryError) return { status: 400, result: null, error: [error.message] };
      throw error;
    }
    const { skip, take } = paging;
    const q = typeof query.q === 'string' && query.q !== '' ? query.q : undefined;
    const found = [...table(model).values()].filter((record) => matches(record, filter) && (q === undefined || searchText(record, q)));
    const page = sortRecords(found, sort)
      .slice(skip, skip + Math.min(take, maxTake))
      .map((record) => {
        const shown = present(model, record);
        return fields ? Object.fromEntries(Object.entries(shown).filter(([key]) => key === '_sys' || fields.includes(key))) : shown;
      });
    const data = fake.dataAsObject ? Object.fromEntries(page.map((record) => [String(record.name), record])) : page;
    return { status: 200, result: { data, total: found.length } };
  }

  function activityForm(body: DaktelaRecord): Record<string, string> {
    const form: Record<string, string> = {};
    for (const field of ACTIVITY_CHANNELS[String(body.type)]?.required ?? []) {
      const value = body[field];
      if (value === undefined || value === null || value === '') form[field] = 'Item is mandatory';
    }
    return form;
  }

  function create(model: string, body: DaktelaRecord): { status: number; result: unknown; error?: DaktelaError } {
    const spec = specOf(model);
    const record: DaktelaRecord = { ...body };
    delete record.created;
    delete record.edited;
    if (record.name === undefined || record.name === null || record.name === '' || spec.numericNames) record.name = newName(model, spec);
    const form: Record<string, unknown> = validate(spec, record, body, true);
    if (model === 'activities') Object.assign(form, activityForm(body));
    if (table(model).has(String(record.name))) form.name = 'Item with this name already exists';
    if (model === 'activities' && body.type === 'CALL' && enforceQueueLogin && !body.user && Object.keys(form).length === 0) {
      const queue = session.queues.get(String(body.queue));
      if (!queue?.login) return { status: 400, result: null, error: { primary: [`User is not logged into queue ${String(body.queue)}`, 'error'] } };
    }
    const time = stamp();
    if (!spec.untimed) {
      record.created = time;
      record.edited = time;
    }
    if (model === 'tickets') {
      record.created_by = DAKTELA_FAKE_DEFAULTS.user;
      record.edited_by = DAKTELA_FAKE_DEFAULTS.user;
      record.last_activity = null;
      record.closed = record.stage === 'CLOSE' ? time : null;
    }
    if (model === 'activities') {
      record.user ??= DAKTELA_FAKE_DEFAULTS.user;
      record.ticket ??= null;
      record.action ??= 'OPEN';
      record.time = time;
      const channel = ACTIVITY_CHANNELS[String(body.type)];
      const item = channel?.item(body, time) ?? null;
      for (const field of channel?.writeOnly ?? []) delete record[field];
      record.item = item;
      // A captured e-mail activity carries its subject as the activity's title too.
      if (record.title === undefined && typeof item?.title === 'string') record.title = item.title;
    }
    if (Object.keys(form).length > 0) return { status: 400, result: present(model, record), error: { form } };
    table(model).set(String(record.name), record);
    return { status: 201, result: present(model, record) };
  }

  function update(model: string, name: string, body: DaktelaRecord): { status: number; result: unknown; error?: DaktelaError } {
    const existing = table(model).get(name);
    if (!existing) return { status: 404, result: null, error: 'Object not exist' };
    const changes: DaktelaRecord = { ...body };
    for (const readOnly of ['name', 'created', 'edited', 'created_by']) delete changes[readOnly];
    const merged: DaktelaRecord = { ...existing, ...changes };
    const time = stamp();
    if (!specOf(model).untimed) merged.edited = time;
    if (model === 'tickets') merged.edited_by = DAKTELA_FAKE_DEFAULTS.user;
    const form = validate(specOf(model), merged, body, false);
    if (Object.keys(form).length > 0) return { status: 400, result: present(model, merged), error: { form } };
    table(model).set(name, merged);
    return { status: 200, result: present(model, merged) };
  }

  function updateSession(body: DaktelaRecord): { form: Record<string, string> } {
    const form: Record<string, string> = {};
    if (body.queues !== undefined) {
      if (!Array.isArray(body.queues)) form.queues = 'Invalid value';
      else {
        for (const item of body.queues) {
          if (!isObject(item) || (typeof item.name !== 'string' && typeof item.name !== 'number')) {
            form.queues = 'Invalid value';
            continue;
          }
          if (!store.get('queues')?.has(String(item.name))) {
            form.queues = `Queue ${String(item.name)} not found`;
            continue;
          }
          session.queues.set(String(item.name), { name: item.name, login: item.login !== false, penalty: Number(item.penalty ?? 0) });
        }
      }
    }
    if (DAKTELA_FAKE_PAUSE_FIELD in body) {
      const pause = body[DAKTELA_FAKE_PAUSE_FIELD];
      if (pause === null || pause === '' || pause === false) session.pause = null;
      else if (typeof pause === 'string' && store.get('pauses')?.has(pause)) session.pause = pause;
      else form[DAKTELA_FAKE_PAUSE_FIELD] = 'Item not found';
    }
    return { form };
  }

  function route(method: string, path: string, query: NestedQuery, body: unknown, response: ServerResponse): void {
    if (!path.startsWith(API_PREFIX) || !path.endsWith('.json')) {
      reply(response, 404, null, ['Page not found']);
      return;
    }
    const segments = path.slice(API_PREFIX.length, -'.json'.length).split('/').map(decodeURIComponent);
    const [endpoint = '', name] = segments;
    if (segments.length > 2 || endpoint === '') {
      reply(response, 404, null, ['Page not found']);
      return;
    }
    const needsBody = method === 'POST' || method === 'PUT';
    if (needsBody && !isObject(body)) {
      reply(response, 400, null, ['The request body must be a JSON object']);
      return;
    }
    const record = (body ?? {}) as DaktelaRecord;

    if (endpoint === 'whoim' && name === undefined && method === 'GET') {
      const user = store.get('users')?.get(DAKTELA_FAKE_DEFAULTS.user) ?? { name: DAKTELA_FAKE_DEFAULTS.user };
      reply(response, 200, { user: present('users', user), version: '2024.2', instance: 'fake' });
      return;
    }
    if (endpoint === 'usersSession' && name === undefined) {
      if (method === 'GET') {
        reply(response, 200, presentSession());
        return;
      }
      if (needsBody) {
        const { form } = updateSession(record);
        if (Object.keys(form).length > 0) reply(response, 400, presentSession(), { form });
        else reply(response, method === 'POST' ? 201 : 200, presentSession());
        return;
      }
      reply(response, 405, null, ['Method not allowed']);
      return;
    }
    const spec = MODELS[endpoint];
    if (!spec) {
      reply(response, 404, null, [`Model ${endpoint} not found`]);
      return;
    }
    if (name === undefined) {
      if (method === 'GET') {
        const outcome = list(endpoint, query);
        reply(response, outcome.status, outcome.result, outcome.error);
      } else if (method === 'POST' && spec.writable) {
        const outcome = create(endpoint, record);
        reply(response, outcome.status, outcome.result, outcome.error);
      } else reply(response, 405, null, ['Method not allowed']);
      return;
    }
    if (method === 'GET') {
      const found = table(endpoint).get(name);
      if (found) reply(response, 200, present(endpoint, found));
      else reply(response, 404, null, ['Object not exist']);
    } else if (method === 'PUT' && spec.writable) {
      const outcome = update(endpoint, name, record);
      reply(response, outcome.status, outcome.result, outcome.error);
    } else if (method === 'DELETE' && spec.writable) {
      if (table(endpoint).delete(name)) reply(response, 204, null);
      else reply(response, 404, null, 'Object not exist');
    } else reply(response, 405, null, ['Method not allowed']);
  }

  function handle(request: IncomingMessage, raw: string, response: ServerResponse): void {
    const url = new URL(request.url ?? '/', 'http://fake.daktela');
    const query = parseNestedQuery(url.searchParams);
    let body: unknown = null;
    let badJson = false;
    if (raw !== '') {
      try {
        body = JSON.parse(raw) as unknown;
      } catch {
        body = raw;
        badJson = true;
      }
    }
    const method = (request.method ?? 'GET').toUpperCase();
    const auth = tokenOf(request, query);
    requests.push({ method, path: url.pathname, query, search: url.search, headers: request.headers, body, auth: auth.via });

    // ⚠ INFERRED: the body of a 401 (the docs give only the status).
    if (auth.value !== token) {
      reply(response, 401, null, auth.value === undefined ? 'No access token given' : 'Invalid access token');
      return;
    }
    const retryAfter = rateLimits.shift();
    if (retryAfter !== undefined) {
      reply(response, 429, null, ['Too many requests'], { 'retry-after': retryAfter });
      return;
    }
    const failure = failures.shift();
    if (failure) {
      reply(response, failure.status, failure.result ?? null, failure.error);
      return;
    }
    if (badJson) {
      reply(response, 400, null, ['Invalid JSON in the request body']);
      return;
    }
    route(method, url.pathname, query, body, response);
  }

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      try {
        handle(request, Buffer.concat(chunks).toString('utf8'), response);
      } catch (error) {
        reply(response, 500, null, [error instanceof Error ? error.message : String(error)]);
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  const fake: DaktelaFake = {
    origin: `http://127.0.0.1:${port}`,
    port,
    token,
    requests,
    seed,
    records: (model) => [...table(model).values()].map((record) => structuredClone(record)),
    record: (model, name) => {
      const found = store.get(model)?.get(String(name));
      return found ? structuredClone(found) : undefined;
    },
    session: () => ({ queues: [...session.queues.values()].map((queue) => ({ ...queue })), pause: session.pause }),
    now,
    setClock: (time) => {
      clock = parseTime(time);
    },
    advanceClock: (seconds) => {
      clock = new Date(clock.getTime() + seconds * 1000);
    },
    rateLimitNext: (count = 1, retryAfter = 0) => {
      for (let i = 0; i < count; i++) rateLimits.push(String(retryAfter));
    },
    failNext: (failure) => {
      failures.push(failure);
    },
    dataAsObject: false,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return fake;
}
