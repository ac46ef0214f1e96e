// Instant triggers over real HTTP: webhook subscribe/unsubscribe against the fake, real deliveries, Basic auth and payload unwrapping.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { LocalServer } from '@switchyard/testing';
import { startPipedriveFake, type PipedriveFake } from '@switchyard/testing/fakes/pipedrive';
import { DeliveryRejected, findTrigger, type AppWebhookTriggerDefinition, type IncomingRequest } from '../../kit/define.ts';
import { incomingRequest, startConnectorTestbed, startReceiver, useConnectorTestbed, type ConnectorTestbed } from '../../../test/testbed.ts';
import { pipedriveApp } from './index.ts';
import { PIPEDRIVE_WEBHOOK_USER, PIPEDRIVE_WEBHOOK_VERSION } from './instant.ts';

let bed: ConnectorTestbed<PipedriveFake, { apiToken: string; baseUrl: string }>;
useConnectorTestbed(
  () => startConnectorTestbed(pipedriveApp, startPipedriveFake, (fake) => ({ apiToken: fake.token, baseUrl: fake.origin })),
  (started) => (bed = started),
  { clearRequests: true },
);
let receiver: LocalServer;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(() => receiver.close());
beforeEach(() => {
  receiver.received.length = 0;
  bed.fake.deliverWebhooks = true;
});

const SECRET = 'whsec-0123456789';
const trigger = (key: string) => findTrigger(pipedriveApp, key) as AppWebhookTriggerDefinition;

async function subscribe(key: string, secret = SECRET): Promise<string> {
  const { externalId } = await trigger(key).subscribe({
    input: {},
    auth: bed.auth,
    http: bed.client.forStep({ secrets: [secret] }),
    hookUrl: `${receiver.origin}/hooks/${key}`,
    secret,
  });
  return externalId;
}

async function unsubscribe(key: string, externalId: string): Promise<void> {
  await trigger(key).unsubscribe({ input: {}, auth: bed.auth, http: bed.client.forStep(), hookUrl: `${receiver.origin}/hooks/${key}`, externalId });
}

/** The deliveries the receiver got, as the platform would hand them to receive(). */
async function delivered(): Promise<IncomingRequest[]> {
  await bed.fake.settle();
  return receiver.received.map(incomingRequest);
}

test('subscribing registers a v2 webhook for the event with Basic auth = the subscription secret', async () => {
  const externalId = await subscribe('new_deal_instant');
  expect(bed.fake.requests[0]).toMatchObject({
    method: 'POST',
    path: '/api/v1/webhooks',
    body: {
      subscription_url: `${receiver.origin}/hooks/new_deal_instant`,
      event_action: 'create',
      event_object: 'deal',
      name: 'Switchyard: new deal',
      http_auth_user: PIPEDRIVE_WEBHOOK_USER,
      http_auth_password: SECRET,
      version: PIPEDRIVE_WEBHOOK_VERSION,
    },
  });
  expect(bed.fake.webhooks().map((hook) => String(hook.id))).toContain(externalId);
  await unsubscribe('new_deal_instant', externalId);
});

test('every instant trigger subscribes to its own object and action', async () => {
  const expected = ['deal', 'person', 'organization', 'activity'].flatMap((object) => [
    [`new_${object}_instant`, object, 'create'],
    [`updated_${object}_instant`, object, 'change'],
  ]);
  for (const [key, object, action] of expected) {
    const id = await subscribe(key!);
    expect(
      bed.fake.webhooks().find((hook) => String(hook.id) === id),
      key,
    ).toMatchObject({ event_object: object, event_action: action, version: '2.0' });
    await unsubscribe(key!, id);
  }
  expect(bed.fake.webhooks()).toEqual([]);
});

test('unsubscribing deletes the webhook, and deleting one already gone succeeds', async () => {
  const externalId = await subscribe('updated_person_instant');
  bed.fake.requests.length = 0;
  await unsubscribe('updated_person_instant', externalId);
  expect(bed.fake.requests[0]).toMatchObject({ method: 'DELETE', path: `/api/v1/webhooks/${externalId}` });
  expect(bed.fake.webhooks()).toEqual([]);
  await expect(unsubscribe('updated_person_instant', externalId)).resolves.toBeUndefined();
});

test('a bad token makes subscribing fail with Pipedrive’s message', async () => {
  await expect(
    trigger('new_deal_instant').subscribe({
      input: {},
      auth: { ...bed.auth, apiToken: 'bad' },
      http: bed.client.forStep(),
      hookUrl: `${receiver.origin}/h`,
      secret: SECRET,
    }),
  ).rejects.toMatchObject({ status: 401, message: expect.stringContaining('unauthorized access') });
});

describe('receiving deliveries', () => {
  test('a new deal arrives as one item: the deal, previous = null and the meta', async () => {
    const id = await subscribe('new_deal_instant');
    const deal = bed.fake.create('deal', { title: 'Pushed deal', value: 300 });
    const [delivery] = await delivered();
    expect(delivery?.headers.authorization).toBe(`Basic ${Buffer.from(`${PIPEDRIVE_WEBHOOK_USER}:${SECRET}`).toString('base64')}`);
    const result = trigger('new_deal_instant').receive(delivery!, { input: {}, secret: SECRET });
    expect(result).toEqual({
      items: [
        {
          ...deal,
          previous: null,
          meta: expect.objectContaining({ action: 'create', entity: 'deal', entity_id: deal.id, change_source: 'app', version: '2.0' }),
        },
      ],
    });
    await unsubscribe('new_deal_instant', id);
  });

  test('an updated person arrives with the changed fields’ old values in previous', async () => {
    const person = bed.fake.seed('person', { name: 'Before Rename' });
    const id = await subscribe('updated_person_instant');
    bed.fake.update('person', person.id, { name: 'After Rename' });
    const [delivery] = await delivered();
    const result = trigger('updated_person_instant').receive(delivery!, { input: {}, secret: SECRET }) as { items: Array<Record<string, unknown>> };
    expect(result.items).toHaveLength(1);
    expect(result.items[0]).toMatchObject({ id: person.id, name: 'After Rename', meta: { action: 'change', entity: 'person' } });
    expect(result.items[0]?.previous).toEqual({ name: 'Before Rename', first_name: 'Before' });
    await unsubscribe('updated_person_instant', id);
  });

  test('changes made through the API are delivered too (change_source "api")', async () => {
    const id = await subscribe('new_organization_instant');
    await bed.client.request({
      method: 'POST',
      url: `${bed.fake.origin}/api/v2/organizations`,
      headers: { 'x-api-token': bed.fake.token },
      body: { type: 'json', value: { name: 'Via API' } },
    });
    const [delivery] = await delivered();
    const result = trigger('new_organization_instant').receive(delivery!, { input: {}, secret: SECRET });
    expect(result).toMatchObject({ items: [{ name: 'Via API', meta: { change_source: 'api' } }] });
    await unsubscribe('new_organization_instant', id);
  });

  test('a forged delivery (wrong password, or none) is rejected', async () => {
    const id = await subscribe('new_activity_instant');
    bed.fake.create('activity', { subject: 'Real' });
    const [delivery] = await delivered();
    const receive = trigger('new_activity_instant').receive;
    expect(() => receive(delivery!, { input: {}, secret: 'another-secret' })).toThrow(DeliveryRejected);
    const { authorization: _dropped, ...unsigned } = delivery!.headers;
    expect(() => receive({ ...delivery!, headers: unsigned }, { input: {}, secret: SECRET })).toThrow(DeliveryRejected);
    const forged = `Basic ${Buffer.from(`someone:${SECRET}`).toString('base64')}`;
    expect(() => receive({ ...delivery!, headers: { ...delivery!.headers, authorization: forged } }, { input: {}, secret: SECRET })).toThrow(DeliveryRejected);
    await unsubscribe('new_activity_instant', id);
  });

  test('the pipeline and owner filters drop deliveries of other deals', async () => {
    const id = await subscribe('new_deal_instant');
    bed.fake.create('deal', { title: 'In sales', pipeline_id: 1 });
    bed.fake.create('deal', { title: 'In partners', pipeline_id: 2, owner_id: 2 });
    const deliveries = await delivered();
    const receive = trigger('new_deal_instant').receive;
    const kept = deliveries.flatMap((delivery) => (receive(delivery, { input: { pipeline_id: 2 }, secret: SECRET }) as { items: unknown[] }).items);
    expect(kept).toMatchObject([{ title: 'In partners' }]);
    const byOwner = deliveries.flatMap((delivery) => (receive(delivery, { input: { owner_id: 1 }, secret: SECRET }) as { items: unknown[] }).items);
    expect(byOwner).toMatchObject([{ title: 'In sales' }]);
    await unsubscribe('new_deal_instant', id);
  });

  test('a delivery of another event (a delete, another object) starts nothing', async () => {
    const deal = bed.fake.seed('deal', { title: 'Doomed' });
    const { externalId } = await trigger('updated_deal_instant').subscribe({
      input: {},
      auth: bed.auth,
      http: bed.client.forStep(),
      hookUrl: `${receiver.origin}/h`,
      secret: SECRET,
    });
    // A hand-made catch-all webhook on the same URL also receives deletes and other objects.
    await bed.client.request({
      method: 'POST',
      url: `${bed.fake.origin}/api/v1/webhooks`,
      headers: { 'x-api-token': bed.fake.token },
      body: {
        type: 'json',
        value: {
          subscription_url: `${receiver.origin}/h`,
          event_action: '*',
          event_object: '*',
          name: 'all',
          http_auth_user: PIPEDRIVE_WEBHOOK_USER,
          http_auth_password: SECRET,
        },
      },
    });
    bed.fake.remove('deal', deal.id);
    bed.fake.create('person', { name: 'Someone' });
    const deliveries = await delivered();
    expect(deliveries).toHaveLength(2);
    for (const delivery of deliveries) expect(trigger('updated_deal_instant').receive(delivery, { input: {}, secret: SECRET })).toEqual({ items: [] });
    for (const hook of bed.fake.webhooks()) await unsubscribe('updated_deal_instant', String(hook.id));
    expect(externalId).toBeTruthy();
  });

  test('a v1.0 payload (current/previous/meta.object) is unwrapped the same way', async () => {
    await bed.client.request({
      method: 'POST',
      url: `${bed.fake.origin}/api/v1/webhooks`,
      headers: { 'x-api-token': bed.fake.token },
      body: {
        type: 'json',
        value: {
          subscription_url: `${receiver.origin}/v1`,
          event_action: 'updated',
          event_object: 'deal',
          name: 'legacy',
          version: '1.0',
          http_auth_user: PIPEDRIVE_WEBHOOK_USER,
          http_auth_password: SECRET,
        },
      },
    });
    const deal = bed.fake.seed('deal', { title: 'Legacy' });
    bed.fake.update('deal', deal.id, { title: 'Legacy renamed' });
    const [delivery] = await delivered();
    expect(delivery?.body).toMatchObject({ v: 1, event: 'updated.deal', meta: { action: 'updated', object: 'deal' } });
    const result = trigger('updated_deal_instant').receive(delivery!, { input: {}, secret: SECRET });
    expect(result).toMatchObject({
      items: [{ id: deal.id, title: 'Legacy renamed', previous: { title: 'Legacy' }, meta: { action: 'updated', object: 'deal' } }],
    });
    for (const hook of bed.fake.webhooks()) await unsubscribe('updated_deal_instant', String(hook.id));
  });

  test('no deliveries are sent while the fake’s deliverWebhooks is off', async () => {
    const id = await subscribe('new_deal_instant');
    bed.fake.deliverWebhooks = false;
    bed.fake.create('deal', { title: 'Quiet' });
    expect(await delivered()).toEqual([]);
    await unsubscribe('new_deal_instant', id);
  });
});
