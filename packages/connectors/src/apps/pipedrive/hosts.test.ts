// Pipedrive's two kinds of host over real HTTP: every v1 call at /api/v1 on a company domain and at /v1 on api.pipedrive.com, v2 at /api/v2 on both.
import { afterEach, describe, expect, test } from 'vitest';
import { loopbackOnlyConnector } from '@switchyard/testing';
import { startPipedriveFake, type PipedriveFake, type PipedriveHost } from '@switchyard/testing/fakes/pipedrive';
import { createHttpClient, type HttpClient } from '../../http/client.ts';
import { findTrigger, type AppWebhookTriggerDefinition } from '../../kit/define.ts';
import { performAction } from '../../kit/perform.ts';
import { actionOf } from '../../../test/testbed.ts';
import { pipedriveUrl } from './client.ts';
import { pipedriveApp } from './index.ts';

interface NamedHost {
  fake: PipedriveFake;
  client: HttpClient;
  auth: { apiToken: string; baseUrl: string };
}

let started: NamedHost | undefined;
afterEach(async () => {
  await started?.client.close();
  await started?.fake.close();
  started = undefined;
});

/**
 * A fake standing in for `host`, and a connection whose base URL names `hostname`: the client resolves that name to
 * the fake on loopback, so the connector sees the hostname a real connection would have.
 */
async function connectAs(host: PipedriveHost, hostname: string): Promise<NamedHost> {
  const fake = await startPipedriveFake({ host, deliverWebhooks: false });
  const client = createHttpClient({
    allow: `127.0.0.1:${fake.port}`,
    baseConnector: loopbackOnlyConnector(),
    resolve: async () => [{ address: '127.0.0.1', family: 4 }],
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
  });
  started = { fake, client, auth: { apiToken: fake.token, baseUrl: `http://${hostname}:${fake.port}` } };
  return started;
}

/** Runs the connection test, a v1 action, a webhook subscription, the owner choices, a v2 action and custom calls; answers the paths the fake saw. */
async function pathsOfEveryKindOfCall({ fake, client, auth }: NamedHost): Promise<string[]> {
  const http = client.forStep();
  await pipedriveApp.auth.test({ auth, http });
  const deal = await performAction(actionOf(pipedriveApp, 'create_deal'), { input: { title: 'Acme' }, auth, client, idempotencyKey: 'run:1' });
  const dealId = (deal.output as { id: number }).id;
  await performAction(actionOf(pipedriveApp, 'create_note'), { input: { content: 'Hi', deal_id: dealId }, auth, client, idempotencyKey: 'run:2' });
  const trigger = findTrigger(pipedriveApp, 'new_deal_instant') as AppWebhookTriggerDefinition;
  const hook = { input: {}, auth, http, hookUrl: 'http://127.0.0.1:9/hooks/h', secret: 'whsec' };
  const { externalId } = await trigger.subscribe(hook);
  await trigger.unsubscribe({ ...hook, externalId });
  await actionOf(pipedriveApp, 'create_deal').options?.owner_id?.({ auth, http, input: {} });
  for (const path of ['/v1/users/me', '/api/v1/users/me']) {
    const custom = await performAction(actionOf(pipedriveApp, 'custom_api_call'), { input: { path }, auth, client, idempotencyKey: `run:${path}` });
    expect(custom.output, path).toMatchObject({ status: 200, body: { success: true } });
  }
  return fake.requests.map((request) => `${request.method} ${request.path}`);
}

describe('a company domain (https://<company>.pipedrive.com)', () => {
  test('gets every v1 call at /api/v1 and every v2 call at /api/v2', async () => {
    const paths = await pathsOfEveryKindOfCall(await connectAs('company', 'acme.pipedrive.com'));
    expect(paths).toEqual([
      'GET /api/v1/users/me',
      'POST /api/v2/deals',
      'POST /api/v1/notes',
      'POST /api/v1/webhooks',
      'DELETE /api/v1/webhooks/1',
      'GET /api/v1/users',
      'GET /api/v1/users/me',
      'GET /api/v1/users/me',
    ]);
  });

  test('is what any origin other than api.pipedrive.com is taken for (a proxy, an address)', async () => {
    const { fake, client, auth } = await connectAs('company', 'crm-proxy.example');
    await pipedriveApp.auth.test({ auth, http: client.forStep() });
    await pipedriveApp.auth.test({ auth: { ...auth, baseUrl: fake.origin }, http: client.forStep() });
    expect(fake.requests.map((request) => request.path)).toEqual(['/api/v1/users/me', '/api/v1/users/me']);
  });
});

describe('the public API host (https://api.pipedrive.com)', () => {
  test('keeps every v1 call at /v1 and every v2 call at /api/v2', async () => {
    const paths = await pathsOfEveryKindOfCall(await connectAs('api', 'api.pipedrive.com'));
    expect(paths).toEqual([
      'GET /v1/users/me',
      'POST /api/v2/deals',
      'POST /v1/notes',
      'POST /v1/webhooks',
      'DELETE /v1/webhooks/1',
      'GET /v1/users',
      'GET /v1/users/me',
      'GET /v1/users/me',
    ]);
  });
});

describe('pipedriveUrl', () => {
  test('moves either v1 prefix to the host’s own, keeps the query, and leaves v2 and other paths as written', () => {
    const on = (origin: string, path: string) => String(pipedriveUrl(origin, path));
    expect(on('https://acme.pipedrive.com', '/v1/deals?start=0')).toBe('https://acme.pipedrive.com/api/v1/deals?start=0');
    expect(on('https://acme.pipedrive.com', '/api/v1/users/me')).toBe('https://acme.pipedrive.com/api/v1/users/me');
    expect(on('https://api.pipedrive.com', '/api/v1/users/me')).toBe('https://api.pipedrive.com/v1/users/me');
    expect(on('https://api.pipedrive.com', '/v1')).toBe('https://api.pipedrive.com/v1');
    expect(on('https://acme.pipedrive.com', '/api/v2/deals')).toBe('https://acme.pipedrive.com/api/v2/deals');
    expect(on('https://acme.pipedrive.com', '/v10/deals')).toBe('https://acme.pipedrive.com/v10/deals');
  });
});
