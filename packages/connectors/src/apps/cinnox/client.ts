// Everything HTTP about CINNOX: the credentials, `{BaseURL}/v1/api/apps/{appID}/…`, the Bearer App Token, the
// `{"code","result"}` envelope and its `{code, message}` errors (code 6451010 = throttled), and the INFERRED paths.
import { z } from 'zod';
import type { HttpResponse, QueryValue } from '../../http/client.ts';
import { defaultErrorMessage } from '../../http/client.ts';
import { StepFailure } from '../../http/errors.ts';
import { isTransientStatus, parseRetryAfter } from '../../http/retry.ts';
import { connectionCredentials, isRecord, originField, originOf } from '../../kit/common.ts';
import type { ServiceContext } from '../../kit/define.ts';

export const cinnoxAuthFields = z.object({
  appId: z.string().trim().min(1).meta({
    title: 'App ID',
    description: 'In the CINNOX Dashboard: Administration → Service Integration → API (or Zapier), create an App; copy its App ID.',
  }),
  appToken: z.string().trim().min(1).meta({ title: 'App Token', description: 'The App Token generated with the App ID.', secret: true }),
  baseUrl: originField.meta({
    title: 'Base URL',
    description: 'The Base URL shown with the App ID, e.g. https://examplebaseurl.com (no path; the connector appends /v1/api/apps/{appID}/…).',
  }),
});
export type CinnoxAuth = z.output<typeof cinnoxAuthFields>;

/**
 * Endpoints under `/v1/api/apps/{appID}/`. The ones marked ⚠ INFERRED are not captured from CINNOX's docs
 * (API-NOTES §5): change them here if CINNOX's reference says otherwise. The fake server uses the same values.
 */
export const CINNOX_PATHS = {
  staffList: 'contacts/staffcontact-list',
  externalContactList: 'contacts/extcontact-list',
  createExternalContact: 'management/create_externalcontact',
  updateExternalContact: 'management/update_externalcontact',
  enquiryDetail: 'data/enquiry-detail',
  messagePush: 'message-push',
  /** ⚠ INFERRED: "Get Number List" (Operations) is documented by name only. */
  numberList: 'number-list',
  /** ⚠ INFERRED: "Post SMS" (Operations) is documented by name only; named after the documented `send_otp`. */
  sendSms: 'send_sms',
} as const;

/** ⚠ INFERRED connection test: a cheap, read-only call (API-NOTES §5.1). */
export const CINNOX_CONNECTION_TEST = { path: CINNOX_PATHS.staffList, query: { limit: 1 } } as const;

/** CINNOX's "Too many requests" code (500 requests/min per service account); the HTTP status is not documented. */
export const CINNOX_RATE_LIMIT_CODE = 6451010;
/** How long the engine waits before retrying a throttled step when CINNOX gives no Retry-After (its window is a minute). */
export const CINNOX_RATE_LIMIT_RETRY_MS = 60_000;

export interface CinnoxCall {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Relative to `/v1/api/apps/{appID}/`, e.g. `contacts/extcontact-list`; or absolute from the origin when it starts with `/v1/`. */
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
}

/** The connection's credentials, or a clear failure naming what is missing. */
export function cinnoxAuth(auth: unknown): CinnoxAuth {
  return connectionCredentials(cinnoxAuthFields, auth, 'CINNOX', 'the App ID, App Token and Base URL');
}

export function cinnoxUrl(auth: CinnoxAuth, path: string): string {
  const origin = originOf(auth.baseUrl, 'Base URL');
  if (path.startsWith('/v1/')) return `${origin}${path}`;
  return `${origin}/v1/api/apps/${encodeURIComponent(auth.appId)}/${path.replace(/^\/+/, '')}`;
}

/** `{code, message}` of a CINNOX answer, wherever it put them. */
function envelopeOf(body: unknown): { code: number | undefined; message: string | undefined } {
  if (!isRecord(body)) return { code: undefined, message: undefined };
  const code = typeof body.code === 'number' ? body.code : typeof body.code === 'string' && /^\d+$/.test(body.code) ? Number(body.code) : undefined;
  return { code, message: typeof body.message === 'string' && body.message.trim() ? body.message.trim() : undefined };
}

/** One readable failure for a CINNOX error answer (HTTP 4xx/5xx, or a 200 whose code is not 0), or undefined. */
function failureOf(response: HttpResponse): StepFailure | undefined {
  const { code, message } = envelopeOf(response.body);
  if (response.status < 400 && (code === undefined || code === 0)) return undefined;
  const throttled = response.status === 429 || code === CINNOX_RATE_LIMIT_CODE;
  const detail = message ?? defaultErrorMessage(response.body);
  const words = `${detail ?? 'no message'}${code !== undefined && code !== 0 ? ` (CINNOX code ${code})` : ''}`;
  const host = new URL(response.url).host;
  const retryAfterMs = parseRetryAfter(response.headers['retry-after']) ?? (throttled ? CINNOX_RATE_LIMIT_RETRY_MS : undefined);
  return new StepFailure(`${host} answered ${response.status} ${response.statusText}: ${throttled ? `too many requests: ${words}` : words}`, {
    transient: throttled || isTransientStatus(response.status),
    code: 'HTTP_ERROR',
    status: response.status,
    retryAfterMs,
  });
}

/** Sends one call and returns the raw answer, failing with CINNOX's own words on an error envelope. */
export async function cinnoxSend(context: ServiceContext, call: CinnoxCall): Promise<HttpResponse> {
  const auth = cinnoxAuth(context.auth);
  const response = await context.http.request({
    method: call.method ?? 'GET',
    url: cinnoxUrl(auth, call.path),
    query: call.query,
    headers: { authorization: `Bearer ${auth.appToken}`, accept: 'application/json' },
    body: call.body === undefined ? undefined : { type: 'json', value: call.body },
    // Errors are read here: a throttled answer can come as a 400 whose code says so.
    httpErrors: 'return',
  });
  const failure = failureOf(response);
  if (failure) throw failure;
  return response;
}

/** Sends one call and returns what it answered, unwrapped from `{"code":0,"result":…}` (or the body without `code`). */
export async function cinnoxCall(context: ServiceContext, call: CinnoxCall): Promise<unknown> {
  const { body } = await cinnoxSend(context, call);
  if (isRecord(body) && 'result' in body) return body.result;
  if (isRecord(body)) {
    const { code: _code, ...rest } = body;
    return rest;
  }
  return body;
}

/** The records of a list answer, whether it is an array or `{items|data|list|records: […], total}`. */
export function listOf(result: unknown): { items: Record<string, unknown>[]; total: number | undefined } {
  const records = (value: unknown): Record<string, unknown>[] => (Array.isArray(value) ? value.filter(isRecord) : []);
  if (Array.isArray(result)) return { items: records(result), total: undefined };
  if (!isRecord(result)) return { items: [], total: undefined };
  const list = [result.items, result.data, result.list, result.records, result.contacts, result.numbers].find(Array.isArray);
  return { items: records(list), total: typeof result.total === 'number' ? result.total : undefined };
}

/** What walking a list found: the record, or how many records were read and whether that was the whole list. */
export type ListSearch = { found: Record<string, unknown> } | { found: undefined; read: number; complete: boolean };

/**
 * Walks an offset/limit list until `match` finds a record or the list ends (at most `maxPages` pages).
 * Used where a server-side filter is ⚠ INFERRED or missing: the match is checked here as well.
 */
export async function findInList(
  context: ServiceContext,
  options: { path: string; query: Record<string, QueryValue>; pageSize: number; maxPages: number; match: (record: Record<string, unknown>) => boolean },
): Promise<ListSearch> {
  let read = 0;
  for (let pageIndex = 0; pageIndex < options.maxPages; pageIndex++) {
    const offset = pageIndex * options.pageSize;
    const { items, total } = listOf(await cinnoxCall(context, { path: options.path, query: { ...options.query, offset, limit: options.pageSize } }));
    const found = items.find(options.match);
    if (found) return { found };
    read += items.length;
    if (items.length < options.pageSize || (total !== undefined && offset + items.length >= total)) return { found: undefined, read, complete: true };
  }
  return { found: undefined, read, complete: false };
}

export function notFound(message: string): StepFailure {
  return new StepFailure(message, { transient: false, code: 'NOT_FOUND' });
}
