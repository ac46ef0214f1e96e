// The one way the UI talks to the Switchyard API: same-origin JSON requests whose error envelopes become ApiError.

export const API_BASE = '/api/v1';

/**
 * One field-level problem from an error envelope; `path` is normalised to dots, e.g. `email` or `steps[2].input.title`.
 * Zap problems also carry a stable `code` and the `stepKey` of the step they concern.
 */
export type ErrorDetail = { path: string; message: string; code?: string; stepKey?: string };

export type ApiErrorInit = {
  status: number;
  code: string;
  message: string;
  details?: ErrorDetail[];
  retryAfter?: number | null;
};

/** A failed request: the API's status, error code, human message and field details. Status 0 means no response. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly code: string;
  readonly details: ErrorDetail[];
  /** Seconds to wait before retrying, from the Retry-After header, when the API sent one. */
  readonly retryAfter: number | null;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.status = init.status;
    this.code = init.code;
    this.details = init.details ?? [];
    this.retryAfter = init.retryAfter ?? null;
  }
}

/** A page of a list route: `{data, nextCursor}`; `nextCursor` is null on the last page. */
export type Page<T> = { data: T[]; nextCursor: string | null };

type QueryValue = string | number | boolean | null | undefined;

export type RequestOptions = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
};

/**
 * Calls `/api/v1<path>` and resolves with the parsed JSON body (undefined for an empty body such as 204).
 * Rejects with ApiError for every failure, network errors included, so callers handle one error type.
 */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, query, signal } = options;
  const headers: Record<string, string> = { accept: 'application/json' };
  const init: RequestInit = { method, headers, credentials: 'same-origin' };
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  if (signal) init.signal = signal;

  let response: Response;
  try {
    response = await fetch(API_BASE + path + queryString(query), init);
  } catch (error) {
    // Cancellation is not a failure: TanStack Query expects the AbortError itself.
    if (signal?.aborted) throw error;
    throw new ApiError({
      status: 0,
      code: 'network_error',
      message: 'Could not reach Switchyard. Check your connection and try again.',
    });
  }

  const text = await response.text();
  const parsed = parseJson(text);
  if (!response.ok) throw errorFromResponse(response, parsed);
  if (text === '') return undefined as T;
  if (parsed === undefined) {
    throw new ApiError({
      status: response.status,
      code: 'invalid_response',
      message: 'The server sent a response the app could not read.',
    });
  }
  return parsed as T;
}

/** Builds a workspace-scoped path: `wsPath('w_1', 'members', id)` is `/workspaces/w_1/members/<id>`. */
export function wsPath(workspaceId: string, ...segments: string[]): string {
  return ['', 'workspaces', workspaceId, ...segments].map(encodeURIComponent).join('/');
}

/** Field errors of a failed request keyed by normalised path, first message per field. */
export function fieldErrors(error: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  if (!(error instanceof ApiError)) return fields;
  for (const detail of error.details) fields[detail.path] ??= detail.message;
  return fields;
}

/** Details whose path is not one of the given form fields: shown with the form's general error. */
export function otherDetails(error: unknown, fieldNames: readonly string[]): ErrorDetail[] {
  if (!(error instanceof ApiError)) return [];
  return error.details.filter((detail) => !fieldNames.includes(detail.path));
}

/** Parses a Retry-After header (delay in seconds or an HTTP date) into whole seconds from `now`. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (value === null || value.trim() === '') return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

function queryString(query: RequestOptions['query']): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) params.set(key, String(value));
  }
  const encoded = params.toString();
  return encoded === '' ? '' : `?${encoded}`;
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function errorFromResponse(response: Response, body: unknown): ApiError {
  const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
  const envelope = isRecord(body) && isRecord(body.error) ? body.error : null;
  if (envelope && typeof envelope.message === 'string') {
    return new ApiError({
      status: response.status,
      code: typeof envelope.code === 'string' ? envelope.code : `http_${response.status}`,
      message: envelope.message,
      details: Array.isArray(envelope.details) ? envelope.details.flatMap(toDetail) : [],
      retryAfter,
    });
  }
  // Not our envelope (a proxy, or a framework default such as `{message, statusCode}`): keep what it says.
  const message =
    isRecord(body) && typeof body.message === 'string'
      ? body.message
      : `The request failed (${response.status}${response.statusText ? ` ${response.statusText}` : ''}).`;
  return new ApiError({ status: response.status, code: `http_${response.status}`, message, retryAfter });
}

function toDetail(raw: unknown): ErrorDetail[] {
  if (!isRecord(raw) || typeof raw.message !== 'string') return [];
  const detail: ErrorDetail = { path: normalisePath(raw.path), message: raw.message };
  if (typeof raw.code === 'string') detail.code = raw.code;
  if (typeof raw.stepKey === 'string') detail.stepKey = raw.stepKey;
  return [detail];
}

/** `["body","email"]`, `/body/email` and `body.email` all become `email`; `steps[2].input` keeps its brackets. */
function normalisePath(path: unknown): string {
  const parts = Array.isArray(path) ? path.map(String) : typeof path === 'string' ? path.split(/[./]/).filter((part) => part !== '') : [];
  if (parts[0] === 'body') parts.shift();
  return parts.join('.');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
