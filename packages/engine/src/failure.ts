// The error a port throws when a step fails, and how the engine reads any thrown value as one.
import type { RecordedRequest, StepRequest } from '@switchyard/contracts';
import { toJsonValue } from './json.ts';

export { StepFailure, type StepFailureOptions } from '@switchyard/contracts';

export type StepFailureLike = {
  message: string;
  transient: boolean;
  retryAfterMs?: number | undefined;
  requests?: StepRequest[] | undefined;
  logs?: string[] | undefined;
};

type FailureShape = { message: string; transient: boolean; retryAfterMs?: unknown; requests?: unknown; logs?: unknown };

/** A recorded request (connectors' shape, or anything close) in the shape step records keep. */
function toStepRequest(request: Partial<RecordedRequest>): StepRequest {
  return {
    method: String(request.method ?? ''),
    url: String(request.url ?? ''),
    status: typeof request.status === 'number' ? request.status : null,
    requestBody: toJsonValue(request.requestBody ?? null),
    responseBody: toJsonValue(request.responseBody ?? null),
    ...(typeof request.durationMs === 'number' ? { durationMs: request.durationMs } : {}),
  };
}

/**
 * Structural rather than `instanceof`, so a failure built by another copy of this module
 * (or a plain object from a worker thread) is still understood.
 */
export function isStepFailureLike(value: unknown): value is FailureShape {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.message === 'string' && typeof candidate.transient === 'boolean';
}

/** Anything that is not a StepFailure is a bug or an unexpected error: it is not retried. */
export function toStepFailure(error: unknown): StepFailureLike {
  if (isStepFailureLike(error)) {
    const retryAfterMs =
      typeof error.retryAfterMs === 'number' && Number.isFinite(error.retryAfterMs) && error.retryAfterMs >= 0 ? error.retryAfterMs : undefined;
    return {
      message: error.message || 'unknown error',
      transient: error.transient,
      retryAfterMs,
      requests: Array.isArray(error.requests) ? error.requests.map((request: Partial<RecordedRequest>) => toStepRequest(request)) : undefined,
      logs: Array.isArray(error.logs) ? error.logs.filter((line): line is string => typeof line === 'string') : undefined,
    };
  }
  if (error instanceof Error) return { message: error.message || error.name, transient: false };
  return { message: typeof error === 'string' ? error : 'unknown error', transient: false };
}
