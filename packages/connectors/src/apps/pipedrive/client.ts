// Everything HTTP about Pipedrive: credentials, base URL and paths, the x-api-token header, envelopes, errors, rate limits and cursor paging.
import { z } from 'zod';
import type { QueryValue } from '../../http/client.ts';
import { StepFailure } from '../../http/errors.ts';
import { isTransientStatus, parseRetryAfter } from '../../http/retry.ts';
import { connectionCredentials, originField, originOf } from '../../kit/common.ts';
import type { Credentials, ServiceContext } from '../../kit/define.ts';
import { compact } from '../../kit/fields.ts';

/** The public API host: the default base URL, and the only host that serves v1 at /v1 (the SDK's BASE_PATH). */
export const PIPEDRIVE_API_ORIGIN = 'https://api.pipedrive.com';
const PUBLIC_API_HOSTNAME = new URL(PIPEDRIVE_API_ORIGIN).hostname;

/** A v1 path as written in the docs (`/v1/...`) or as company domains serve it (`/api/v1/...`). */
const V1_PREFIX = /^\/(?:api\/)?v1(?=[/?#]|$)/;

/**
 * A path on the connection's host. v1 is at /v1 on api.pipedrive.com and at /api/v1 on a company domain
 * (https://acme.pipedrive.com, which is also what OAuth's api_domain names); any other origin (a proxy) is taken for a
 * company domain, since api.pipedrive.com serves /api/v1 too. v2 is at /api/v2 on every host, so other paths go as written.
 */
export function pipedriveUrl(origin: string, path: string): URL {
  const v1 = new URL(origin).hostname === PUBLIC_API_HOSTNAME ? '/v1' : '/api/v1';
  return new URL(path.replace(V1_PREFIX, v1), `${origin}/`);
}

export const pipedriveAuthFields = z.object({
  apiToken: z.string().trim().min(1, 'Enter your Pipedrive API token').meta({
    title: 'API token',
    description: 'Personal API token from Pipedrive: avatar menu → Personal preferences → API.',
    secret: true,
  }),
  // A form left empty sends "", which means the default host.
  baseUrl: z
    .preprocess((value) => (value === '' || value === null ? undefined : value), originField.optional())
    .meta({
      title: 'Base URL',
      description: `Optional. Defaults to ${PIPEDRIVE_API_ORIGIN}; your company domain (e.g. https://acme.pipedrive.com) works too. Origin only, no path.`,
    }),
});

export interface PipedriveRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** A documented path: `/api/v2/...`, or `/v1/...` (also `/api/v1/...`), which pipedriveUrl places on the connection's host. */
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
}

/** A write's body as typed: the fields the input always has stay required, the optional ones lose `undefined`. */
export type WriteBody<Fields> = { [K in keyof Fields as undefined extends Fields[K] ? never : K]: Fields[K] } & {
  [K in keyof Fields as undefined extends Fields[K] ? K : never]?: Exclude<Fields[K], undefined>;
};

/**
 * The body of a write: the fields given, those left empty left out, so Pipedrive keeps their values. It is compact
 * with a type that still knows which fields are always sent, so the tests can hold every body against the official
 * SDK's request models (title required on a deal, and so on).
 */
export function writeBody<Fields extends Record<string, unknown>>(fields: Fields): WriteBody<Fields>;
export function writeBody(fields: Record<string, unknown>): Record<string, unknown> {
  return compact(fields);
}

/** `{success, data, additional_data}`: every Pipedrive answer, v1 and v2. */
const envelopeSchema = z.looseObject({
  success: z.boolean().optional(),
  data: z.unknown().optional(),
  additional_data: z.looseObject({ next_cursor: z.string().nullish() }).nullish().catch(null),
});
export type PipedriveEnvelope = z.output<typeof envelopeSchema>;

/** A record as the triggers rely on it: an integer id and (for v2) RFC3339 add/update times. */
export const recordSchema = z.looseObject({
  id: z.number(),
  add_time: z.string().nullish(),
  update_time: z.string().nullish(),
});
export type PipedriveRecord = z.output<typeof recordSchema>;

function credentialsOf(auth: Credentials | undefined): { token: string; origin: string } {
  const credentials = connectionCredentials(pipedriveAuthFields, auth, 'Pipedrive', 'an API token');
  return { token: credentials.apiToken, origin: originOf(credentials.baseUrl ?? PIPEDRIVE_API_ORIGIN) };
}

/** Pipedrive's error envelope `{success:false, error, error_info, errorCode}` as one sentence. */
export function pipedriveErrorMessage(body: unknown): string | undefined {
  if (typeof body === 'string') return body.trim() && !/^</.test(body.trim()) ? body.trim().slice(0, 300) : undefined;
  if (body === null || typeof body !== 'object') return undefined;
  const { error, error_info: info, message } = body as Record<string, unknown>;
  const main = typeof error === 'string' && error.trim() ? error.trim() : typeof message === 'string' && message.trim() ? message.trim() : undefined;
  // error_info is mostly a pointer to the docs; it is kept when it says something the error does not.
  const extra = typeof info === 'string' && info.trim() && info.trim() !== main ? info.trim() : undefined;
  if (main && extra) return `${main} (${extra})`;
  return main ?? extra;
}

/**
 * How long Pipedrive asks us to wait: Retry-After when sent, otherwise x-ratelimit-reset (seconds until the
 * rolling window resets), so the engine reschedules instead of hammering the burst limit.
 */
export function rateLimitWaitMs(headers: Readonly<Record<string, string>>): number | undefined {
  const retryAfter = parseRetryAfter(headers['retry-after']);
  if (retryAfter !== undefined) return retryAfter;
  const reset = Number(headers['x-ratelimit-reset']);
  return Number.isFinite(reset) && reset >= 0 && headers['x-ratelimit-reset']?.trim() ? reset * 1000 : undefined;
}

/** One request to Pipedrive, answered as it came, or a StepFailure carrying Pipedrive's own message. */
export async function sendToPipedrive(
  context: ServiceContext,
  request: PipedriveRequest,
): Promise<{ status: number; headers: Record<string, string>; body: unknown }> {
  const { token, origin } = credentialsOf(context.auth);
  const url = pipedriveUrl(origin, request.path);
  if (url.origin !== origin) throw new StepFailure(`"${request.path}" is not a path on ${origin}`, { transient: false, code: 'INVALID_INPUT' });
  // The client retries 429 within its own limits (honouring Retry-After); what is left is turned into a failure here.
  const response = await context.http.request({
    method: request.method ?? 'GET',
    url,
    query: request.query,
    headers: { 'x-api-token': token },
    body: request.body === undefined ? undefined : { type: 'json', value: request.body },
    responseType: 'auto',
    httpErrors: 'return',
  });
  const failed =
    response.status >= 400 || (typeof response.body === 'object' && response.body !== null && (response.body as { success?: unknown }).success === false);
  if (failed) {
    const message = pipedriveErrorMessage(response.body);
    const status = Math.max(response.status, 400);
    const waitMs = status === 429 ? rateLimitWaitMs(response.headers) : parseRetryAfter(response.headers['retry-after']);
    const statusText = response.status >= 400 && response.statusText ? ` ${response.statusText}` : '';
    throw new StepFailure(context.http.redactText(`Pipedrive answered ${response.status}${statusText}${message ? `: ${message}` : ''}`), {
      transient: isTransientStatus(status),
      code: 'HTTP_ERROR',
      status,
      retryAfterMs: waitMs,
    });
  }
  return { status: response.status, headers: response.headers, body: response.body };
}

/** One request to Pipedrive, answered with its `{success, data, additional_data}` envelope. */
export async function pipedrive(context: ServiceContext, request: PipedriveRequest): Promise<PipedriveEnvelope> {
  const response = await sendToPipedrive(context, request);
  const parsed = envelopeSchema.safeParse(response.body);
  if (!parsed.success) {
    throw new StepFailure(`Pipedrive answered ${response.status} with an unexpected body (no {success, data} envelope)`, {
      transient: false,
      code: 'INVALID_RESPONSE',
      status: response.status,
    });
  }
  return parsed.data;
}

/** The `data` of one request: the record itself for v2 writes and reads. */
export async function pipedriveData(context: ServiceContext, request: PipedriveRequest): Promise<unknown> {
  return (await pipedrive(context, request)).data;
}

export interface PageOptions {
  /** Stop after this many pages even when Pipedrive has more (default 5). */
  maxPages?: number;
  /** Called with each page's records; false stops the paging (e.g. once the records are older than the cursor). */
  keepGoing?: (page: PipedriveRecord[]) => boolean;
}

/** Default page size and page cap for polls: up to 500 records per poll. */
export const PAGE_LIMIT = 100;
export const MAX_POLL_PAGES = 5;

/** Follows v2 cursor paging (`additional_data.next_cursor`) over a list endpoint. */
export async function listRecords(
  context: ServiceContext,
  path: string,
  query: Record<string, QueryValue>,
  options: PageOptions = {},
): Promise<{ records: PipedriveRecord[]; complete: boolean }> {
  const maxPages = options.maxPages ?? MAX_POLL_PAGES;
  const records: PipedriveRecord[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const envelope = await pipedrive(context, { path, query: { limit: PAGE_LIMIT, ...query, cursor } });
    const parsed = z.array(recordSchema).safeParse(envelope.data ?? []);
    if (!parsed.success) {
      throw new StepFailure(`Pipedrive answered ${path} with records that have no id`, { transient: false, code: 'INVALID_RESPONSE' });
    }
    records.push(...parsed.data);
    cursor = envelope.additional_data?.next_cursor ?? undefined;
    if (!cursor) return { records, complete: true };
    if (options.keepGoing && !options.keepGoing(parsed.data)) return { records, complete: false };
  }
  return { records, complete: false };
}
