// A fake HelpCrunch REST API v1 (API-NOTES §3) on 127.0.0.1: Bearer API key, the {"errors":[…]} envelope, the
// 120 requests/min limit, customers, chats, messages, search filters, and signed (or forged) webhook deliveries.
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HelpCrunchFakeOptions {
  /** Default 0 (any free port). */
  port?: number;
  apiKey?: string;
  /** Requests allowed per clock minute before 429. Default 120, as HelpCrunch documents. */
  rateLimitPerMinute?: number;
  /** Milliseconds since the epoch; drives the rate-limit window and creation times. Default Date.now. */
  now?: () => number;
}

export interface HelpCrunchFakeRequest {
  method: string;
  /** The path after `/v1/`. */
  path: string;
  query: Record<string, string>;
  headers: IncomingMessage['headers'];
  body: unknown;
}

export type HelpCrunchRecord = Record<string, unknown>;
export interface HelpCrunchError {
  code: string;
  message: string;
}

export interface SignedEventOptions {
  event: string;
  eventData: HelpCrunchRecord;
  signingKey: string;
  /** Send a delivery that must be refused: signed with another key, without a signature, or altered after signing. */
  forge?: 'wrong-key' | 'missing-signature' | 'tampered';
  id?: string;
}

export interface HelpCrunchFake {
  origin: string;
  port: number;
  /** A valid API key. */
  token: string;
  requests: HelpCrunchFakeRequest[];
  /** The next `count` requests answer 429 too_many_requests. */
  rateLimitNext(count?: number): void;
  /** The next request matching method and path (after /v1/, a prefix) answers `status` with these errors. */
  failNext(match: { method?: string; path?: string }, status: number, errors: HelpCrunchError[]): void;
  seedCustomer(customer: HelpCrunchRecord): HelpCrunchRecord;
  seedChat(chat: HelpCrunchRecord & { customer: number | HelpCrunchRecord }): HelpCrunchRecord;
  seedAgent(agent: HelpCrunchRecord): HelpCrunchRecord;
  customers(): HelpCrunchRecord[];
  chats(): HelpCrunchRecord[];
  messages(): HelpCrunchRecord[];
  /** Hex HMAC-SHA1 of the raw body with the signing key, as in `X-HelpCrunch-Signature`. */
  signature(rawBody: string, signingKey: string): string;
  /** POSTs a webhook delivery to `url` as HelpCrunch does (or a forged one); answers what the URL answered. */
  sendEvent(url: string, options: SignedEventOptions): Promise<{ status: number; body: unknown; rawBody: string }>;
  close(): Promise<void>;
}

class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly errors: HelpCrunchError[],
  ) {
    super(errors.map((e) => e.message).join('; '));
  }
}

const invalid = (field: string, message: string): ApiError =>
  new ApiError(400, [
    { code: 'invalid_request', message: 'Invalid request' },
    { code: field, message },
  ]);
const notFound = (code: string, message: string): ApiError => new ApiError(404, [{ code, message }]);
/** A tag given without a color gets this one (docs "Tag customer", "Create customer": tips). */
const DEFAULT_TAG_COLOR = '#c377e0';

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/** How search reads a field: docs "Search for customers" / "Search for chats", column Type. */
type FieldType = 'integer' | 'date' | 'string' | 'tags';

interface SearchField {
  type: FieldType;
  value(record: HelpCrunchRecord): unknown;
}

const field = (type: FieldType, value: (record: HelpCrunchRecord) => unknown): SearchField => ({ type, value });
const locationOf = (c: HelpCrunchRecord, key: string): unknown => (isRecord(c.location) ? c.location[key] : undefined);
const tagNames = (tags: unknown): unknown[] => (Array.isArray(tags) ? tags.map((t) => (isRecord(t) ? t.name : t)) : []);

/**
 * The fields customer search accepts, and nothing else (docs "Search for customers", accepted searchable fields;
 * nehxby/helpcrunch-api-client-php `src/Tools/CustomersFilters.php`). `customers.firstSeen` and `customers.createdAt`
 * are not among them: firstSeen only sorts, and the customer record has no creation time.
 */
const customerSearchFields: Record<string, SearchField> = {
  'customers.id': field('integer', (c) => c.id),
  'customers.telegramId': field('string', (c) => c.telegramId),
  'customers.facebookId': field('string', (c) => c.facebookId),
  'customers.instagramId': field('string', (c) => c.instagramId),
  'customers.viberId': field('string', (c) => c.viberId),
  'customers.whatsappId': field('string', (c) => c.whatsappId),
  'customers.name': field('string', (c) => c.name),
  'customers.email': field('string', (c) => c.email),
  'customers.company': field('string', (c) => c.company),
  'customers.phone': field('string', (c) => c.phone),
  'customers.countryCode': field('string', (c) => locationOf(c, 'countryCode')),
  'customers.city': field('string', (c) => locationOf(c, 'city')),
  'customers.regionCode': field('string', (c) => locationOf(c, 'regionCode')),
  'customers.tagsData': field('tags', (c) => tagNames(c.tags)),
  'customers.lastSeen': field('date', (c) => c.lastSeen),
  'customers.userId': field('string', (c) => c.userId),
};

/** What customer lists and searches sort by (the PHP client's `Customers::SORT_FIRST_SEEN`, `SORT_LAST_SEEN`). */
const customerSortFields: Record<string, (c: HelpCrunchRecord) => unknown> = {
  'customers.firstSeen': (c) => c.firstSeen,
  'customers.lastSeen': (c) => c.lastSeen,
};

/** The fields chat search accepts (docs "Search for chats"; the PHP client's `src/Tools/ChatsFilters.php`). */
const chatSearchFields = (customerOf: (chat: HelpCrunchRecord) => HelpCrunchRecord | undefined): Record<string, SearchField> => ({
  'chats.assignee': field('integer', (c) => (isRecord(c.assignee) ? c.assignee.id : null)),
  'chats.agents': field('integer', (c) => (Array.isArray(c.agents) ? c.agents.map((a) => (isRecord(a) ? a.id : a)) : [])),
  'chats.createdAt': field('date', (c) => c.createdAt),
  'chats.updatedAt': field('date', (c) => c.updatedAt ?? c.createdAt),
  'chats.department': field('integer', (c) => (isRecord(c.department) ? c.department.id : null)),
  'chats.status': field('string', (c) => c.status),
  'chats.closedAt': field('date', (c) => c.closedAt),
  'chats.rating': field('string', (c) => c.rating),
  'chats.customer': field('integer', (c) => (isRecord(c.customer) ? c.customer.id : null)),
  'chats.customer.email': field('string', (c) => (isRecord(c.customer) ? c.customer.email : null)),
  'chats.customer.tagsData': field('tags', (c) => tagNames(customerOf(c)?.tags)),
  'chats.customer.userId': field('string', (c) => (isRecord(c.customer) ? c.customer.userId : null)),
});

/** What chat lists and searches sort by (docs "Get all chats", sort values; the PHP client's `Chats::SORT_*`). */
const chatSortFields: Record<string, (c: HelpCrunchRecord) => unknown> = {
  'chats.createdAt': (c) => c.createdAt,
  'chats.lastCustomerMessageAt': (c) => c.lastCustomerMessageAt,
  'chats.lastMessageAt': (c) => c.lastMessageAt,
  'chats.closedAt': (c) => c.closedAt,
};

/** Which operators each type takes (docs "Accepted operators"; the PHP client's `SearchFilters` constants). */
const operatorsFor: Record<FieldType, readonly string[]> = {
  integer: ['=', '!=', '>', '<', '>=', '<='],
  date: ['=', '!=', '>', '<', '>=', '<='],
  string: ['=', '!=', '~', '!~'],
  tags: ['='],
};

/** "The value you search for has to match the type, otherwise the query will fail" (docs): a whole number for ids and UNIX timestamps. */
function typeError(type: FieldType, value: unknown): string | undefined {
  switch (type) {
    case 'integer':
    case 'date':
      return (typeof value === 'number' && Number.isInteger(value)) || (typeof value === 'string' && /^\d+$/.test(value))
        ? undefined
        : 'This value should be of type integer.';
    case 'string':
      return typeof value === 'string' || typeof value === 'number' ? undefined : 'This value should be of type string.';
    case 'tags':
      return Array.isArray(value) && value.every((t) => isRecord(t) && typeof t.name === 'string') ? undefined : 'This value should be a list of {name}.';
  }
}

/** One search operator applied to a field value; a record's list (agents) matches when any element does. */
function compare(type: FieldType, actual: unknown, operator: string, expected: unknown): boolean {
  if (type === 'tags') {
    // Every tag given must be on the record (docs: "Search results will match all of them").
    const names = new Set(Array.isArray(actual) ? actual : []);
    return (expected as HelpCrunchRecord[]).every((t) => names.has(t.name));
  }
  if (Array.isArray(actual)) {
    const any = actual.some((item) => compare(type, item, operator === '!=' ? '=' : operator, expected));
    return operator === '!=' ? !any : any;
  }
  const asNumber = (value: unknown): number | undefined =>
    value === null || value === undefined || value === '' || Number.isNaN(Number(value)) ? undefined : Number(value);
  const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value).toLowerCase());
  switch (operator) {
    case '=':
      return asNumber(actual) !== undefined && asNumber(expected) !== undefined ? asNumber(actual) === asNumber(expected) : text(actual) === text(expected);
    case '!=':
      return !compare(type, actual, '=', expected);
    case '~':
      return text(actual).includes(text(expected));
    case '!~':
      return !text(actual).includes(text(expected));
    default: {
      const a = asNumber(actual);
      const b = asNumber(expected);
      if (a === undefined || b === undefined) return false;
      return operator === '>' ? a > b : operator === '<' ? a < b : operator === '>=' ? a >= b : a <= b;
    }
  }
}

function paging(source: Record<string, unknown>): { limit: number; offset: number } {
  const limit = source.limit === undefined ? 100 : Number(source.limit);
  const offset = source.offset === undefined ? 0 : Number(source.offset);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw invalid('limit', 'This value should be between 1 and 100.');
  if (!Number.isInteger(offset) || offset < 0) throw invalid('offset', 'This value should be greater than or equal to 0.');
  return { limit, offset };
}

function sortBy<T extends HelpCrunchRecord>(records: T[], value: ((record: T) => unknown) | undefined, order: unknown): T[] {
  if (!value) return records;
  const descending = String(order ?? 'asc').toLowerCase() === 'desc';
  return [...records].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    // Records without the value (e.g. no firstSeen) come last either way.
    if (x === null || x === undefined) return y === null || y === undefined ? 0 : 1;
    if (y === null || y === undefined) return -1;
    const difference = Number(x) - Number(y);
    return descending ? -difference : difference;
  });
}

/** Lists carry both `total` and `meta.total`: HelpCrunch's docs show each. */
function listOf(records: HelpCrunchRecord[], source: Record<string, unknown>): HelpCrunchRecord {
  const { limit, offset } = paging(source);
  return { total: records.length, data: records.slice(offset, offset + limit), meta: { total: records.length, limit, offset } };
}

export async function startHelpCrunchFake(options: HelpCrunchFakeOptions = {}): Promise<HelpCrunchFake> {
  const apiKey = options.apiKey ?? 'helpcrunch-public-api-key-0001';
  const now = options.now ?? Date.now;
  const limitPerMinute = options.rateLimitPerMinute ?? 120;
  const requests: HelpCrunchFakeRequest[] = [];
  const customers: HelpCrunchRecord[] = [];
  const chats: HelpCrunchRecord[] = [];
  const messages: HelpCrunchRecord[] = [];
  const agents: HelpCrunchRecord[] = [{ id: 4188, name: 'Sam Agent', email: 'sam@example.com', role: 'admin' }];
  let throttled = 0;
  let window = { minute: -1, count: 0 };
  const failures: Array<{ method?: string; path?: string; status: number; errors: HelpCrunchError[] }> = [];
  let nextCustomerId = 542335;
  let nextChatId = 5215261;
  let nextMessageId = 9577656;
  const seconds = (): number => Math.floor(now() / 1000);

  function customerFrom(body: Record<string, unknown>, base: HelpCrunchRecord): HelpCrunchRecord {
    const customer = { ...base };
    for (const field of ['name', 'email', 'userId', 'company', 'phone', 'source', 'locale', 'notes', 'referer', 'lastPage']) {
      if (body[field] === undefined) continue;
      if (body[field] !== null && typeof body[field] !== 'string') throw invalid(field, 'This value should be of type string.');
      customer[field] = body[field];
    }
    if (typeof customer.email === 'string' && customer.email !== '' && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(customer.email)) {
      throw invalid('email', 'This value is not a valid email address.');
    }
    if (body.firstSeen !== undefined) {
      if (Number.isNaN(Number(body.firstSeen))) throw invalid('firstSeen', 'This value should be of type numeric.');
      customer.firstSeen = String(body.firstSeen);
    }
    for (const flag of ['unsubscribed', 'blocked']) if (typeof body[flag] === 'boolean') customer[flag] = body[flag];
    if (body.tags !== undefined) {
      if (!Array.isArray(body.tags) || body.tags.some((t) => !isRecord(t) || typeof t.name !== 'string'))
        throw invalid('tags', 'This value should be a list of {name, color}.');
      customer.tags = body.tags.map((t) => ({ name: (t as HelpCrunchRecord).name, color: (t as HelpCrunchRecord).color ?? DEFAULT_TAG_COLOR }));
    }
    if (body.customData !== undefined) {
      if (!Array.isArray(body.customData) || body.customData.some((d) => !isRecord(d) || typeof d.property !== 'string')) {
        throw invalid('customData', 'This value should be a list of {property, value}.');
      }
      const data = isRecord(customer.customData) ? { ...customer.customData } : {};
      for (const entry of body.customData as HelpCrunchRecord[]) data[String(entry.property)] = entry.value;
      customer.customData = data;
    }
    if (typeof customer.userId === 'string' && customer.userId !== '' && customers.some((c) => c.id !== customer.id && c.userId === customer.userId)) {
      throw invalid('userId', 'This value is already used.');
    }
    return customer;
  }

  function blankCustomer(id: number): HelpCrunchRecord {
    return {
      id,
      name: null,
      email: null,
      userId: null,
      company: null,
      phone: null,
      firstSeen: null,
      lastSeen: null,
      location: null,
      device: null,
      unsubscribed: false,
      blocked: false,
      source: null,
      referer: null,
      lastPage: null,
      locale: null,
      createdFrom: 'api',
      integrationId: null,
      notes: null,
      tags: [],
      customData: {},
    };
  }

  function customerById(id: string | number): { customer: HelpCrunchRecord; index: number } {
    const index = customers.findIndex((c) => String(c.id) === String(id));
    const customer = customers[index];
    if (!customer) throw notFound('entity_not_found', 'Customer not found');
    return { customer, index };
  }

  const chatFields = chatSearchFields((chat) => customers.find((c) => isRecord(chat.customer) && c.id === chat.customer.id));

  /** `missing` is the message of the call's docs: "Chat not found" for GET chats/{id}, "Chat is missing" for POST messages. */
  function chatById(id: unknown, missing = 'Chat not found'): HelpCrunchRecord {
    const chat = chats.find((c) => String(c.id) === String(id));
    if (!chat) throw notFound('chat_not_found', missing);
    return chat;
  }

  /**
   * POST …/search: each filter is checked as the docs say (a documented field, an operator its type takes, a value of
   * its type), answered in the documented 400 envelope otherwise, then the matches are sorted and paged.
   */
  function search(
    records: HelpCrunchRecord[],
    body: Record<string, unknown>,
    fields: Record<string, SearchField>,
    sortFields: Record<string, (record: HelpCrunchRecord) => unknown>,
    defaultSort: string,
  ): HelpCrunchRecord {
    const filter = body.filter ?? [];
    if (!Array.isArray(filter)) throw invalid('filter', 'This value should be of type array.');
    const tests = filter.map((item: unknown, index) => {
      const at = `filter[${String(index)}]`;
      if (!isRecord(item) || typeof item.field !== 'string' || item.field === '') throw invalid(`${at}.field`, 'This value should not be blank.');
      const searched = fields[item.field];
      // Any field but the documented ones fails the query.
      if (!searched) throw invalid(`${at}.field`, 'The value you selected is not a valid choice.');
      const operator = item.operator ?? '=';
      if (typeof operator !== 'string' || !operatorsFor[searched.type].includes(operator)) {
        throw invalid(`${at}.operator`, 'The value you selected is not a valid choice.');
      }
      const wrongType = typeError(searched.type, item.value);
      if (wrongType) throw invalid(`${at}.value`, wrongType);
      return (record: HelpCrunchRecord) => compare(searched.type, searched.value(record), operator, item.value);
    });
    const any = String(body.comparison ?? 'AND').toUpperCase() === 'OR';
    const found = tests.length === 0 ? records : records.filter((record) => (any ? tests.some((t) => t(record)) : tests.every((t) => t(record))));
    return listOf(sortBy(found, sortFields[String(body.sort ?? defaultSort)], body.order), body);
  }

  function chatFrom(body: Record<string, unknown>): HelpCrunchRecord {
    const customerRef = body.customer;
    const customer = isRecord(customerRef) ? customerRef : customerById(String(customerRef)).customer;
    // HelpCrunch's answers show dates as numbers and as strings; a seeded chat keeps the form it was given.
    const created = typeof body.createdAt === 'number' || typeof body.createdAt === 'string' ? body.createdAt : seconds();
    const assignee =
      body.assignee === undefined || body.assignee === null
        ? null
        : (agents.find((a) => String(a.id) === String(isRecord(body.assignee) ? body.assignee.id : body.assignee)) ?? null);
    return {
      id: typeof body.id === 'number' ? body.id : nextChatId++,
      status: body.status ?? 'new',
      createdAt: created,
      closedAt: body.closedAt ?? null,
      closedBy: null,
      lastMessageAt: body.lastMessageAt ?? null,
      lastCustomerMessageAt: null,
      lastMessageText: null,
      lastMessageId: null,
      applicationId: body.application ?? body.applicationId ?? 1,
      snoozedUntil: null,
      rating: body.rating ?? null,
      agents: assignee ? [assignee] : [],
      customer: { id: customer.id, name: customer.name ?? null, email: customer.email ?? null, userId: customer.userId ?? null },
      assignee,
      department: body.department ?? null,
    };
  }

  function route(method: string, path: string, query: Record<string, string>, body: Record<string, unknown>): { status?: number; body: unknown } {
    const parts = path.split('/').filter(Boolean);
    const [resource, id, sub] = parts;
    if (method === 'GET' && path === 'organization') return { body: { data: { id: 54233, domain: 'example', teamOnline: true, chatEnabled: true } } };
    if (method === 'GET' && path === 'agents') return { body: { data: agents, meta: { total: agents.length } } };

    if (resource === 'customers') {
      if (method === 'GET' && parts.length === 1) {
        return { body: listOf(sortBy(customers, customerSortFields[String(query.sort ?? 'customers.firstSeen')], query.order), query) };
      }
      if (method === 'POST' && parts.length === 1) {
        const customer = customerFrom(body, blankCustomer(nextCustomerId));
        nextCustomerId += 1;
        customers.push(customer);
        return { status: 201, body: customer };
      }
      if (method === 'POST' && id === 'search' && parts.length === 2) {
        return { body: search(customers, body, customerSearchFields, customerSortFields, 'customers.lastSeen') };
      }
      if (id !== undefined && parts.length === 2) {
        const { customer, index } = customerById(id);
        if (method === 'GET') return { body: customer };
        if (method === 'PATCH') {
          customers[index] = customerFrom(body, customer);
          return { body: customers[index] };
        }
        if (method === 'PUT') {
          customers[index] = customerFrom(body, { ...blankCustomer(Number(customer.id)), firstSeen: customer.firstSeen, createdFrom: customer.createdFrom });
          return { body: customers[index] };
        }
      }
      if (id !== undefined && sub === 'tags' && parts.length === 3 && (method === 'PUT' || method === 'DELETE')) {
        const { customer, index } = customerById(id);
        if (!Array.isArray(body.tags) || body.tags.some((t) => !isRecord(t) || typeof t.name !== 'string' || t.name === '')) {
          throw invalid('tags', 'This value should be a list of {name, color}.');
        }
        const given = body.tags as HelpCrunchRecord[];
        const current = (Array.isArray(customer.tags) ? customer.tags : []) as HelpCrunchRecord[];
        const names = new Set(given.map((t) => t.name));
        const tags =
          method === 'PUT'
            ? [
                ...current.filter((t) => !names.has(t.name)),
                ...given.map((t) => ({ name: t.name, color: t.color ?? current.find((c) => c.name === t.name)?.color ?? DEFAULT_TAG_COLOR })),
              ]
            : current.filter((t) => !names.has(t.name));
        customers[index] = { ...customer, tags };
        return { body: customers[index] };
      }
    }

    if (resource === 'chats') {
      if (method === 'GET' && parts.length === 1) {
        return { body: listOf(sortBy(chats, chatSortFields[String(query.sort ?? 'chats.createdAt')], query.order), query) };
      }
      if (method === 'POST' && parts.length === 1) {
        if (body.customer === undefined) throw invalid('customer', 'This value should not be blank.');
        if (body.application === undefined) throw invalid('application', 'This value should not be blank.');
        const chat = chatFrom(body);
        chats.push(chat);
        return { status: 201, body: chat };
      }
      if (method === 'POST' && id === 'search' && parts.length === 2) {
        return { body: search(chats, body, chatFields, chatSortFields, 'chats.createdAt') };
      }
      if (method === 'GET' && id !== undefined && parts.length === 2) return { body: chatById(id) };
      if (method === 'GET' && id !== undefined && sub === 'messages' && parts.length === 3) {
        const chat = chatById(id);
        return {
          body: listOf(
            messages.filter((m) => m.chat === chat.id),
            query,
          ),
        };
      }
    }

    if (method === 'POST' && path === 'messages') {
      // A chat that is no id at all (HelpCrunch's ParametersValidatorHelper::isValidId: numeric, not empty, above 0).
      if (!((typeof body.chat === 'number' || typeof body.chat === 'string') && body.chat !== '' && Number(body.chat) > 0)) {
        throw new ApiError(400, [{ code: 'invalid_chat_value', message: 'Invalid chat ID' }]);
      }
      if (typeof body.text !== 'string' || body.text === '') throw invalid('text', 'This value should not be blank.');
      if (body.type !== 'message' && body.type !== 'private') throw invalid('type', 'The value you selected is not a valid choice.');
      const chat = chatById(body.chat, 'Chat is missing');
      let agent: HelpCrunchRecord | undefined;
      if (body.agent !== undefined && body.agent !== null) {
        agent = agents.find((a) => String(a.id) === String(body.agent));
        if (!agent) throw notFound('entity_not_found', 'Agent not found');
      } else if (body.type === 'private') {
        throw invalid('agent', 'A private note needs an agent.');
      }
      const at = (now() / 1000).toFixed(3);
      const message = {
        id: nextMessageId++,
        agent: agent ? { id: agent.id, name: agent.name } : null,
        type: body.type,
        text: body.text,
        markdownText: body.markdownText ?? null,
        read: false,
        createdAt: at,
        chat: chat.id,
        from: agent ? 'agent' : 'customer',
      };
      messages.push(message);
      chat.lastMessageAt = Number(at);
      chat.lastMessageText = body.text;
      chat.lastMessageId = message.id;
      if (!agent) chat.lastCustomerMessageAt = Number(at);
      return { body: message };
    }
    return { status: 404, body: { errors: [{ code: 'not_found', message: 'Not found' }] } };
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://fake.local');
    const raw = await readBody(request);
    let body: unknown = null;
    let malformed = false;
    if (raw) {
      try {
        body = JSON.parse(raw) as unknown;
      } catch {
        malformed = true;
      }
    }
    const path = url.pathname.startsWith('/v1/') ? url.pathname.slice(4) : url.pathname;
    const method = request.method ?? 'GET';
    requests.push({ method, path, query: Object.fromEntries(url.searchParams), headers: request.headers, body });

    const minute = Math.floor(now() / 60_000);
    if (minute !== window.minute) window = { minute, count: 0 };
    window.count += 1;
    if (throttled > 0 || window.count > limitPerMinute) {
      throttled = Math.max(0, throttled - 1);
      send(response, 429, { errors: [{ code: 'too_many_requests', message: 'You have exceeded your requests limit' }] });
      return;
    }
    // The PHP client sends "Bearer <key>" with the angle brackets; HelpCrunch accepts both.
    const given = /^Bearer\s+<?([^<>\s]+)>?$/i.exec(request.headers.authorization ?? '')?.[1];
    if (given !== apiKey) {
      send(response, 401, { errors: [{ code: 'invalid_token', message: 'Invalid token' }] });
      return;
    }
    if (malformed) {
      send(response, 400, { errors: [{ code: 'invalid_request', message: 'Invalid request' }] });
      return;
    }
    const failure = failures.findIndex((f) => (f.method === undefined || f.method === method) && (f.path === undefined || path.startsWith(f.path)));
    if (failure >= 0) {
      const [planned] = failures.splice(failure, 1);
      if (planned) {
        send(response, planned.status, { errors: planned.errors });
        return;
      }
    }
    if (!url.pathname.startsWith('/v1/')) {
      send(response, 404, { errors: [{ code: 'not_found', message: 'Not found' }] });
      return;
    }
    try {
      const result = route(method, path, Object.fromEntries(url.searchParams), isRecord(body) ? body : {});
      send(response, result.status ?? 200, result.body);
    } catch (error) {
      if (error instanceof ApiError) send(response, error.status, { errors: error.errors });
      else send(response, 500, { errors: [{ code: 'internal_error', message: 'Internal server error' }] });
    }
  }

  const server = createServer((request, response) => {
    handle(request, response).catch(() => send(response, 500, { errors: [{ code: 'internal_error', message: 'Internal server error' }] }));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const signature = (rawBody: string, key: string): string => createHmac('sha1', key).update(rawBody).digest('hex');
  let nextEventId = 1;

  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    token: apiKey,
    requests,
    rateLimitNext(count = 1) {
      throttled = count;
    },
    failNext(match, status, errors) {
      failures.push({ ...match, status, errors });
    },
    seedCustomer(customer) {
      const id = typeof customer.id === 'number' ? customer.id : nextCustomerId;
      // HelpCrunch numbers customers in the order they are created.
      nextCustomerId = Math.max(nextCustomerId, id + 1);
      const record = { ...blankCustomer(id), createdFrom: 'widget', ...customer, id };
      customers.push(record);
      return structuredClone(record);
    },
    seedChat(chat) {
      const record = chatFrom(chat);
      chats.push(record);
      return structuredClone(record);
    },
    seedAgent(agent) {
      const record = { id: 4188 + agents.length, role: 'agent', ...agent };
      agents.push(record);
      return record;
    },
    customers: () => structuredClone(customers),
    chats: () => structuredClone(chats),
    messages: () => structuredClone(messages),
    signature,
    async sendEvent(url, event) {
      const at = seconds();
      const payload = { event: event.event, eventData: event.eventData, attempts: 1, lastAttemptAt: at, createdAt: at, id: event.id ?? `evt_${nextEventId++}` };
      const signed = JSON.stringify(payload);
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (event.forge !== 'missing-signature')
        headers['x-helpcrunch-signature'] = signature(signed, event.forge === 'wrong-key' ? `${event.signingKey}-not` : event.signingKey);
      const rawBody = event.forge === 'tampered' ? signed.replace(`"attempts":1`, `"attempts":2`) : signed;
      const response = await fetch(url, { method: 'POST', headers, body: rawBody });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text ? (JSON.parse(text) as unknown) : null;
      } catch {
        // Not JSON: hand back the text.
      }
      return { status: response.status, body: parsed, rawBody };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
