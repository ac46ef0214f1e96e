// HelpCrunch triggers: the two polls (paging, cursor, dedupe keys) over real HTTP, and signed event deliveries
// sent by the fake to a hook URL, verified by receive (forged ones refused with DeliveryRejected).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startLocalServer, type LocalServer } from '@switchyard/testing';
import { startHelpCrunchFake, type HelpCrunchFake } from '@switchyard/testing/fakes/helpcrunch';
import type { HttpClient } from '../../http/client.ts';
import {
  DeliveryRejected,
  findTrigger,
  type Cursor,
  type IncomingRequest,
  type InstantTriggerDefinition,
  type PollingTriggerDefinition,
} from '../../kit/define.ts';
import { dedupeKeyOf, pollTrigger } from '../../kit/perform.ts';
import { incomingRequest, startConnectorTestbed, useConnectorTestbed } from '../../../test/testbed.ts';
import { helpcrunchApp } from './index.ts';
import { HELPCRUNCH_POLL_SEARCHES } from './triggers/new-customer.ts';

let fake: HelpCrunchFake;
let client: HttpClient;
let auth: { apiKey: string; baseUrl: string };
useConnectorTestbed(
  () => startConnectorTestbed(helpcrunchApp, startHelpCrunchFake, (started) => ({ apiKey: started.token, baseUrl: started.origin })),
  (bed) => ({ fake, client, auth } = bed),
);

function polling(key: string): PollingTriggerDefinition {
  const trigger = findTrigger(helpcrunchApp, key);
  if (trigger?.type !== 'polling') throw new Error(`no polling trigger ${key}`);
  return trigger;
}

function hook(key: string): InstantTriggerDefinition {
  const trigger = findTrigger(helpcrunchApp, key);
  if (trigger?.type !== 'hook' || !trigger.receive) throw new Error(`no signed hook trigger ${key}`);
  return trigger;
}

const nowSeconds = (): number => Math.floor(Date.now() / 1000);

describe('new_customer (polling)', () => {
  const poll = (cursor: Cursor | null) => pollTrigger(polling('new_customer'), { input: {}, auth, client, cursor });
  const idsOf = (items: unknown[]) => items.map((c) => (c as { id: number }).id);
  const searchesSince = (before: number) => fake.requests.slice(before).filter((r) => r.path === 'customers/search');

  test('seeds from the newest customers and the largest id, then searches customers.id above it, newest first, keyed by id', async () => {
    const old = fake.seedCustomer({ name: 'Already here', firstSeen: String(nowSeconds() - 86_400) });
    // Made through the API: no firstSeen, so the list (sorted by firstSeen) may show it last or not at all.
    const imported = fake.seedCustomer({ name: 'Imported', firstSeen: null });
    let before = fake.requests.length;
    const first = await poll(null);
    expect(fake.requests[before]).toMatchObject({
      method: 'GET',
      path: 'customers',
      query: { sort: 'customers.firstSeen', order: 'desc', limit: '100', offset: '0' },
    });
    expect(idsOf(first.items)).toEqual(expect.arrayContaining([old.id, imported.id]));
    expect(first.cursor).toEqual({ customerId: fake.customers().at(-1)?.id });

    // Each first seen after the one before: the search (sorted by firstSeen) answers the largest ids first.
    const created: number[] = [];
    for (let i = 0; i < 130; i++)
      created.push(
        Number(fake.seedCustomer({ name: `Lead ${String(i)}`, email: `lead${String(i)}@example.com`, firstSeen: String(nowSeconds() - 100_000 + i) }).id),
      );
    before = fake.requests.length;
    const second = await poll(first.cursor);
    const searches = searchesSince(before);
    expect(searches[0]?.body).toEqual({
      comparison: 'AND',
      filter: [{ field: 'customers.id', operator: '>', value: (first.cursor as { customerId: number }).customerId }],
      sort: 'customers.firstSeen',
      order: 'desc',
      limit: 100,
      offset: 0,
    });
    // Every search pages nothing: it narrows the id range instead, so each answer is the whole range.
    for (const search of searches) {
      expect(search.body).toMatchObject({ offset: 0, limit: 100 });
      for (const filter of (search.body as { filter: Array<{ field: string }> }).filter) expect(filter.field).toBe('customers.id');
    }
    expect(idsOf(second.items)).toEqual([...created].reverse());
    expect(second.items.map((c) => dedupeKeyOf(polling('new_customer'), c))).toEqual(idsOf(second.items).map(String));
    expect(second.cursor).toEqual({ customerId: created.at(-1) });

    before = fake.requests.length;
    const third = await poll(second.cursor);
    expect(third).toMatchObject({ items: [], cursor: second.cursor });
    expect(fake.requests.length - before).toBe(1);
  });

  test.each([
    ['in the order of their ids', () => null],
    ['newest first', (i: number) => String(1_600_000_000 + i)],
  ])('more new customers than one poll reads, answered %s: the cursor stops below the first one not read, so none is skipped', async (_order, firstSeen) => {
    const { cursor } = await poll(null);
    const created: number[] = [];
    for (let i = 0; i < 1_250; i++) created.push(Number(fake.seedCustomer({ name: `Burst ${String(i)}`, firstSeen: firstSeen(i) }).id));
    const read: number[] = [];
    let next = cursor;
    for (let round = 0; round < 10 && read.length < created.length; round++) {
      const before = fake.requests.length;
      const result = await poll(next);
      expect(searchesSince(before).length).toBeLessThanOrEqual(HELPCRUNCH_POLL_SEARCHES);
      read.push(...idsOf(result.items));
      if (read.length < created.length) expect(result.items.length).toBeGreaterThanOrEqual(350);
      next = result.cursor;
    }
    expect(read.sort((a, b) => a - b)).toEqual(created);
    expect(next).toEqual({ customerId: created.at(-1) });

    // A first poll among them (none has a firstSeen to sort by) still finds the largest id, within the same budget.
    const before = fake.requests.length;
    expect((await poll(null)).cursor).toEqual({ customerId: created.at(-1) });
    expect(searchesSince(before).length).toBeLessThanOrEqual(HELPCRUNCH_POLL_SEARCHES);
  });

  test('a customer created through the API (no firstSeen) is found by the next poll', async () => {
    const { cursor } = await poll(null);
    fake.seedCustomer({ name: 'API made', firstSeen: null });
    const next = await poll(cursor);
    expect(next.items).toEqual([expect.objectContaining({ name: 'API made', firstSeen: null })]);
  });

  test('a cursor of an earlier version (the time of its last poll) starts over from the largest id, keeping only customers first seen since', async () => {
    const lastPoll = nowSeconds() - 120;
    fake.seedCustomer({ name: 'Seen long ago', firstSeen: String(lastPoll - 86_400) });
    const since = fake.seedCustomer({ name: 'Seen since the last poll', firstSeen: String(lastPoll + 60) });
    const before = fake.requests.length;
    const result = await poll(lastPoll);
    for (const search of searchesSince(before)) expect(JSON.stringify(search.body)).not.toContain('createdAt');
    expect(idsOf(result.items)).toEqual([since.id]);
    expect(result.cursor).toEqual({ customerId: fake.customers().at(-1)?.id });
  });
});

describe('new_chat (polling)', () => {
  test('seeds from the newest chats, then searches createdAt >= the newest seen, paging, cursor advancing, keyed by id', async () => {
    const customer = fake.seedCustomer({ name: 'Chatty', email: 'chatty@example.com' });
    const base = 1_700_000_000;
    fake.seedChat({ customer: Number(customer.id), createdAt: base });
    const first = await pollTrigger(polling('new_chat'), { input: {}, auth, client, cursor: null });
    expect(fake.requests.at(-1)).toMatchObject({ method: 'GET', path: 'chats', query: { sort: 'chats.createdAt', order: 'desc', limit: '100' } });
    expect(first.cursor).toBe(base);

    for (let i = 1; i <= 120; i++) fake.seedChat({ customer: Number(customer.id), createdAt: base + i });
    const before = fake.requests.length;
    const second = await pollTrigger(polling('new_chat'), { input: {}, auth, client, cursor: first.cursor });
    const searches = fake.requests.slice(before);
    expect(searches.map((r) => [r.path, (r.body as { offset: number }).offset])).toEqual([
      ['chats/search', 0],
      ['chats/search', 100],
    ]);
    expect(searches[0]?.body).toMatchObject({ filter: [{ field: 'chats.createdAt', operator: '>=', value: base }], sort: 'chats.createdAt', order: 'desc' });
    // The chat of the cursor's own second comes back too; the platform's dedupe by id drops it.
    expect(second.items).toHaveLength(121);
    expect((second.items[0] as { createdAt: number }).createdAt).toBe(base + 120);
    expect(second.cursor).toBe(base + 120);
    const keys = second.items.map((chat) => dedupeKeyOf(polling('new_chat'), chat));
    expect(new Set(keys).size).toBe(121);
    expect(keys[0]).toBe(String((second.items[0] as { id: number }).id));

    const third = await pollTrigger(polling('new_chat'), { input: {}, auth, client, cursor: second.cursor });
    expect(third.items).toHaveLength(1);
    expect(third.cursor).toBe(base + 120);
  });
  test('a createdAt with a fraction of a second is searched in whole seconds, as the search takes UNIX timestamps', async () => {
    const customer = fake.seedCustomer({ name: 'Precise' });
    fake.seedChat({ customer: Number(customer.id), createdAt: '1800000000.750' });
    const first = await pollTrigger(polling('new_chat'), { input: {}, auth, client, cursor: null });
    expect(first.cursor).toBe(1_800_000_000);
    fake.seedChat({ customer: Number(customer.id), createdAt: 1_800_000_060 });
    // A fractional cursor stored by an earlier version is sent whole too.
    for (const cursor of [first.cursor, 1_800_000_000.75]) {
      const next = await pollTrigger(polling('new_chat'), { input: {}, auth, client, cursor });
      expect(fake.requests.at(-1)?.body).toMatchObject({ filter: [{ field: 'chats.createdAt', operator: '>=', value: 1_800_000_000 }] });
      expect(next.items.map((chat) => (chat as { createdAt: unknown }).createdAt)).toEqual([1_800_000_060, '1800000000.750']);
      expect(next.cursor).toBe(1_800_000_060);
    }
  });
});

describe('signed event hooks', () => {
  const signingKey = 'whsec_helpcrunch_test_key';
  let hooks: LocalServer;
  let current: { trigger: InstantTriggerDefinition; input: unknown };
  const received: unknown[] = [];

  beforeAll(async () => {
    // The platform's side of the zap's URL: receive() decides; DeliveryRejected is answered 401.
    hooks = await startLocalServer((request, response) => {
      try {
        const delivery = current.trigger.receive?.(incomingRequest(request), { input: current.input });
        if (delivery && 'items' in delivery) received.push(...delivery.items);
        response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      } catch (error) {
        response.writeHead(error instanceof DeliveryRejected ? 401 : 500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: String(error) }));
      }
    });
  });

  afterAll(async () => {
    await hooks.close();
  });

  function use(key: string, input: Record<string, unknown>): void {
    const trigger = hook(key);
    current = { trigger, input: trigger.input.parse({ signingKey, ...input }) };
    received.length = 0;
  }

  test('customer_event turns a correctly signed customer.new into one item', async () => {
    use('customer_event', {});
    const answer = await fake.sendEvent(hooks.origin, {
      event: 'customer.new',
      eventData: { id: 542335, name: 'John Doe', email: 'john@example.com', userId: 'u1', unsubscribed: false, customData: {} },
      signingKey,
      id: 'evt-1',
    });
    expect(answer.status).toBe(200);
    expect(received).toEqual([
      {
        event: 'customer.new',
        eventId: 'evt-1',
        createdAt: expect.any(Number),
        attempts: 1,
        data: expect.objectContaining({ id: 542335, email: 'john@example.com' }),
      },
    ]);
  });

  test.each(['wrong-key', 'missing-signature', 'tampered'] as const)('a delivery with a %s is refused with DeliveryRejected', async (forge) => {
    use('customer_event', {});
    const answer = await fake.sendEvent(hooks.origin, { event: 'customer.new', eventData: { id: 1 }, signingKey, forge });
    expect(answer.status).toBe(401);
    expect(received).toEqual([]);
  });

  test('receive verifies the raw body with HMAC-SHA1 and throws DeliveryRejected on a mismatch', () => {
    const rawBody = JSON.stringify({ event: 'chat.closed', eventData: { id: 7 }, id: 'evt-9', attempts: 1, createdAt: 1 });
    const trigger = hook('chat_event');
    const input = trigger.input.parse({ signingKey });
    const request = (signature: string): IncomingRequest => ({
      method: 'POST',
      headers: { 'x-helpcrunch-signature': signature },
      query: {},
      body: JSON.parse(rawBody) as unknown,
      rawBody,
    });
    expect(trigger.receive?.(request(fake.signature(rawBody, signingKey).toUpperCase()), { input })).toMatchObject({
      items: [{ event: 'chat.closed', data: { id: 7 } }],
    });
    expect(() => trigger.receive?.(request(fake.signature(rawBody, 'other')), { input })).toThrow(DeliveryRejected);
  });

  test('each trigger keeps its own family, and only the chosen events when some are chosen', async () => {
    use('chat_event', { events: ['chat.closed'] });
    await fake.sendEvent(hooks.origin, { event: 'customer.new', eventData: { id: 1 }, signingKey });
    await fake.sendEvent(hooks.origin, { event: 'chat.assigned', eventData: { id: 2 }, signingKey });
    await fake.sendEvent(hooks.origin, { event: 'chat.closed', eventData: { id: 3 }, signingKey });
    expect(received).toEqual([expect.objectContaining({ event: 'chat.closed', data: { id: 3 } })]);
  });

  test('the old "chats.new" spelling counts as chat.new', async () => {
    use('chat_event', { events: ['chat.new'] });
    await fake.sendEvent(hooks.origin, { event: 'chats.new', eventData: { id: 11 }, signingKey });
    expect(received).toEqual([expect.objectContaining({ event: 'chat.new', data: { id: 11 } })]);
  });
});
