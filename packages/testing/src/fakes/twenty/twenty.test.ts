// Tests of the fake Twenty itself: the query language, envelopes, errors and webhook deliveries that connector tests rely on.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startLocalServer } from '../../local-server.ts';
import {
  NONCE_HEADER,
  SIGNATURE_HEADER,
  signTwentyWebhook,
  startTwentyFake,
  TIMESTAMP_HEADER,
  type TwentyDelivery,
  type TwentyFake,
  type TwentyWebhookBatchPayload,
  type TwentyWebhookRecordPayload,
  type TwentyWebhookShape,
} from './index.ts';

let fake: TwentyFake;

beforeAll(async () => {
  // Pages hold at most three records, whatever `limit` asks for.
  fake = await startTwentyFake({ maxLimit: 3 });
  fake.seed('people', [
    { name: { firstName: 'Ada', lastName: 'Lovelace' }, emails: { primaryEmail: 'ada@example.com' }, city: 'London' },
    { name: { firstName: 'Alan', lastName: 'Turing' }, emails: { primaryEmail: 'alan@example.com' }, city: 'London' },
    { name: { firstName: 'Grace', lastName: 'Hopper' }, emails: { primaryEmail: 'grace@navy.mil' }, city: 'New York' },
    { name: { firstName: 'Edsger', lastName: 'Dijkstra' }, emails: { primaryEmail: 'ewd@example.nl' }, city: null },
  ]);
});

afterAll(async () => {
  await fake.close();
});

async function call(path: string, init: { method?: string; body?: unknown; token?: string } = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${fake.origin}${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${init.token ?? fake.token}`, 'content-type': 'application/json' },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

function names(body: Record<string, unknown>): string[] {
  const data = body.data as { people: Array<{ name: { firstName: string } }> };
  return data.people.map((person) => person.name.firstName);
}

describe('fake twenty: list queries', () => {
  test('answers {data:{people}, totalCount, pageInfo} and pages with starting_after / ending_before', async () => {
    const first = await call('/rest/people?order_by=name.firstName&limit=10');
    expect(names(first.body)).toEqual(['Ada', 'Alan', 'Edsger']);
    expect(first.body).toMatchObject({ totalCount: 4, pageInfo: { hasNextPage: true, hasPreviousPage: false } });
    const endCursor = (first.body.pageInfo as { endCursor: string }).endCursor;
    const second = await call(`/rest/people?order_by=name.firstName&limit=10&starting_after=${endCursor}`);
    expect(names(second.body)).toEqual(['Grace']);
    expect(second.body.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const startCursor = (second.body.pageInfo as { startCursor: string }).startCursor;
    const back = await call(`/rest/people?order_by=name.firstName&limit=2&ending_before=${startCursor}`);
    expect(names(back.body)).toEqual(['Alan', 'Edsger']);
  });

  test('filters with comparators, nested fields, and / or / not, and quoted values', async () => {
    const query = (filter: string) =>
      call(`/rest/people?order_by=name.firstName[AscNullsFirst]&filter=${encodeURIComponent(filter)}`).then((answer) => names(answer.body));
    expect(await query('emails.primaryEmail[eq]:grace@navy.mil')).toEqual(['Grace']);
    expect(await query('city[eq]:London,name.firstName[startsWith]:Al')).toEqual(['Alan']);
    expect(await query('or(city[eq]:"New York",city[is]:NULL)')).toEqual(['Edsger', 'Grace']);
    expect(await query('not(city[eq]:London)')).toEqual(['Edsger', 'Grace']);
    expect(await query('name.lastName[in]:["Turing","Hopper"]')).toEqual(['Alan', 'Grace']);
    expect(await query('emails.primaryEmail[ilike]:%@EXAMPLE.%')).toEqual(['Ada', 'Alan', 'Edsger']);
  });

  test('orders descending with nulls where asked', async () => {
    const answer = await call('/rest/people?order_by=city[DescNullsFirst],name.firstName&limit=3');
    expect(names(answer.body)).toEqual(['Edsger', 'Grace', 'Ada']);
  });

  test('answers Twenty’s error envelope for a bad filter, direction or object', async () => {
    expect(await call('/rest/people?filter=city:London')).toEqual({
      status: 400,
      body: { statusCode: 400, error: 'BadRequestException', messages: ["'filter' invalid for 'city:London'. eg: price[gte]:10"] },
    });
    expect((await call('/rest/people?order_by=city[Up]')).status).toBe(400);
    expect((await call('/rest/persons')).body.messages).toEqual(["object 'persons' not found. Did you mean 'people'?"]);
  });
});

describe('fake twenty: writes, auth and webhooks registry', () => {
  test('refuses a wrong key with 401 and Twenty’s envelope', async () => {
    expect(await call('/rest/people', { token: 'nope' })).toEqual({
      status: 401,
      body: { statusCode: 401, error: 'UnauthorizedException', messages: ['Token invalid.'] },
    });
  });

  test('upsert=true updates the record with the same primary email instead of creating another', async () => {
    const answer = await call('/rest/people?upsert=true', { method: 'POST', body: { emails: { primaryEmail: 'ada@example.com' }, jobTitle: 'Analyst' } });
    expect(answer).toMatchObject({ status: 201, body: { data: { createPerson: { jobTitle: 'Analyst', name: { firstName: 'Ada' } } } } });
    expect(fake.records('people')).toHaveLength(4);
  });

  test('a batch create refuses more than 60 records', async () => {
    const local = await startTwentyFake();
    try {
      const answer = await fetch(`${local.origin}/rest/batch/companies`, {
        method: 'POST',
        headers: { authorization: `Bearer ${local.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(Array.from({ length: 61 }, (_, index) => ({ name: `Co ${index}` }))),
      });
      expect(answer.status).toBe(400);
    } finally {
      await local.close();
    }
  });

  test('serves webhooks on /rest/metadata/webhooks and the deprecated /rest/webhooks alias; DELETE answers a boolean', async () => {
    const created = await call('/rest/webhooks', { method: 'POST', body: { targetUrl: 'http://127.0.0.1:9/hook' } });
    expect(created).toMatchObject({ status: 201, body: { operations: ['*.*'], targetUrl: 'http://127.0.0.1:9/hook', secret: null } });
    const id = created.body.id as string;
    expect((await call('/rest/metadata/webhooks')).body).toEqual([created.body]);
    const removed = await fetch(`${fake.origin}/rest/metadata/webhooks/${id}`, { method: 'DELETE', headers: { authorization: `Bearer ${fake.token}` } });
    expect(await removed.json()).toBe(true);
    const again = await fetch(`${fake.origin}/rest/metadata/webhooks/${id}`, { method: 'DELETE', headers: { authorization: `Bearer ${fake.token}` } });
    expect(await again.json()).toBe(false);
  });

  test('a missing record answers 400 "Record not found", or 404 when configured', async () => {
    expect((await call('/rest/people/00000000-0000-4000-8000-000000000000')).body.messages).toEqual(['Record not found']);
    const strict = await startTwentyFake({ notFoundStatus: 404 });
    try {
      const answer = await fetch(`${strict.origin}/rest/people/00000000-0000-4000-8000-000000000000`, { headers: { authorization: `Bearer ${strict.token}` } });
      expect(answer.status).toBe(404);
    } finally {
      await strict.close();
    }
  });
});

describe('fake twenty: webhook deliveries', () => {
  /** A fake with one webhook to a receiver, and what the receiver got. */
  async function withWebhook(options: { webhookShape?: TwentyWebhookShape }, act: (local: TwentyFake) => Promise<void>): Promise<TwentyDelivery[]> {
    const receiver = await startLocalServer((_request, response) => response.end('ok'));
    const local = await startTwentyFake(options);
    try {
      const registered = await fetch(`${local.origin}/rest/metadata/webhooks`, {
        method: 'POST',
        headers: { authorization: `Bearer ${local.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ targetUrl: `${receiver.origin}/hook`, operations: ['person.*'], secret: 'shh' }),
      });
      expect(registered.status).toBe(201);
      await act(local);
      await local.settled();
      expect(receiver.received.map((request) => request.body)).toEqual(local.deliveries.map((delivery) => delivery.body));
      return local.deliveries;
    } finally {
      await local.close();
      await receiver.close();
    }
  }

  const batchCreate = (local: TwentyFake) =>
    fetch(`${local.origin}/rest/batch/people`, {
      method: 'POST',
      headers: { authorization: `Bearer ${local.token}`, 'content-type': 'application/json' },
      body: JSON.stringify([{ name: { firstName: 'Ada', lastName: 'L' } }, { name: { firstName: 'Alan', lastName: 'T' } }]),
    }).then((response) => expect(response.status).toBe(201));

  test('by default one operation is one batched delivery: {…, eventDate, items: [{record}], batchSize}, signed over the body', async () => {
    const [delivery, ...others] = await withWebhook({}, batchCreate);
    expect(others).toEqual([]);
    const payload = JSON.parse(delivery?.body ?? '{}') as TwentyWebhookBatchPayload;
    // transform-webhook-event-batch-to-webhook-data.ts builds the body in this key order, less the secret.
    expect(Object.keys(payload)).toEqual(['targetUrl', 'eventName', 'objectMetadata', 'workspaceId', 'webhookId', 'eventDate', 'items', 'batchSize']);
    expect(payload).toMatchObject({ eventName: 'person.created', objectMetadata: { nameSingular: 'person' }, batchSize: 2 });
    expect(payload.items.map((item) => (item.record.name as { firstName: string }).firstName)).toEqual(['Ada', 'Alan']);
    const timestamp = delivery?.headers[TIMESTAMP_HEADER] ?? '';
    expect(delivery?.headers[SIGNATURE_HEADER]).toBe(signTwentyWebhook('shh', timestamp, delivery?.body ?? ''));
    expect(delivery?.headers[NONCE_HEADER]).toMatch(/^[0-9a-f]{32}$/);
  });

  test('an update carries updatedFields on its item', async () => {
    const [delivery] = await withWebhook({}, async (local) => {
      const [person] = local.seed('people', [{ name: { firstName: 'Grace', lastName: 'H' } }]);
      local.updateRecord('people', person?.id as string, { jobTitle: 'Admiral' });
    });
    expect((delivery?.payload as TwentyWebhookBatchPayload | undefined)?.items).toEqual([
      { record: expect.objectContaining({ jobTitle: 'Admiral' }), updatedFields: ['jobTitle'] },
    ]);
  });

  test('webhookShape single posts each record alone, {…, eventDate, record}, as versions before batches did', async () => {
    const deliveries = await withWebhook({ webhookShape: 'single' }, batchCreate);
    const payloads = deliveries.map((delivery) => JSON.parse(delivery.body) as TwentyWebhookRecordPayload);
    expect(Object.keys(payloads[0] ?? {})).toEqual(['targetUrl', 'eventName', 'objectMetadata', 'workspaceId', 'webhookId', 'eventDate', 'record']);
    expect(payloads.map((payload) => (payload.record.name as { firstName: string }).firstName)).toEqual(['Ada', 'Alan']);
  });

  test('webhookShape both posts the batch, then each record alone with the same eventDate (the deprecated block)', async () => {
    const deliveries = await withWebhook({ webhookShape: 'both' }, batchCreate);
    const payloads = deliveries.map((delivery) => delivery.payload);
    expect(payloads.map((payload) => ('items' in payload ? 'batch' : 'record'))).toEqual(['batch', 'record', 'record']);
    expect(new Set(payloads.map((payload) => payload.eventDate)).size).toBe(1);
  });
});
