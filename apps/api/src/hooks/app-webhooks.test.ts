// App webhook deliveries through the API, from the fake Twenty: batched records start runs (once each), unreadable deliveries show on the zap.
import { startLocalServer, type LocalServer } from '@switchyard/testing';
import { signTwentyWebhook, startTwentyFake, type TwentyFake } from '@switchyard/testing/fakes/twenty';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Caller, signup, startTestApi, type Account, type TestApi } from '../../test/harness.ts';

let api: TestApi;
let twenty: TwentyFake;
/** Switchyard's public URL as Twenty sees it: passes each delivery to the in-process API and answers as it does. */
let relay: LocalServer;
let owner: Account;
let zapId: string;
let hookPath: string;

beforeAll(async () => {
  twenty = await startTwentyFake();
  relay = await startLocalServer((request, response) => {
    void api.app.inject({ method: request.method as 'POST', url: request.url, headers: request.headers, payload: request.body }).then((answer) => {
      response.statusCode = answer.statusCode;
      response.end(answer.body);
    });
  });
  api = await startTestApi({ PUBLIC_URL: relay.origin, OUTBOUND_ALLOW: `127.0.0.1:${twenty.port}`, HOOK_RATE_PER_SECOND: '1000' });
  owner = await signup(api.app, 'app-hooks');
  const base = `/api/v1/workspaces/${owner.workspace.id}`;
  const connection = await owner.caller.post(`${base}/connections`, {
    app: 'twenty',
    name: 'Twenty',
    credentials: { baseUrl: twenty.origin, apiKey: twenty.token },
  });
  expect(connection.status, JSON.stringify(connection.body)).toBe(201);
  const zap = await owner.caller.post(`${base}/zaps`, {
    name: 'new people',
    trigger: { app: 'twenty', event: 'record_created', connectionId: connection.body.id, input: { object: 'people' } },
    steps: [],
  });
  zapId = zap.body.id;
  const published = await owner.caller.post(`${base}/zaps/${zapId}/publish`);
  expect(published.status, JSON.stringify(published.body)).toBe(200);
  hookPath = new URL(twenty.webhooks()[0]?.targetUrl ?? '').pathname;
}, 30_000);

afterAll(async () => {
  await twenty?.close();
  await relay?.close();
  await api?.close();
});

async function runData(): Promise<unknown[]> {
  const events = await api.deps.db.prisma.triggerEvent.findMany({ where: { zapId }, orderBy: { id: 'asc' }, include: { runs: true } });
  return events.filter((event) => event.runs.length > 0).map((event) => event.data);
}

const zapOf = async () => (await owner.caller.get(`/api/v1/workspaces/${owner.workspace.id}/zaps/${zapId}`)).body;

/** A delivery signed with the subscription's secret, as Twenty signs: hex HMAC-SHA256 of `${timestamp}:${body}`. */
function signed(body: string): Record<string, string> {
  const timestamp = String(Date.now());
  const secret = twenty.webhooks()[0]?.secret ?? '';
  return {
    'content-type': 'application/json',
    'x-twenty-webhook-timestamp': timestamp,
    'x-twenty-webhook-signature': signTwentyWebhook(secret, timestamp, body),
  };
}

describe('Twenty deliveries through the API', () => {
  it('a batched delivery of two new people starts one run per person, in order', async () => {
    const answer = await fetch(`${twenty.origin}/rest/batch/people`, {
      method: 'POST',
      headers: { authorization: `Bearer ${twenty.token}`, 'content-type': 'application/json' },
      body: JSON.stringify([{ name: { firstName: 'Ada', lastName: 'Lovelace' } }, { name: { firstName: 'Alan', lastName: 'Turing' } }]),
    });
    expect(answer.status).toBe(201);
    await twenty.settled();
    expect(twenty.deliveries.map((delivery) => [delivery.payload.eventName, 'items' in delivery.payload, delivery.status])).toEqual([
      ['person.created', true, 200],
    ]);
    expect(await runData()).toEqual(twenty.records('people'));
  });

  it('Twenty versions that post each event twice (the batch, then each record alone) start one run per record', async () => {
    const before = await runData();
    twenty.deliveries.length = 0;
    twenty.webhookShape = 'both';
    try {
      const created = await fetch(`${twenty.origin}/rest/batch/people`, {
        method: 'POST',
        headers: { authorization: `Bearer ${twenty.token}`, 'content-type': 'application/json' },
        body: JSON.stringify([{ name: { firstName: 'Grace', lastName: 'Hopper' } }, { name: { firstName: 'Edsger', lastName: 'Dijkstra' } }]),
      });
      expect(created.status).toBe(201);
      await twenty.settled();
    } finally {
      twenty.webhookShape = 'batch';
    }
    expect(twenty.deliveries.map((delivery) => ['items' in delivery.payload ? 'batch' : 'record', delivery.status])).toEqual([
      ['batch', 200],
      ['record', 200],
      ['record', 200],
    ]);
    expect(await runData()).toEqual([...before, ...twenty.records('people').slice(-2)]);
  });

  it('a signed delivery in neither shape starts nothing, is answered 200, and shows on the zap as its last error', async () => {
    const before = await runData();
    const body = JSON.stringify({ eventName: 'person.created', data: { email: 'grace@example.com' } });
    const reply = await new Caller(api.app).request('POST', hookPath, body, signed(body));
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ status: 'ignored', reason: expect.stringContaining('neither a batch') });
    expect(await runData()).toEqual(before);
    const zap = await zapOf();
    expect(zap.status).toBe('on');
    expect(zap.lastError).toMatch(
      /^Twenty sent a delivery at \d{4}-\d\d-\d\dT[\d:.]+Z that started no run: it is neither a batch \({eventName, items: \[{record}\]}\) nor a single record \({eventName, record}\); its fields: eventName, data\.$/,
    );
    expect(zap.lastError).not.toContain('grace@example.com');
  });

  it('an unsigned delivery is refused with 401 and leaves the zap’s last error alone', async () => {
    const { lastError } = await zapOf();
    const reply = await new Caller(api.app).request('POST', hookPath, '{"junk":true}', { 'content-type': 'application/json' });
    expect(reply.status).toBe(401);
    expect((await zapOf()).lastError).toBe(lastError);
  });
});
