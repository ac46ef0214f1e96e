// Everything HTTP about Daktela v6: the instance URL, the X-AUTH-TOKEN header, the {error, result} envelope, list queries and paging.
import { z } from 'zod';
import { defaultErrorMessage, type QueryValue } from '../../http/client.ts';
import { StepFailure } from '../../http/errors.ts';
import { connectionCredentials, isRecord, originField, originOf } from '../../kit/common.ts';
import type { Credentials, ServiceContext } from '../../kit/define.ts';

export const daktelaAuthFields = z.object({
  baseUrl: originField.meta({
    title: 'API URL',
    description: 'Your Daktela instance, e.g. https://acme.daktela.com (just the address; /api/v6/… is added for you).',
  }),
  accessToken: z
    .string()
    .trim()
    .min(1)
    .meta({ title: 'Access token', description: 'An API access token (Daktela: Manage → Users → your API user → Access token).', secret: true }),
});
export type DaktelaAuth = z.output<typeof daktelaAuthFields>;

/** A Daktela record as the API returns it; `name` is its id (an integer for tickets, text for the rest). */
export type DaktelaRecord = Record<string, unknown>;

export function daktelaAuth(auth: Credentials | undefined): DaktelaAuth {
  return connectionCredentials(daktelaAuthFields, auth, 'Daktela', 'the API URL (e.g. https://acme.daktela.com) and an access token');
}

const severities = new Set(['error', 'warning', 'notice', 'info', 'success']);

/** `{"lastname": "Item is mandatory", "customFields": {"email": ["Bad format"]}}` → "lastname: Item is mandatory; customFields.email: Bad format". */
function formMessages(form: unknown, path: string): string[] {
  if (typeof form === 'string') return form.trim() ? [path ? `${path}: ${form.trim()}` : form.trim()] : [];
  if (Array.isArray(form)) return form.flatMap((item) => formMessages(item, path));
  if (isRecord(form)) return Object.entries(form).flatMap(([key, value]) => formMessages(value, path ? `${path}.${key}` : key));
  return [];
}

/**
 * Daktela's `error` member as one readable sentence. It comes in four shapes:
 * `{"form": {field: message}}`, `{"primary": [message, severity], "form": {...}}`, `["message", ...]` and `"message"`.
 */
export function describeDaktelaError(error: unknown): string | undefined {
  const parts: string[] = [];
  if (typeof error === 'string') parts.push(error.trim());
  else if (Array.isArray(error)) parts.push(...error.flatMap((item) => describeDaktelaError(item) ?? []));
  else if (isRecord(error)) {
    const primary = error.primary;
    // The primary list pairs a message with its severity ("error"); the severity says nothing to a reader.
    const primaries = (Array.isArray(primary) ? primary : [primary]).filter(
      (item): item is string => typeof item === 'string' && !severities.has(item.trim().toLowerCase()),
    );
    parts.push(...primaries.map((item) => item.trim()));
    parts.push(...formMessages(error.form, ''));
    for (const [key, value] of Object.entries(error)) if (key !== 'primary' && key !== 'form') parts.push(...formMessages(value, key));
  }
  const text = parts.filter((part) => part !== '').join('; ');
  return text === '' ? undefined : text;
}

/** The client's `errorMessage`: Daktela's envelope first, then the usual places (a proxy's error page, say). */
export function daktelaErrorMessage(body: unknown): string | undefined {
  if (isRecord(body) && 'error' in body) return describeDaktelaError(body.error) ?? defaultErrorMessage(body);
  return defaultErrorMessage(body);
}

/** A record's name as one path segment; names that could address another endpoint are refused. */
export function recordPath(model: string, name: string | number): string {
  const text = String(name).trim();
  if (text === '' || text === '.' || text === '..' || /[/\\\0]/.test(text)) {
    throw new StepFailure(`"${text}" is not a Daktela record name.`, { transient: false, code: 'INVALID_INPUT' });
  }
  return `${model}/${encodeURIComponent(text)}`;
}

export interface DaktelaRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The endpoint under /api/v6/ without ".json": `tickets`, `tickets/123`, `whoim`. */
  endpoint: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
}

/** Text that does not parse as JSON stays text (and then fails the envelope check). */
function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** One request to the instance with the token; 4xx/5xx fail with Daktela's own message. `path` is after the origin. */
export async function daktelaSend(
  { auth, http }: ServiceContext,
  request: { method: string; path: string; query?: Record<string, QueryValue>; body?: unknown },
): Promise<{ status: number; body: unknown }> {
  const { baseUrl, accessToken } = daktelaAuth(auth);
  const response = await http.request({
    method: request.method,
    url: `${originOf(baseUrl)}${request.path.startsWith('/') ? '' : '/'}${request.path}`,
    // The header (not ?accessToken=) keeps the token out of URLs, logs and run history.
    headers: { 'x-auth-token': accessToken },
    query: request.query,
    body: request.body === undefined ? undefined : { type: 'json', value: request.body },
    errorMessage: daktelaErrorMessage,
  });
  // Some proxies label JSON as text.
  return { status: response.status, body: typeof response.body === 'string' ? parseJsonText(response.body) : response.body };
}

/** The envelope's `result` from `/api/v6/{endpoint}.json`, after checking that the call succeeded. */
export async function daktelaRequest(context: ServiceContext, request: DaktelaRequest): Promise<unknown> {
  const { status, body } = await daktelaSend(context, {
    method: request.method ?? 'GET',
    path: `/api/v6/${request.endpoint}.json`,
    query: request.query,
    body: request.body,
  });
  if (status === 204) return null;
  if (!isRecord(body) || !('result' in body)) {
    throw new StepFailure(
      `${new URL(daktelaAuth(context.auth).baseUrl).host} did not answer with Daktela's {"error", "result"} envelope; is the API URL right?`,
      {
        transient: false,
        code: 'INVALID_RESPONSE',
        status,
      },
    );
  }
  // A success status can still carry application errors (the PHP connector's hasErrors()).
  const problem = describeDaktelaError(body.error);
  if (problem) throw new StepFailure(`Daktela: ${problem}`, { transient: false, code: 'HTTP_ERROR', status });
  return body.result;
}

/** A record returned by a create or update, checked to be one. */
export async function daktelaRecord(context: ServiceContext, request: DaktelaRequest): Promise<DaktelaRecord> {
  const result = await daktelaRequest(context, request);
  if (!isRecord(result)) throw new StepFailure('Daktela answered without the record.', { transient: false, code: 'INVALID_RESPONSE' });
  return result;
}

/** The operators of Daktela's .NET connector (`Daktela/daktela-v6-dotnet-connector` `Query/FilterOperator.cs`). */
export const FILTER_OPERATORS = [
  'eq',
  'neq',
  'lt',
  'lte',
  'gt',
  'gte',
  'like',
  'contains',
  'startswith',
  'endswith',
  'notlike',
  'doesnotcontain',
  'isnull',
  'isnotnull',
  'in',
  'notin',
] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];
type ListOperator = 'in' | 'notin';
type ValuelessOperator = 'isnull' | 'isnotnull';
type FilterValue = string | number;

/**
 * One condition, shaped by its operator as Daktela's connectors build it: one value, a list of at least one
 * (the Java connector: "The API rejects an empty list"), or none.
 */
export type Condition =
  | { field: string; operator: Exclude<FilterOperator, ListOperator | ValuelessOperator>; value: FilterValue }
  | { field: string; operator: ListOperator; value: readonly [FilterValue, ...FilterValue[]] }
  | { field: string; operator: ValuelessOperator };

export interface ListQuery {
  /** AND-ed together. */
  filters?: readonly Condition[];
  sort?: ReadonlyArray<{ field: string; dir: 'asc' | 'desc' }>;
  skip?: number;
  take?: number;
  fields?: readonly string[];
  q?: string;
}

/**
 * A list query in the PHP connector's encoding (PHP `http_build_query` nesting):
 * `filter[logic]=and&filter[filters][0][field]=edited&…[operator]=gte&…[value]=…&sort[0][field]=edited&sort[0][dir]=asc&skip=0&take=100`.
 */
export function listQuery(query: ListQuery): Record<string, QueryValue> {
  const params: Record<string, QueryValue> = {};
  params.skip = query.skip ?? 0;
  params.take = query.take ?? 100;
  const filters = query.filters ?? [];
  if (filters.length > 0) {
    params['filter[logic]'] = 'and';
    filters.forEach((condition, index) => {
      const prefix = `filter[filters][${index}]`;
      params[`${prefix}[field]`] = condition.field;
      params[`${prefix}[operator]`] = condition.operator;
      if (!('value' in condition)) return;
      if (typeof condition.value === 'object') {
        condition.value.forEach((value, item) => {
          params[`${prefix}[value][${item}]`] = value;
        });
      } else params[`${prefix}[value]`] = condition.value;
    });
  }
  (query.sort ?? []).forEach((key, index) => {
    params[`sort[${index}][field]`] = key.field;
    params[`sort[${index}][dir]`] = key.dir;
  });
  (query.fields ?? []).forEach((field, index) => {
    params[`fields[${index}]`] = field;
  });
  if (query.q) params.q = query.q;
  return params;
}

const listResult = z.object({
  // Some instances key `data` by record name instead of sending an array.
  data: z.union([z.array(z.record(z.string(), z.unknown())), z.record(z.string(), z.record(z.string(), z.unknown()))]).nullish(),
  total: z.coerce.number().nullish(),
});

export interface ListPage {
  data: DaktelaRecord[];
  /** `result.total`: how many records match, over all pages. */
  total: number | undefined;
}

export async function listRecords(context: ServiceContext, model: string, query: ListQuery): Promise<ListPage> {
  const result = await daktelaRequest(context, { endpoint: model, query: listQuery(query) });
  const parsed = listResult.safeParse(result);
  if (!parsed.success)
    throw new StepFailure(`Daktela's ${model} list did not have the expected {data, total} shape.`, { transient: false, code: 'INVALID_RESPONSE' });
  const data = parsed.data.data ?? [];
  return { data: Array.isArray(data) ? data : Object.values(data), total: parsed.data.total ?? undefined };
}

/** Follows `skip`/`take` paging until a short page, `result.total`, or the page cap. */
export async function listAll(
  context: ServiceContext,
  model: string,
  query: Omit<ListQuery, 'skip' | 'take'>,
  paging: { pageSize: number; maxPages: number },
): Promise<DaktelaRecord[]> {
  const records: DaktelaRecord[] = [];
  for (let page = 0; page < paging.maxPages; page++) {
    const skip = page * paging.pageSize;
    const { data, total } = await listRecords(context, model, { ...query, skip, take: paging.pageSize });
    records.push(...data);
    if (data.length < paging.pageSize || (total !== undefined && skip + paging.pageSize >= total)) break;
  }
  return records;
}

/** A reference field as the API reads it back (an expanded record) or as it is written (the name). */
export function referenceName(value: unknown): string | number | undefined {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (isRecord(value) && (typeof value.name === 'string' || typeof value.name === 'number')) return value.name;
  return undefined;
}
