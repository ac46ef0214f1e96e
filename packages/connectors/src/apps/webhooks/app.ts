// Webhooks by Switchyard: the "Catch Hook" trigger, a URL that any service can call to start a zap.
import { z } from 'zod';
import { defineApp, defineTrigger } from '../../kit/define.ts';

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
});

export const webhooksApp = defineApp({
  key: 'webhooks',
  name: 'Webhooks',
  description: 'Catch requests sent to a unique URL.',
  actions: [],
  triggers: [catchHook],
});
