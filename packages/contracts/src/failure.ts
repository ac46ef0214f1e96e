// The failure a step throws, shared by the engine (which retries or fails on it) and the connectors (which raise it).

/** One HTTP attempt as it appears in run history. Secrets are already redacted and bodies capped. */
export interface RecordedRequest {
  method: string;
  url: string;
  /** null when no response arrived (refused, network error, timeout). */
  status: number | null;
  requestHeaders?: Record<string, string>;
  requestBody: unknown;
  responseHeaders?: Record<string, string>;
  responseBody: unknown;
  durationMs?: number;
  error?: string;
}

/**
 * Why a step failed, for programs; people read the message. One vocabulary for the connectors, the HTTP client,
 * the sandbox and the engine. Internal: run history shows the message only, so a code may be renamed freely.
 */
export type StepFailureCode =
  /** The step's input (or the connection's settings) cannot be used as given: a missing field, a malformed value. */
  | 'INVALID_INPUT'
  /** The guarded client was handed a request it cannot send: an unknown method, a malformed URL or header. */
  | 'INVALID_REQUEST'
  /** The service answered, but not in a shape the connector can read (no envelope, no id, not JSON). */
  | 'INVALID_RESPONSE'
  /** The service answered with a 4xx or 5xx status; `status` holds it. */
  | 'HTTP_ERROR'
  /** What the step looks up does not exist at the service (no such person, chat, object). */
  | 'NOT_FOUND'
  /** The service refused a webhook subscription because one like it already exists. */
  | 'SUBSCRIPTION_CONFLICT'
  /** The address is not allowed for outbound requests (private, loopback, not in OUTBOUND_ALLOW, not http(s)). */
  | 'OUTBOUND_REFUSED'
  /** The host name did not resolve. */
  | 'DNS'
  /** The connection failed or broke before a full answer arrived (refused, reset, TLS). */
  | 'NETWORK'
  /** An HTTP attempt got no answer in time, or a code step did not finish in time. */
  | 'TIMEOUT'
  /** Cancelled by the worker (shutting down, or the run stopped): worth running again later. */
  | 'ABORTED'
  /** The service's answer is larger than the client accepts. */
  | 'RESPONSE_TOO_LARGE'
  /** More redirects than the client follows. */
  | 'TOO_MANY_REDIRECTS'
  /** A connector broke its own contract (threw something unexpected, returned an item without an id). */
  | 'CONNECTOR_ERROR'
  /** A formatter step names an action the formatter does not have. */
  | 'UNKNOWN_ACTION'
  /** A regular expression in a condition or a formatter step is invalid or unsafe. */
  | 'INVALID_REGEX'
  /** A code step's code does not parse. */
  | 'SYNTAX_ERROR'
  /** A code step's code threw. */
  | 'USER_ERROR'
  /** A code step used more memory than its limit. */
  | 'MEMORY_LIMIT'
  /** A code step returned more than its output limit. */
  | 'OUTPUT_TOO_LARGE'
  /** A code step returned nothing, or something that is not JSON. */
  | 'INVALID_OUTPUT'
  /** A code step's code is longer than the limit. */
  | 'CODE_TOO_LONG';

export interface StepFailureOptions {
  /** True for network errors, 429 and 5xx: the engine retries. False for validation, 401, 404: the step fails at once. */
  transient: boolean;
  /** A machine-readable reason, e.g. `OUTBOUND_REFUSED`; the engine only shows the message. */
  code?: StepFailureCode | undefined;
  /** The HTTP status that caused it, when one did. */
  status?: number | undefined;
  /** The service's own Retry-After, in milliseconds. */
  retryAfterMs?: number | undefined;
  /** The HTTP exchanges made before the failure, for the step record. */
  requests?: RecordedRequest[] | undefined;
  /** Console output a failed code step produced before it threw. */
  logs?: string[] | undefined;
  cause?: unknown;
}

/** A failed step; `message` is meant for the user and carries the service's own words where it gave any. */
export class StepFailure extends Error {
  override readonly name = 'StepFailure';
  readonly transient: boolean;
  readonly code: StepFailureCode | undefined;
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;
  /** Mutable so that the layer that knows all of a step's requests can attach them on the way out. */
  requests: RecordedRequest[] | undefined;
  logs: string[] | undefined;

  constructor(message: string, options: StepFailureOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.transient = options.transient;
    this.code = options.code;
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
    this.requests = options.requests;
    this.logs = options.logs;
  }

  static permanent(message: string, code?: StepFailureCode): StepFailure {
    return new StepFailure(message, { transient: false, code });
  }
}
