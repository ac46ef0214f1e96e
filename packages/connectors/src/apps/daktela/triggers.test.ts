// The Daktela polling triggers over real HTTP against the fake: first poll, cursor, paging, narrowing and dedupe keys.
import { describe, expect, test } from 'vitest';
import { startDaktelaFake, type DaktelaFake } from '@switchyard/testing/fakes/daktela';
import type { HttpClient } from '../../http/client.ts';
import type { PollingTriggerDefinition } from '../../kit/define.ts';
import { dedupeKeyOf, pollTrigger } from '../../kit/perform.ts';
import { startConnectorTestbed, useConnectorTestbed } from '../../../test/testbed.ts';
import { daktelaApp } from './index.ts';
import { POLL_MAX_PAGES, POLL_PAGE_SIZE } from './record-triggers.ts';

let fake: DaktelaFake;
let client: HttpClient;
let auth: { baseUrl: string; accessToken: string };
// A fresh fake for each test.
useConnectorTestbed(
  () => startConnectorTestbed(daktelaApp, startDaktelaFake, (started) => ({ baseUrl: started.origin, accessToken: started.token })),
  (bed) => ({ fake, client, auth } = bed),
  { each: true },
);

function trigger(key: string): PollingTriggerDefinition {
  const found = daktelaApp.triggers.find((item) => item.key === key);
  if (found?.type !== 'polling') throw new Error(`no polling trigger ${key}`);
  return found;
}

type Query = Record<string, unknown>;
const lastQuery = (): Query => (fake.requests.at(-1)?.query ?? {}) as Query;

const cases = [
  {
    noun: 'ticket',
    model: 'tickets',
    record: (i: number) => ({ title: `Ticket ${i}`, category: 'categories_5fa2a1b2c3d4e000000001', stage: 'OPEN', priority: 'LOW' }),
  },
  { noun: 'contact', model: 'contacts', record: (i: number) => ({ title: `Contact ${i}`, lastname: `Doe ${i}`, database: 'default' }) },
  { noun: 'crm_record', model: 'crmRecords', record: (i: number) => ({ title: `Deal ${i}`, type: 'crmrecordtypes_5fa2a1b2c3d4e000000031', stage: 'OPEN' }) },
  {
    noun: 'campaign_record',
    model: 'campaignsRecords',
    record: (i: number) => ({ record_type: 'campaignstypes_5fa2a1b2c3d4e000000041', number: `+42077700000${i}` }),
  },
  { noun: 'account', model: 'accounts', record: (i: number) => ({ title: `Company ${i}`, database: 'default' }) },
] as const;

describe.each(cases)('$noun triggers', ({ noun, model, record }) => {
  test(`new_${noun}: the first poll takes the newest page newest first and keeps the newest created time as the cursor`, async () => {
    const seeded = fake.seed(model, [record(1), record(2), record(3)]);
    const result = await pollTrigger(trigger(`new_${noun}`), { input: {}, auth, client, cursor: null });

    expect(result.items.map((item) => (item as { name: unknown }).name)).toEqual(seeded.map((item) => item.name).reverse());
    expect(result.cursor).toBe(seeded[2]?.created);
    expect(fake.requests.at(-1)?.path).toBe(`/api/v6/${model}.json`);
    expect(lastQuery()).toMatchObject({ skip: '0', take: String(POLL_PAGE_SIZE), sort: { 0: { field: 'created', dir: 'desc' } } });
    expect(lastQuery().filter).toBeUndefined();
  });

  test(`new_${noun}: later polls ask for created >= cursor, oldest first, and move the cursor to the newest record`, async () => {
    const [first] = fake.seed(model, [record(1)]);
    const cursor = String(first?.created);
    const later = fake.seed(model, [record(2), record(3)]);
    const result = await pollTrigger(trigger(`new_${noun}`), { input: {}, auth, client, cursor });

    // The record at exactly the cursor time comes back too; the platform's dedupe drops it.
    expect(result.items.map((item) => (item as { name: unknown }).name)).toEqual([later[1]?.name, later[0]?.name, first?.name]);
    expect(result.cursor).toBe(later[1]?.created);
    expect(lastQuery()).toMatchObject({
      filter: { logic: 'and', filters: { 0: { field: 'created', operator: 'gte', value: cursor } } },
      sort: { 0: { field: 'created', dir: 'asc' }, 1: { field: 'name', dir: 'asc' } },
    });
  });

  test(`new_${noun}: the dedupe key is the record's name`, async () => {
    const [seeded] = fake.seed(model, [record(1)]);
    const { items } = await pollTrigger(trigger(`new_${noun}`), { input: {}, auth, client, cursor: null });
    expect(dedupeKeyOf(trigger(`new_${noun}`), items[0])).toBe(String(seeded?.name));
  });

  test(`updated_${noun}: polls by edited time and keys each change by name and edited time`, async () => {
    const [seeded] = fake.seed(model, [record(1)]);
    const first = await pollTrigger(trigger(`updated_${noun}`), { input: {}, auth, client, cursor: null });
    expect(first.cursor).toBe(seeded?.edited);
    const firstKey = dedupeKeyOf(trigger(`updated_${noun}`), first.items[0]);
    expect(firstKey).toBe(`${String(seeded?.name)}@${String(seeded?.edited)}`);

    fake.advanceClock(60);
    const [edited] = fake.seed(model, { ...seeded, edited: fake.now() });
    const second = await pollTrigger(trigger(`updated_${noun}`), { input: {}, auth, client, cursor: first.cursor });

    expect(lastQuery()).toMatchObject({
      filter: { filters: { 0: { field: 'edited', operator: 'gte', value: first.cursor } } },
      sort: { 0: { field: 'edited', dir: 'asc' } },
    });
    expect(second.items).toHaveLength(1);
    expect(second.cursor).toBe(edited?.edited);
    const secondKey = dedupeKeyOf(trigger(`updated_${noun}`), second.items[0]);
    expect(secondKey).toBe(`${String(seeded?.name)}@${String(edited?.edited)}`);
    expect(secondKey).not.toBe(firstKey);
  });

  test(`new_${noun}: a poll with nothing new keeps the cursor`, async () => {
    fake.seed(model, [record(1)]);
    const cursor = '2099-01-01 00:00:00';
    const result = await pollTrigger(trigger(`new_${noun}`), { input: {}, auth, client, cursor });
    expect(result.items).toEqual([]);
    expect(result.cursor).toBe(cursor);
  });
});

describe('paging', () => {
  test('a poll follows skip/take past the first page and stops at result.total', async () => {
    const cursor = fake.now();
    fake.seed(
      'tickets',
      Array.from({ length: 250 }, (_, i) => ({ title: `T${i}`, stage: 'OPEN', priority: 'LOW', category: 'c' })),
    );
    const result = await pollTrigger(trigger('new_ticket'), { input: {}, auth, client, cursor });

    expect(result.items).toHaveLength(250);
    expect(fake.requests.map((request) => request.query.skip)).toEqual(['0', '100', '200']);
    expect((result.items[0] as { name: number }).name).toBe(250);
    expect((result.items[249] as { name: number }).name).toBe(1);
  });

  test('a burst larger than one poll is taken oldest first, and the next poll continues from its cursor', async () => {
    const cursor = fake.now();
    const total = POLL_PAGE_SIZE * POLL_MAX_PAGES + 30;
    fake.seed(
      'contacts',
      Array.from({ length: total }, (_, i) => ({ title: `C${i}`, lastname: 'X', database: 'default' })),
    );

    const first = await pollTrigger(trigger('new_contact'), { input: {}, auth, client, cursor });
    expect(first.items).toHaveLength(POLL_PAGE_SIZE * POLL_MAX_PAGES);
    expect(fake.requests).toHaveLength(POLL_MAX_PAGES);
    const oldestNotYetSeen = fake.records('contacts')[POLL_PAGE_SIZE * POLL_MAX_PAGES];
    expect(first.cursor).toBe(fake.records('contacts')[POLL_PAGE_SIZE * POLL_MAX_PAGES - 1]?.created);

    const second = await pollTrigger(trigger('new_contact'), { input: {}, auth, client, cursor: first.cursor });
    const names = second.items.map((item) => (item as { name: string }).name);
    expect(names).toContain(oldestNotYetSeen?.name);
    expect(names).toHaveLength(31); // the 30 left and the one at the cursor time
  });

  test('lists whose result.data is keyed by record name are read like arrays', async () => {
    fake.dataAsObject = true;
    const seeded = fake.seed('accounts', [
      { title: 'A', database: 'default' },
      { title: 'B', database: 'default' },
    ]);
    const result = await pollTrigger(trigger('new_account'), { input: {}, auth, client, cursor: null });
    expect(result.items.map((item) => (item as { name: string }).name).sort()).toEqual(seeded.map((item) => String(item.name)).sort());
  });
});

describe('narrowing inputs', () => {
  test('ticket triggers filter by category and stage with eq conditions', async () => {
    fake.seed('tickets', [
      { title: 'kept', category: 'categories_5fa2a1b2c3d4e000000001', stage: 'OPEN', priority: 'LOW' },
      { title: 'other stage', category: 'categories_5fa2a1b2c3d4e000000001', stage: 'CLOSE', priority: 'LOW' },
      { title: 'other category', category: 'categories_other', stage: 'OPEN', priority: 'LOW' },
    ]);
    const result = await pollTrigger(trigger('new_ticket'), {
      input: { category: 'categories_5fa2a1b2c3d4e000000001', stage: 'OPEN' },
      auth,
      client,
      cursor: null,
    });

    expect(result.items.map((item) => (item as { title: string }).title)).toEqual(['kept']);
    expect(lastQuery()).toMatchObject({
      filter: {
        logic: 'and',
        filters: { 0: { field: 'category', operator: 'eq', value: 'categories_5fa2a1b2c3d4e000000001' }, 1: { field: 'stage', operator: 'eq', value: 'OPEN' } },
      },
    });
  });

  test('CRM and campaign record triggers filter by their type', async () => {
    fake.seed('crmRecords', [
      { title: 'deal', type: 'crmrecordtypes_5fa2a1b2c3d4e000000031', stage: 'OPEN' },
      { title: 'order', type: 'other', stage: 'OPEN' },
    ]);
    fake.seed('campaignsRecords', [{ record_type: 'campaignstypes_5fa2a1b2c3d4e000000041' }, { record_type: 'other' }]);
    const crm = await pollTrigger(trigger('updated_crm_record'), { input: { type: 'crmrecordtypes_5fa2a1b2c3d4e000000031' }, auth, client, cursor: null });
    const campaign = await pollTrigger(trigger('new_campaign_record'), {
      input: { record_type: 'campaignstypes_5fa2a1b2c3d4e000000041' },
      auth,
      client,
      cursor: null,
    });

    expect(crm.items.map((item) => (item as { title: string }).title)).toEqual(['deal']);
    expect(campaign.items).toHaveLength(1);
    // References come back expanded, as the real API returns them.
    expect((campaign.items[0] as { record_type: { title: string } }).record_type.title).toBe('Callback');
  });
});

test('the app has the ten polling triggers the brief lists', () => {
  expect(daktelaApp.triggers.map((item) => `${item.key}:${item.type}`)).toEqual([
    'new_ticket:polling',
    'updated_ticket:polling',
    'new_contact:polling',
    'updated_contact:polling',
    'new_crm_record:polling',
    'updated_crm_record:polling',
    'new_campaign_record:polling',
    'updated_campaign_record:polling',
    'new_account:polling',
    'updated_account:polling',
  ]);
});
