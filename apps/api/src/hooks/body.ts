// Parses catch-hook bodies: JSON, form-urlencoded and text, each as its content type says; anything else is 415.
import { jsonStructureProblem } from '@switchyard/contracts';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../http/errors.ts';
import { MAX_BODY_DEPTH } from '../http/json-body.ts';

const JSON_TYPE = /^application\/([\w.-]+\+)?json$/;
const TEXT_TYPE = /^(text\/[\w.+-]+|application\/(xml|[\w.-]+\+xml|javascript|graphql))$/;

declare module 'fastify' {
  interface FastifyRequest {
    /** The body exactly as received (hook routes only), for signature checks. */
    rawBody?: string;
  }
}

/** Registers the parsers on an encapsulated instance (the hook routes only); the rest of the API stays JSON-only. */
export function registerHookBodyParsers(app: FastifyInstance, bodyLimit: number) {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit }, (request, body, done) => {
    const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    const text = body as string;
    request.rawBody = text;
    if (text.length === 0) return done(null, null);
    if (type === '' || TEXT_TYPE.test(type)) return done(null, text);
    if (JSON_TYPE.test(type)) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch (error) {
        return done(new AppError(400, 'invalid_json', `The body says it is JSON but does not parse: ${(error as Error).message}`), undefined);
      }
      // Storing (and every later walk over the event) would overflow the stack on a hostile depth.
      const tooDeep = jsonStructureProblem(parsed, MAX_BODY_DEPTH, Number.POSITIVE_INFINITY);
      if (tooDeep) return done(new AppError(400, 'body_too_deep', `The body cannot be accepted: ${tooDeep}.`), undefined);
      return done(null, parsed);
    }
    if (type === 'application/x-www-form-urlencoded') return done(null, parseForm(text));
    return done(new AppError(415, 'unsupported_media_type', `Catch hooks accept JSON, form-urlencoded or text bodies, not ${type}.`), undefined);
  });
}

/** Form fields as an object; a repeated field becomes a list, like PHP and Zapier do. */
export function parseForm(text: string): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = Object.create(null);
  for (const [key, value] of new URLSearchParams(text)) {
    const existing = result[key];
    if (existing === undefined) result[key] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else result[key] = [existing, value];
  }
  return { ...result };
}
