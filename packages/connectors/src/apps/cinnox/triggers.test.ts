// CINNOX triggers over real HTTP: subscription PATCHes with the challenge handshake against a live hook URL, shared
// subscriptions that refuse to cut each other off, and deliveries turned into the items of the right trigger.
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { startLocalServer, type LocalServer } from '@switchyard/testing';
import { startCinnoxFake, type CinnoxFake } from '@switchyard/testing/fakes/cinnox';
import type { HttpClient } from '../../http/client.ts';
import { StepFailure } from '../../http/errors.ts';
import type { AppWebhookTriggerDefinition } from '../../kit/define.ts';
import { findAction, findTrigger } from '../../kit/define.ts';
import { performAction } from '../../kit/perform.ts';
import { incomingRequest, startConnectorTestbed, useConnectorTestbed } from '../../../test/testbed.ts';
import { cinnoxApp } from './index.ts';

let fake: CinnoxFake;
let client: HttpClient;
let hooks: LocalServer;
let auth: { appId: string; appToken: string; baseUrl: string };
useConnectorTestbed(
  () => startConnectorTestbed(cinnoxApp, startCinnoxFake, (started) => ({ appId: started.appId, appToken: started.token, baseUrl: started.origin })),
  (bed) => ({ fake, client, auth } = bed),
);

/** Which trigger answers each hook path, and the items each path turned deliveries into. */
const routes = new Map<string, AppWebhookTriggerDefinition>();
const received = new Map<string, unknown[]>();

function trigger(key: string): AppWebhookTriggerDefinition {
  const found = findTrigger(cinnoxApp, key);
  if (found?.type !== 'app_webhook') throw new Error(`no app_webhook trigger ${key}`);
  return found;
}

beforeAll(async () => {
  // The platform's side of a hook URL: hand the request to the trigger's receive, answer what it says.
  hooks = await startLocalServer((request, response) => {
    const route = routes.get(request.url);
    if (!route) {
      response.writeHead(404).end();
      return;
    }
    const delivery = route.receive(incomingRequest(request), { input: { takeOver: false }, secret: 'unused' });
    if ('reply' in delivery) {
      response.writeHead(delivery.reply.status, { 'content-type': 'application/json' }).end(JSON.stringify(delivery.reply.body));
      return;
    }
    received.set(request.url, [...(received.get(request.url) ?? []), ...delivery.items]);
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 0 }));
  });
});

afterEach(async () => {
  // Each test leaves every event type unsubscribed.
  for (const [path, route] of routes) {
    await route.unsubscribe({ input: { takeOver: false }, auth, http: client.forStep(), hookUrl: `${hooks.origin}${path}`, externalId: '' });
  }
  routes.clear();
  received.clear();
});

afterAll(async () => {
  await hooks.close();
});

async function subscribe(key: string, path: string, takeOver = false): Promise<string> {
  const definition = trigger(key);
  routes.set(path, definition);
  const { externalId } = await definition.subscribe({ input: { takeOver }, auth, http: client.forStep(), hookUrl: `${hooks.origin}${path}`, secret: 'unused' });
  return externalId;
}

describe('subscribing', () => {
  test('PATCHes the event type with {enabled: true, url} after CINNOX’s challenge is answered with {code:0,result:{challenge}}', async () => {
    const externalId = await subscribe('new_enquiry', '/hooks/enquiries');
    expect(externalId).toBe('inquiry-event-sub');
    expect(fake.requests.filter((r) => r.method === 'PATCH').at(-1)).toMatchObject({
      path: 'inquiry-event-sub',
      body: { enabled: true, url: `${hooks.origin}/hooks/enquiries` },
    });
    expect(fake.challenges.at(-1)).toMatchObject({ url: `${hooks.origin}/hooks/enquiries`, ok: true });
    expect(fake.subscription('inquiry-event-sub')).toMatchObject({ enabled: true, url: `${hooks.origin}/hooks/enquiries` });
  });

  test('unsubscribing PATCHes {enabled: false}', async () => {
    await subscribe('tag_added', '/hooks/tags');
    await trigger('tag_added').unsubscribe({
      input: { takeOver: false },
      auth,
      http: client.forStep(),
      hookUrl: `${hooks.origin}/hooks/tags`,
      externalId: 'label-event-sub',
    });
    expect(fake.requests.filter((r) => r.method === 'PATCH').at(-1)).toMatchObject({
      path: 'label-event-sub',
      body: { enabled: false, url: `${hooks.origin}/hooks/tags` },
    });
    expect(fake.subscription('label-event-sub')?.enabled).toBe(false);
  });

  test('a URL that does not answer the challenge is refused by CINNOX with its message', async () => {
    const error = await trigger('new_enquiry')
      .subscribe({ input: { takeOver: false }, auth, http: client.forStep(), hookUrl: `${hooks.origin}/hooks/nobody`, secret: 'unused' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StepFailure);
    expect((error as StepFailure).message).toContain('Webhook URL verification failed (CINNOX code 6451000)');
  });

  test('a second zap on the same event type is refused instead of cutting the first one off', async () => {
    await subscribe('new_enquiry', '/hooks/first');
    const error = await subscribe('enquiry_closed', '/hooks/second').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'SUBSCRIPTION_CONFLICT', transient: false });
    expect((error as StepFailure).message).toContain(`${hooks.origin}/hooks/first`);
    expect(fake.subscription('inquiry-event-sub')?.url).toBe(`${hooks.origin}/hooks/first`);
    routes.delete('/hooks/second');
  });

  test('triggers on other event types subscribe side by side', async () => {
    await subscribe('new_enquiry', '/hooks/enquiries');
    await subscribe('external_contact_added', '/hooks/contacts');
    await subscribe('sms_delivery_status', '/hooks/sms');
    expect(fake.subscription('inquiry-event-sub')?.enabled).toBe(true);
    expect(fake.subscription('external-contact-event-sub')?.enabled).toBe(true);
    expect(fake.subscription('outbound-sms-event-sub')?.enabled).toBe(true);
  });

  test('taking over re-points the event type, and the zap that lost it then leaves it alone when turned off', async () => {
    await subscribe('new_enquiry', '/hooks/first');
    await subscribe('enquiry_closed', '/hooks/second', true);
    expect(fake.subscription('inquiry-event-sub')?.url).toBe(`${hooks.origin}/hooks/second`);
    const patches = fake.requests.filter((r) => r.method === 'PATCH').length;
    await trigger('new_enquiry').unsubscribe({
      input: { takeOver: false },
      auth,
      http: client.forStep(),
      hookUrl: `${hooks.origin}/hooks/first`,
      externalId: 'inquiry-event-sub',
    });
    routes.delete('/hooks/first');
    expect(fake.requests.filter((r) => r.method === 'PATCH').length).toBe(patches);
    expect(fake.subscription('inquiry-event-sub')).toMatchObject({ enabled: true, url: `${hooks.origin}/hooks/second` });
  });

  test('re-subscribing the same URL (re-publishing) is not a conflict', async () => {
    await subscribe('new_enquiry', '/hooks/enquiries');
    await expect(subscribe('new_enquiry', '/hooks/enquiries')).resolves.toBe('inquiry-event-sub');
  });
});

describe('receiving', () => {
  test('a bare {"challenge"} is answered with {code:0,result:{challenge}}', () => {
    const delivery = trigger('sms_delivery_status').receive(
      { method: 'POST', headers: {}, query: {}, body: { challenge: 'abc123' }, rawBody: '{"challenge":"abc123"}' },
      { input: {}, secret: '' },
    );
    expect(delivery).toEqual({ reply: { status: 200, body: { code: 0, result: { challenge: 'abc123' } } } });
  });

  test.each([
    ['new_enquiry', 'Opened'],
    ['enquiry_handled', 'Handling'],
    ['enquiry_closed', 'Closed'],
    ['enquiry_missed', 'Missed'],
  ] as const)('%s keeps enquiries with status %s and drops the others', async (key, status) => {
    await subscribe(key, '/hooks/enquiries');
    for (const other of ['Opened', 'Handling', 'Closed', 'Missed'] as const) {
      await fake.emitEnquiry({ status: other, displayCaseNumber: `case-${other}`, channel: 'WHATSAPP' });
    }
    const items = received.get('/hooks/enquiries') ?? [];
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      status,
      displayCaseNumber: `case-${status}`,
      type: 'inquiry',
      channel: 'WHATSAPP',
      destination: 'Sales',
      destinationTypes: ['team'],
    });
    const item = items[0] as Record<string, unknown>;
    for (const key of ['status', 'enquiryID', 'displayCaseNumber', 'type', 'channel', 'date', 'destination', 'destinationTypes'])
      expect(item).toHaveProperty(key);
    expect(item.enquiryID).toBe(item.eid);
  });

  test.each([
    ['external_contact_added', 'create'],
    ['external_contact_edited', 'edit'],
    ['external_contact_deleted', 'delete'],
  ] as const)('%s keeps contact notifications with status %s, though they carry a challenge', async (key, status) => {
    await subscribe(key, '/hooks/contacts');
    for (const other of ['create', 'edit', 'delete'] as const)
      await fake.emitContactEvent(other, { id: `ext-${other}`, firstName: 'Chan', lastName: 'Tai Man' });
    expect(received.get('/hooks/contacts')).toEqual([{ type: 'contact', status, id: `ext-${status}`, fullName: 'Chan Tai Man', serviceId: fake.serviceId }]);
  });

  test('external_contact_merged rides on the external contact event subscription, which carries merges, and keeps only them', async () => {
    const externalId = await subscribe('external_contact_merged', '/hooks/contacts');
    expect(externalId).toBe('external-contact-event-sub');
    expect(fake.subscription('external-contact-event-sub')).toMatchObject({ enabled: true, url: `${hooks.origin}/hooks/contacts` });
    expect(fake.subscription('contact-event-sub')?.enabled).not.toBe(true);
    for (const other of ['create', 'edit', 'delete', 'merge'] as const) await fake.emitContactEvent(other, { id: `ext-${other}`, fullName: 'Chan Tai Man' });
    expect(received.get('/hooks/contacts')).toEqual([
      { type: 'contact', status: 'merge', id: 'ext-merge', fullName: 'Chan Tai Man', serviceId: fake.serviceId },
    ]);
  });

  test('external_contact_ownership_transferred rides on the contact event subscription, the one that carries transfers, and keeps only them', async () => {
    const externalId = await subscribe('external_contact_ownership_transferred', '/hooks/contact-events');
    expect(externalId).toBe('contact-event-sub');
    await fake.emitContactEvent('merge', { id: 'ext-merged', fullName: 'Chan Tai Man' });
    await fake.emitContactEvent('transfer', { id: 'ext-moved', fullName: 'Lee Siu Ming' });
    expect(received.get('/hooks/contact-events')).toEqual([
      { type: 'contact', status: 'transfer', id: 'ext-moved', fullName: 'Lee Siu Ming', serviceId: fake.serviceId },
    ]);
  });

  test('a merged zap turned on before, on the contact event subscription, still gets merges there and is turned off there', async () => {
    await subscribe('external_contact_ownership_transferred', '/hooks/old-merges');
    routes.set('/hooks/old-merges', trigger('external_contact_merged'));
    await fake.emitContactEvent('merge', { id: 'ext-merged', fullName: 'Chan Tai Man' });
    expect(received.get('/hooks/old-merges')).toEqual([expect.objectContaining({ status: 'merge', id: 'ext-merged' })]);
    await trigger('external_contact_merged').unsubscribe({
      input: { takeOver: false },
      auth,
      http: client.forStep(),
      hookUrl: `${hooks.origin}/hooks/old-merges`,
      externalId: 'contact-event-sub',
    });
    expect(fake.subscription('contact-event-sub')?.enabled).toBe(false);
  });

  test('sms_delivery_status gives the TDR fields of an SMS sent with the Send SMS action', async () => {
    fake.seedNumber({ number: '+85230011234' });
    await subscribe('sms_delivery_status', '/hooks/sms');
    const sent = await performAction(findAction(cinnoxApp, 'send_sms')!, {
      input: { senderNumber: '+85230011234', recipientNumbers: '+85291234567', text: 'Your order shipped' },
      auth,
      client,
      idempotencyKey: 'r:1',
    });
    await fake.emitSmsStatus({ Status: 'Delivered' });
    expect(received.get('/hooks/sms')).toEqual([
      expect.objectContaining({
        Type: 'tdr',
        AppID: fake.appId,
        TransactionID: (sent.output as { transactionID: string }).transactionID,
        RecipientNumber: 85291234567,
        Status: 'Delivered',
      }),
    ]);
  });

  test.each([
    ['tag_added', 'create'],
    ['tag_edited', 'edit'],
    ['tag_deleted', 'delete'],
  ] as const)('%s keeps label notifications with status %s', async (key, status) => {
    await subscribe(key, '/hooks/tags');
    for (const other of ['create', 'edit', 'delete'] as const) await fake.emitTagEvent(other, { id: `tag-${other}`, name: 'VIP' });
    expect(received.get('/hooks/tags')).toEqual([expect.objectContaining({ type: 'label', status, id: `tag-${status}`, name: 'VIP' })]);
  });

  test('an enquiry notification never starts a contact trigger', () => {
    const delivery = trigger('external_contact_added').receive(
      { method: 'POST', headers: {}, query: {}, body: { type: 'inquiry', status: 'Opened', eid: 'e1' }, rawBody: '' },
      { input: { takeOver: false }, secret: '' },
    );
    expect(delivery).toEqual({ items: [] });
  });
});
