// Webhooks by Switchyard: the "Catch Hook" trigger, a URL that any service can call to start a zap.
import { defineApp } from '../../kit/define.ts';
import { catchHook } from './triggers/catch-hook.ts';

export const webhooksApp = defineApp({
  key: 'webhooks',
  name: 'Webhooks',
  description: 'Catch requests sent to a unique URL.',
  actions: [],
  triggers: [catchHook],
});
