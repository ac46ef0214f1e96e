// The contact-centre connectors across processes: one end-to-end zap per app, and the HelpCrunch "update, else create, else tell someone" scenario.
import { startLocalServer, startStack, StackClient, type LocalServer, type Stack } from '@switchyard/testing';
import { startCinnoxFake, type CinnoxFake } from '@switchyard/testing/fakes/cinnox';
import { startDaktelaFake, type DaktelaFake } from '@switchyard/testing/fakes/daktela';
import { startHelpCrunchFake, type HelpCrunchFake } from '@switchyard/testing/fakes/helpcrunch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let daktela: DaktelaFake;
let cinnox: CinnoxFake;
let helpcrunch: HelpCrunchFake;
let chat: LocalServer;
let stack: Stack;
let client: StackClient;
let ws: string;

beforeAll(async () => {
  [daktela, cinnox, helpcrunch] = await Promise.all([startDaktelaFake(), startCinnoxFake(), startHelpCrunchFake()]);
  chat = await startLocalServer((_request, response) => response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'));
  const allow = [daktela.port, cinnox.port, helpcrunch.port, chat.port].map((port) => `127.0.0.1:${port}`).join(',');
  stack = await startStack({ env: { OUTBOUND_ALLOW: allow, POLL_MIN_INTERVAL_MS: '500' } });
  client = new StackClient(stack.url);
  ws = (await client.request('POST', '/api/v1/auth/signup', { email: 'cc@example.com', password: 'contact-centre-secret', workspaceName: 'Contact centre' }))
    .body.workspace.id;
}, 60_000);

afterAll(async () => {
  await stack?.stop();
  await Promise.all([daktela?.close(), cinnox?.close(), helpcrunch?.close(), chat?.close()]);
});

async function connect(app: string, credentials: Record<string, string>): Promise<string> {
  const reply = await client.request('POST', `/api/v1/workspaces/${ws}/connections`, { app, name: app, credentials });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body.id;
}

async function publish(zap: object): Promise<{ id: string; hookUrl?: string }> {
  const created = await client.request('POST', `/api/v1/workspaces/${ws}/zaps`, zap);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const published = await client.request('POST', `/api/v1/workspaces/${ws}/zaps/${created.body.id}/publish`);
  expect(published.status, JSON.stringify(published.body)).toBe(200);
  return created.body;
}

async function finishedRuns(zapId: string, count: number) {
  return client.until(
    `${count} finished runs`,
    async () => {
      const runs = (await client.request('GET', `/api/v1/workspaces/${ws}/runs?zapId=${zapId}`)).body.data as Array<{ id: string; status: string }>;
      return runs.length >= count && runs.every((run) => !['queued', 'running', 'waiting'].includes(run.status)) ? runs : undefined;
    },
    45_000,
  );
}

const detail = async (runId: string) => (await client.request('GET', `/api/v1/workspaces/${ws}/runs/${runId}`)).body;

describe('contact centre connectors, end to end', () => {
  it('HelpCrunch: updates the customer found by e-mail, else creates one, else posts the error to a chat', async () => {
    const helpcrunchId = await connect('helpcrunch', { apiKey: helpcrunch.token, baseUrl: helpcrunch.origin });
    helpcrunch.seedCustomer({ name: 'Known Person', email: 'known@example.com' });
    const zap = await publish({
      name: 'Sync customer',
      trigger: { app: 'webhooks', event: 'catch_hook' },
      steps: [
        {
          key: 'update',
          type: 'action',
          app: 'helpcrunch',
          action: 'update_customer',
          connectionId: helpcrunchId,
          onError: 'continue',
          input: { findBy: 'email', findValue: '{{trigger.body.email}}', name: '{{trigger.body.name}}' },
        },
        {
          key: 'fallback',
          type: 'paths',
          branches: [
            {
              name: 'not found',
              conditions: [[{ left: '{{steps.update.$status}}', op: 'equals', right: 'error' }]],
              steps: [
                {
                  key: 'create',
                  type: 'action',
                  app: 'helpcrunch',
                  action: 'create_customer',
                  connectionId: helpcrunchId,
                  onError: 'continue',
                  input: { email: '{{trigger.body.email}}', name: '{{trigger.body.name}}' },
                },
                {
                  key: 'alarm',
                  type: 'paths',
                  branches: [
                    {
                      name: 'create failed',
                      conditions: [[{ left: '{{steps.create.$status}}', op: 'equals', right: 'error' }]],
                      steps: [
                        {
                          key: 'notify',
                          type: 'action',
                          app: 'http',
                          action: 'request',
                          input: {
                            method: 'POST',
                            url: `${chat.origin}/chat`,
                            bodyType: 'json',
                            jsonBody: { text: 'Could not sync {{trigger.body.email}}: {{steps.create.$error}}' },
                          },
                        },
                      ],
                    },
                  ],
                },
              ],
            },
          ],
        },
      ],
    });
    const send = (body: object) => fetch(zap.hookUrl!, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await send({ email: 'known@example.com', name: 'Known Renamed' })).status).toBe(200);
    expect((await send({ email: 'new@example.com', name: 'New Person' })).status).toBe(200);
    expect((await send({ email: 'not-an-email', name: 'Broken' })).status).toBe(200);
    const runs = await finishedRuns(zap.id, 3);
    expect(runs.every((run) => run.status === 'succeeded')).toBe(true);
    const customers = helpcrunch.customers();
    expect(customers.find((c) => c.email === 'known@example.com')).toMatchObject({ name: 'Known Renamed' });
    expect(customers.find((c) => c.email === 'new@example.com')).toMatchObject({ name: 'New Person' });
    const notification = chat.received.find((request) => request.url === '/chat');
    expect(notification).toBeDefined();
    expect(JSON.parse(notification!.body).text).toMatch(/^Could not sync not-an-email: .+/);
    // The failed create is in the history of the last run, with the service's own words.
    const details = await Promise.all(runs.map((run) => detail(run.id)));
    const failedCreate = details.flatMap((run) => run.steps).find((step: { key: string; status: string }) => step.key === 'create' && step.status === 'error');
    expect(failedCreate.error).toMatch(/email/i);
  });

  it('Daktela: a new ticket found by polling creates a contact', async () => {
    const daktelaId = await connect('daktela', { baseUrl: daktela.origin, accessToken: daktela.token });
    daktela.seed('tickets', { title: 'Old ticket', category: 'c', stage: 'OPEN', priority: 'LOW' });
    const zap = await publish({
      name: 'Ticket to contact',
      trigger: { app: 'daktela', event: 'new_ticket', connectionId: daktelaId, input: {}, pollIntervalMs: 1000 },
      steps: [
        {
          key: 'contact',
          type: 'action',
          app: 'daktela',
          action: 'create_contact',
          connectionId: daktelaId,
          input: { lastname: 'From {{trigger.title}}', database: 'default' },
        },
      ],
    });
    // The first poll seeds; then a new ticket fires once.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    daktela.seed('tickets', { title: 'Printer on fire', category: 'c', stage: 'OPEN', priority: 'HIGH' });
    const [run] = await finishedRuns(zap.id, 1);
    expect(run!.status, JSON.stringify((await detail(run!.id)).steps?.map((s: { error: string | null }) => s.error))).toBe('succeeded');
    expect(daktela.records('contacts').some((contact) => contact.lastname === 'From Printer on fire')).toBe(true);
    expect((await finishedRuns(zap.id, 1)).length).toBe(1);
  });

  it('CINNOX: a new enquiry delivered by webhook sends an SMS', async () => {
    cinnox.seedNumber({ number: '+85290000000', type: 'SMS' });
    const cinnoxId = await connect('cinnox', { appId: cinnox.appId, appToken: cinnox.token, baseUrl: cinnox.origin });
    const zap = await publish({
      name: 'Enquiry to SMS',
      trigger: { app: 'cinnox', event: 'new_enquiry', connectionId: cinnoxId, input: {} },
      steps: [
        {
          key: 'sms',
          type: 'action',
          app: 'cinnox',
          action: 'send_sms',
          connectionId: cinnoxId,
          input: { senderNumber: '+85290000000', recipientNumbers: '+85291234567', text: 'New enquiry {{trigger.displayCaseNumber}} on {{trigger.channel}}' },
        },
      ],
    });
    expect(cinnox.challenges.at(-1)?.ok).toBe(true);
    const delivered = await cinnox.emitEnquiry({ status: 'Opened', displayCaseNumber: 'C-1001', channel: 'WhatsApp' });
    expect(delivered.status).toBe(200);
    const [run] = await finishedRuns(zap.id, 1);
    expect(run!.status, JSON.stringify((await detail(run!.id)).steps?.map((s: { error: string | null }) => s.error))).toBe('succeeded');
    expect(cinnox.records('sms').at(-1)).toMatchObject({ text: 'New enquiry C-1001 on WhatsApp' });
  });
});
