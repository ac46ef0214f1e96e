// A fake CINNOX Open API (API-NOTES §5) on 127.0.0.1: App Token auth, the {code,result} envelope, contacts, enquiries,
// numbers, SMS, message push, per-event webhook subscriptions with the challenge handshake, and event delivery.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Paths the fake serves under `/v1/api/apps/{appID}/`. Those marked INFERRED are not in CINNOX's public docs; the
 * connector keeps the same values as named constants (cinnox/client.ts) and its tests check that both agree.
 */
export const CINNOX_FAKE_PATHS = {
  staffList: 'contacts/staffcontact-list',
  externalContactList: 'contacts/extcontact-list',
  createExternalContact: 'management/create_externalcontact',
  updateExternalContact: 'management/update_externalcontact',
  enquiryDetail: 'data/enquiry-detail',
  messagePush: 'message-push',
  /** INFERRED: "Get Number List" in Operations. */
  numberList: 'number-list',
  /** INFERRED: "Post SMS" in Operations, named after the documented `send_otp`. */
  sendSms: 'send_sms',
} as const;

/** Event subscription endpoints, each documented with PATCH `{enabled, url}` (a GET answering the state is INFERRED). */
export const CINNOX_FAKE_SUBSCRIPTIONS = [
  'inquiry-event-sub',
  'external-contact-event-sub',
  'contact-event-sub',
  'outbound-sms-event-sub',
  'inbound-sms-event-sub',
  'label-event-sub',
  'inquiry-label-event-sub',
] as const;
export type CinnoxSubscriptionPath = (typeof CINNOX_FAKE_SUBSCRIPTIONS)[number];

export type CinnoxContactStatus = 'create' | 'edit' | 'delete' | 'merge' | 'transfer';

/**
 * Which subscriptions carry each external contact event (docs.cinnox.com, Management API): the external contact event
 * subscription carries added, edited, deleted and merged contacts; the contact event subscription those and ownership
 * transfers too. Only create/edit/delete are documented status words; `merge` and `transfer` are INFERRED.
 */
const CONTACT_EVENT_SUBSCRIPTIONS: Record<CinnoxContactStatus, readonly CinnoxSubscriptionPath[]> = {
  create: ['external-contact-event-sub', 'contact-event-sub'],
  edit: ['external-contact-event-sub', 'contact-event-sub'],
  delete: ['external-contact-event-sub', 'contact-event-sub'],
  merge: ['external-contact-event-sub', 'contact-event-sub'],
  transfer: ['contact-event-sub'],
};

export const CINNOX_RATE_LIMIT_CODE = 6451010;

export interface CinnoxFakeOptions {
  /** Default 0 (any free port). */
  port?: number;
  appId?: string;
  appToken?: string;
  /** The HTTP status of a throttled answer (its body is always code 6451010). INFERRED; default 429. */
  rateLimitStatus?: 429 | 400;
  /** POST a `{"challenge"}` to a URL before enabling a subscription to it, as CINNOX does. Default true. */
  verifySubscriptions?: boolean;
  serviceId?: string;
}

export interface CinnoxFakeRequest {
  method: string;
  /** The path after `/v1/api/apps/{appID}/`, or the full path when it is not an app path. */
  path: string;
  query: Record<string, string>;
  headers: IncomingMessage['headers'];
  body: unknown;
}

export interface CinnoxSubscription {
  enabled: boolean;
  url: string;
  updatedAt: string;
}

export type CinnoxRecord = Record<string, unknown>;

export interface CinnoxDeliveryResult {
  status: number;
  body: unknown;
}

export interface CinnoxFake {
  origin: string;
  port: number;
  appId: string;
  /** A valid App Token. */
  token: string;
  serviceId: string;
  /** Every request received, in order. */
  requests: CinnoxFakeRequest[];
  /** The challenges sent to subscription URLs, and whether each was answered correctly. */
  challenges: Array<{ url: string; challenge: string; ok: boolean }>;
  /** The next `count` requests are throttled (code 6451010), with a Retry-After header when given. */
  rateLimitNext(count?: number, options?: { status?: 429 | 400; retryAfterSeconds?: number }): void;
  seedExternalContact(contact: CinnoxRecord): CinnoxRecord;
  seedStaff(staff: CinnoxRecord): CinnoxRecord;
  seedEnquiry(enquiry: CinnoxRecord): CinnoxRecord;
  seedNumber(number: CinnoxRecord): CinnoxRecord;
  seedRoom(roomID: string): void;
  records(kind: 'externalContacts' | 'staff' | 'enquiries' | 'numbers' | 'sms' | 'messages'): CinnoxRecord[];
  subscription(path: CinnoxSubscriptionPath): CinnoxSubscription | undefined;
  /** POSTs a payload to the URL subscribed for `path`, as CINNOX delivers events; throws when nothing is subscribed. */
  deliver(path: CinnoxSubscriptionPath, payload: unknown): Promise<CinnoxDeliveryResult>;
  /** An enquiry notification (inquiry-event-sub) with the documented fields. */
  emitEnquiry(fields: { status: 'Opened' | 'Handling' | 'Closed' | 'Missed' } & CinnoxRecord): Promise<CinnoxDeliveryResult>;
  /**
   * An external-contact notification, delivered to every enabled subscription that carries it (see
   * CONTACT_EVENT_SUBSCRIPTIONS); throws when none is enabled.
   */
  emitContactEvent(status: CinnoxContactStatus, contact: CinnoxRecord): Promise<CinnoxDeliveryResult[]>;
  /** A TDR (delivery status) notification for an SMS sent through the fake (the last one unless a TransactionID is given). */
  emitSmsStatus(fields: { Status: 'Submitted' | 'Delivered' | 'Undelivered' | 'Rejected' } & CinnoxRecord): Promise<CinnoxDeliveryResult>;
  /** A label-event-sub notification, INFERRED shape (not published): `{type:"message", message:{type:"label", status, id, name, ...}}`. */
  emitTagEvent(status: 'create' | 'edit' | 'delete', tag: CinnoxRecord): Promise<CinnoxDeliveryResult>;
  close(): Promise<void>;
}

class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

const badParameter = (message: string): ApiError => new ApiError(400, 6451000, message);

const levels = ['Primary', 'Secondary', 'Tertiary'];
const contactTypes = ['Lead', 'Prospect', 'Customer', 'Others'];
const phoneTypes = ['Mobile', 'Work', 'Home', 'Other'];
const emailTypes = ['Work', 'Personal', 'Other'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}

function paging(query: Record<string, string>, defaultLimit: number, maxLimit: number): { offset: number; limit: number } {
  const offset = query.offset === undefined ? 0 : Number(query.offset);
  const limit = query.limit === undefined ? defaultLimit : Number(query.limit);
  if (!Number.isInteger(offset) || offset < 0) throw badParameter('negative offset');
  if (!Number.isInteger(limit) || limit < 0) throw badParameter('negative limit');
  if (limit > maxLimit) throw badParameter(`exceed maximum limit ${maxLimit}`);
  return { offset, limit };
}

function page(
  items: CinnoxRecord[],
  query: Record<string, string>,
  defaultLimit: number,
  maxLimit: number,
): { total: number; offset: number; limit: number; items: CinnoxRecord[] } {
  const { offset, limit } = paging(query, defaultLimit, maxLimit);
  return { total: items.length, offset, limit, items: items.slice(offset, offset + limit) };
}

export async function startCinnoxFake(options: CinnoxFakeOptions = {}): Promise<CinnoxFake> {
  const appId = options.appId ?? 'app_fake_0001';
  const token = options.appToken ?? 'cinnox-app-token-0001';
  const serviceId = options.serviceId ?? 'svc_fake_0001';
  const verify = options.verifySubscriptions ?? true;
  const requests: CinnoxFakeRequest[] = [];
  const challenges: CinnoxFake['challenges'] = [];
  const subscriptions = new Map<string, CinnoxSubscription>();
  const state = {
    externalContacts: [] as CinnoxRecord[],
    staff: [] as CinnoxRecord[],
    enquiries: [] as CinnoxRecord[],
    numbers: [] as CinnoxRecord[],
    sms: [] as CinnoxRecord[],
    messages: [] as CinnoxRecord[],
  };
  const rooms = new Set<string>();
  let throttle = { left: 0, status: options.rateLimitStatus ?? 429, retryAfterSeconds: undefined as number | undefined };
  let sequence = 0;
  const nextId = (prefix: string): string => `${prefix}_${String(++sequence).padStart(6, '0')}`;

  function contactFromBody(body: Record<string, unknown>, existing?: CinnoxRecord): CinnoxRecord {
    for (const [field, allowed] of [
      ['level', levels],
      ['type', contactTypes],
    ] as const) {
      if (body[field] !== undefined && !allowed.includes(String(body[field]))) throw badParameter(`Invalid ${field}`);
    }
    const phones = body.phones === undefined ? undefined : body.phones;
    if (phones !== undefined && (!Array.isArray(phones) || phones.some((p) => !isRecord(p) || !phoneTypes.includes(String(p.type)) || !text(p.phone)))) {
      throw badParameter('Invalid phones');
    }
    const emails = body.emails;
    if (
      emails !== undefined &&
      (!Array.isArray(emails) || emails.some((e) => !isRecord(e) || !emailTypes.includes(String(e.type)) || !/^[^@\s]+@[^@\s]+$/.test(String(e.email))))
    ) {
      throw badParameter('Invalid emails');
    }
    if (body.language !== undefined && !/^[a-z]{2}$/.test(String(body.language))) throw badParameter('Invalid language');
    if (body.birthDate !== undefined && !/^\d{2}\/\d{2}\/\d{4}$/.test(String(body.birthDate))) throw badParameter('Invalid birthDate, use DD/MM/YYYY');
    const phoneOf = (type: string): unknown => (phones as Array<{ type: string; phone: string }> | undefined)?.find((p) => p.type === type)?.phone;
    const updates: CinnoxRecord = {
      firstName: body.firstName,
      lastName: body.lastName,
      mobilePhone: phoneOf('Mobile'),
      workPhone: phoneOf('Work'),
      homePhone: phoneOf('Home'),
      email: (emails as Array<{ email: string }> | undefined)?.[0]?.email,
      emails,
      phones,
      companyName: body.company,
      jobTitle: body.jobTitle,
      customerType: body.type,
      level: body.level,
      team: body.team,
      group: body.group,
      language: body.language,
      birthDate: body.birthDate,
      addresses: body.addresses,
      socialContacts: body.socialContacts,
    };
    const merged: CinnoxRecord = { ...(existing ?? { id: nextId('ext'), ownerId: 'staff_owner', ownerName: 'Owner', slaveContacts: [] }) };
    for (const [key, value] of Object.entries(updates)) if (value !== undefined) merged[key] = value;
    return merged;
  }

  function fullNameOf(contact: CinnoxRecord): string {
    return [contact.firstName, contact.lastName].filter((part) => typeof part === 'string' && part).join(' ');
  }

  async function challenge(url: string): Promise<boolean> {
    const value = `chl_${randomUUID()}`;
    let ok = false;
    try {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ challenge: value }) });
      const body = (await response.json().catch(() => null)) as unknown;
      ok = response.status === 200 && isRecord(body) && body.code === 0 && isRecord(body.result) && body.result.challenge === value;
    } catch {
      ok = false;
    }
    challenges.push({ url, challenge: value, ok });
    return ok;
  }

  async function route(method: string, path: string, query: Record<string, string>, body: unknown): Promise<{ status?: number; body: unknown }> {
    const input = isRecord(body) ? body : {};
    if (method === 'GET' && path === CINNOX_FAKE_PATHS.staffList) {
      const name = query.fullName?.toLowerCase();
      const staff = name
        ? state.staff.filter((s) =>
            String(s.fullName ?? fullNameOf(s))
              .toLowerCase()
              .includes(name),
          )
        : state.staff;
      return { body: { code: 0, result: page(staff, query, 50, 500) } };
    }
    if (method === 'GET' && path === CINNOX_FAKE_PATHS.externalContactList) {
      // No filter is published for this list (fullName is documented for the staff list only): whatever is asked,
      // the whole list comes back, page by page.
      return { body: { code: 0, result: page(state.externalContacts, query, 50, 500) } };
    }
    if (method === 'POST' && path === CINNOX_FAKE_PATHS.createExternalContact) {
      if (!text(input.firstName) && !text(input.lastName)) throw badParameter('firstName is required');
      const contact = contactFromBody(input);
      state.externalContacts.push(contact);
      return { body: { code: 0, id: contact.id } };
    }
    if (method === 'PUT' && path.startsWith(`${CINNOX_FAKE_PATHS.updateExternalContact}/`)) {
      const id = decodeURIComponent(path.slice(CINNOX_FAKE_PATHS.updateExternalContact.length + 1));
      const index = state.externalContacts.findIndex((c) => c.id === id);
      if (index < 0) throw badParameter('Contact not found');
      const contact = contactFromBody(input, state.externalContacts[index]);
      state.externalContacts[index] = contact;
      return { body: { code: 0, id } };
    }
    if (method === 'GET' && path === CINNOX_FAKE_PATHS.enquiryDetail) {
      // A report over a period: both ends are required (API-NOTES §5.3). No filter on the enquiry itself is
      // published, so none is applied: a caller looking for one case pages through the period.
      if (!query.startAt || !query.endAt) throw badParameter('missing one of startAt, endAt');
      const from = Date.parse(query.startAt);
      const to = Date.parse(query.endAt);
      if (Number.isNaN(from)) throw badParameter('Invalid startAt');
      if (Number.isNaN(to)) throw badParameter('Invalid endAt');
      const created = state.enquiries.filter((e) => {
        const at = Date.parse(String(e.createdAt));
        return at >= from && at <= to;
      });
      return { body: { code: 0, result: page(created, query, 50, 500) } };
    }
    if (method === 'GET' && path === CINNOX_FAKE_PATHS.numberList) {
      return { body: { code: 0, result: page(state.numbers, query, 500, 500) } };
    }
    if (method === 'POST' && path === CINNOX_FAKE_PATHS.sendSms) {
      const sender = text(input.senderNumber);
      if (!sender || !state.numbers.some((n) => n.number === sender)) throw badParameter('Invalid senderNumber');
      const recipients = input.recipientNumbers;
      if (!Array.isArray(recipients) || recipients.length === 0 || recipients.some((r) => typeof r !== 'string' || !/^\+\d{6,15}$/.test(r))) {
        throw badParameter('Invalid recipientNumbers');
      }
      if (!text(input.text)) throw badParameter('text is required');
      const sms = {
        serviceID: serviceId,
        status: 'Submitted',
        transactionID: nextId('txn'),
        senderNumber: sender,
        recipientNumbers: recipients,
        text: input.text,
      };
      state.sms.push(sms);
      return { body: { code: 0, result: { serviceID: sms.serviceID, status: sms.status, transactionID: sms.transactionID } } };
    }
    if (method === 'POST' && path === CINNOX_FAKE_PATHS.messagePush) {
      const roomID = text(input.roomID);
      if (!roomID) throw badParameter('roomID is required');
      if (!rooms.has(roomID)) throw new ApiError(400, 3000205, 'Destination not found');
      const messages = input.messages;
      if (!Array.isArray(messages) || messages.length === 0) throw badParameter('messages is required');
      if (messages.length > 10) throw badParameter('exceed maximum messages 10');
      for (const message of messages) {
        if (!isRecord(message) || message.type !== 'text' || !text(message.text)) throw badParameter('Invalid messages');
        if (String(message.text).length > 5000) throw badParameter('exceed maximum text length 5000');
      }
      const pushed = { roomID, senderEID: input.senderEID, receiverEID: input.receiverEID, messages };
      state.messages.push(pushed);
      return { body: { code: 0, result: { roomID, count: messages.length } } };
    }
    if ((CINNOX_FAKE_SUBSCRIPTIONS as readonly string[]).includes(path)) {
      if (method === 'GET') {
        return { body: { code: 0, result: subscriptions.get(path) ?? { enabled: false, url: '', updatedAt: null } } };
      }
      if (method === 'PATCH') {
        if (typeof input.enabled !== 'boolean') throw badParameter('enabled is required');
        const url = text(input.url);
        if (input.enabled) {
          if (!url || !/^https?:\/\//.test(url)) throw badParameter('Invalid url');
          if (verify && !(await challenge(url))) throw badParameter('Webhook URL verification failed');
        }
        const subscription = { enabled: input.enabled, url: url ?? subscriptions.get(path)?.url ?? '', updatedAt: new Date().toISOString() };
        subscriptions.set(path, subscription);
        return { body: { code: 0, result: subscription } };
      }
    }
    return { status: 404, body: { code: 6450001, message: 'method not found' } };
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://fake.local');
    const raw = await readBody(request);
    let body: unknown = null;
    if (raw) {
      try {
        body = JSON.parse(raw) as unknown;
      } catch {
        send(response, 400, { code: 6451000, message: 'Invalid JSON body' });
        return;
      }
    }
    const prefix = `/v1/api/apps/`;
    const appPath = url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : undefined;
    const slash = appPath?.indexOf('/') ?? -1;
    const pathAppId = appPath && slash > 0 ? decodeURIComponent(appPath.slice(0, slash)) : undefined;
    const path = appPath && slash > 0 ? appPath.slice(slash + 1) : url.pathname;
    requests.push({ method: request.method ?? 'GET', path, query: Object.fromEntries(url.searchParams), headers: request.headers, body });

    if (throttle.left > 0) {
      throttle.left -= 1;
      const headers: Record<string, string> = throttle.retryAfterSeconds === undefined ? {} : { 'retry-after': String(throttle.retryAfterSeconds) };
      send(response, throttle.status, { code: CINNOX_RATE_LIMIT_CODE, message: 'Too many requests' }, headers);
      return;
    }
    // INFERRED: CINNOX's answer to a bad token is not documented; the fake uses 401 with its usual {code, message}.
    if (request.headers.authorization !== `Bearer ${token}`) {
      send(response, 401, { code: 401, message: 'Unauthorized: invalid App Token' });
      return;
    }
    if (pathAppId === undefined) {
      send(response, 404, { code: 6450001, message: 'method not found' });
      return;
    }
    if (pathAppId !== appId) {
      send(response, 401, { code: 401, message: `Unauthorized: the App Token does not belong to app ${pathAppId}` });
      return;
    }
    try {
      const result = await route(request.method ?? 'GET', path, Object.fromEntries(url.searchParams), body);
      send(response, result.status ?? 200, result.body);
    } catch (error) {
      if (error instanceof ApiError) send(response, error.status, { code: error.code, message: error.message });
      else send(response, 500, { code: 6451001, message: 'Bad response from the service' });
    }
  }

  const server = createServer((request, response) => {
    handle(request, response).catch(() => send(response, 500, { code: 6451001, message: 'Bad response from the service' }));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  async function deliver(path: CinnoxSubscriptionPath, payload: unknown): Promise<CinnoxDeliveryResult> {
    const subscription = subscriptions.get(path);
    if (!subscription?.enabled) throw new Error(`CINNOX fake: nothing is subscribed to ${path}`);
    const response = await fetch(subscription.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });
    const textBody = await response.text();
    let parsed: unknown = textBody;
    try {
      parsed = textBody ? (JSON.parse(textBody) as unknown) : null;
    } catch {
      // Not JSON: hand back the text.
    }
    return { status: response.status, body: parsed };
  }

  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    appId,
    token,
    serviceId,
    requests,
    challenges,
    rateLimitNext(count = 1, throttleOptions = {}) {
      throttle = { left: count, status: throttleOptions.status ?? options.rateLimitStatus ?? 429, retryAfterSeconds: throttleOptions.retryAfterSeconds };
    },
    seedExternalContact(contact) {
      const record = { id: nextId('ext'), ownerId: 'staff_owner', ownerName: 'Owner', slaveContacts: [], ...contact };
      state.externalContacts.push(record);
      return record;
    },
    seedStaff(staff) {
      const record = { id: nextId('staff'), eid: nextId('eid'), ...staff };
      state.staff.push(record);
      return record;
    },
    seedEnquiry(enquiry) {
      const id = nextId('enq');
      const record = {
        _id: id,
        id,
        createdAt: new Date().toISOString(),
        svcID: serviceId,
        initChannel: 'IM',
        status: 'ongoing',
        channel: 'CINNOX',
        roomID: nextId('room'),
        ...enquiry,
      };
      state.enquiries.push(record);
      return record;
    },
    seedNumber(number) {
      const record = { type: 'Virtual Number', country: 'HK', ...number };
      state.numbers.push(record);
      return record;
    },
    seedRoom(roomID) {
      rooms.add(roomID);
    },
    records(kind) {
      return state[kind].map((record) => structuredClone(record));
    },
    subscription(path) {
      const found = subscriptions.get(path);
      return found ? { ...found } : undefined;
    },
    deliver,
    emitEnquiry(fields) {
      const eid = nextId('eid');
      return deliver('inquiry-event-sub', {
        serviceId,
        displayCaseNumber: String(100000 + sequence),
        eid,
        type: 'inquiry',
        channel: 'CINNOX',
        channelOri: 'CINNOX',
        socialId: '',
        date: new Date().toISOString(),
        destination: 'Sales',
        destinationTypes: ['team'],
        ...fields,
      });
    },
    async emitContactEvent(status, contact) {
      const paths = CONTACT_EVENT_SUBSCRIPTIONS[status].filter((path) => subscriptions.get(path)?.enabled);
      if (paths.length === 0) throw new Error(`CINNOX fake: nothing is subscribed to ${CONTACT_EVENT_SUBSCRIPTIONS[status].join(' or ')}`);
      const results: CinnoxDeliveryResult[] = [];
      for (const path of paths) {
        results.push(
          await deliver(path, {
            type: 'message',
            // Notifications carry a challenge too; a receiver must still treat them as events.
            challenge: `chl_${randomUUID()}`,
            message: { type: 'contact', status, serviceId, fullName: String(contact.fullName ?? fullNameOf(contact)), id: contact.id },
          }),
        );
      }
      return results;
    },
    emitSmsStatus(fields) {
      const last = state.sms.at(-1);
      const recipient = Array.isArray(last?.recipientNumbers) ? String(last.recipientNumbers[0]) : '+85291234567';
      // The TDR gives the recipient as a Number, country code and phone number without the "+".
      return deliver('outbound-sms-event-sub', {
        Type: 'tdr',
        AppID: appId,
        ServiceID: serviceId,
        TransactionID: last?.transactionID ?? nextId('txn'),
        RecipientNumber: Number(recipient.replace(/^\+/, '')),
        RecipientCountry: 'HK',
        ResponseCode: fields.Status === 'Rejected' || fields.Status === 'Undelivered' ? 400 : '',
        Exception: '',
        ...fields,
      });
    },
    emitTagEvent(status, tag) {
      return deliver('label-event-sub', { type: 'message', challenge: `chl_${randomUUID()}`, message: { type: 'label', status, serviceId, ...tag } });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
