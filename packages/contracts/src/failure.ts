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

export interface StepFailureOptions {
  /** True for network errors, 429 and 5xx: the engine retries. False for validation, 401, 404: the step fails at once. */
  transient: boolean;
  /** A machine-readable reason, e.g. `OUTBOUND_REFUSED`; the engine only shows the message. */
  code?: string | undefined;
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
  readonly code: string | undefined;
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

  static permanent(message: string, code?: string): StepFailure {
    return new StepFailure(message, { transient: false, code });
  }
}
