// The built-in HTTP app: raw requests for any API, behind the same SSRF guard as every connector.
import { defineApp } from '../../kit/define.ts';
import { request } from './actions/request.ts';

export const httpApp = defineApp({
  key: 'http',
  name: 'HTTP',
  description: 'Call any HTTP API that no connector covers.',
  actions: [request],
  triggers: [],
});
