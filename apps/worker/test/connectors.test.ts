// Connectors across processes: a person created in Twenty reaches the zap by webhook, and the zap creates them in Pipedrive.
import { startStack, StackClient, type Stack } from '@switchyard/testing';
import { startPipedriveFake, type PipedriveFake } from '@switchyard/testing/fakes/pipedrive';
import { startTwentyFake, type TwentyFake } from '@switchyard/testing/fakes/twenty';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let twenty: TwentyFake;
let pipedrive: PipedriveFake;
let stack: Stack;
let client: StackClient;
let ws: string;

beforeAll(async () => {
  twenty = await startTwentyFake();
  pipedrive = await startPipedriveFake();
  stack = await startStack({ env: { OUTBOUND_ALLOW: `127.0.0.1:${twenty.port},127.0.0.1:${pipedrive.port}` } });
  client = new StackClient(stack.url);
  ws = (await client.request('POST', '/api/v1/auth/signup', { email: 'crm@example.com', password: 'crm-test-secret', workspaceName: 'CRM' })).body.workspace.id;
}, 60_000);

afterAll(async () => {
  await stack?.stop();
  await twenty?.close();
  await pipedrive?.close();
});

describe('Twenty to Pipedrive', () => {
  it('connecting with a bad token shows the service’s own reason', async () => {
    const reply = await client.request('POST', `/api/v1/workspaces/${ws}/connections`, {
      app: 'pipedrive',
      name: 'Bad',
      credentials: { apiToken: 'nope', baseUrl: pipedrive.origin },
    });
    expect(reply.status).toBe(422);
    expect(reply.body.error.code).toBe('connection_test_failed');
    expect(reply.body.error.message).toMatch(/401/);
  });

  it('a Twenty person created -> webhook -> zap -> Pipedrive person created; history shows both calls and no token', async () => {
    const twentyConnection = await client.request('POST', `/api/v1/workspaces/${ws}/connections`, {
      app: 'twenty',
      name: 'Twenty',
      credentials: { baseUrl: twenty.origin, apiKey: twenty.token },
    });
    expect(twentyConnection.status, JSON.stringify(twentyConnection.body)).toBe(201);
    const pipedriveConnection = await client.request('POST', `/api/v1/workspaces/${ws}/connections`, {
      app: 'pipedrive',
      name: 'Pipedrive',
      credentials: { apiToken: pipedrive.token, baseUrl: pipedrive.origin },
    });
    expect(pipedriveConnection.status, JSON.stringify(pipedriveConnection.body)).toBe(201);

    const zap = await client.request('POST', `/api/v1/workspaces/${ws}/zaps`, {
      name: 'Twenty people to Pipedrive',
      trigger: { app: 'twenty', event: 'record_created', connectionId: twentyConnection.body.id, input: { object: 'people' } },
      steps: [
        {
          key: 'person',
          type: 'action',
          app: 'pipedrive',
          action: 'create_person',
          connectionId: pipedriveConnection.body.id,
          input: { name: '{{trigger.name.firstName}} {{trigger.name.lastName}}', email: '{{trigger.emails.primaryEmail}}' },
        },
        {
          key: 'note_back',
          type: 'action',
          app: 'twenty',
          action: 'update_record',
          connectionId: twentyConnection.body.id,
          input: { object: 'people', id: '{{trigger.id}}', fields: { jobTitle: 'In Pipedrive as {{steps.person.id}}' } },
        },
      ],
    });
    const published = await client.request('POST', `/api/v1/workspaces/${ws}/zaps/${zap.body.id}/publish`);
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    expect(twenty.webhooks().length).toBe(1);

    const person = twenty.createRecord('people', { name: { firstName: 'Ada', lastName: 'Lovelace' }, emails: { primaryEmail: 'ada@example.com' } });
    const run = await client.until('the run to succeed', async () => {
      const runs = (await client.request('GET', `/api/v1/workspaces/${ws}/runs?zapId=${zap.body.id}`)).body.data;
      if (runs[0]?.status === 'failed') throw new Error(JSON.stringify((await client.request('GET', `/api/v1/workspaces/${ws}/runs/${runs[0].id}`)).body));
      return runs[0]?.status === 'succeeded' ? runs[0] : undefined;
    });
    const detail = await client.request('GET', `/api/v1/workspaces/${ws}/runs/${run.id}`);
    expect(detail.body.trigger.data).toMatchObject({ id: person.id, name: { firstName: 'Ada' } });
    const [create, update] = detail.body.steps;
    expect(create.requests).toEqual([expect.objectContaining({ method: 'POST', url: `${pipedrive.origin}/api/v2/persons`, status: expect.any(Number) })]);
    expect(update.requests).toEqual([expect.objectContaining({ method: 'PATCH', url: expect.stringContaining(`/rest/people/${person.id}`), status: 200 })]);
    const created = pipedrive.records('person').find((record) => (record as { name?: string }).name === 'Ada Lovelace') as { id: number } | undefined;
    expect(created).toBeDefined();
    expect(twenty.records('people').find((record) => record.id === person.id)).toMatchObject({ jobTitle: `In Pipedrive as ${created!.id}` });
    const history = JSON.stringify(detail.body);
    expect(history).not.toContain(pipedrive.token);
    expect(history).not.toContain(twenty.token);

    // Unpublishing removes the subscription at Twenty.
    await client.request('POST', `/api/v1/workspaces/${ws}/zaps/${zap.body.id}/unpublish`);
    expect(twenty.webhooks().length).toBe(0);
  });

  it('a forged Twenty delivery is refused with 401 and stored nowhere', async () => {
    const connection = (await client.request('GET', `/api/v1/workspaces/${ws}/connections?app=twenty`)).body.data[0];
    const zap = await client.request('POST', `/api/v1/workspaces/${ws}/zaps`, {
      name: 'Forgery target',
      trigger: { app: 'twenty', event: 'record_created', connectionId: connection.id, input: { object: 'companies' } },
      steps: [],
    });
    expect((await client.request('POST', `/api/v1/workspaces/${ws}/zaps/${zap.body.id}/publish`)).status).toBe(200);
    const target = twenty.webhooks().at(-1)!.targetUrl;
    const body = JSON.stringify({ eventName: 'company.created', record: { id: 'forged', name: 'Evil Corp' } });
    const forged = await fetch(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-twenty-webhook-signature': 'f'.repeat(64), 'x-twenty-webhook-timestamp': String(Date.now()) },
      body,
    });
    expect(forged.status).toBe(401);
    expect(((await forged.json()) as { error: { code: string } }).error.code).toBe('invalid_signature');
    const unsigned = await fetch(target, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(unsigned.status).toBe(401);
    const samples = await client.request('GET', `/api/v1/workspaces/${ws}/zaps/${zap.body.id}/samples`);
    expect(samples.body.data).toEqual([]);
    expect((await client.request('GET', `/api/v1/workspaces/${ws}/runs?zapId=${zap.body.id}`)).body.data).toEqual([]);
  });
});
