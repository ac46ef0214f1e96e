// The HTTP app's "Request" action: call any URL the guard allows, for APIs no connector covers.
import { JsonValue } from '@switchyard/contracts';
import { z } from 'zod';
import { defaultErrorMessage, type RequestBody } from '../../../http/client.ts';
import { StepFailure } from '../../../http/errors.ts';
import { isTransientStatus, parseRetryAfter } from '../../../http/retry.ts';
import { defineAction } from '../../../kit/define.ts';
import { choice, flag } from '../../../kit/fields.ts';

// Headers, query and form values, bodies and credentials go out exactly as typed (no trimming, no length cap of the
// kit's text fields), so they stay plain zod.
const keyValues = z.record(z.string(), z.string());

export const requestInput = z
  .object({
    method: choice(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'], { title: 'Method' }, { default: 'GET' }),
    url: z.url({ protocol: /^https?$/, error: 'Enter an http:// or https:// URL' }).meta({ title: 'URL' }),
    query: keyValues.optional().meta({ title: 'Query parameters' }),
    headers: keyValues.optional().meta({ title: 'Headers' }),
    bodyType: choice(['none', 'json', 'form', 'raw'], { title: 'Body type' }, { default: 'none' }),
    // JsonValue, not z.record: a mapped object goes out as it came, a `__proto__` key included.
    jsonBody: z
      .union([z.string(), JsonValue.refine((value) => typeof value === 'object' && value !== null, 'Enter JSON text, an object or a list')])
      .optional()
      .meta({ title: 'JSON body', description: 'JSON text, or a value mapped from an earlier step' }),
    formFields: keyValues.optional().meta({ title: 'Form fields' }),
    rawBody: z.string().optional().meta({ title: 'Raw body' }),
    rawContentType: z.string().default('text/plain').meta({ title: 'Raw body content type' }),
    authType: choice(['none', 'basic', 'bearer'], { title: 'Authentication' }, { default: 'none' }),
    username: z.string().optional().meta({ title: 'Username' }),
    password: z.string().optional().meta({ title: 'Password', secret: true }),
    token: z.string().optional().meta({ title: 'Bearer token', secret: true }),
    parseJson: flag({ title: 'Parse response as JSON', description: 'Off returns the body as text' }, { default: true }),
    continueOnHttpError: flag(
      { title: 'Continue on HTTP errors', description: 'Return non-2xx responses as output instead of failing the step' },
      { default: false },
    ),
  })
  .superRefine((input, context) => {
    if ((input.method === 'GET' || input.method === 'HEAD') && input.bodyType !== 'none') {
      context.addIssue({ code: 'custom', path: ['bodyType'], message: `A ${input.method} request cannot have a body` });
    }
    if (input.bodyType === 'json' && input.jsonBody === undefined) {
      context.addIssue({ code: 'custom', path: ['jsonBody'], message: 'Required when the body type is JSON' });
    }
    if (input.bodyType === 'json' && typeof input.jsonBody === 'string') {
      try {
        JSON.parse(input.jsonBody);
      } catch (error) {
        context.addIssue({ code: 'custom', path: ['jsonBody'], message: `Not valid JSON (${(error as Error).message})` });
      }
    }
    if (input.authType === 'basic' && !input.username) {
      context.addIssue({ code: 'custom', path: ['username'], message: 'Required for basic authentication' });
    }
    if (input.authType === 'bearer' && !input.token) {
      context.addIssue({ code: 'custom', path: ['token'], message: 'Required for bearer authentication' });
    }
  });

export type RequestInput = z.output<typeof requestInput>;

export interface RequestOutput {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

function bodyOf(input: RequestInput): RequestBody | undefined {
  switch (input.bodyType) {
    case 'none':
      return undefined;
    case 'json':
      // JSON text is sent as written (already checked to parse), so its formatting is the user's.
      return typeof input.jsonBody === 'string'
        ? { type: 'text', value: input.jsonBody, contentType: 'application/json' }
        : { type: 'json', value: input.jsonBody };
    case 'form':
      return { type: 'form', value: input.formFields ?? {} };
    case 'raw':
      return { type: 'text', value: input.rawBody ?? '', contentType: input.rawContentType };
  }
}

function authorization(input: RequestInput): string | undefined {
  if (input.authType === 'basic') return `Basic ${Buffer.from(`${input.username ?? ''}:${input.password ?? ''}`).toString('base64')}`;
  if (input.authType === 'bearer') return `Bearer ${input.token ?? ''}`;
  return undefined;
}

export const request = defineAction({
  key: 'request',
  name: 'Request',
  description: 'Send an HTTP request to any URL and return its status, headers and body.',
  input: requestInput,
  sample: { status: 200, headers: { 'content-type': 'application/json' }, body: { id: 1, name: 'Example' } } satisfies RequestOutput,
  outputFields: [
    { key: 'status', label: 'Status code', type: 'integer' },
    { key: 'headers', label: 'Response headers', type: 'object' },
    { key: 'headers["content-type"]', label: 'Content type', type: 'string' },
    { key: 'body', label: 'Response body', type: 'object' },
  ],
  async perform({ input, http }): Promise<RequestOutput> {
    // Credentials typed into the step are as secret as a connection's.
    for (const value of [input.password, input.token]) if (value) http.redact(value);
    const headers: Record<string, string> = { ...input.headers };
    const auth = authorization(input);
    if (auth) headers.authorization = auth;
    const response = await http.request({
      method: input.method,
      url: input.url,
      query: input.query,
      headers,
      body: bodyOf(input),
      responseType: input.parseJson ? 'json' : 'text',
      httpErrors: 'return',
    });
    const ok = response.status >= 200 && response.status < 300;
    if (!ok && !input.continueOnHttpError) {
      const serviceMessage = defaultErrorMessage(response.body);
      const retryAfterMs = parseRetryAfter(response.headers['retry-after']);
      throw new StepFailure(`${new URL(response.url).host} answered ${response.status} ${response.statusText}${serviceMessage ? `: ${serviceMessage}` : ''}`, {
        transient: isTransientStatus(response.status),
        code: 'HTTP_ERROR',
        status: response.status,
        retryAfterMs,
      });
    }
    return { status: response.status, headers: response.headers, body: response.body };
  },
});
