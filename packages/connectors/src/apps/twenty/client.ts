// Everything HTTP about Twenty: credentials, paths, the Bearer header, the {data:{op:…}} envelope, errors, rate limits, paging.
import { z } from 'zod';
import { defaultErrorMessage, type QueryValue } from '../../http/client.ts';
import { StepFailure } from '../../http/errors.ts';
import { isTransientStatus, parseRetryAfter } from '../../http/retry.ts';
import { connectionCredentials, originField, originOf } from '../../kit/common.ts';
import type { Credentials, ServiceContext } from '../../kit/define.ts';

export const twentyAuthFields = z.object({
  baseUrl: originField.meta({
    title: 'Twenty URL',
    description: 'Origin of your Twenty instance: https://api.twenty.com for Twenty Cloud, or your self-hosted domain (e.g. https://crm.example.com). No path.',
  }),
  apiKey: z.string().trim().min(1, 'Enter a Twenty API key').meta({
    title: 'API key',
    description: 'Settings → APIs & Webhooks → Create API key. Keys expire on the date chosen when creating them.',
    secret: true,
  }),
});
export type TwentyAuth = z.output<typeof twentyAuthFields>;

/**
 * ⚠ INFERRED (API-NOTES 4.1): Twenty has no documented who-am-I for API keys; the cheapest authenticated call is
 * listing one company. Any valid key with read access to companies passes.
 */
export const TWENTY_CONNECTION_TEST = { path: '/rest/companies', query: { limit: 1 } } as const;
/** Webhook registrations (the deprecated alias is /rest/webhooks). */
export const TWENTY_WEBHOOKS_PATH = '/rest/metadata/webhooks';
/** Object metadata, for the object dropdown and singular names of custom objects. */
export const TWENTY_OBJECTS_PATH = '/rest/metadata/objects';
/**
 * ⚠ INFERRED: Twenty answers 429 after about 100 requests a minute per key and sends no Retry-After; when the client's
 * own short retries are used up, the step asks the engine to come back after this long.
 */
export const TWENTY_RATE_LIMIT_WAIT_MS = 60_000;

export interface TwentyRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** A documented path, e.g. `/rest/people`. */
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
}

export interface TwentyResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export type TwentyRecord = Record<string, unknown>;

function credentialsOf(auth: Credentials | undefined): { origin: string; apiKey: string } {
  const credentials = connectionCredentials(twentyAuthFields, auth, 'Twenty', 'the URL of your Twenty instance (e.g. https://api.twenty.com) and an API key');
  return { origin: originOf(credentials.baseUrl), apiKey: credentials.apiKey };
}

/** Twenty's error body `{statusCode, error, messages: [...]}` as one sentence. */
export function twentyErrorMessage(body: unknown): string | undefined {
  if (body !== null && typeof body === 'object' && Array.isArray((body as { messages?: unknown }).messages)) {
    const messages = (body as { messages: unknown[] }).messages.filter((text): text is string => typeof text === 'string' && text.trim() !== '');
    if (messages.length > 0) return messages.map((text) => text.trim()).join('; ');
  }
  return defaultErrorMessage(body);
}

/** One request to Twenty, answered as it came, or a StepFailure carrying Twenty's own message. */
export async function sendToTwenty(context: ServiceContext, request: TwentyRequest): Promise<TwentyResponse> {
  const { origin, apiKey } = credentialsOf(context.auth);
  const url = new URL(request.path, `${origin}/`);
  if (url.origin !== origin) throw new StepFailure(`"${request.path}" is not a path on ${origin}`, { transient: false, code: 'INVALID_INPUT' });
  // The client already retried 429 and 5xx within its limits (Retry-After honoured when sent); what is left fails here.
  const response = await context.http.request({
    method: request.method ?? 'GET',
    url,
    query: request.query,
    headers: { authorization: `Bearer ${apiKey}` },
    body: request.body === undefined ? undefined : { type: 'json', value: request.body },
    responseType: 'auto',
    httpErrors: 'return',
  });
  if (response.status >= 400) {
    const message = twentyErrorMessage(response.body);
    const waitMs = parseRetryAfter(response.headers['retry-after']) ?? (response.status === 429 ? TWENTY_RATE_LIMIT_WAIT_MS : undefined);
    throw new StepFailure(context.http.redactText(`Twenty answered ${response.status} ${response.statusText}${message ? `: ${message}` : ''}`), {
      transient: isTransientStatus(response.status),
      code: 'HTTP_ERROR',
      status: response.status,
      retryAfterMs: waitMs,
    });
  }
  return { status: response.status, headers: response.headers, body: response.body };
}

export function recordsPath(namePlural: string, id?: string): string {
  return `/rest/${encodeURIComponent(namePlural)}${id === undefined ? '' : `/${encodeURIComponent(id)}`}`;
}

function unexpected(what: string): StepFailure {
  return new StepFailure(`Twenty answered with an unexpected body: ${what}`, { transient: false, code: 'INVALID_RESPONSE' });
}

const recordSchema = z.record(z.string(), z.unknown());
const oneSchema = z.object({ data: z.record(z.string(), z.unknown()) });

/** `{"data":{"createPerson":{…}}}` → the record; the operation name varies (create/update/delete/destroy, singular). */
export function unwrapRecord(body: unknown): TwentyRecord {
  const parsed = oneSchema.safeParse(body);
  const record = parsed.success ? Object.values(parsed.data.data).find((value) => recordSchema.safeParse(value).success) : undefined;
  if (record === undefined) throw unexpected('expected {"data": {"<operation>": {…record}}}');
  return record as TwentyRecord;
}

const listSchema = z.object({
  data: z.record(z.string(), z.unknown()),
  totalCount: z.number().nullish(),
  pageInfo: z.looseObject({ hasNextPage: z.boolean().nullish(), endCursor: z.string().nullish() }).nullish(),
});

export interface RecordPage {
  records: TwentyRecord[];
  totalCount: number | null;
  /** Where the next page starts (`starting_after`), or null on the last page. */
  nextCursor: string | null;
}

export interface ListQuery {
  filter?: string;
  orderBy?: string;
  limit?: number;
  startingAfter?: string;
}

/** One page of `GET /rest/{plural}`: `{"data":{"people":[…]},"totalCount":n,"pageInfo":{hasNextPage,endCursor}}`. */
export async function listRecords(context: ServiceContext, namePlural: string, query: ListQuery): Promise<RecordPage> {
  const response = await sendToTwenty(context, {
    path: recordsPath(namePlural),
    query: { filter: query.filter, order_by: query.orderBy, limit: query.limit, starting_after: query.startingAfter },
  });
  const parsed = listSchema.safeParse(response.body);
  if (!parsed.success) throw unexpected(`expected {"data": {"${namePlural}": […]}}`);
  const list = parsed.data.data[namePlural] ?? Object.values(parsed.data.data).find(Array.isArray);
  const records = z.array(recordSchema).safeParse(list);
  if (!records.success) throw unexpected(`expected {"data": {"${namePlural}": […]}}`);
  const pageInfo = parsed.data.pageInfo;
  return {
    records: records.data,
    totalCount: parsed.data.totalCount ?? null,
    nextCursor: pageInfo?.hasNextPage === true && pageInfo.endCursor ? pageInfo.endCursor : null,
  };
}

const specialInFilter = /[,()[\]"'\s]|^$/;

/**
 * `field[comparator]:value` in Twenty's filter syntax. Strings that hold separators are quoted (Twenty strips the quotes);
 * plain ones are sent bare, because Twenty parses numbers before it strips quotes.
 */
export function filterExpression(field: string, comparator: string, value: string | number | boolean): string {
  const text = String(value);
  const quoted = typeof value === 'string' && specialInFilter.test(text) ? (text.includes('"') ? `'${text}'` : `"${text}"`) : text;
  return `${field}[${comparator}]:${quoted}`;
}
