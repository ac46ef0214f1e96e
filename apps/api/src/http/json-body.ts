// The API's JSON body parser: Fastify's own (prototype poisoning refused), plus a refusal of what cannot be kept, and
// what a route takes when a request sends no body.
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { MAX_DATA_DEPTH } from '@switchyard/contracts';
import { z } from 'zod';
import { AppError } from './errors.ts';

/** Deeper bodies are refused before any schema walks them recursively (and overflows the stack). */
export const MAX_BODY_DEPTH = MAX_DATA_DEPTH;

/**
 * The first place where a parsed JSON body nests too deep, or holds text PostgreSQL cannot store (U+0000 and unpaired
 * surrogates, in values or keys). Walks without recursion, so the check cannot overflow on what it refuses.
 */
export function unstorable(value: unknown, maxDepth = MAX_BODY_DEPTH): { path: string; message: string } | null {
  const stack: Array<[unknown, number, string]> = [[value, 1, 'body']];
  const badText = (text: string) =>
    text.includes('\u0000')
      ? 'contains a NUL character (U+0000), which cannot be stored'
      : text.isWellFormed()
        ? null
        : 'contains an unpaired UTF-16 surrogate, which cannot be stored';
  while (stack.length > 0) {
    const [current, depth, path] = stack.pop()!;
    if (typeof current === 'string') {
      const problem = badText(current);
      if (problem) return { path, message: problem };
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    if (depth > maxDepth) return { path, message: `is nested more than ${maxDepth} levels deep` };
    if (Array.isArray(current)) {
      current.forEach((item, index) => {
        stack.push([item, depth + 1, `${path}[${index}]`]);
      });
      continue;
    }
    for (const [key, item] of Object.entries(current)) {
      const problem = badText(key);
      if (problem) return { path, message: `has a field name that ${problem}` };
      stack.push([item, depth + 1, `${path}.${key}`]);
    }
  }
  return null;
}

/**
 * What a route takes for a request that sends no body: nothing where it has no body schema, the schema's default where
 * it has one (replay's `{from: "start"}`), and null where a body is required.
 */
function bodyWhenAbsent(request: FastifyRequest): { value: unknown } | null {
  const schema: unknown = request.routeOptions.schema?.body;
  if (schema === undefined) return { value: undefined };
  if (!(schema instanceof z.ZodType)) return null;
  const result = schema.safeParse(undefined);
  return result.success ? { value: result.data } : null;
}

const PROTOTYPE_KEY_MESSAGE =
  'The request body holds a "__proto__" or "constructor.prototype" key, which the API does not accept (catch hooks take bodies that hold them).';

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Replaces the default application/json parser of `app` (not of the hook routes, which parse bodies their own way). */
export function registerJsonBodyParser(app: FastifyInstance) {
  // Fastify's default JSON parser is the callback form of FastifyBodyParser.
  const parse = app.getDefaultJsonParser('error', 'error') as (
    request: FastifyRequest,
    body: string,
    done: (error: Error | null, value?: unknown) => void,
  ) => void;
  // Without a body Fastify validates null, which no defaulted schema accepts: such a route takes its default instead.
  app.addHook('preValidation', (request, _reply, done) => {
    if (request.body === undefined) {
      const absent = bodyWhenAbsent(request);
      if (absent) request.body = absent.value;
    }
    done();
  });
  app.removeContentTypeParser('application/json');
  // The API speaks JSON only: Fastify's default text/plain parser would let a text body reach validation as a string.
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser<string>('application/json', { parseAs: 'string' }, (request, body, done) => {
    // Many clients send `Content-Type: application/json` with nothing after it on a POST that carries nothing
    // (publish, unpublish, replay). Where the route can do without a body that is no body; where one is required,
    // Fastify's "empty JSON body" error says more than a validation error about a missing value would.
    const absent = body === '' ? bodyWhenAbsent(request) : null;
    if (absent) return done(null, absent.value);
    parse(request, body, (error, value) => {
      if (error) {
        // Fastify calls JSON with a `__proto__` or `constructor.prototype` key "not valid JSON" too: say what it is.
        if ((error as FastifyError).code === 'FST_ERR_CTP_INVALID_JSON_BODY' && parses(body)) {
          return done(new AppError(400, 'invalid_json', PROTOTYPE_KEY_MESSAGE), undefined);
        }
        return done(error, undefined);
      }
      const problem = unstorable(value);
      if (problem) {
        // The path is built from the caller's own keys: keep an absurd one from swelling the reply.
        const path = problem.path.length > 200 ? `${problem.path.slice(0, 200)}…` : problem.path;
        return done(new AppError(422, 'validation_failed', `Some fields are invalid: ${path}.`, [{ path, message: problem.message }]), undefined);
      }
      return done(null, value);
    });
  });
}
