// Everything HTTP about HelpCrunch: the API key as a Bearer token, `{origin}/v1/…`, the `{"errors":[{code,message}]}`
// envelope turned into one message, the 120 requests/min limit, and offset/limit paging with `total` or `meta.total`.
import { z } from 'zod';
import type { HttpResponse, QueryValue } from '../../http/client.ts';
import { defaultErrorMessage } from '../../http/client.ts';
import { StepFailure } from '../../http/errors.ts';
import { connectionCredentials, isRecord, originField, originOf } from '../../kit/common.ts';
import type { ServiceContext } from '../../kit/define.ts';

export const HELPCRUNCH_DEFAULT_ORIGIN = 'https://api.helpcrunch.com';
/** HelpCrunch allows 120 requests a minute and sends no Retry-After: a throttled step waits out the minute. */
export const HELPCRUNCH_RATE_LIMIT_RETRY_MS = 60_000;

export const helpcrunchAuthFields = z.object({
  apiKey: z.string().trim().min(1).meta({
    title: 'API key',
    description: 'In HelpCrunch: Settings → Developers → Public API, create a key and paste it here.',
    secret: true,
  }),
  baseUrl: z
    .union([originField, z.literal('')])
    .optional()
    .meta({
      title: 'Base URL',
      description: `Leave empty for ${HELPCRUNCH_DEFAULT_ORIGIN}. An origin only (no path); the connector appends /v1/….`,
    }),
});
export type HelpCrunchAuth = z.output<typeof helpcrunchAuthFields>;

export interface HelpCrunchCall {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** After `/v1/`, e.g. `customers/search`; or from the origin when it starts with `/v1/`. */
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
}

export function helpcrunchAuth(auth: unknown): HelpCrunchAuth {
  return connectionCredentials(helpcrunchAuthFields, auth, 'HelpCrunch', 'a Public API key');
}

export function helpcrunchUrl(auth: HelpCrunchAuth, path: string): string {
  const origin = auth.baseUrl ? originOf(auth.baseUrl, 'Base URL') : HELPCRUNCH_DEFAULT_ORIGIN;
  return path.startsWith('/v1/') ? `${origin}${path}` : `${origin}/v1/${path.replace(/^\/+/, '')}`;
}

/** Codes that name an error rather than the field it is about. */
const errorCodes = new Set([
  'invalid_request',
  'invalid_token',
  'unauthorized',
  'forbidden',
  'not_found',
  'chat_not_found',
  'invalid_chat_value',
  'entity_not_found',
  'too_many_requests',
  'internal_error',
]);

/** `{"errors":[{"code":"invalid_request","message":"Invalid request"},{"code":"email","message":"…"}]}` → "Invalid request; email: …". */
export function helpcrunchErrorMessage(body: unknown): string | undefined {
  if (!isRecord(body) || !Array.isArray(body.errors)) return defaultErrorMessage(body);
  const parts = body.errors.filter(isRecord).map((error) => {
    const message = typeof error.message === 'string' ? error.message.trim() : '';
    const code = typeof error.code === 'string' ? error.code : '';
    if (!message) return code;
    return code && !errorCodes.has(code) ? `${code}: ${message}` : message;
  });
  const text = parts.filter(Boolean).join('; ');
  return text || defaultErrorMessage(body);
}

/** The codes of the errors a failed call was answered with, read from the answer recorded with the failure. */
export function helpcrunchErrorCodes(failure: StepFailure): string[] {
  const body = failure.requests?.at(-1)?.responseBody;
  if (!isRecord(body) || !Array.isArray(body.errors)) return [];
  return body.errors.flatMap((error) => (isRecord(error) && typeof error.code === 'string' ? [error.code] : []));
}

/** Sends one call and returns the whole answer; HelpCrunch errors fail with its own words. */
export async function helpcrunchSend(context: ServiceContext, call: HelpCrunchCall): Promise<HttpResponse> {
  const auth = helpcrunchAuth(context.auth);
  try {
    return await context.http.request({
      method: call.method ?? 'GET',
      url: helpcrunchUrl(auth, call.path),
      query: call.query,
      headers: { authorization: `Bearer ${auth.apiKey}`, accept: 'application/json' },
      body: call.body === undefined ? undefined : { type: 'json', value: call.body },
      errorMessage: helpcrunchErrorMessage,
    });
  } catch (error) {
    if (error instanceof StepFailure && error.status === 429 && error.retryAfterMs === undefined) {
      throw new StepFailure(error.message, {
        transient: true,
        code: error.code,
        status: 429,
        retryAfterMs: HELPCRUNCH_RATE_LIMIT_RETRY_MS,
        requests: error.requests,
        cause: error,
      });
    }
    throw error;
  }
}

export async function helpcrunchCall(context: ServiceContext, call: HelpCrunchCall): Promise<unknown> {
  return (await helpcrunchSend(context, call)).body;
}

/** The records and total of a list answer: `{data, total}` or `{data, meta: {total}}` (the docs show both). */
export function pageOf(body: unknown): { items: Record<string, unknown>[]; total: number | undefined } {
  if (!isRecord(body)) return { items: [], total: undefined };
  const items = Array.isArray(body.data) ? body.data.filter(isRecord) : [];
  const total = typeof body.total === 'number' ? body.total : isRecord(body.meta) && typeof body.meta.total === 'number' ? body.meta.total : undefined;
  return { items, total };
}

export const HELPCRUNCH_PAGE_SIZE = 100;

/** POSTs a search page after page (offset/limit, 100 each) up to `maxPages`. */
export async function searchAll(
  context: ServiceContext,
  path: 'customers/search' | 'chats/search',
  search: Record<string, unknown>,
  maxPages = 5,
): Promise<Record<string, unknown>[]> {
  const all: Record<string, unknown>[] = [];
  for (let index = 0; index < maxPages; index++) {
    const offset = index * HELPCRUNCH_PAGE_SIZE;
    const { items, total } = pageOf(await helpcrunchCall(context, { method: 'POST', path, body: { ...search, limit: HELPCRUNCH_PAGE_SIZE, offset } }));
    all.push(...items);
    if (items.length < HELPCRUNCH_PAGE_SIZE || (total !== undefined && offset + items.length >= total)) break;
  }
  return all;
}

/** Unix seconds from HelpCrunch's dates, which come as numbers or strings ("1603885746", "1601557390.769"). */
export function unixSeconds(value: unknown): number | undefined {
  const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  return Number.isFinite(number) ? number : undefined;
}

export function notFound(message: string): StepFailure {
  return new StepFailure(message, { transient: false, code: 'NOT_FOUND' });
}
