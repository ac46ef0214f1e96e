// The Daktela actions over real HTTP against the fake: the request each one sends, and what it returns.
import { describe, expect, test } from 'vitest';
import { DAKTELA_FAKE_DEFAULTS, DAKTELA_FAKE_PAUSE_FIELD, startDaktelaFake, type DaktelaFake } from '@switchyard/testing/fakes/daktela';
import type { HttpClient } from '../../http/client.ts';
import { actionOf, failureOf, startConnectorTestbed, useConnectorTestbed, type ConnectorTestbed } from '../../../test/testbed.ts';
import { daktelaApp } from './index.ts';
import { PAUSE_SESSION } from './actions/set-pause.ts';

let fake: DaktelaFake;
let client: HttpClient;
let auth: { baseUrl: string; accessToken: string };
let perform: ConnectorTestbed['perform'];
// A fresh fake for each test.
useConnectorTestbed(
  () => startConnectorTestbed(daktelaApp, startDaktelaFake, (started) => ({ baseUrl: started.origin, accessToken: started.token })),
  (bed) => ({ fake, client, auth, perform } = bed),
  { each: true },
);

const action = (key: string) => actionOf(daktelaApp, key);
const run = async (key: string, input: Record<string, unknown>) => (await perform(key, input)).output as Record<string, unknown>;
const failure = (key: string, input: Record<string, unknown>) => failureOf(perform(key, input));

const sent = (index = -1) => {
  const request = fake.requests.at(index);
  if (!request) throw new Error('no request');
  return { method: request.method, path: request.path, body: request.body };
};

const D = DAKTELA_FAKE_DEFAULTS;

test('the app has the actions the brief lists', () => {
  expect(daktelaApp.actions.map((item) => item.key)).toEqual([
    'create_ticket',
    'update_ticket',
    'create_contact',
    'update_contact',
    'create_crm_record',
    'update_crm_record',
    'create_campaign_record',
    'create_account',
    'update_account',
    'make_call',
    'send_email',
    'set_pause',
    'send_sms',
    'custom_api_call',
  ]);
});

describe('tickets', () => {
  test('create_ticket posts the ticket fields, wraps custom field values in lists, and returns the created ticket', async () => {
    const output = await run('create_ticket', {
      title: 'Cannot log in',
      category: D.category,
      priority: 'HIGH',
      email: 'jane@acme.example',
      user: D.user,
      statuses: `${D.statuses[0]}, ${D.statuses[1]}`,
      description: '',
      customFields: { order_id: 'A-1001', tags: ['a', 'b'] },
    });

    expect(sent()).toEqual({
      method: 'POST',
      path: '/api/v6/tickets.json',
      body: {
        title: 'Cannot log in',
        category: D.category,
        stage: 'OPEN',
        priority: 'HIGH',
        email: 'jane@acme.example',
        user: D.user,
        statuses: [D.statuses[0], D.statuses[1]],
        customFields: { order_id: ['A-1001'], tags: ['a', 'b'] },
      },
    });
    expect(output).toMatchObject({ name: 1, title: 'Cannot log in', stage: 'OPEN', category: { name: D.category, title: 'Customer Support' } });
    expect(fake.record('tickets', 1)).toMatchObject({ title: 'Cannot log in' });
  });

  test('update_ticket re-sends the current title, category, stage and priority that Daktela requires on every update', async () => {
    fake.seed('tickets', { name: 7, title: 'Old', category: D.category, stage: 'OPEN', priority: 'LOW' });
    const output = await run('update_ticket', { name: '7', description: 'Called back', stage: 'WAIT' });

    expect(fake.requests.map((request) => `${request.method} ${request.path}`)).toEqual(['GET /api/v6/tickets/7.json', 'PUT /api/v6/tickets/7.json']);
    expect(sent().body).toEqual({ title: 'Old', category: D.category, stage: 'WAIT', priority: 'LOW', description: 'Called back' });
    expect(output).toMatchObject({ name: 7, stage: 'WAIT', description: 'Called back' });
  });

  test('update_ticket with all four required fields sends one PUT and no read', async () => {
    fake.seed('tickets', { name: 8, title: 'Old', category: D.category, stage: 'OPEN', priority: 'LOW' });
    await run('update_ticket', { name: 8, title: 'New', category: D.category, stage: 'CLOSE', priority: 'HIGH' });
    expect(fake.requests).toHaveLength(1);
    expect(sent()).toMatchObject({ method: 'PUT', path: '/api/v6/tickets/8.json', body: { title: 'New', stage: 'CLOSE', priority: 'HIGH' } });
  });

  test('update_ticket of a ticket that does not exist fails permanently with Daktela’s message', async () => {
    const error = await failure('update_ticket', { name: 999, description: 'x' });
    expect(error).toMatchObject({ status: 404, transient: false });
    expect(error.message).toMatch(/404 Not Found: Object not exist$/);
  });
});

describe('contacts', () => {
  test('create_contact builds the full name, puts e-mail and phone into their custom fields, and lets Daktela name it', async () => {
    const output = await run('create_contact', { firstname: 'Jane', lastname: 'Doe', database: 'default', email: 'jane@acme.example', phone: '+420777123456' });

    expect(sent()).toEqual({
      method: 'POST',
      path: '/api/v6/contacts.json',
      body: {
        title: 'Jane Doe',
        lastname: 'Doe',
        database: 'default',
        firstname: 'Jane',
        customFields: { email: ['jane@acme.example'], number: ['+420777123456'] },
      },
    });
    expect(output.name).toMatch(/^contacts_/);
    expect(output).toMatchObject({ title: 'Jane Doe', database: { name: 'default', title: 'Default' } });
  });

  test('update_contact sends only the fields given', async () => {
    const [contact] = fake.seed('contacts', { title: 'Jane Doe', lastname: 'Doe', database: 'default' });
    const output = await run('update_contact', { name: contact?.name, description: 'VIP', account: '' });

    expect(sent()).toEqual({ method: 'PUT', path: `/api/v6/contacts/${String(contact?.name)}.json`, body: { description: 'VIP' } });
    expect(output).toMatchObject({ name: contact?.name, title: 'Jane Doe', description: 'VIP' });
  });

  test('a validation error names the field in one readable message', async () => {
    fake.failNext({ status: 400, error: { form: { lastname: 'Item is mandatory' } }, result: { title: 'x' } });
    const error = await failure('create_contact', { lastname: 'Doe', database: 'default' });
    expect(error.message).toMatch(/400 Bad Request: lastname: Item is mandatory$/);
    expect(error.transient).toBe(false);
  });
});

describe('CRM records, campaign records and companies', () => {
  test('create_crm_record and update_crm_record send the record fields', async () => {
    const created = await run('create_crm_record', { type: D.crmRecordType, title: 'Renewal', contact: 'contacts_1', ticket: '12', status: D.statuses[0] });
    expect(sent()).toEqual({
      method: 'POST',
      path: '/api/v6/crmRecords.json',
      body: { type: D.crmRecordType, title: 'Renewal', stage: 'OPEN', contact: 'contacts_1', ticket: 12, status: D.statuses[0] },
    });
    expect(created).toMatchObject({ title: 'Renewal', type: { title: 'Deal' } });

    const updated = await run('update_crm_record', { name: created.name, stage: 'CLOSE', customFields: { value: 12000 } });
    expect(sent()).toEqual({
      method: 'PUT',
      path: `/api/v6/crmRecords/${String(created.name)}.json`,
      body: { stage: 'CLOSE', customFields: { value: [12000] } },
    });
    expect(updated).toMatchObject({ name: created.name, stage: 'CLOSE' });
  });

  test('create_campaign_record sends number, queue and state at the top level', async () => {
    const output = await run('create_campaign_record', {
      record_type: D.campaignType,
      number: '+420777123456',
      queue: 2000,
      action: '1',
      nextcall: '2024-05-03 09:00:00',
    });
    expect(sent()).toEqual({
      method: 'POST',
      path: '/api/v6/campaignsRecords.json',
      body: { record_type: D.campaignType, number: '+420777123456', queue: 2000, action: 1, nextcall: '2024-05-03 09:00:00' },
    });
    expect(output.name).toMatch(/^records_/);
    expect(output).toMatchObject({ queue: { name: 2000, title: 'Outbound calls' } });
  });

  test('create_account and update_account send the company fields', async () => {
    const created = await run('create_account', { title: 'Acme Ltd', database: 'default', user: D.user, customFields: { ico: '12345678' } });
    expect(sent()).toEqual({
      method: 'POST',
      path: '/api/v6/accounts.json',
      body: { title: 'Acme Ltd', database: 'default', user: D.user, customFields: { ico: ['12345678'] } },
    });
    const updated = await run('update_account', { name: created.name, title: 'Acme Group' });
    expect(sent()).toEqual({ method: 'PUT', path: `/api/v6/accounts/${String(created.name)}.json`, body: { title: 'Acme Group' } });
    expect(updated).toMatchObject({ name: created.name, title: 'Acme Group', database: { name: 'default' } });
  });
});

describe('calls, messages and pauses', () => {
  test('make_call logs the user into the queue, then posts a CALL activity', async () => {
    const output = await run('make_call', { number: '+420777123456', queue: D.callQueue });

    expect(fake.requests.map((request) => `${request.method} ${request.path}`)).toEqual(['POST /api/v6/usersSession.json', 'POST /api/v6/activities.json']);
    expect(sent(0).body).toEqual({ queues: [{ login: true, name: D.callQueue, penalty: 0 }] });
    expect(sent().body).toEqual({ type: 'CALL', number: '+420777123456', queue: D.callQueue });
    expect(output).toMatchObject({ type: 'CALL', action: 'OPEN', queue: { name: D.callQueue }, item: { clid: '+420777123456', direction: 'out' } });
    expect(output.name).toMatch(/^activities_/);
  });

  test('make_call on behalf of another user skips the queue login and names the user', async () => {
    await run('make_call', { number: '+420777123456', queue: D.callQueue, user: 'agent.smith' });
    expect(fake.requests).toHaveLength(1);
    expect(sent().body).toEqual({ type: 'CALL', number: '+420777123456', queue: D.callQueue, user: 'agent.smith' });
  });

  test('make_call without the queue login fails with Daktela’s primary message, its severity left out', async () => {
    const error = await failure('make_call', { number: '+420777123456', queue: D.callQueue, loginToQueue: 'false' });
    expect(error.message).toMatch(/400 Bad Request: User is not logged into queue 2000$/);
  });

  // The bodies below are the ones Daktela's own PHP connector builds (daktela-v6-php-connector src/Request/Activities.php).
  test('send_sms posts number, text and queue as an SMS activity, with the additional fields over them', async () => {
    const output = await run('send_sms', { queue: D.smsQueue, number: '+420777123456', text: 'Your order has shipped.', extra: { contact: 'contacts_1' } });
    expect(sent()).toEqual({
      method: 'POST',
      path: '/api/v6/activities.json',
      body: { type: 'SMS', queue: D.smsQueue, number: '+420777123456', text: 'Your order has shipped.', contact: 'contacts_1' },
    });
    expect(output).toMatchObject({ type: 'SMS', ticket: null, item: { sender: '+420777123456', direction: 'OUT' } });
  });

  test('send_sms on a ticket sends the ticket number and returns the ticket', async () => {
    const [ticket] = fake.seed('tickets', { title: 'Order', category: D.category, stage: 'OPEN', priority: 'LOW' });
    const output = await run('send_sms', { queue: D.smsQueue, number: '+420777123456', text: 'Shipped', ticket: String(ticket?.name) });
    expect(sent().body).toEqual({ type: 'SMS', queue: D.smsQueue, number: '+420777123456', text: 'Shipped', ticket: ticket?.name });
    expect(output).toMatchObject({ ticket: { name: ticket?.name, title: 'Order' } });
  });

  test('send_email posts to, subject, message and queue with sendMail and a closed action, and returns the e-mail', async () => {
    const output = await run('send_email', { queue: D.emailQueue, address: 'jane@acme.example', subject: 'Your order', text: '<p>Shipped</p>' });
    expect(sent()).toEqual({
      method: 'POST',
      path: '/api/v6/activities.json',
      body: { type: 'EMAIL', queue: D.emailQueue, to: 'jane@acme.example', subject: 'Your order', message: '<p>Shipped</p>', sendMail: true, action: 'CLOSE' },
    });
    expect(output).toMatchObject({
      type: 'EMAIL',
      action: 'CLOSE',
      title: 'Your order',
      ticket: null,
      item: { address: 'jane@acme.example', title: 'Your order', text: '<p>Shipped</p>', direction: 'out', state: 'WAIT' },
    });
  });

  test('send_email on a ticket sends the ticket number and returns the ticket', async () => {
    const [ticket] = fake.seed('tickets', { title: 'Order', category: D.category, stage: 'OPEN', priority: 'LOW' });
    const output = await run('send_email', { queue: D.emailQueue, address: 'jane@acme.example', subject: 'Re: Order', text: 'Done', ticket: ticket?.name });
    expect(sent().body).toMatchObject({ type: 'EMAIL', ticket: ticket?.name });
    expect(output).toMatchObject({ ticket: { name: ticket?.name, title: 'Order' } });
  });

  test('the inferred pause field is the one the fake is built on', () => {
    expect(PAUSE_SESSION.pauseField).toBe(DAKTELA_FAKE_PAUSE_FIELD);
  });

  test('set_pause starts a pause on the user’s session, and an empty pause ends it', async () => {
    const paused = await run('set_pause', { pause: D.pause });
    expect(sent()).toEqual({ method: 'PUT', path: '/api/v6/usersSession.json', body: { pause: D.pause } });
    expect(paused).toMatchObject({ onpause: true, pause: { name: D.pause, title: 'Lunch' } });
    expect(fake.session().pause).toBe(D.pause);

    const resumed = await run('set_pause', { pause: '' });
    expect(sent().body).toEqual({ pause: null });
    expect(resumed).toMatchObject({ onpause: false, pause: null });
  });

  test('set_pause with an unknown pause fails with the form message', async () => {
    const error = await failure('set_pause', { pause: 'pauses_nope' });
    expect(error.message).toMatch(/400 Bad Request: pause: Item not found$/);
  });
});

describe('custom API call', () => {
  test('calls any path on the instance with the token header and returns status and body', async () => {
    const output = await run('custom_api_call', { method: 'GET', path: '/api/v6/queues.json', query: { take: 2 } });
    expect(output.status).toBe(200);
    expect(output.body).toMatchObject({ error: [], result: { total: 3, data: [{ name: 2000 }, { name: 3000 }] } });
    expect(fake.requests.at(-1)).toMatchObject({ path: '/api/v6/queues.json', auth: 'header', query: { take: '2' } });
  });

  test('a failing custom call carries Daktela’s message', async () => {
    const error = await failure('custom_api_call', { method: 'DELETE', path: '/api/v6/contacts/nobody.json' });
    expect(error.message).toMatch(/404 Not Found: Object not exist$/);
  });

  test('sends a JSON body', async () => {
    await run('custom_api_call', { method: 'POST', path: '/api/v6/accounts.json', body: { title: 'Raw Ltd', database: 'default' } });
    expect(sent()).toMatchObject({ method: 'POST', body: { title: 'Raw Ltd', database: 'default' } });
    expect(fake.records('accounts').map((record) => record.title)).toContain('Raw Ltd');
  });
});

describe('rate limits', () => {
  test('an action answered 429 is sent again after Retry-After and succeeds', async () => {
    fake.rateLimitNext(1, 0);
    const output = await run('create_account', { title: 'Acme Ltd', database: 'default' });
    expect(output).toMatchObject({ title: 'Acme Ltd' });
    expect(fake.requests.map((request) => request.method)).toEqual(['POST', 'POST']);
    expect(fake.records('accounts')).toHaveLength(1);
  });

  test('a 429 that outlasts the retries fails as transient with the wait asked for', async () => {
    fake.rateLimitNext(5, 60);
    const error = await failure('create_account', { title: 'Acme Ltd', database: 'default' });
    expect(error).toMatchObject({ status: 429, transient: true, retryAfterMs: 60_000 });
  });
});

describe('dynamic options', () => {
  const options = async (actionKey: string, field: string) => {
    const loader = action(actionKey).options?.[field];
    if (!loader) throw new Error(`no options for ${actionKey}.${field}`);
    return loader({ auth, http: client.forStep(), input: {} });
  };

  test('queues are offered by kind: outbound for calls, SMS and e-mail queues for messages', async () => {
    expect(await options('make_call', 'queue')).toEqual([{ value: 2000, label: 'Outbound calls (2000)' }]);
    expect(await options('send_sms', 'queue')).toEqual([{ value: 4000, label: 'SMS (4000)' }]);
    expect(await options('send_email', 'queue')).toEqual([{ value: 3000, label: 'Support e-mail (3000)' }]);
    expect(await options('create_campaign_record', 'queue')).toHaveLength(3);
  });

  test('categories, statuses, users and pauses come from their lists', async () => {
    expect(await options('create_ticket', 'category')).toEqual([{ value: D.category, label: `Customer Support (${D.category})` }]);
    expect((await options('create_ticket', 'statuses')).map((option) => option.value)).toEqual([D.statuses[1], D.statuses[0]]);
    expect((await options('create_ticket', 'user')).map((option) => option.value)).toEqual([D.user, 'agent.smith']);
    expect((await options('set_pause', 'pause')).map((option) => option.label)).toEqual([`Lunch (${D.pause})`, 'Meeting (pauses_5fa2a1b2c3d4e000000022)']);
    expect(fake.requests.at(-1)?.query).toMatchObject({ take: '1000', sort: { 0: { field: 'title', dir: 'asc' } } });
  });
});
