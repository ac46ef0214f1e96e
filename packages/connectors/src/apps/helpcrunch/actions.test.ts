// HelpCrunch actions over real HTTP: each request as the fake received it, each output, and the failures a zap branches on.
import { describe, expect, test } from 'vitest';
import { startHelpCrunchFake, type HelpCrunchFake } from '@switchyard/testing/fakes/helpcrunch';
import type { HttpClient } from '../../http/client.ts';
import { findAction } from '../../kit/define.ts';
import { failureOf, startConnectorTestbed, useConnectorTestbed, type ConnectorTestbed } from '../../../test/testbed.ts';
import { helpcrunchApp } from './index.ts';

let fake: HelpCrunchFake;
let client: HttpClient;
let auth: { apiKey: string; baseUrl: string };
let perform: ConnectorTestbed['perform'];
useConnectorTestbed(
  () => startConnectorTestbed(helpcrunchApp, startHelpCrunchFake, (started) => ({ apiKey: started.token, baseUrl: started.origin })),
  (bed) => ({ fake, client, auth, perform } = bed),
);

const failing = (key: string, input: unknown) => failureOf(perform(key, input));

describe('create_customer', () => {
  test('POSTs the filled-in fields, tags as {name} and custom data as [{property, value}], and returns the 201 customer', async () => {
    const result = await perform('create_customer', {
      name: 'Jane Roe',
      email: 'jane@example.com',
      userId: 'crm-77',
      company: 'Roe & Co',
      phone: '',
      tags: 'lead, newsletter',
      customData: { plan: 'trial', seats: 5 },
    });
    expect(fake.requests.at(-1)).toMatchObject({
      method: 'POST',
      path: 'customers',
      body: {
        name: 'Jane Roe',
        email: 'jane@example.com',
        userId: 'crm-77',
        company: 'Roe & Co',
        tags: [{ name: 'lead' }, { name: 'newsletter' }],
        customData: [
          { property: 'plan', value: 'trial' },
          { property: 'seats', value: 5 },
        ],
      },
    });
    expect(fake.requests.at(-1)?.body).not.toHaveProperty('phone');
    expect(result.output).toMatchObject({
      id: expect.any(Number),
      email: 'jane@example.com',
      customData: { plan: 'trial', seats: 5 },
      tags: [{ name: 'lead' }, { name: 'newsletter' }],
    });
    expect(result.requests[0]?.status).toBe(201);
  });

  test('a used user id fails with HelpCrunch’s message for the field', async () => {
    const failure = await failing('create_customer', { name: 'Twin', userId: 'crm-77' });
    expect(failure.message).toContain('Invalid request; userId: This value is already used.');
  });
});

describe('update_customer', () => {
  test('finds the customer by email with an exact search, then PATCHes only the given fields', async () => {
    const customer = fake.seedCustomer({ name: 'Old Name', email: 'found@example.com', company: 'Keep Ltd' });
    const before = fake.requests.length;
    const result = await perform('update_customer', { findBy: 'email', findValue: 'Found@Example.com', name: 'New Name', customData: { tier: 'gold' } });
    const [search, patch] = fake.requests.slice(before);
    expect(search).toMatchObject({
      method: 'POST',
      path: 'customers/search',
      body: { filter: [{ field: 'customers.email', operator: '=', value: 'Found@Example.com' }] },
    });
    expect(patch).toMatchObject({
      method: 'PATCH',
      path: `customers/${String(customer.id)}`,
      body: { name: 'New Name', customData: [{ property: 'tier', value: 'gold' }] },
    });
    expect(result.output).toMatchObject({ id: customer.id, name: 'New Name', company: 'Keep Ltd', customData: { tier: 'gold' } });
  });

  test('finds by user id the same way, and by id without a search', async () => {
    const customer = fake.seedCustomer({ name: 'By User', userId: 'ext-42' });
    await perform('update_customer', { findBy: 'userId', findValue: 'ext-42', company: 'Acme' });
    expect(fake.requests.at(-2)?.body).toMatchObject({ filter: [{ field: 'customers.userId', operator: '=', value: 'ext-42' }] });
    const before = fake.requests.length;
    const result = await perform('update_customer', { findBy: 'id', findValue: String(customer.id), phone: '+380441234567' });
    expect(fake.requests.slice(before).map((r) => [r.method, r.path])).toEqual([['PATCH', `customers/${String(customer.id)}`]]);
    expect(result.output).toMatchObject({ company: 'Acme', phone: '+380441234567' });
  });

  test('no customer with that email is a permanent NOT_FOUND failure with a clear message, and nothing is changed', async () => {
    const failure = await failing('update_customer', { findBy: 'email', findValue: 'ghost@example.com', name: 'X' });
    expect(failure).toMatchObject({ code: 'NOT_FOUND', transient: false });
    expect(failure.message).toBe('No HelpCrunch customer has the email ghost@example.com.');
    expect(fake.requests.at(-1)?.method).toBe('POST');
  });

  test('a similar but different email is not taken for the customer', async () => {
    fake.seedCustomer({ name: 'Near', email: 'anna.smith@example.com' });
    const failure = await failing('update_customer', { findBy: 'email', findValue: 'anna@example.com', name: 'X' });
    expect(failure.code).toBe('NOT_FOUND');
  });

  test('an unknown id is a permanent NOT_FOUND failure too', async () => {
    const failure = await failing('update_customer', { findBy: 'id', findValue: 999999999, name: 'X' });
    expect(failure).toMatchObject({ code: 'NOT_FOUND', transient: false, message: 'No HelpCrunch customer has the id 999999999.' });
  });

  test('the scenario “update by email, else create” ends with one customer', async () => {
    const email = 'scenario@example.com';
    const update = await failing('update_customer', { findBy: 'email', findValue: email, name: 'Scenario' });
    expect(update.code).toBe('NOT_FOUND');
    await perform('create_customer', { name: 'Scenario', email });
    await perform('update_customer', { findBy: 'email', findValue: email, company: 'Second run' });
    expect(fake.customers().filter((c) => c.email === email)).toEqual([expect.objectContaining({ name: 'Scenario', company: 'Second run' })]);
  });
});

describe('search_customers', () => {
  test('POSTs one filter with the chosen operator and returns the customers with the total', async () => {
    fake.seedCustomer({ name: 'Search A', email: 'a@searchable.io' });
    fake.seedCustomer({ name: 'Search B', email: 'b@searchable.io' });
    const result = await perform('search_customers', { field: 'email', operator: '~', value: 'searchable.io', limit: 1 });
    expect(fake.requests.at(-1)).toMatchObject({
      method: 'POST',
      path: 'customers/search',
      body: { filter: [{ field: 'customers.email', operator: '~', value: 'searchable.io' }], limit: 1, offset: 0 },
    });
    expect(result.output).toMatchObject({ count: 1, total: 2, customers: [expect.objectContaining({ email: expect.stringMatching(/@searchable\.io$/) })] });
  });
});

describe('tag_customer', () => {
  test('PUTs the tags to customers/{id}/tags, keeping the tags the customer had', async () => {
    const customer = fake.seedCustomer({ name: 'Tagged', email: 'tagged@example.com', tags: [{ name: 'old', color: '#000000' }] });
    const result = await perform('tag_customer', { findBy: 'email', findValue: 'tagged@example.com', tags: 'vip, renewal', color: '#ff0000' });
    expect(fake.requests.at(-1)).toMatchObject({
      method: 'PUT',
      path: `customers/${String(customer.id)}/tags`,
      body: {
        tags: [
          { name: 'vip', color: '#ff0000' },
          { name: 'renewal', color: '#ff0000' },
        ],
      },
    });
    expect((result.output as { tags: Array<{ name: string }> }).tags.map((t) => t.name)).toEqual(['old', 'vip', 'renewal']);
  });

  test('no tags given is refused before any request', async () => {
    const before = fake.requests.length;
    const failure = await failing('tag_customer', { findBy: 'id', findValue: 1, tags: ' , ' });
    expect(failure).toMatchObject({ code: 'INVALID_INPUT', transient: false });
    expect(failure.message).toContain('tags: Too small: expected array to have >=1 items');
    expect(fake.requests.length).toBe(before);
  });
});

describe('add_customer_note', () => {
  test('GETs the customer, then PATCHes only notes with the note on a new line below the others, and returns the customer', async () => {
    const customer = fake.seedCustomer({ name: 'Noted', email: 'noted@example.com', notes: 'Asked about the annual plan' });
    const before = fake.requests.length;
    const result = await perform('add_customer_note', { customerId: String(customer.id), note: 'Called back' });
    const [get, patch] = fake.requests.slice(before);
    expect(get).toMatchObject({ method: 'GET', path: `customers/${String(customer.id)}` });
    expect(patch).toMatchObject({ method: 'PATCH', path: `customers/${String(customer.id)}` });
    expect(patch?.body).toEqual({ notes: 'Asked about the annual plan\nCalled back' });
    expect(fake.requests.length - before).toBe(2);
    expect(result.output).toMatchObject({ id: customer.id, name: 'Noted', email: 'noted@example.com', notes: 'Asked about the annual plan\nCalled back' });
  });

  test('a second note goes below the first; a multi-line note is kept as typed', async () => {
    const customer = fake.seedCustomer({ name: 'Twice' });
    await perform('add_customer_note', { customerId: customer.id, note: 'First' });
    const result = await perform('add_customer_note', { customerId: customer.id, note: '  Second\n  indented' });
    expect(result.output).toMatchObject({ notes: 'First\n  Second\n  indented' });
  });

  test('a customer without notes (null, blank) gets just the note; notes ending in a line break get no empty line', async () => {
    const none = fake.seedCustomer({ name: 'No notes' });
    expect(none.notes).toBeNull();
    expect((await perform('add_customer_note', { customerId: none.id, note: 'First note' })).output).toMatchObject({ notes: 'First note' });
    const blank = fake.seedCustomer({ name: 'Blank notes', notes: '  ' });
    expect((await perform('add_customer_note', { customerId: blank.id, note: 'Only this' })).output).toMatchObject({ notes: 'Only this' });
    const ended = fake.seedCustomer({ name: 'Ended', notes: 'Line one\n' });
    expect((await perform('add_customer_note', { customerId: ended.id, note: 'Line two' })).output).toMatchObject({ notes: 'Line one\nLine two' });
  });

  test('an unknown id is a permanent NOT_FOUND failure, and nothing is PATCHed', async () => {
    const before = fake.requests.length;
    const failure = await failing('add_customer_note', { customerId: 999999999, note: 'Hello' });
    expect(failure).toMatchObject({ code: 'NOT_FOUND', transient: false, message: 'No HelpCrunch customer has the id 999999999.' });
    expect(fake.requests.slice(before).map((r) => r.method)).toEqual(['GET']);
  });

  test('a blank note or an id that is not a number is refused before any request', async () => {
    const before = fake.requests.length;
    expect(await failing('add_customer_note', { customerId: 1, note: '   ' })).toMatchObject({ code: 'INVALID_INPUT', transient: false });
    expect(await failing('add_customer_note', { customerId: 'jane@example.com', note: 'Hi' })).toMatchObject({ code: 'INVALID_INPUT', transient: false });
    expect(fake.requests.length).toBe(before);
  });
});

describe('send_message', () => {
  test('an agent reply POSTs chat, text, type and agent to /messages and returns the message', async () => {
    const customer = fake.seedCustomer({ name: 'Chat Person', email: 'chat@example.com' });
    const chat = fake.seedChat({ customer: Number(customer.id) });
    const result = await perform('send_message', { chatId: String(chat.id), text: 'Thanks, we are on it!', agentId: 4188 });
    expect(fake.requests.at(-1)).toMatchObject({
      method: 'POST',
      path: 'messages',
      body: { chat: chat.id, text: 'Thanks, we are on it!', type: 'message', agent: 4188 },
    });
    expect(result.output).toMatchObject({ type: 'message', chat: chat.id, from: 'agent', agent: { id: 4188 } });
  });

  test('without an agent the message is sent as the customer', async () => {
    const chat = fake.chats()[0];
    await perform('send_message', { chatId: Number(chat?.id), text: 'Any news?' });
    expect(fake.requests.at(-1)?.body).toEqual({ chat: chat?.id, text: 'Any news?', type: 'message' });
    expect(fake.messages().at(-1)).toMatchObject({ from: 'customer' });
  });

  test('a private note without an agent is refused before any request', async () => {
    const before = fake.requests.length;
    const failure = await failing('send_message', { chatId: 1, text: 'internal', type: 'private' });
    expect(failure.message).toBe('A private note is written by an agent: choose the agent.');
    expect(fake.requests.length).toBe(before);
  });

  test('an unknown chat is a permanent NOT_FOUND failure', async () => {
    const failure = await failing('send_message', { chatId: 424242, text: 'hello', agentId: 4188 });
    expect(fake.requests.at(-1)).toMatchObject({ method: 'POST', path: 'messages' });
    expect(failure).toMatchObject({ code: 'NOT_FOUND', transient: false, message: 'No HelpCrunch chat has the id 424242.' });
  });

  test('the other answer the docs give for a chat, 400 invalid_chat_value "Invalid chat ID", is NOT_FOUND too', async () => {
    const chat = fake.chats()[0];
    fake.failNext({ method: 'POST', path: 'messages' }, 400, [{ code: 'invalid_chat_value', message: 'Invalid chat ID' }]);
    const failure = await failing('send_message', { chatId: Number(chat?.id), text: 'hello', agentId: 4188 });
    expect(failure).toMatchObject({ code: 'NOT_FOUND', transient: false, message: `No HelpCrunch chat has the id ${String(chat?.id)}.` });
  });

  test('an unknown agent stays an HTTP error in HelpCrunch’s words, not a missing chat', async () => {
    const chat = fake.chats()[0];
    const failure = await failing('send_message', { chatId: Number(chat?.id), text: 'hello', agentId: 999 });
    expect(failure).toMatchObject({ code: 'HTTP_ERROR', status: 404 });
    expect(failure.message).toContain('Agent not found');
  });

  test('the agent dropdown lists HelpCrunch’s agents', async () => {
    const options = await findAction(helpcrunchApp, 'send_message')?.options?.agentId?.({ auth, http: client.forStep(), input: {} });
    expect(options).toEqual([{ value: 4188, label: 'Sam Agent <sam@example.com>' }]);
  });
});
