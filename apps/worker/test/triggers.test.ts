// Time-driven triggers across processes: a polling zap published through the API fires for new items only; run now; samples.
import { startFeedServer, startStack, StackClient, TESTING_APPS_MODULE, type FeedServer, type Stack } from '@switchyard/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let feed: FeedServer;
let stack: Stack;
let client: StackClient;
let ws: string;

beforeAll(async () => {
  feed = await startFeedServer();
  stack = await startStack({ env: { CONNECTOR_MODULES: TESTING_APPS_MODULE, OUTBOUND_ALLOW: `127.0.0.1:${feed.port}`, POLL_MIN_INTERVAL_MS: '500' } });
  client = new StackClient(stack.url);
  const signup = await client.request('POST', '/api/v1/auth/signup', {
    email: 'triggers@example.com',
    password: 'triggers-test-secret',
    workspaceName: 'Triggers',
  });
  ws = signup.body.workspace.id;
}, 60_000);

afterAll(async () => {
  await stack?.stop();
  await feed?.close();
});

const runsOf = async (zapId: string) =>
  (await client.request('GET', `/api/v1/workspaces/${ws}/runs?zapId=${zapId}`)).body.data as Array<{ id: string; status: string }>;

describe('triggers across processes', () => {
  it('a published polling zap seeds on its first poll, then runs once per new item, and stops polling when turned off', async () => {
    feed.add('old news');
    const connection = await client.request('POST', `/api/v1/workspaces/${ws}/connections`, {
      app: 'testing_account',
      name: 'Feed',
      credentials: { token: 'good-token' },
    });
    expect(connection.status).toBe(201);
    const zap = await client.request('POST', `/api/v1/workspaces/${ws}/zaps`, {
      name: 'Feed watcher',
      trigger: { app: 'testing_account', event: 'new_item', connectionId: connection.body.id, input: { url: feed.url }, pollIntervalMs: 1000 },
      steps: [{ key: 'shout', type: 'action', app: 'formatter', action: 'text', input: { operation: 'uppercase', value: '{{trigger.title}}' } }],
    });
    expect((await client.request('POST', `/api/v1/workspaces/${ws}/zaps/${zap.body.id}/publish`)).status).toBe(200);
    await client.until('the first poll', async () => (feed.requests() > 0 ? true : undefined));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await runsOf(zap.body.id)).toEqual([]);
    feed.add('fresh news');
    const [run] = await client.until('a run for the new item', async () => {
      const runs = await runsOf(zap.body.id);
      return runs.length === 1 && runs[0]!.status === 'succeeded' ? runs : undefined;
    });
    const detail = (await client.request('GET', `/api/v1/workspaces/${ws}/runs/${run!.id}`)).body;
    expect(detail.steps[0].output).toEqual({ output: 'FRESH NEWS' });
    expect((await client.request('POST', `/api/v1/workspaces/${ws}/zaps/${zap.body.id}/unpublish`)).status).toBe(200);
    const polled = feed.requests();
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(feed.requests() - polled).toBeLessThanOrEqual(1);
  });

  it('"run now" runs the published version with the given data', async () => {
    const zap = await client.request('POST', `/api/v1/workspaces/${ws}/zaps`, {
      name: 'Manual',
      trigger: { app: 'manual', event: 'run_now' },
      steps: [{ key: 'echo', type: 'action', app: 'testing', action: 'echo', input: { value: '{{trigger.data.who}}' } }],
    });
    expect((await client.request('POST', `/api/v1/workspaces/${ws}/zaps/${zap.body.id}/run`, { data: { who: 'me' } })).status).toBe(409);
    await client.request('POST', `/api/v1/workspaces/${ws}/zaps/${zap.body.id}/publish`);
    const started = await client.request('POST', `/api/v1/workspaces/${ws}/zaps/${zap.body.id}/run`, { data: { who: 'me' } });
    expect(started.status).toBe(202);
    const run = await client.until('the manual run', async () => {
      const detail = (await client.request('GET', `/api/v1/workspaces/${ws}/runs/${started.body.runId}`)).body;
      return detail.status === 'succeeded' ? detail : undefined;
    });
    expect(run.trigger.data).toEqual({ startedBy: 'triggers@example.com', data: { who: 'me' } });
    expect(run.steps[0].output).toEqual({ value: 'me' });
  });

  it('while the builder listens, an off zap’s catch hook keeps requests as samples and runs nothing', async () => {
    const zap = await client.request('POST', `/api/v1/workspaces/${ws}/zaps`, { name: 'Listen', trigger: { app: 'webhooks', event: 'catch_hook' }, steps: [] });
    expect((await fetch(zap.body.hookUrl, { method: 'POST' })).status).toBe(410);
    const listen = await client.request('POST', `/api/v1/workspaces/${ws}/zaps/${zap.body.id}/samples/listen`);
    expect(Date.parse(listen.body.listeningUntil)).toBeGreaterThan(Date.now());
    const sent = await fetch(`${zap.body.hookUrl}?from=crm`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Sample Sam' }),
    });
    expect(sent.status).toBe(200);
    const samples = await client.request('GET', `/api/v1/workspaces/${ws}/zaps/${zap.body.id}/samples`);
    expect(samples.body.data[0]).toMatchObject({ source: 'sample', data: { method: 'POST', query: { from: 'crm' }, body: { name: 'Sample Sam' } } });
    expect(await runsOf(zap.body.id)).toEqual([]);
  });
});
