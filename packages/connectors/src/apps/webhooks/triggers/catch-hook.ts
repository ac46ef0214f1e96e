// Webhooks "Catch Hook": the zap's own URL, which any service can call to start it.
import { z } from 'zod';
import { defineTrigger } from '../../../kit/define.ts';

export const catchHook = defineTrigger({
  key: 'catch_hook',
  name: 'Catch Hook',
  description:
    'Starts the zap when a request arrives at the zap’s own URL. Paste the URL into Pipedrive automations, Twenty webhooks, Daktela “open URL” events or any service that calls webhooks. Any method; JSON, form or text bodies; query parameters arrive in `query`.',
  type: 'hook',
  input: z.object({}),
  sample: {
    method: 'POST',
    query: { source: 'crm' },
    headers: { 'content-type': 'application/json', 'user-agent': 'Example/1.0' },
    body: { id: 42, name: 'Jane Doe', email: 'jane@example.com' },
  },
  outputFields: [
    { key: 'method', label: 'Method', type: 'string' },
    { key: 'query', label: 'Query parameters', type: 'object' },
    { key: 'headers', label: 'Headers', type: 'object' },
    { key: 'headers["content-type"]', label: 'Content type', type: 'string' },
    { key: 'body', label: 'Body', type: 'object' },
  ],
});
