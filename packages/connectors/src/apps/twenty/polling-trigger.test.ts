// Tests of the Twenty polling triggers over real HTTP against the fake: first poll, cursor, paging, dedupe keys.
import { describe, expect, test } from 'vitest';
import { startTwentyFake, type TwentyFake } from '@switchyard/testing/fakes/twenty';
import type { HttpClient } from '../../http/client.ts';
import type { Cursor } from '../../kit/define.ts';
import { dedupeKeyOf, pollTrigger } from '../../kit/perform.ts';
import { startConnectorTestbed, useConnectorTestbed } from '../../../test/testbed.ts';
import { twentyApp } from './index.ts';
import { POLL_MAX_PAGES } from './polling-trigger.ts';
import { recordCreatedPolling } from './triggers/record-created-polling.ts';
import { recordUpdatedPolling } from './triggers/record-updated-polling.ts';

let fake: TwentyFake;
let client: HttpClient;
let auth: { baseUrl: string; apiKey: string };

// Pages of two records (the server caps `limit`), so paging shows with a handful of records.
useConnectorTestbed(
  () =>
    startConnectorTestbed(
      twentyApp,
      () => startTwentyFake({ maxLimit: 2, customObjects: [{ nameSingular: 'pet', namePlural: 'pets' }] }),
      (started) => ({
        baseUrl: started.origin,
        apiKey: started.token,
      }),
    ),
  (bed) => ({ fake, client, auth } = bed),
  { each: true },
);

function poll(trigger: typeof recordCreatedPolling | typeof recordUpdatedPolling, cursor: Cursor | null, object = 'people') {
  return pollTrigger(trigger, { input: { object }, auth, client, cursor });
}

const firstNames = (items: unknown[]) => items.map((item) => (item as { name: { firstName: string } }).name.firstName);

function seedPeople(...names: string[]) {
  return fake.seed(
    'people',
    names.map((firstName) => ({ name: { firstName, lastName: 'Test' } })),
  );
}

describe('twenty record_created_polling', () => {
  test('first poll: the newest page, newest first, and the newest createdAt as the cursor', async () => {
    seedPeople('A', 'B', 'C');
    const result = await poll(recordCreatedPolling, null);
    expect(fake.requests[0]?.query).toEqual({ order_by: 'createdAt[DescNullsLast]', limit: '200' });
    expect(firstNames(result.items)).toEqual(['C', 'B']);
    expect(result.cursor).toBe(fake.records('people')[2]?.createdAt);
  });

  test('later polls ask only for records created since the cursor and follow every page', async () => {
    const [, b] = seedPeople('A', 'B');
    const cursor = b?.createdAt as string;
    seedPeople('C', 'D', 'E', 'F', 'G', 'H');
    const result = await poll(recordCreatedPolling, cursor);
    expect(fake.requests.map((request) => request.query)).toEqual([
      { filter: `createdAt[gte]:${cursor}`, order_by: 'createdAt[AscNullsFirst]', limit: '200' },
      expect.objectContaining({ starting_after: expect.any(String) }),
      expect.objectContaining({ starting_after: expect.any(String) }),
    ]);
    expect(POLL_MAX_PAGES).toBe(3);
    // Capped at three pages: H is left for the next poll. gte keeps the boundary record B, which the platform drops by its dedupe key.
    expect(firstNames(result.items)).toEqual(['G', 'F', 'E', 'D', 'C', 'B']);
    expect(result.cursor).toBe(fake.records('people').find((record) => (record.name as { firstName: string }).firstName === 'G')?.createdAt);
  });

  test('a burst bigger than one poll continues on the next poll from where the cursor stopped', async () => {
    const [a] = seedPeople('A');
    seedPeople('B', 'C', 'D', 'E', 'F', 'G', 'H');
    const first = await poll(recordCreatedPolling, a?.createdAt as string);
    expect(firstNames(first.items)).toEqual(['F', 'E', 'D', 'C', 'B', 'A']);
    const second = await poll(recordCreatedPolling, first.cursor);
    expect(firstNames(second.items)).toEqual(['H', 'G', 'F']);
    expect(second.cursor).toBe(fake.records('people').at(-1)?.createdAt);
  });

  test('keeps the previous cursor when nothing is new, and has no cursor while the object is empty', async () => {
    expect(await poll(recordCreatedPolling, null)).toMatchObject({ items: [], cursor: null });
    const [a] = seedPeople('A');
    const result = await poll(recordCreatedPolling, a?.createdAt as string);
    expect(firstNames(result.items)).toEqual(['A']);
    expect(result.cursor).toBe(a?.createdAt);
  });

  test('dedupes new records by id', async () => {
    const [a] = seedPeople('A');
    const result = await poll(recordCreatedPolling, null);
    expect(dedupeKeyOf(recordCreatedPolling, result.items[0])).toBe(a?.id);
  });

  test('polls custom objects by their plural name', async () => {
    fake.seed('pets', [{ name: 'Rex' }]);
    const result = await poll(recordCreatedPolling, null, 'pets');
    expect(result.items).toMatchObject([{ name: 'Rex' }]);
    expect(fake.requests[0]?.path).toBe('/rest/pets');
  });
});

describe('twenty record_updated_polling', () => {
  test('finds records changed since the cursor by updatedAt, newest change first', async () => {
    const [a, b, c] = seedPeople('A', 'B', 'C');
    const first = await poll(recordUpdatedPolling, null);
    expect(fake.requests[0]?.query).toMatchObject({ order_by: 'updatedAt[DescNullsLast]' });
    fake.updateRecord('people', a?.id as string, { jobTitle: 'CEO' });
    fake.updateRecord('people', c?.id as string, { jobTitle: 'CFO' });
    fake.requests.length = 0;
    const second = await poll(recordUpdatedPolling, first.cursor);
    expect(fake.requests[0]?.query).toMatchObject({ filter: `updatedAt[gte]:${String(first.cursor)}`, order_by: 'updatedAt[AscNullsFirst]' });
    // B is unchanged since the cursor; C, the cursor's own record, appears once with its new update time.
    expect(firstNames(second.items)).toEqual(['C', 'A']);
    expect(second.cursor).toBe(fake.records('people').find((record) => record.id === c?.id)?.updatedAt);
    expect(second.items.map((item) => (item as { id: string }).id)).not.toContain(b?.id);
  });

  test('dedupes by id and updatedAt, so each change of the same record counts once', async () => {
    const [a] = seedPeople('A');
    const before = await poll(recordUpdatedPolling, null);
    fake.updateRecord('people', a?.id as string, { city: 'Paris' });
    const after = await poll(recordUpdatedPolling, before.cursor);
    const keyBefore = dedupeKeyOf(recordUpdatedPolling, before.items[0]);
    const keyAfter = dedupeKeyOf(recordUpdatedPolling, after.items[0]);
    expect(keyBefore).toBe(`${String(a?.id)}:${String(a?.updatedAt)}`);
    expect(keyAfter).not.toBe(keyBefore);
    expect(keyAfter.startsWith(String(a?.id))).toBe(true);
  });
});
