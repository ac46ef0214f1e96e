// Errors as values with a code and a human message, and the one place that maps every error to a status and envelope.
import type { ErrorDetail } from '@switchyard/contracts';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: ErrorDetail[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new AppError(404, 'not_found', `${what} was not found.`);
export const forbidden = (message: string) => new AppError(403, 'forbidden', message);
export const unauthorized = (message = 'Log in, or send an API key as "Authorization: Bearer <key>".') => new AppError(401, 'unauthorized', message);
export const conflict = (code: string, message: string) => new AppError(409, code, message);
export const invalid = (code: string, message: string, details?: ErrorDetail[]) => new AppError(422, code, message, details);
export const tooManyRequests = (retryAfterSeconds: number, message: string) =>
  new AppError(429, 'rate_limited', message, undefined, { 'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))) });
export const unavailable = (message: string, retryAfterSeconds = 1) =>
  new AppError(503, 'unavailable', message, undefined, { 'retry-after': String(retryAfterSeconds) });

/** Fastify's own error codes for bodies it could not accept, mapped to the contract's statuses. */
const fastifyCodes: Record<string, { status: number; code: string; message: (error: FastifyError) => string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'invalid_json', message: () => 'The request body is not valid JSON.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: 'invalid_json',
    message: () => 'The request says its body is JSON but the body is empty.',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'body_too_large', message: () => 'The request body is too large.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'unsupported_media_type',
    message: () => 'Send the request body as application/json.',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'invalid_content_length',
    message: () => 'The Content-Length header does not match the body.',
  },
  FST_ERR_CTP_INVALID_TYPE: { status: 400, code: 'invalid_content_type', message: () => 'The Content-Type header is invalid.' },
  FST_ERR_BAD_URL: { status: 400, code: 'bad_url', message: () => 'The request URL is malformed.' },
  FST_ERR_ASYNC_CONSTRAINT: { status: 400, code: 'bad_request', message: () => 'The request could not be routed.' },
};

export function sendError(reply: FastifyReply, status: number, code: string, message: string, details?: ErrorDetail[]) {
  const body = { error: { code, message, ...(details && details.length > 0 ? { details } : {}), requestId: String(reply.request.id) } };
  return reply.status(status).type('application/json').send(body);
}

export function errorHandler(error: FastifyError | AppError | Error, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    if (error.headers) reply.headers(error.headers);
    return sendError(reply, error.status, error.code, error.message, error.details);
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const details = error.validation.map((issue) => {
      const where = issue.instancePath.replace(/^\//, '').split('/').filter(Boolean).map(formatSegment).join('');
      const context = String(error.validationContext ?? 'body');
      return { path: `${context}${where}`, message: issue.message ?? 'is invalid' };
    });
    const names = details.map((detail) => detail.path).join(', ');
    return sendError(reply, 422, 'validation_failed', `Some fields are invalid: ${names}.`, details);
  }
  if (isResponseSerializationError(error)) {
    request.log.error({ err: error }, 'reply did not match its schema');
    return sendError(reply, 500, 'internal_error', 'Something went wrong on our side. Try again; if it persists, report the request id.');
  }
  const fastifyError = error as FastifyError;
  const known = fastifyError.code ? fastifyCodes[fastifyError.code] : undefined;
  if (known) return sendError(reply, known.status, known.code, known.message(fastifyError));
  if (isBackendDown(error)) {
    request.log.warn({ err: error }, 'backing service unavailable');
    reply.header('retry-after', '1');
    return sendError(reply, 503, 'unavailable', 'The database or queue is unavailable right now. Retry in a moment.');
  }
  if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return sendError(reply, fastifyError.statusCode, 'bad_request', fastifyError.message);
  }
  request.log.error({ err: error }, 'unhandled error');
  return sendError(reply, 500, 'internal_error', 'Something went wrong on our side. Try again; if it persists, report the request id.');
}

function formatSegment(segment: string): string {
  return /^\d+$/.test(segment) ? `[${segment}]` : `.${segment}`;
}

/** Connection-level failures of PostgreSQL or Redis (refused, terminated, timed out, starting up) mean 503, not 500. */
export function isBackendDown(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && ['ECONNREFUSED', 'ECONNRESET', '57P01', '57P02', '57P03', 'P1001', 'P1017', 'P2024', 'ETIMEDOUT', 'EPIPE'].includes(code)) {
      return true;
    }
    if (
      typeof message === 'string' &&
      /Connection terminated|connection timeout|timeout exceeded when trying to connect|ECONNREFUSED|the database system is (starting up|shutting down)|Can't reach database server|DatabaseNotReachable|max retries per request|Connection is closed|Stream isn't writeable/i.test(
        message,
      )
    ) {
      return true;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
