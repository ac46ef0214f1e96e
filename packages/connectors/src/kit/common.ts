// Pieces every connector needs the same way: origins of per-customer base URLs, and the "custom API call" action.
import { JsonValue } from '@switchyard/contracts';
import { z } from 'zod';
import { StepFailure } from '../http/errors.ts';
import { defineAction, type ActionDefinition, type ServiceContext } from './define.ts';

/**
 * A credentials `baseUrl` is an origin (`scheme://host[:port]`, a trailing slash tolerated); connectors append the
 * service's documented paths to it. Anything else (a path, a query, credentials in the URL) is refused with a clear error.
 */
export function originOf(baseUrl: unknown, field = 'baseUrl'): string {
  if (typeof baseUrl !== 'string' || baseUrl.trim() === '')
    throw new StepFailure(`The connection has no ${field}.`, { transient: false, code: 'INVALID_INPUT' });
  let url: URL;
  try {
    url = new URL(baseUrl.trim());
  } catch {
    throw new StepFailure(`${field} "${baseUrl}" is not a URL; use e.g. https://example.com`, { transient: false, code: 'INVALID_INPUT' });
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.username || url.password || url.search || url.hash || !/^\/*$/.test(url.pathname)) {
    throw new StepFailure(`${field} must be just scheme://host[:port] (no path, query or credentials), not "${baseUrl}".`, {
      transient: false,
      code: 'INVALID_INPUT',
    });
  }
  return url.origin;
}

/** A zod field for an origin URL, checked the same way. */
export const originField = z
  .string()
  .trim()
  .refine((value) => {
    try {
      originOf(value);
      return true;
    } catch {
      return false;
    }
  }, 'must be an origin like https://example.com (no path)');

/**
 * A connection's credentials parsed by the app's auth fields, or a permanent failure naming each bad field and
 * saying what to reconnect with. Every connector reads its credentials through this.
 */
export function connectionCredentials<Fields extends z.ZodType>(fields: Fields, auth: unknown, service: string, reconnectWith: string): z.output<Fields> {
  const parsed = fields.safeParse(auth ?? {});
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'credentials'}: ${issue.message}`).join('; ');
  throw new StepFailure(`The ${service} connection is incomplete or invalid (${problems}); reconnect it with ${reconnectWith}.`, {
    transient: false,
    code: 'INVALID_INPUT',
  });
}

/** A plain JSON object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export const customApiCallInput = z.object({
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).default('GET').meta({ title: 'Method' }),
  path: z.string().min(1).max(2000).meta({ title: 'Path', description: 'The API path after the base URL, e.g. /api/v2/deals' }),
  query: z
    .record(z.string(), z.union([z.string(), z.number(), z.boolean()]))
    .optional()
    .meta({ title: 'Query parameters' }),
  // JsonValue, not z.json(): a mapped value goes out as it came, a `__proto__` key included.
  body: JsonValue.optional().meta({ title: 'Body (JSON)' }),
});
export type CustomApiCallInput = z.output<typeof customApiCallInput>;

/** What a custom call answers: the service's status and body as they came (and its headers, where the app keeps them). */
export interface CustomApiCallOutput {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/**
 * "Custom API call": any request to the service with the connection's auth, for endpoints no action covers.
 * `send` is the connector's own client call (base URL, auth header, error envelope).
 */
export function customApiCall(
  serviceName: string,
  send: (context: ServiceContext, request: CustomApiCallInput) => Promise<CustomApiCallOutput>,
): ActionDefinition {
  return defineAction({
    key: 'custom_api_call',
    name: 'Custom API call',
    description: `Call any ${serviceName} API endpoint with this connection's authentication.`,
    input: customApiCallInput,
    sample: { status: 200, body: {} },
    outputFields: [
      { key: 'status', label: 'HTTP status', type: 'integer' },
      { key: 'body', label: `Response body (as ${serviceName} sent it)`, type: 'object' },
    ],
    perform: async (context) => {
      if (/^[a-z][a-z0-9+.-]*:/i.test(context.input.path) || context.input.path.startsWith('//')) {
        throw new StepFailure('The path must be relative to the connection’s base URL (e.g. /api/v2/deals), not a full URL.', {
          transient: false,
          code: 'INVALID_INPUT',
        });
      }
      return send(context, context.input);
    },
  });
}
