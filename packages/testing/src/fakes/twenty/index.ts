// A fake Twenty CRM server (REST core + metadata + webhooks) following Twenty's own server code (README.md names each route's source).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { editDistance, objectCatalog, recordDefaults, type CustomObjectOptions, type TwentyObject } from './objects.ts';
import { filterMentions, matches, paginate, parseFilter, parseOrderBy, QueryError, type Filter, type TwentyRecord } from './query.ts';
import {
  deliverWebhook,
  operationMatches,
  webhookPayloads,
  type TwentyDelivery,
  type TwentyWebhook,
  type TwentyWebhookItem,
  type TwentyWebhookShape,
} from './webhooks.ts';

export { signTwentyWebhook, SIGNATURE_HEADER, TIMESTAMP_HEADER, NONCE_HEADER } from './webhooks.ts';
export type {
  TwentyDelivery,
  TwentyWebhook,
  TwentyWebhookBatchPayload,
  TwentyWebhookEnvelope,
  TwentyWebhookItem,
  TwentyWebhookPayload,
  TwentyWebhookRecordPayload,
  TwentyWebhookShape,
} from './webhooks.ts';
export type { TwentyObject, CustomObjectOptions } from './objects.ts';
export type { TwentyRecord } from './query.ts';

export interface TwentyFakeOptions {
  /** Default 0 (any free port) on 127.0.0.1. */
  port?: number;
  /** The valid API key. Default "twenty-test-api-key". */
  token?: string;
  workspaceId?: string;
  /** Page size without `limit`: 60, and the most a page holds: 200 (twenty-shared constants; ⚠ another version has 1000/10000). */
  defaultLimit?: number;
  maxLimit?: number;
  /** Custom objects next to people, companies, opportunities, notes and tasks. */
  customObjects?: CustomObjectOptions[];
  /** A missing record id: 400 "Record not found" (the handler read in source, default) or 404 (⚠ newer code may). */
  notFoundStatus?: 400 | 404;
  /** Twenty documents no rate-limit headers (⚠), so 429s carry no Retry-After unless this is set. */
  retryAfterSeconds?: number;
  /** Record timestamps. Default: a deterministic clock from 2025-01-01T00:00:00.000Z, one second per write. */
  now?: () => Date;
  /** Default true: record writes through the REST API (and the write helpers) call registered webhooks. */
  deliverWebhooks?: boolean;
  /** The bodies webhooks receive: `batch` (default, current Twenty), `single` (before batches) or `both` (the deprecated window). */
  webhookShape?: TwentyWebhookShape;
}

export interface TwentyFakeRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingMessage['headers'];
  /** Parsed JSON, or null without a body. */
  body: unknown;
}

export interface TwentyFake {
  origin: string;
  port: number;
  /** A valid API key. */
  token: string;
  workspaceId: string;
  /** Every request received, in order. */
  requests: TwentyFakeRequest[];
  /** Every webhook delivery attempted, in order of completion. */
  deliveries: TwentyDelivery[];
  /** Turn webhook delivery off or on at any time. */
  deliverWebhooks: boolean;
  /** The bodies webhooks receive from now on (see TwentyFakeOptions.webhookShape). */
  webhookShape: TwentyWebhookShape;
  objects(): TwentyObject[];
  /** Inserts records as they are (defaults and system fields filled in), without calling webhooks. */
  seed(namePlural: string, records: Array<Record<string, unknown>>): TwentyRecord[];
  /** Copies of the stored records, oldest first; soft-deleted ones only with includeDeleted. */
  records(namePlural: string, options?: { includeDeleted?: boolean }): TwentyRecord[];
  webhooks(): TwentyWebhook[];
  /** Writes as a user in Twenty's UI would: webhooks fire as for the REST API. */
  createRecord(namePlural: string, fields: Record<string, unknown>): TwentyRecord;
  updateRecord(namePlural: string, id: string, fields: Record<string, unknown>): TwentyRecord;
  deleteRecord(namePlural: string, id: string, options?: { soft?: boolean }): TwentyRecord;
  /** The next `count` API requests answer 429. */
  rateLimitNext(count: number): void;
  /** Resolves when every webhook delivery started so far has finished. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errorName?: string,
  ) {
    super(message);
  }
}

/** twenty-server's http-exception-handler names errors by status code. */
function errorName(status: number): string {
  switch (status) {
    case 400:
      return 'BadRequestException';
    case 401:
      return 'UnauthorizedException';
    case 403:
      return 'ForbiddenException';
    case 404:
      return 'NotFoundException';
    case 405:
      return 'MethodNotAllowedException';
    case 409:
      return 'ConflictException';
    case 422:
      return 'UnprocessableEntityException';
    default:
      return status >= 500 ? 'InternalServerErrorException' : 'BadRequestException';
  }
}

function capitalize(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Composite fields (name, emails, amount…) take partial sub-fields; everything else is replaced. */
function mergeFields(target: TwentyRecord, fields: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(fields)) {
    const current = target[key];
    target[key] = isPlainObject(current) && isPlainObject(value) ? { ...current, ...value } : value;
  }
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

function uuid(prefix: string, counter: number): string {
  return `${prefix}-0000-4000-8000-${counter.toString(16).padStart(12, '0')}`;
}

export async function startTwentyFake(options: TwentyFakeOptions = {}): Promise<TwentyFake> {
  const token = options.token ?? 'twenty-test-api-key';
  const workspaceId = options.workspaceId ?? '20202020-0000-4000-8000-000000000001';
  const defaultLimit = options.defaultLimit ?? 60;
  const maxLimit = options.maxLimit ?? 200;
  const notFoundStatus = options.notFoundStatus ?? 400;
  const catalog = objectCatalog(options.customObjects ?? []);
  let tick = 0;
  const now =
    options.now ??
    ((): Date => {
      tick += 1;
      return new Date(Date.UTC(2025, 0, 1) + tick * 1000);
    });

  const stores = new Map<string, TwentyRecord[]>(catalog.map((object) => [object.namePlural, []]));
  const webhookRegistry: TwentyWebhook[] = [];
  const requests: TwentyFakeRequest[] = [];
  const deliveries: TwentyDelivery[] = [];
  const pending = new Set<Promise<void>>();
  let recordCounter = 0;
  let webhookCounter = 0;
  let nonceCounter = 0;
  let rateLimited = 0;
  const positions = new Map<string, number>();

  function objectFor(namePlural: string): TwentyObject {
    const found = catalog.find((object) => object.namePlural === namePlural);
    if (found) return found;
    const suggestion = [...catalog].sort((a, b) => editDistance(namePlural, a.namePlural) - editDistance(namePlural, b.namePlural))[0];
    throw new HttpError(400, `object '${namePlural}' not found.${suggestion ? ` Did you mean '${suggestion.namePlural}'?` : ''}`);
  }

  function storeOf(object: TwentyObject): TwentyRecord[] {
    let store = stores.get(object.namePlural);
    if (!store) {
      store = [];
      stores.set(object.namePlural, store);
    }
    return store;
  }

  function newRecord(object: TwentyObject, fields: Record<string, unknown>): TwentyRecord {
    recordCounter += 1;
    const time = now().toISOString();
    const position = (positions.get(object.namePlural) ?? 0) + 1;
    positions.set(object.namePlural, position);
    const record: TwentyRecord = {
      id: uuid('7e57d000', recordCounter),
      ...recordDefaults(object.nameSingular),
      position,
      createdAt: time,
      updatedAt: time,
      deletedAt: null,
      createdBy: { source: 'API', workspaceMemberId: null, name: 'Switchyard test key', context: {} },
    };
    mergeFields(record, fields);
    return record;
  }

  function findStored(object: TwentyObject, id: string, includeDeleted = false): TwentyRecord {
    const record = storeOf(object).find((item) => item.id === id && (includeDeleted || item.deletedAt === null));
    if (!record) throw new HttpError(notFoundStatus, 'Record not found');
    return record;
  }

  /** One operation's records, as one event batch: every matching webhook gets its bodies, posted one after another. */
  function emit(object: TwentyObject, action: 'created' | 'updated' | 'deleted' | 'destroyed', items: TwentyWebhookItem[]): void {
    if (!fake.deliverWebhooks || items.length === 0) return;
    for (const webhook of webhookRegistry) {
      if (!operationMatches(webhook.operations, object.nameSingular, action)) continue;
      const payloads = webhookPayloads(
        fake.webhookShape,
        {
          targetUrl: webhook.targetUrl,
          eventName: `${object.nameSingular}.${action}`,
          objectMetadata: { id: object.id, nameSingular: object.nameSingular },
          workspaceId,
          webhookId: webhook.id,
          eventDate: new Date().toISOString(),
        },
        clone(items),
      );
      const task = (async () => {
        for (const payload of payloads) {
          nonceCounter += 1;
          deliveries.push(await deliverWebhook(webhook, payload, nonceCounter.toString(16).padStart(32, '0')));
        }
      })();
      const tracked = task.finally(() => pending.delete(tracked));
      pending.add(tracked);
    }
  }

  function insert(object: TwentyObject, fields: Record<string, unknown>): TwentyRecord {
    if (typeof fields.id === 'string' && storeOf(object).some((item) => item.id === fields.id)) throw new HttpError(400, 'Record already exists');
    const record = newRecord(object, fields);
    storeOf(object).push(record);
    return record;
  }

  function create(object: TwentyObject, fields: Record<string, unknown>): TwentyRecord {
    const record = insert(object, fields);
    emit(object, 'created', [{ record }]);
    return record;
  }

  function update(object: TwentyObject, id: string, fields: Record<string, unknown>): TwentyRecord {
    const record = findStored(object, id);
    const before = clone(record);
    const { id: _ignored, createdAt: _created, ...changes } = fields;
    mergeFields(record, changes);
    const updatedFields = Object.keys(changes).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(record[key]));
    record.updatedAt = now().toISOString();
    emit(object, 'updated', [{ record, updatedFields }]);
    return record;
  }

  function remove(object: TwentyObject, id: string, soft: boolean): TwentyRecord {
    const record = findStored(object, id, !soft);
    const before = clone(record);
    if (soft) {
      record.deletedAt = now().toISOString();
      emit(object, 'deleted', [{ record: before }]);
      return record;
    }
    const store = storeOf(object);
    store.splice(store.indexOf(record), 1);
    emit(object, 'destroyed', [{ record: before }]);
    return before;
  }

  /** `?upsert=true`: an existing record with the same id, primary email or domain is updated instead. */
  function upsert(object: TwentyObject, fields: Record<string, unknown>): TwentyRecord {
    const store = storeOf(object).filter((item) => item.deletedAt === null);
    const key = (record: Record<string, unknown>, path: [string, string]): unknown => {
      const composite = record[path[0]];
      return isPlainObject(composite) ? composite[path[1]] : undefined;
    };
    const existing = store.find((item) => {
      if (typeof fields.id === 'string') return item.id === fields.id;
      for (const path of [
        ['emails', 'primaryEmail'],
        ['domainName', 'primaryLinkUrl'],
      ] as Array<[string, string]>) {
        const wanted = key(fields, path);
        if (typeof wanted === 'string' && wanted !== '' && key(item, path) === wanted) return true;
      }
      return false;
    });
    return existing ? update(object, existing.id as string, fields) : create(object, fields);
  }

  function limitOf(query: Record<string, string>): number {
    if (!query.limit) return defaultLimit;
    const limit = Number(query.limit);
    if (Number.isNaN(limit) || limit < 0) throw new HttpError(400, `limit '${query.limit}' is invalid. Should be an integer`);
    return Math.min(limit, maxLimit);
  }

  function list(object: TwentyObject, query: Record<string, string>): { data: Record<string, TwentyRecord[]>; totalCount: number; pageInfo: unknown } {
    const filter: Filter | undefined = query.filter !== undefined ? parseFilter(query.filter) : undefined;
    // ⚠ INFERRED (API-NOTES 4.4): soft-deleted rows are hidden unless the filter asks about deletedAt.
    const showDeleted = filter !== undefined && filterMentions(filter, 'deletedAt');
    const candidates = storeOf(object).filter((record) => (showDeleted || record.deletedAt === null) && (!filter || matches(record, filter)));
    const page = paginate(candidates, {
      order: parseOrderBy(query.order_by),
      limit: limitOf(query),
      startingAfter: query.starting_after,
      endingBefore: query.ending_before,
    });
    return { data: { [object.namePlural]: clone(page.records) }, totalCount: page.totalCount, pageInfo: page.pageInfo };
  }

  function bodyObject(body: unknown): Record<string, unknown> {
    if (!isPlainObject(body)) throw new HttpError(400, 'The request body must be a JSON object');
    return body;
  }

  function webhookRoute(method: string, id: string | undefined, body: unknown): { status: number; body: unknown } {
    if (id === undefined && method === 'GET') return { status: 200, body: clone(webhookRegistry) };
    if (id === undefined && method === 'POST') {
      const input = bodyObject(body);
      if (typeof input.targetUrl !== 'string' || !/^https?:\/\//.test(input.targetUrl)) throw new HttpError(400, 'targetUrl must be a URL address');
      const operations = input.operations === undefined ? ['*.*'] : input.operations;
      if (!Array.isArray(operations) || !operations.every((operation) => typeof operation === 'string'))
        throw new HttpError(400, 'operations must be an array of strings');
      webhookCounter += 1;
      const time = new Date().toISOString();
      const webhook: TwentyWebhook = {
        id: uuid('3eb400c0', webhookCounter),
        targetUrl: input.targetUrl,
        operations: operations as string[],
        description: typeof input.description === 'string' ? input.description : null,
        secret: typeof input.secret === 'string' ? input.secret : null,
        workspaceId,
        createdAt: time,
        updatedAt: time,
        deletedAt: null,
      };
      webhookRegistry.push(webhook);
      return { status: 201, body: clone(webhook) };
    }
    if (id === undefined) throw new HttpError(404, `Cannot ${method} /rest/metadata/webhooks`, 'NotFoundException');
    const index = webhookRegistry.findIndex((webhook) => webhook.id === id);
    const webhook = webhookRegistry[index];
    if (method === 'GET') return { status: 200, body: webhook ? clone(webhook) : null };
    if (method === 'PATCH') {
      if (!webhook) return { status: 200, body: null };
      const input = bodyObject(body);
      for (const key of ['targetUrl', 'operations', 'description', 'secret'] as const)
        if (input[key] !== undefined) Object.assign(webhook, { [key]: input[key] });
      webhook.updatedAt = new Date().toISOString();
      return { status: 200, body: clone(webhook) };
    }
    if (method === 'DELETE') {
      if (webhook) webhookRegistry.splice(index, 1);
      // WebhookController.remove: `result !== null`, so an unknown id answers false, not an error.
      return { status: 200, body: webhook !== undefined };
    }
    throw new HttpError(404, `Cannot ${method} /rest/metadata/webhooks/${id}`);
  }

  function coreRoute(method: string, segments: string[], query: Record<string, string>, body: unknown): { status: number; body: unknown } {
    const [first, second, third] = segments;
    if (first === 'batch' && second !== undefined && third === undefined && method === 'POST') {
      const object = objectFor(second);
      if (!Array.isArray(body)) throw new HttpError(400, 'The request body must be an array of records');
      if (body.length > 60) throw new HttpError(400, 'Maximum number of records to upsert is 60.');
      // One operation, so one event batch: a single delivery holds every record.
      const created = body.map((item) => insert(object, bodyObject(item)));
      emit(
        object,
        'created',
        created.map((record) => ({ record })),
      );
      return { status: 201, body: { data: { [`create${capitalize(object.namePlural)}`]: clone(created) } } };
    }
    if (first === undefined || third !== undefined) throw new HttpError(404, `Cannot ${method} /rest/${segments.join('/')}`);
    const object = objectFor(first);
    const singular = capitalize(object.nameSingular);
    if (second === undefined) {
      if (method === 'GET') return { status: 200, body: list(object, query) };
      if (method === 'POST') {
        const record = query.upsert === 'true' ? upsert(object, bodyObject(body)) : create(object, bodyObject(body));
        return { status: 201, body: { data: { [`create${singular}`]: clone(record) } } };
      }
      throw new HttpError(404, `Cannot ${method} /rest/${first}`);
    }
    if (method === 'GET') return { status: 200, body: { data: { [object.nameSingular]: clone(findStored(object, second)) } } };
    if (method === 'PATCH' || method === 'PUT')
      return { status: 200, body: { data: { [`update${singular}`]: clone(update(object, second, bodyObject(body))) } } };
    if (method === 'DELETE') {
      const soft = query.soft_delete === 'true';
      const record = remove(object, second, soft);
      return { status: 200, body: { data: { [`${soft ? 'delete' : 'destroy'}${singular}`]: clone(record) } } };
    }
    throw new HttpError(404, `Cannot ${method} /rest/${segments.join('/')}`);
  }

  function route(method: string, path: string, query: Record<string, string>, body: unknown): { status: number; body: unknown } {
    const segments = path
      .split('/')
      .filter((segment) => segment !== '')
      .map(decodeURIComponent);
    if (segments[0] !== 'rest') throw new HttpError(404, `Cannot ${method} ${path}`);
    const rest = segments.slice(1);
    if (rest[0] === 'metadata' && rest[1] === 'objects' && method === 'GET') {
      if (rest[2] !== undefined) {
        const object = catalog.find((item) => item.id === rest[2] || item.nameSingular === rest[2]);
        if (!object) throw new HttpError(404, `Object metadata ${rest[2]} not found`);
        return { status: 200, body: { data: { object: clone(object) } } };
      }
      const objects = clone(catalog);
      return {
        status: 200,
        body: {
          data: { objects },
          pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: objects[0]?.id ?? null, endCursor: objects.at(-1)?.id ?? null },
          totalCount: objects.length,
        },
      };
    }
    if (rest[0] === 'metadata' && rest[1] === 'webhooks' && rest.length <= 3) return webhookRoute(method, rest[2], body);
    // rest/webhooks is the deprecated alias of rest/metadata/webhooks.
    if (rest[0] === 'webhooks' && rest.length <= 2) return webhookRoute(method, rest[1], body);
    if (rest[0] === 'metadata') throw new HttpError(404, `Cannot ${method} ${path}`);
    return coreRoute(method, rest, query, body);
  }

  function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    response.end(JSON.stringify(body));
  }

  function sendError(response: ServerResponse, status: number, message: string, name?: string, headers?: Record<string, string>): void {
    send(response, status, { statusCode: status, error: name ?? errorName(status), messages: [message] }, headers);
  }

  function handle(request: IncomingMessage, raw: string, response: ServerResponse): void {
    const method = (request.method ?? 'GET').toUpperCase();
    const url = new URL(request.url ?? '/', 'http://fake.twenty');
    const query: Record<string, string> = {};
    for (const [name, value] of url.searchParams) query[name] ??= value;
    let body: unknown = null;
    let invalidJson: string | undefined;
    if (raw !== '') {
      try {
        body = JSON.parse(raw) as unknown;
      } catch (error) {
        invalidJson = (error as Error).message;
      }
    }
    requests.push({ method, path: url.pathname, query, headers: request.headers, body });

    if (rateLimited > 0) {
      rateLimited -= 1;
      // ⚠ INFERRED: Twenty documents no rate-limit headers; the text is the one its GraphQL API answers with.
      const headers: Record<string, string> = options.retryAfterSeconds !== undefined ? { 'retry-after': String(options.retryAfterSeconds) } : {};
      sendError(response, 429, 'Limit reached (100 tokens per 60000 ms)', 'ThrottlerException', headers);
      return;
    }
    if (request.headers.authorization !== `Bearer ${token}`) {
      sendError(response, 401, 'Token invalid.');
      return;
    }
    if (invalidJson !== undefined) {
      sendError(response, 400, invalidJson);
      return;
    }
    try {
      const result = route(method, url.pathname, query, body);
      send(response, result.status, result.body);
    } catch (error) {
      if (error instanceof HttpError) sendError(response, error.status, error.message, error.errorName);
      else if (error instanceof QueryError) sendError(response, 400, error.message);
      else sendError(response, 500, error instanceof Error ? error.message : String(error));
    }
  }

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => handle(request, Buffer.concat(chunks).toString('utf8'), response));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const fake: TwentyFake = {
    origin: `http://127.0.0.1:${port}`,
    port,
    token,
    workspaceId,
    requests,
    deliveries,
    deliverWebhooks: options.deliverWebhooks ?? true,
    webhookShape: options.webhookShape ?? 'batch',
    objects: () => clone(catalog),
    seed(namePlural, records) {
      const object = objectFor(namePlural);
      return records.map((fields) => {
        const record = newRecord(object, fields);
        storeOf(object).push(record);
        return clone(record);
      });
    },
    records(namePlural, recordOptions = {}) {
      return clone(storeOf(objectFor(namePlural)).filter((record) => recordOptions.includeDeleted === true || record.deletedAt === null));
    },
    webhooks: () => clone(webhookRegistry),
    createRecord: (namePlural, fields) => clone(create(objectFor(namePlural), fields)),
    updateRecord: (namePlural, id, fields) => clone(update(objectFor(namePlural), id, fields)),
    deleteRecord: (namePlural, id, deleteOptions = {}) => clone(remove(objectFor(namePlural), id, deleteOptions.soft === true)),
    rateLimitNext(count) {
      rateLimited = count;
    },
    async settled() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    close: async () => {
      await fake.settled();
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
  return fake;
}
