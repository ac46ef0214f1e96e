// The one guarded HTTP client for everything outbound: connectors, the HTTP step and code-step fetch.
import { STATUS_CODES } from 'node:http';
import { Agent, buildConnector } from 'undici';
import { jsonStructureProblem, MAX_DATA_DEPTH } from '@switchyard/contracts';
import { parseOutboundAllow, type OutboundAllow } from './allow.ts';
import { StepFailure, type RecordedRequest } from './errors.ts';
import { createOutboundGuard, type Resolver } from './guard.ts';
import { capBody, createRedactor, redactByName } from './redact.ts';
import { backoffDelay, canRepeat, defaultRetryPolicy, isRetryableStatus, isTransientStatus, parseRetryAfter, sleep, type RetryPolicy } from './retry.ts';

export type QueryValue = string | number | boolean | null | undefined | ReadonlyArray<string | number | boolean>;

export type RequestBody =
  | { type: 'json'; value: unknown }
  | { type: 'form'; value: Record<string, QueryValue> }
  | { type: 'text'; value: string; contentType?: string }
  | { type: 'bytes'; value: Uint8Array; contentType?: string };

export type ResponseType = 'auto' | 'json' | 'text';

export interface HttpRequest {
  /** Default GET. */
  method?: string;
  url: string | URL;
  /** Appended to the URL's own query string. */
  query?: Record<string, QueryValue>;
  headers?: Record<string, string | undefined>;
  body?: RequestBody;
  /** 'auto' (default) parses JSON when the content-type says so and returns text otherwise. */
  responseType?: ResponseType;
  /** 'throw' (default) fails with a StepFailure on 4xx and 5xx; 'return' hands every response back. */
  httpErrors?: 'throw' | 'return';
  /** Default true; each hop is checked by the SSRF guard again. */
  followRedirects?: boolean;
  timeoutMs?: number;
  /** Overrides the client's retry policy for this request; false makes a single attempt. */
  retry?: Partial<RetryPolicy> | false;
  signal?: AbortSignal;
  /** Values to redact from what is recorded, in addition to the step's secrets. */
  secrets?: readonly string[];
  /** Picks the service's own message out of an error response; the default knows the usual envelopes. */
  errorMessage?: (body: unknown, status: number) => string | undefined;
}

export interface HttpResponse {
  status: number;
  statusText: string;
  /** Lowercase names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: unknown;
  /** The URL of the final response, after redirects. */
  url: string;
  redirected: boolean;
  /** Every attempt and redirect hop this call made, redacted. */
  requests: RecordedRequest[];
}

export interface HttpClientOptions {
  /** Parsed OUTBOUND_ALLOW, or its raw comma-separated text. Empty by default: nothing private is reachable. */
  allow?: OutboundAllow | string;
  /** Per attempt, from sending to the last body byte. Default 30 s. */
  timeoutMs?: number;
  /** Default 10 MB; a bigger response is aborted and fails the request. */
  maxResponseBytes?: number;
  /** Default 5. */
  maxRedirects?: number;
  retry?: Partial<RetryPolicy>;
  /** Default "Switchyard/1.0". */
  userAgent?: string;
  /** How much of each body run history keeps. Default 64 KB. */
  maxRecordedBodyBytes?: number;
  /** DNS resolution; tests inject one so that no real resolver is asked. */
  resolve?: Resolver;
  /** Default 10 s. */
  connectTimeoutMs?: number;
  /**
   * Opens the sockets the guard has approved (default: undici's connector). Tests pass one that
   * refuses anything but loopback, a second net under the guard.
   */
  baseConnector?: buildConnector.connector;
}

export interface StepHttp {
  request(request: HttpRequest): Promise<HttpResponse>;
  /** Everything requested through this handle so far, redacted, in order. */
  readonly requests: readonly RecordedRequest[];
  /** Adds values (tokens from the step's input, for instance) to what is redacted from now on. */
  redact(...secrets: string[]): void;
  /** The text with this step's secrets replaced, for messages built outside the client. */
  redactText(text: string): string;
}

/** A step's handle as the one who opened it sees it: what the step uses, and the secrets gathered along the way. */
export interface StepHttpHandle extends StepHttp {
  /** Every value redacted from this step's records: those given, those added, and the credentials its requests carried by name. */
  secrets(): string[];
}

export interface HttpClient {
  request(request: HttpRequest): Promise<HttpResponse>;
  /** A handle for one step: redacts the step's secrets and keeps the step's request records. */
  forStep(options?: { secrets?: Iterable<string>; signal?: AbortSignal }): StepHttpHandle;
  /** Closes pooled connections. */
  close(): Promise<void>;
}

const allowedMethods = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** A response that sends the request elsewhere: a redirect status with somewhere to go (the Fetch standard's rule). */
export function isRedirect(response: { status: number; headers: Record<string, string> }): boolean {
  return [301, 302, 303, 307, 308].includes(response.status) && Boolean(response.headers.location);
}
/**
 * The headers a request keeps when a redirect leaves its origin: the Fetch standard's CORS-safelisted request headers
 * and the user agent. Everything else is dropped, because a connector or a step may carry credentials in any header
 * (`x-api-token`, `x-api-key`, a custom one a user typed), and naming them all is a list that is never complete.
 */
const crossOriginHeaders = new Set(['accept', 'accept-language', 'content-language', 'content-type', 'user-agent']);

interface Prepared {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: string | Uint8Array | undefined;
  /** What run history shows as the request body. */
  recordedBody: unknown;
}

interface RawResponse {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  bytes: Buffer;
}

function appendQuery(url: URL, query: Record<string, QueryValue> | undefined): void {
  if (!query) return;
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    const values = Array.isArray(value) ? value : [value];
    for (const item of values) url.searchParams.append(name, String(item));
  }
}

function formEncode(fields: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined || value === null) continue;
    const values = Array.isArray(value) ? value : [value];
    for (const item of values) params.append(name, String(item));
  }
  return params.toString();
}

function invalid(message: string, cause?: unknown): StepFailure {
  return new StepFailure(message, { transient: false, code: 'INVALID_REQUEST', cause });
}

function prepare(request: HttpRequest, userAgent: string): Prepared {
  const method = (request.method ?? 'GET').toUpperCase();
  if (!allowedMethods.has(method)) throw invalid(`Unsupported HTTP method ${method}`);
  let url: URL;
  try {
    url = new URL(request.url);
  } catch (error) {
    throw invalid(`Invalid URL: ${String(request.url)}`, error);
  }
  appendQuery(url, request.query);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    if (value !== undefined) headers[name.toLowerCase()] = value;
  }
  headers['user-agent'] ??= userAgent;
  headers.accept ??= request.responseType === 'text' ? '*/*' : 'application/json, text/plain, */*';
  // Credentials in the URL would travel as Basic auth; we make that explicit and keep them out of records.
  if (url.username || url.password) {
    headers.authorization ??= `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64')}`;
    url.username = '';
    url.password = '';
  }

  let body: string | Uint8Array | undefined;
  let recordedBody: unknown = null;
  const given = request.body;
  if (given && (method === 'GET' || method === 'HEAD')) throw invalid(`A ${method} request cannot have a body`);
  if (given?.type === 'json') {
    body = JSON.stringify(given.value);
    if (body === undefined) throw invalid('The JSON body is not serialisable');
    headers['content-type'] ??= 'application/json';
    recordedBody = given.value;
  } else if (given?.type === 'form') {
    body = formEncode(given.value);
    headers['content-type'] ??= 'application/x-www-form-urlencoded';
    recordedBody = given.value;
  } else if (given?.type === 'text') {
    body = given.value;
    headers['content-type'] ??= given.contentType ?? 'text/plain; charset=utf-8';
    recordedBody = given.value;
  } else if (given?.type === 'bytes') {
    body = given.value;
    headers['content-type'] ??= given.contentType ?? 'application/octet-stream';
    recordedBody = `[${given.value.byteLength} bytes of binary data]`;
  }
  return { method, url, headers, body, recordedBody };
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

function decodeText(bytes: Buffer, contentType: string | undefined): string {
  const charset = /charset="?([^";\s]+)/i.exec(contentType ?? '')?.[1];
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

function isJsonType(contentType: string | undefined): boolean {
  const mediaType = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return mediaType === 'application/json' || mediaType === 'text/json' || mediaType.endsWith('+json');
}

function parseBody(raw: RawResponse, responseType: ResponseType): unknown {
  const contentType = raw.headers['content-type'];
  if (responseType === 'text') return decodeText(raw.bytes, contentType);
  if (raw.bytes.length === 0) return null;
  const text = decodeText(raw.bytes, contentType);
  if (responseType === 'auto' && !isJsonType(contentType)) return text;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text) as unknown;
  } catch (error) {
    if (responseType === 'auto') return text;
    const snippet = text.length > 200 ? `${text.slice(0, 200)}…` : text;
    throw new StepFailure(`Expected a JSON response but got ${contentType ?? 'no content-type'}: ${snippet}`, {
      transient: false,
      code: 'INVALID_RESPONSE',
      status: raw.status,
      cause: error,
    });
  }
  // Recording the reply, redacting it and mapping it into later steps all walk it; past this depth they would overflow.
  const problem = jsonStructureProblem(parsed, MAX_DATA_DEPTH, Number.POSITIVE_INFINITY);
  if (problem) {
    throw new StepFailure(`The service answered with JSON that Switchyard cannot use as a step's output: ${problem}.`, {
      transient: false,
      code: 'INVALID_RESPONSE',
      status: raw.status,
    });
  }
  return parsed;
}

/** The usual places APIs put a human message in an error body. */
export function defaultErrorMessage(body: unknown): string | undefined {
  if (typeof body === 'string') {
    const text = body.trim();
    if (!text || /^<(!doctype|html)/i.test(text)) return undefined;
    return text.length > 300 ? `${text.slice(0, 300)}…` : text;
  }
  if (body === null || typeof body !== 'object') return undefined;
  const record = body as Record<string, unknown>;
  const pick = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
  const nested = (value: unknown): string | undefined =>
    value !== null && typeof value === 'object' ? pick((value as Record<string, unknown>).message) : undefined;
  const firstError = Array.isArray(record.errors) ? record.errors[0] : undefined;
  return (
    pick(record.message) ??
    pick(record.error_description) ??
    nested(record.error) ??
    pick(record.error) ??
    pick(firstError) ??
    nested(firstError) ??
    pick(record.detail) ??
    pick(record.title) ??
    pick(record.msg)
  );
}

function errorCode(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Connection-phase failures: the server never saw the request, so repeating it is always safe. */
const notSentCodes = new Set(['ECONNREFUSED', 'UND_ERR_CONNECT_TIMEOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const allow = typeof options.allow === 'string' ? parseOutboundAllow(options.allow) : (options.allow ?? []);
  const guard = createOutboundGuard(options.resolve ? { allow, resolve: options.resolve } : { allow });
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxResponseBytes = options.maxResponseBytes ?? 10 * 1024 * 1024;
  const maxRedirects = options.maxRedirects ?? 5;
  const userAgent = options.userAgent ?? 'Switchyard/1.0';
  const maxRecordedBodyBytes = options.maxRecordedBodyBytes ?? 64 * 1024;
  const clientRetry: RetryPolicy = { ...defaultRetryPolicy, ...options.retry };
  const connectTimeout = options.connectTimeoutMs ?? 10_000;

  // Every new socket goes through the guard; a pooled socket was checked when it was opened.
  const agent = new Agent({
    connect: guard.connector(options.baseConnector ?? buildConnector({ timeout: connectTimeout })),
    connectTimeout,
  });

  async function sendOnce(prepared: Prepared, attemptTimeoutMs: number, signal: AbortSignal | undefined): Promise<RawResponse> {
    guard.checkUrl(prepared.url);
    const timeout = AbortSignal.timeout(attemptTimeoutMs);
    const combined = signal ? AbortSignal.any([timeout, signal]) : timeout;
    const host = prepared.url.host;
    try {
      const response = await agent.request({
        origin: prepared.url.origin,
        path: `${prepared.url.pathname}${prepared.url.search}`,
        method: prepared.method,
        headers: prepared.headers,
        body: prepared.body ?? null,
        signal: combined,
      });
      const headers = flattenHeaders(response.headers);
      const declared = Number(headers['content-length']);
      const tooLarge = (): StepFailure =>
        new StepFailure(`The response from ${host} is larger than the ${formatBytes(maxResponseBytes)} limit`, {
          transient: false,
          code: 'RESPONSE_TOO_LARGE',
          status: response.statusCode,
        });
      if (declared > maxResponseBytes) {
        response.body.destroy();
        throw tooLarge();
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of response.body) {
        const buffer = chunk as Buffer;
        size += buffer.length;
        if (size > maxResponseBytes) {
          response.body.destroy();
          throw tooLarge();
        }
        chunks.push(buffer);
      }
      return {
        status: response.statusCode,
        statusText: response.statusText || STATUS_CODES[response.statusCode] || '',
        headers,
        bytes: Buffer.concat(chunks),
      };
    } catch (error) {
      if (error instanceof StepFailure) throw error;
      if (timeout.aborted) {
        throw new StepFailure(`The request to ${host} timed out after ${formatMs(attemptTimeoutMs)}`, {
          transient: true,
          code: 'TIMEOUT',
          cause: error,
        });
      }
      if (signal?.aborted) {
        throw new StepFailure(`The request to ${host} was cancelled`, { transient: true, code: 'ABORTED', cause: error });
      }
      const code = errorCode(error);
      if (code === 'UND_ERR_INVALID_ARG') throw invalid(`Invalid request: ${(error as Error).message}`, error);
      const detail = error instanceof Error ? error.message : String(error);
      throw new StepFailure(`Could not reach ${host}: ${detail}${code && !detail.includes(code) ? ` (${code})` : ''}`, {
        transient: true,
        code: 'NETWORK',
        cause: error,
      });
    }
  }

  /** Sends a request; `secrets` are redacted from its records and gain the credentials it carries by name. */
  async function execute(request: HttpRequest, secrets: Set<string>, signal: AbortSignal | undefined): Promise<HttpResponse> {
    const requests: RecordedRequest[] = [];
    let redactor = createRedactor(secrets);
    const responseType = request.responseType ?? 'auto';
    const policy: RetryPolicy = request.retry === false ? { ...clientRetry, maxAttempts: 1 } : { ...clientRetry, ...request.retry };
    const attemptTimeoutMs = request.timeoutMs ?? timeoutMs;
    const record = (prepared: Prepared, started: number, outcome: { raw?: RawResponse; body?: unknown; error?: string }): void => {
      requests.push({
        method: prepared.method,
        url: redactor.url(prepared.url.toString()),
        status: outcome.raw?.status ?? null,
        requestHeaders: redactor.headers(prepared.headers),
        requestBody: capBody(redactor.value(prepared.recordedBody), maxRecordedBodyBytes),
        ...(outcome.raw ? { responseHeaders: redactor.headers(outcome.raw.headers) } : {}),
        responseBody: capBody(redactor.value(outcome.body ?? null), maxRecordedBodyBytes),
        durationMs: Math.round((performance.now() - started) * 10) / 10,
        ...(outcome.error !== undefined ? { error: redactor.text(outcome.error) } : {}),
      });
    };
    const fail = (failure: StepFailure): StepFailure => {
      const redacted = new StepFailure(redactor.text(failure.message), {
        transient: failure.transient,
        ...(failure.code ? { code: failure.code } : {}),
        ...(failure.status !== undefined ? { status: failure.status } : {}),
        ...(failure.retryAfterMs !== undefined ? { retryAfterMs: failure.retryAfterMs } : {}),
        requests,
        cause: failure.cause,
      });
      return redacted;
    };

    let prepared: Prepared;
    try {
      prepared = prepare(request, userAgent);
    } catch (error) {
      throw error instanceof StepFailure ? fail(error) : error;
    }
    // A typed-in Authorization header, an api_key parameter, the Basic pair built from URL userinfo: whatever the request
    // carries by name is a secret from here on, so a service echoing it (in any form) leaves no copy in the records.
    const carried = redactByName({ url: prepared.url.toString(), headers: prepared.headers, body: prepared.recordedBody }).found;
    if (carried.some((secret) => !secrets.has(secret))) {
      for (const secret of carried) secrets.add(secret);
      redactor = createRedactor(secrets);
    }
    const initialUrl = prepared.url;
    let redirects = 0;

    for (;;) {
      // One hop: attempts with retries until a response worth keeping or a failure worth throwing.
      let raw: RawResponse | undefined;
      for (let attempt = 1; ; attempt++) {
        const started = performance.now();
        try {
          raw = await sendOnce(prepared, attemptTimeoutMs, signal);
        } catch (error) {
          const failure = error instanceof StepFailure ? error : new StepFailure(String(error), { transient: false });
          record(prepared, started, { error: failure.message });
          const notSent = notSentCodes.has(errorCode(failure.cause) ?? '');
          const repeat =
            failure.transient && failure.code !== 'ABORTED' && attempt < policy.maxAttempts && canRepeat(prepared.method, prepared.headers, { notSent });
          if (!repeat) throw fail(failure);
          await pause(backoffDelay(attempt, policy), signal, requests);
          continue;
        }
        const retryable = isRetryableStatus(raw.status, policy) && canRepeat(prepared.method, prepared.headers, { status: raw.status });
        record(prepared, started, { raw, body: safeParse(raw) });
        if (!retryable || attempt >= policy.maxAttempts) break;
        const retryAfter = parseRetryAfter(raw.headers['retry-after']);
        // A server asking for a longer pause than we hold a worker for gets it from the engine instead.
        if (retryAfter !== undefined && retryAfter > policy.maxRetryAfterMs) break;
        await pause(retryAfter ?? backoffDelay(attempt, policy), signal, requests);
      }

      const location = raw.headers.location;
      if (request.followRedirects !== false && location && isRedirect(raw)) {
        redirects++;
        if (redirects > maxRedirects) {
          throw fail(
            new StepFailure(`Too many redirects (more than ${maxRedirects}) starting from ${initialUrl.host}`, {
              transient: false,
              code: 'TOO_MANY_REDIRECTS',
            }),
          );
        }
        let next: URL;
        try {
          next = new URL(location, prepared.url);
        } catch (error) {
          throw fail(new StepFailure(`${prepared.url.host} redirected to an invalid URL`, { transient: false, code: 'INVALID_RESPONSE', cause: error }));
        }
        const headers = { ...prepared.headers };
        let { method, body, recordedBody } = prepared;
        // Browsers turn a redirected POST into a GET for 301/302, and every 303 into a GET.
        if (raw.status === 303 || ((raw.status === 301 || raw.status === 302) && method === 'POST')) {
          if (method !== 'HEAD') method = 'GET';
          body = undefined;
          recordedBody = null;
          delete headers['content-type'];
          delete headers['content-length'];
        }
        // Credentials meant for one origin must not be handed to another.
        if (next.origin !== prepared.url.origin) for (const name of Object.keys(headers)) if (!crossOriginHeaders.has(name)) delete headers[name];
        prepared = { method, url: next, headers, body, recordedBody };
        continue;
      }

      let body: unknown;
      try {
        body = parseBody(raw, raw.status >= 400 && responseType === 'json' ? 'auto' : responseType);
      } catch (error) {
        throw error instanceof StepFailure ? fail(error) : error;
      }
      if (raw.status >= 400 && request.httpErrors !== 'return') {
        const serviceMessage = (request.errorMessage ?? defaultErrorMessage)(body, raw.status);
        const retryAfterMs = parseRetryAfter(raw.headers['retry-after']);
        throw fail(
          new StepFailure(`${prepared.url.host} answered ${raw.status} ${raw.statusText}${serviceMessage ? `: ${serviceMessage}` : ''}`, {
            transient: isTransientStatus(raw.status),
            code: 'HTTP_ERROR',
            status: raw.status,
            ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
          }),
        );
      }
      return {
        status: raw.status,
        statusText: raw.statusText,
        headers: raw.headers,
        body,
        url: prepared.url.toString(),
        redirected: redirects > 0,
        requests,
      };
    }
  }

  async function pause(ms: number, signal: AbortSignal | undefined, requests: RecordedRequest[]): Promise<void> {
    try {
      await sleep(ms, signal);
    } catch (error) {
      throw new StepFailure('The request was cancelled while waiting to retry', { transient: true, code: 'ABORTED', requests, cause: error });
    }
  }

  function safeParse(raw: RawResponse): unknown {
    try {
      return parseBody(raw, 'auto');
    } catch {
      return null;
    }
  }

  function request(input: HttpRequest): Promise<HttpResponse> {
    return execute(input, new Set(input.secrets), input.signal);
  }

  function forStep(stepOptions: { secrets?: Iterable<string>; signal?: AbortSignal } = {}): StepHttpHandle {
    const secrets = new Set(stepOptions.secrets ?? []);
    const requests: RecordedRequest[] = [];
    return {
      requests,
      secrets: () => [...secrets],
      redact(...values: string[]) {
        for (const value of values) secrets.add(value);
      },
      redactText(text: string) {
        return createRedactor(secrets).text(text);
      },
      async request(input: HttpRequest): Promise<HttpResponse> {
        const signals = [stepOptions.signal, input.signal].filter((s): s is AbortSignal => s !== undefined);
        const signal = signals.length > 1 ? AbortSignal.any(signals) : signals[0];
        for (const secret of input.secrets ?? []) secrets.add(secret);
        try {
          const response = await execute(input, secrets, signal);
          requests.push(...response.requests);
          return response;
        } catch (error) {
          if (error instanceof StepFailure && error.requests) requests.push(...error.requests);
          throw error;
        }
      },
    };
  }

  return { request, forStep, close: () => agent.close() };
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB` : `${Math.round(bytes / 1024)} KB`;
}

function formatMs(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
}
