// Tests of the Twenty instant triggers against the fake: webhook subscription, real signed deliveries, verification, removal.
import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, test } from 'vitest';
import type { z } from 'zod';
import type { LocalServer } from '@switchyard/testing';
import {
  signTwentyWebhook,
  startTwentyFake,
  type TwentyFake,
  type TwentyWebhookBatchPayload,
  type TwentyWebhookRecordPayload,
} from '@switchyard/testing/fakes/twenty';
import type { HttpClient } from '../../http/client.ts';
import { DeliveryRejected, type Delivery, type IncomingRequest } from '../../kit/define.ts';
import { failureOf, incomingRequest, startConnectorTestbed, startReceiver, useConnectorTestbed, type ConnectorTestbed } from '../../../test/testbed.ts';
import { recordCreated } from './triggers/record-created.ts';
import { recordDeleted } from './triggers/record-deleted.ts';
import { recordUpdated } from './triggers/record-updated.ts';
import { twentyApp } from './index.ts';
import { type batchPayloadSchema, type recordPayloadSchema, TWENTY_SIGNATURE_MAX_AGE_MS, verifyTwentySignature } from './webhooks.ts';

let fake: TwentyFake;
let client: HttpClient;
let auth: { baseUrl: string; apiKey: string };
let perform: ConnectorTestbed['perform'];
/** Stands in for the platform's hook URL: answers 200 and keeps what Twenty delivered. */
let hooks: LocalServer;
const secret = 'per-subscription-secret';

useConnectorTestbed(
  () =>
    startConnectorTestbed(
      twentyApp,
      () => startTwentyFake({ customObjects: [{ nameSingular: 'pet', namePlural: 'pets' }] }),
      (started) => ({
        baseUrl: started.origin,
        apiKey: started.token,
      }),
    ),
  (bed) => ({ fake, client, auth, perform } = bed),
);

beforeAll(async () => {
  hooks = await startReceiver();
});

afterAll(() => hooks.close());

afterEach(async () => {
  const http = client.forStep({ secrets: [] });
  for (const webhook of fake.webhooks())
    await recordCreated.unsubscribe({ input: { object: 'people' }, auth, http, hookUrl: webhook.targetUrl, externalId: webhook.id });
  await fake.settled();
  fake.webhookShape = 'batch';
  fake.requests.length = 0;
  hooks.received.length = 0;
});

const hookUrl = () => `${hooks.origin}/hooks/zap-1`;
/** The key naming one event, which the platform uses to start one run for copies of one event. */
const eventKey = expect.stringMatching(/^[0-9a-f]{64}$/);

/** A delivery signed with the subscription's secret now, as Twenty sends it: the body parsed and its raw text. */
function signedDelivery(body: unknown): IncomingRequest {
  const rawBody = JSON.stringify(body);
  const timestamp = String(Date.now());
  return {
    method: 'POST',
    headers: { 'x-twenty-webhook-timestamp': timestamp, 'x-twenty-webhook-signature': signTwentyWebhook(secret, timestamp, rawBody) },
    query: {},
    body: JSON.parse(rawBody) as unknown,
    rawBody,
  };
}

async function delivered(): Promise<IncomingRequest[]> {
  await fake.settled();
  return hooks.received.map(incomingRequest);
}

async function act(key: string, input: Record<string, unknown>): Promise<Record<string, unknown>> {
  return (await perform(key, input)).output as Record<string, unknown>;
}

describe('twenty record_created (instant)', () => {
  test('reads the bodies the fake types from Twenty’s source, batched and single (checked by tsc)', () => {
    expectTypeOf<TwentyWebhookBatchPayload>().toExtend<z.input<typeof batchPayloadSchema>>();
    expectTypeOf<TwentyWebhookRecordPayload>().toExtend<z.input<typeof recordPayloadSchema>>();
  });

  test('subscribes a webhook for person.created with our URL and per-subscription secret', async () => {
    const { externalId } = await recordCreated.subscribe({
      input: { object: 'people' },
      auth,
      http: client.forStep({ secrets: [] }),
      hookUrl: hookUrl(),
      secret,
    });
    expect(fake.requests.at(-1)).toMatchObject({
      method: 'POST',
      path: '/rest/metadata/webhooks',
      body: { targetUrl: hookUrl(), operations: ['person.created'], description: 'Switchyard: record created (people)', secret },
    });
    expect(fake.webhooks()).toEqual([expect.objectContaining({ id: externalId, targetUrl: hookUrl(), operations: ['person.created'], secret })]);
  });

  test('a person created through the API arrives signed, and receive() turns it into the record', async () => {
    await recordCreated.subscribe({ input: { object: 'people' }, auth, http: client.forStep({ secrets: [] }), hookUrl: hookUrl(), secret });
    const created = await act('create_record', {
      object: 'people',
      fields: { name: { firstName: 'Ada', lastName: 'Lovelace' }, emails: { primaryEmail: 'ada@example.com' } },
    });
    const [delivery] = await delivered();
    expect(delivery?.headers).toMatchObject({
      'x-twenty-webhook-signature': expect.stringMatching(/^[0-9a-f]{64}$/),
      'x-twenty-webhook-timestamp': expect.stringMatching(/^\d+$/),
    });
    expect(delivery?.body).toMatchObject({ eventName: 'person.created', objectMetadata: { nameSingular: 'person' }, workspaceId: fake.workspaceId });
    const result = recordCreated.receive(delivery as IncomingRequest, { input: { object: 'people' }, secret });
    expect(result).toEqual({ items: [created], keys: [eventKey] });
  });

  test('one operation on many records arrives as one batched delivery; receive() gives each record, in order', async () => {
    await recordCreated.subscribe({ input: { object: 'people' }, auth, http: client.forStep({ secrets: [] }), hookUrl: hookUrl(), secret });
    const answer = await act('custom_api_call', {
      method: 'POST',
      path: '/rest/batch/people',
      body: [{ name: { firstName: 'Ada', lastName: 'Lovelace' } }, { name: { firstName: 'Alan', lastName: 'Turing' } }],
    });
    const created = (answer.body as { data: { createPeople: Array<Record<string, unknown>> } }).data.createPeople;
    const deliveries = await delivered();
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]?.body).toMatchObject({
      eventName: 'person.created',
      batchSize: 2,
      items: [{ record: { id: created[0]?.id } }, { record: { id: created[1]?.id } }],
    });
    expect(recordCreated.receive(deliveries[0] as IncomingRequest, { input: { object: 'people' }, secret })).toMatchObject({ items: created });
  });

  test('reads the single-record deliveries of Twenty versions before batches', async () => {
    fake.webhookShape = 'single';
    await recordCreated.subscribe({ input: { object: 'people' }, auth, http: client.forStep({ secrets: [] }), hookUrl: hookUrl(), secret });
    const person = fake.createRecord('people', { name: { firstName: 'Grace', lastName: 'Hopper' } });
    const [delivery] = await delivered();
    expect(delivery?.body).toMatchObject({ eventName: 'person.created', record: { id: person.id } });
    expect(delivery?.body).not.toHaveProperty('items');
    expect(recordCreated.receive(delivery as IncomingRequest, { input: { object: 'people' }, secret })).toEqual({ items: [person], keys: [eventKey] });
  });

  test('gives both copies of one event the same key, where Twenty posts the batch and then each record alone', async () => {
    fake.webhookShape = 'both';
    await recordCreated.subscribe({ input: { object: 'people' }, auth, http: client.forStep({ secrets: [] }), hookUrl: hookUrl(), secret });
    await act('custom_api_call', { method: 'POST', path: '/rest/batch/people', body: [{ name: { firstName: 'A' } }, { name: { firstName: 'B' } }] });
    const [batch, ...singles] = (await delivered()).map((delivery) => recordCreated.receive(delivery, { input: { object: 'people' }, secret }));
    const keysOf = (delivery: Delivery | undefined) => (delivery && 'keys' in delivery ? delivery.keys : undefined);
    expect(batch).toMatchObject({ items: [{ name: { firstName: 'A' } }, { name: { firstName: 'B' } }] });
    expect(singles.map(keysOf)).toEqual([[keysOf(batch)?.[0]], [keysOf(batch)?.[1]]]);
    expect(new Set(keysOf(batch)).size).toBe(2);
  });

  test('a signed delivery in neither shape is a problem for the zap to show, naming its fields but none of their values', () => {
    const request = signedDelivery({ eventName: 'person.created', data: { email: 'ada@example.com' } });
    const result = recordCreated.receive(request, { input: { object: 'people' }, secret });
    expect(result).toEqual({
      items: [],
      problem: 'it is neither a batch ({eventName, items: [{record}]}) nor a single record ({eventName, record}); its fields: eventName, data.',
    });
    const notJson = {
      ...request,
      body: 'items',
      rawBody: 'items',
      headers: { ...request.headers, 'x-twenty-webhook-signature': signTwentyWebhook(secret, request.headers['x-twenty-webhook-timestamp'] ?? '', 'items') },
    };
    expect(recordCreated.receive(notJson, { input: { object: 'people' }, secret })).toEqual({ items: [], problem: 'its body is not a JSON object.' });
  });

  test('rejects forged, tampered, unsigned and stale deliveries', async () => {
    await recordCreated.subscribe({ input: { object: 'people' }, auth, http: client.forStep({ secrets: [] }), hookUrl: hookUrl(), secret });
    fake.createRecord('people', { name: { firstName: 'Grace', lastName: 'Hopper' } });
    const [genuine] = await delivered();
    if (!genuine) throw new Error('no delivery');
    const receive =
      (request: IncomingRequest, key = secret) =>
      () =>
        recordCreated.receive(request, { input: { object: 'people' }, secret: key });

    expect(receive(genuine, 'another-subscription-secret')).toThrow(DeliveryRejected);
    const tampered = genuine.rawBody.replace('Grace', 'Mallory');
    expect(receive({ ...genuine, rawBody: tampered, body: JSON.parse(tampered) as unknown })).toThrow(DeliveryRejected);
    const forged = {
      ...genuine.headers,
      'x-twenty-webhook-signature': signTwentyWebhook('guessed', genuine.headers['x-twenty-webhook-timestamp'] ?? '', genuine.rawBody),
    };
    expect(receive({ ...genuine, headers: forged })).toThrow(DeliveryRejected);
    const { 'x-twenty-webhook-signature': _signature, ...unsigned } = genuine.headers;
    expect(receive({ ...genuine, headers: unsigned })).toThrow(DeliveryRejected);

    const old = String(Date.now() - TWENTY_SIGNATURE_MAX_AGE_MS - 60_000);
    const replayed = { ...genuine.headers, 'x-twenty-webhook-timestamp': old, 'x-twenty-webhook-signature': signTwentyWebhook(secret, old, genuine.rawBody) };
    expect(receive({ ...genuine, headers: replayed })).toThrow(/too far from now/);
  });

  test('the signature covers the timestamp: moving it breaks the signature', () => {
    const request = signedDelivery({ eventName: 'person.created', record: { id: '1' } });
    const timestamp = request.headers['x-twenty-webhook-timestamp'] ?? '';
    expect(() => verifyTwentySignature(request, secret)).not.toThrow();
    expect(() =>
      verifyTwentySignature({ ...request, headers: { ...request.headers, 'x-twenty-webhook-timestamp': String(Number(timestamp) + 1) } }, secret),
    ).toThrow(DeliveryRejected);
  });

  test('removes its webhook on unsubscribe, and a webhook already gone is no error', async () => {
    const http = client.forStep({ secrets: [] });
    const { externalId } = await recordCreated.subscribe({ input: { object: 'people' }, auth, http, hookUrl: hookUrl(), secret });
    await recordCreated.unsubscribe({ input: { object: 'people' }, auth, http, hookUrl: hookUrl(), externalId });
    expect(fake.requests.at(-1)).toMatchObject({ method: 'DELETE', path: `/rest/metadata/webhooks/${externalId}` });
    expect(fake.webhooks()).toEqual([]);
    await recordCreated.unsubscribe({ input: { object: 'people' }, auth, http, hookUrl: hookUrl(), externalId });
    fake.createRecord('people', { name: { firstName: 'Nobody', lastName: 'Listens' } });
    expect(await delivered()).toEqual([]);
  });

  test('subscribes custom objects under their singular name from the metadata API, and refuses unknown ones', async () => {
    await recordCreated.subscribe({ input: { object: 'pets' }, auth, http: client.forStep({ secrets: [] }), hookUrl: hookUrl(), secret });
    expect(fake.requests.map((request) => `${request.method} ${request.path}`)).toEqual(['GET /rest/metadata/objects', 'POST /rest/metadata/webhooks']);
    expect(fake.webhooks()[0]?.operations).toEqual(['pet.created']);
    fake.createRecord('pets', { name: 'Rex' });
    const [delivery] = await delivered();
    expect(recordCreated.receive(delivery as IncomingRequest, { input: { object: 'pets' }, secret })).toMatchObject({ items: [{ name: 'Rex' }] });

    const error = await failureOf(
      recordCreated.subscribe({ input: { object: 'unicorns' }, auth, http: client.forStep({ secrets: [] }), hookUrl: hookUrl(), secret }),
    );
    expect(error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('Twenty has no object "unicorns"') });
  });

  test('fails to subscribe with Twenty’s message when the key is refused', async () => {
    const error = await failureOf(
      recordCreated.subscribe({
        input: { object: 'people' },
        auth: { baseUrl: fake.origin, apiKey: 'revoked' },
        http: client.forStep({ secrets: ['revoked'] }),
        hookUrl: hookUrl(),
        secret,
      }),
    );
    expect(error.message).toBe('Twenty answered 401 Unauthorized: Token invalid.');
  });
});

describe('twenty record_updated (instant)', () => {
  test('fires for updates with the record after the change, and ignores other events', async () => {
    const [person] = fake.seed('people', [{ name: { firstName: 'Alan', lastName: 'Turing' } }]);
    await recordUpdated.subscribe({ input: { object: 'people' }, auth, http: client.forStep({ secrets: [] }), hookUrl: hookUrl(), secret });
    expect(fake.webhooks()[0]?.operations).toEqual(['person.updated']);
    const updated = await act('update_record', { object: 'people', id: person?.id, fields: { jobTitle: 'Mathematician' } });
    const [delivery] = await delivered();
    expect(delivery?.body).toMatchObject({ eventName: 'person.updated', items: [{ updatedFields: ['jobTitle'] }] });
    expect(recordUpdated.receive(delivery as IncomingRequest, { input: { object: 'people' }, secret })).toEqual({ items: [updated], keys: [eventKey] });

    // A delivery for another event or object (a webhook edited in Twenty's UI, say) starts nothing.
    const body = { ...(delivery?.body as Record<string, unknown>), eventName: 'company.updated', objectMetadata: { id: 'x', nameSingular: 'company' } };
    const other = signedDelivery(body);
    expect(recordUpdated.receive(other, { input: { object: 'people' }, secret })).toEqual({ items: [] });
    expect(recordCreated.receive(delivery as IncomingRequest, { input: { object: 'people' }, secret })).toEqual({ items: [] });
  });
});

describe('twenty record_deleted (instant)', () => {
  test('subscribes to trash and permanent deletions and receives the record as it was', async () => {
    const [person] = fake.seed('people', [{ name: { firstName: 'Gone', lastName: 'Soon' } }]);
    await recordDeleted.subscribe({
      input: { object: 'people', includeDestroyed: true },
      auth,
      http: client.forStep({ secrets: [] }),
      hookUrl: hookUrl(),
      secret,
    });
    expect(fake.webhooks()[0]?.operations).toEqual(['person.deleted', 'person.destroyed']);
    await act('delete_record', { object: 'people', id: person?.id });
    const [delivery] = await delivered();
    expect(delivery?.body).toMatchObject({ eventName: 'person.destroyed' });
    expect(recordDeleted.receive(delivery as IncomingRequest, { input: { object: 'people', includeDestroyed: true }, secret })).toEqual({
      items: [person],
      keys: [eventKey],
    });
  });

  test('with permanent deletions off, subscribes to and accepts only moves to the trash', async () => {
    const [kept, trashed] = fake.seed('people', [{ name: { firstName: 'Kept', lastName: 'X' } }, { name: { firstName: 'Trashed', lastName: 'Y' } }]);
    await recordDeleted.subscribe({
      input: { object: 'people', includeDestroyed: false },
      auth,
      http: client.forStep({ secrets: [] }),
      hookUrl: hookUrl(),
      secret,
    });
    expect(fake.webhooks()[0]?.operations).toEqual(['person.deleted']);
    await act('delete_record', { object: 'people', id: trashed?.id, soft: true });
    await act('delete_record', { object: 'people', id: kept?.id });
    const deliveries = await delivered();
    expect(deliveries.map((delivery) => (delivery.body as { eventName: string }).eventName)).toEqual(['person.deleted']);
    expect(recordDeleted.receive(deliveries[0] as IncomingRequest, { input: { object: 'people', includeDestroyed: false }, secret })).toMatchObject({
      items: [{ id: trashed?.id }],
    });
  });
});
