// Query strings with control characters are refused before validation: PostgreSQL cannot store or compare NUL, and no field wants them.
import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's purpose.
const CONTROL = /[\u0000-\u001f\u007f]/;

function hasControl(value: unknown): boolean {
  if (typeof value === 'string') return CONTROL.test(value);
  if (Array.isArray(value)) return value.some(hasControl);
  return false;
}

/** A preValidation hook: 400 naming every query parameter that holds a control character (NUL, line breaks, ESC...). */
export async function refuseControlCharacters(request: FastifyRequest): Promise<void> {
  const query = request.query;
  if (query === null || typeof query !== 'object') return;
  const bad = Object.entries(query).filter(([name, value]) => hasControl(name) || hasControl(value));
  if (bad.length === 0) return;
  throw new AppError(
    400,
    'invalid_query',
    'A query parameter holds a control character (such as NUL or a line break), which no parameter accepts. Remove it and try again.',
    bad.map(([name]) => ({ path: `querystring.${name}`, message: 'holds a control character' })),
  );
}
