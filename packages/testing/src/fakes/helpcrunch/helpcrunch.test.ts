// The HelpCrunch fake itself: Bearer keys (with or without angle brackets), both list totals, search operators,
// the errors envelope, the per-minute limit, and signatures.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startHelpCrunchFake, type HelpCrunchFake } from './index.ts';

let fake: HelpCrunchFake;
const call = async (
  path: string,
  init: RequestInit = {},
  authorization = `Bearer ${fake.token}`,
): Promise<{ status: number; body: Record<string, unknown> }> => {
  const response = await fetch(`${fake.origin}/v1/${path}`, { ...init, headers: { authorization, 'content-type': 'application/json' } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

beforeAll(async () => {
  fake = await startHelpCrunchFake();
});

afterAll(async () => {
  await fake.close();
});

describe('HelpCrunch fake', () => {
  test('accepts "Bearer <key>" as the PHP client sends it, and refuses a bad key with the errors envelope', async () => {
    expect((await call('organization', {}, `Bearer <${fake.token}>`)).status).toBe(200);
    expect(await call('organization', {}, 'Bearer wrong')).toEqual({ status: 401, body: { errors: [{ code: 'invalid_token', message: 'Invalid token' }] } });
  });

  test('lists with both total and meta.total, and searches with AND/OR filters', async () => {
    fake.seedCustomer({ name: 'Ann', email: 'ann@example.com', company: 'Acme' });
    fake.seedCustomer({ name: 'Bob', email: 'bob@example.org', company: 'Acme' });
    const list = await call('customers?limit=1');
    expect(list.body).toMatchObject({ total: 2, meta: { total: 2 }, data: [expect.any(Object)] });
    const search = (body: unknown) => call('customers/search', { method: 'POST', body: JSON.stringify(body) });
    expect((await search({ filter: [{ field: 'customers.email', operator: '~', value: 'example.com' }] })).body.total).toBe(1);
    const both = await search({
      comparison: 'OR',
      filter: [
        { field: 'customers.name', operator: '=', value: 'ann' },
        { field: 'customers.name', operator: '=', value: 'bob' },
      ],
    });
    expect(both.body.total).toBe(2);
  });

  test('customer search takes only the documented fields, operators their type allows, and values of their type', async () => {
    const search = async (filter: unknown[], extra: Record<string, unknown> = {}) =>
      call('customers/search', { method: 'POST', body: JSON.stringify({ filter, ...extra }) });
    const refused = (code: string, message: string) => ({
      status: 400,
      body: {
        errors: [
          { code: 'invalid_request', message: 'Invalid request' },
          { code, message },
        ],
      },
    });
    for (const undocumented of ['customers.createdAt', 'customers.firstSeen', 'customers.nope']) {
      expect(await search([{ field: undocumented, operator: '>=', value: 1603885746 }])).toEqual(
        refused('filter[0].field', 'The value you selected is not a valid choice.'),
      );
    }
    expect(await search([{ field: 'customers.id', operator: '>', value: 'recent' }])).toEqual(
      refused('filter[0].value', 'This value should be of type integer.'),
    );
    expect(await search([{ field: 'customers.lastSeen', operator: '>=', value: 1603885746.5 }])).toEqual(
      refused('filter[0].value', 'This value should be of type integer.'),
    );
    expect(await search([{ field: 'customers.email', operator: '>', value: 'a' }])).toEqual(
      refused('filter[0].operator', 'The value you selected is not a valid choice.'),
    );

    const ids = [900_001, 900_002, 900_003].map((id) => Number(fake.seedCustomer({ id, name: `Range ${String(id)}`, tags: [{ name: 'Lead' }] }).id));
    const range = await search(
      [
        { field: 'customers.id', operator: '>', value: ids[0] },
        { field: 'customers.id', operator: '<=', value: String(ids[2]) },
      ],
      { comparison: 'AND' },
    );
    expect((range.body.data as Array<{ id: number }>).map((c) => c.id).sort()).toEqual([ids[1], ids[2]]);
    const tagged = await search([{ field: 'customers.tagsData', operator: '=', value: [{ name: 'Lead' }] }]);
    expect(tagged.body.total).toBe(3);
  });

  test('chat search takes the documented chat fields, UNIX timestamps in whole seconds', async () => {
    const customer = fake.seedCustomer({ name: 'Chat Searcher', tags: [{ name: 'Paid' }] });
    const chat = fake.seedChat({ customer: Number(customer.id), createdAt: 1_700_000_100 });
    const search = async (filter: unknown[]) => call('chats/search', { method: 'POST', body: JSON.stringify({ filter }) });
    expect((await search([{ field: 'chats.createdAt', operator: '>=', value: 1_700_000_100 }])).body).toMatchObject({ total: 1, data: [{ id: chat.id }] });
    expect((await search([{ field: 'chats.customer.tagsData', operator: '=', value: [{ name: 'Paid' }] }])).body).toMatchObject({ data: [{ id: chat.id }] });
    expect((await search([{ field: 'chats.createdAt', operator: '>=', value: 1_700_000_100.5 }])).body.errors).toContainEqual({
      code: 'filter[0].value',
      message: 'This value should be of type integer.',
    });
    expect((await search([{ field: 'chats.id', operator: '=', value: chat.id }])).body.errors).toContainEqual({
      code: 'filter[0].field',
      message: 'The value you selected is not a valid choice.',
    });
  });

  test('POST messages answers a chat that is no id 400 invalid_chat_value, an unknown chat 404 chat_not_found, as the docs list', async () => {
    const post = async (chat: unknown) => call('messages', { method: 'POST', body: JSON.stringify({ chat, text: 'Hi', type: 'message' }) });
    for (const chat of ['abc', 0, '', null]) {
      expect(await post(chat)).toEqual({ status: 400, body: { errors: [{ code: 'invalid_chat_value', message: 'Invalid chat ID' }] } });
    }
    expect(await post(999_999_999)).toEqual({ status: 404, body: { errors: [{ code: 'chat_not_found', message: 'Chat is missing' }] } });
  });

  test('GET customers/{id} answers the bare customer, PATCH changes only the fields sent, an unknown id is 404 entity_not_found', async () => {
    const customer = fake.seedCustomer({ name: 'Nora', company: 'Keep Ltd', notes: 'First line' });
    expect(await call(`customers/${String(customer.id)}`)).toEqual({ status: 200, body: customer });
    const patched = await call(`customers/${String(customer.id)}`, { method: 'PATCH', body: JSON.stringify({ notes: 'First line\nSecond line' }) });
    expect(patched).toEqual({ status: 200, body: { ...customer, notes: 'First line\nSecond line' } });
    const missing = { status: 404, body: { errors: [{ code: 'entity_not_found', message: 'Customer not found' }] } };
    expect(await call('customers/999999999')).toEqual(missing);
    expect(await call('customers/999999999', { method: 'PATCH', body: JSON.stringify({ notes: 'x' }) })).toEqual(missing);
  });

  test('answers 429 too_many_requests past the per-minute limit and in the next minute again serves', async () => {
    let now = 5 * 60_000;
    const limited = await startHelpCrunchFake({ rateLimitPerMinute: 2, now: () => now });
    const get = async (): Promise<number> =>
      (await fetch(`${limited.origin}/v1/organization`, { headers: { authorization: `Bearer ${limited.token}` } })).status;
    expect([await get(), await get(), await get()]).toEqual([200, 200, 429]);
    now += 60_000;
    expect(await get()).toBe(200);
    await limited.close();
  });

  test('signs deliveries with hex HMAC-SHA1 of the raw body', () => {
    expect(fake.signature('{"event":"chat.new"}', 'key')).toMatch(/^[0-9a-f]{40}$/);
    expect(fake.signature('{"event":"chat.new"}', 'key')).not.toBe(fake.signature('{"event":"chat.new"}', 'other'));
  });
});
