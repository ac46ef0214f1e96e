// Polling triggers over real HTTP against the fake: seeding, cursors, paging, the page cap, filters and dedupe keys.
import { describe, expect, test } from 'vitest';
import { startPipedriveFake, type PipedriveFake } from '@switchyard/testing/fakes/pipedrive';
import type { Cursor, PollingTriggerDefinition } from '../../kit/define.ts';
import { findTrigger } from '../../kit/define.ts';
import { pollTrigger } from '../../kit/perform.ts';
import { startConnectorTestbed, useConnectorTestbed, type ConnectorTestbed } from '../../../test/testbed.ts';
import { pipedriveApp } from './index.ts';
import type { RecordKind } from './records.ts';

let bed: ConnectorTestbed<PipedriveFake, { apiToken: string; baseUrl: string }>;
useConnectorTestbed(
  // Ten records a page, so that paging shows with a few dozen records.
  () =>
    startConnectorTestbed(
      pipedriveApp,
      () => startPipedriveFake({ maxPageSize: 10 }),
      (fake) => ({ apiToken: fake.token, baseUrl: fake.origin }),
    ),
  (started) => (bed = started),
  { each: true },
);

const trigger = (key: string) => findTrigger(pipedriveApp, key) as PollingTriggerDefinition;
const poll = (key: string, cursor: Cursor | null, input: unknown = {}) => pollTrigger(trigger(key), { input, auth: bed.auth, client: bed.client, cursor });
const ids = (items: unknown[]) => items.map((item) => (item as { id: number }).id);
const nameOf: Record<RecordKind, Record<string, string>> = {
  deal: { title: 'Deal' },
  person: { name: 'Person' },
  organization: { name: 'Org' },
  activity: { subject: 'Call' },
};

describe('new records', () => {
  test('the first poll reads one page newest first and keeps the newest add_time as cursor', async () => {
    for (let i = 0; i < 15; i++) bed.fake.create('deal', { title: `Deal ${i}` });
    const first = await poll('new_deal', null);
    expect(bed.fake.requests).toHaveLength(1);
    expect(bed.fake.requests[0]).toMatchObject({ method: 'GET', path: '/api/v2/deals', query: { sort_by: 'add_time', sort_direction: 'desc', limit: '100' } });
    expect(ids(first.items)).toEqual([15, 14, 13, 12, 11, 10, 9, 8, 7, 6]);
    expect(first.cursor).toBe(bed.fake.records('deal')[14]?.add_time);
  });

  test('later polls page back until the records are older than the cursor, and advance it', async () => {
    for (let i = 0; i < 5; i++) bed.fake.create('deal', { title: `Old ${i}` });
    const first = await poll('new_deal', null);
    for (let i = 0; i < 25; i++) bed.fake.create('deal', { title: `New ${i}` });
    bed.fake.requests.length = 0;

    const second = await poll('new_deal', first.cursor);
    // 25 new deals + the boundary deal of the cursor's own second (the platform dedupes it by id).
    expect(ids(second.items)).toEqual(Array.from({ length: 26 }, (_, i) => 30 - i));
    expect(bed.fake.requests).toHaveLength(3);
    expect(bed.fake.requests[1]?.query.cursor).toBeTruthy();
    expect(second.cursor).toBe(bed.fake.records('deal').at(-1)?.add_time);

    bed.fake.requests.length = 0;
    const third = await poll('new_deal', second.cursor);
    expect(ids(third.items)).toEqual([30]);
    expect(third.cursor).toBe(second.cursor);
    expect(bed.fake.requests).toHaveLength(1);
  });

  test('a record changed after its creation is not new again: dedupe is by id alone', async () => {
    const deal = bed.fake.create('deal', { title: 'Once' });
    const updated = bed.fake.update('deal', deal.id, { title: 'Twice' });
    expect(trigger('new_deal').dedupeKey(deal)).toBe(String(deal.id));
    expect(trigger('new_deal').dedupeKey(updated)).toBe(String(deal.id));
  });

  test('the owner and pipeline filters are passed to Pipedrive', async () => {
    bed.fake.create('deal', { title: 'Sales', pipeline_id: 1 });
    bed.fake.create('deal', { title: 'Partner', pipeline_id: 2, owner_id: 2 });
    const result = await poll('new_deal', null, { pipeline_id: '2', owner_id: 2 });
    expect(bed.fake.requests[0]?.query).toMatchObject({ pipeline_id: '2', owner_id: '2' });
    expect(result.items).toMatchObject([{ title: 'Partner' }]);
  });
});

describe('updated records', () => {
  test('the first poll reads the latest changes; later ones ask updated_since the cursor, oldest first, and hand back newest first', async () => {
    for (let i = 0; i < 3; i++) bed.fake.create('deal', { title: `Deal ${i}` });
    const first = await poll('updated_deal', null);
    expect(bed.fake.requests[0]?.query).toMatchObject({ sort_by: 'update_time', sort_direction: 'desc' });
    expect(ids(first.items)).toEqual([3, 2, 1]);

    bed.fake.update('deal', 1, { value: 100 });
    bed.fake.update('deal', 2, { value: 200 });
    bed.fake.requests.length = 0;
    const second = await poll('updated_deal', first.cursor);
    expect(bed.fake.requests[0]?.query).toMatchObject({ updated_since: first.cursor, sort_by: 'update_time', sort_direction: 'asc' });
    // Deal 3 is the boundary of updated_since (inclusive); its dedupe key is unchanged, so it starts nothing.
    expect(ids(second.items)).toEqual([2, 1, 3]);
    expect(second.cursor).toBe(bed.fake.records('deal')[1]?.update_time);
  });

  test('each change of the same record has its own dedupe key (id + update_time)', async () => {
    const deal = bed.fake.create('deal', { title: 'Changing' });
    const once = bed.fake.update('deal', deal.id, { value: 1 });
    const twice = bed.fake.update('deal', deal.id, { value: 2 });
    const keyOf = trigger('updated_deal').dedupeKey;
    expect(keyOf(once)).toBe(`${deal.id}:${once.update_time}`);
    expect(new Set([keyOf(deal), keyOf(once), keyOf(twice)]).size).toBe(3);
  });

  test('a poll stops at five pages and the next one resumes where it stopped', async () => {
    const start = await poll('updated_person', null);
    for (let i = 0; i < 60; i++) bed.fake.create('person', { name: `Person ${i}` });
    bed.fake.requests.length = 0;
    const capped = await poll('updated_person', start.cursor ?? '2024-12-31T00:00:00Z');
    expect(bed.fake.requests).toHaveLength(5);
    expect(capped.items).toHaveLength(50);
    expect(capped.cursor).toBe(bed.fake.records('person')[49]?.update_time);
    const rest = await poll('updated_person', capped.cursor);
    expect(ids(rest.items)).toEqual(Array.from({ length: 11 }, (_, i) => 60 - i));
  });
});

describe.each(['person', 'organization', 'activity'] as const)('%s triggers', (kind) => {
  test(`new_${kind} and updated_${kind} read /api/v2/${kind === 'person' ? 'persons' : kind === 'activity' ? 'activities' : 'organizations'}`, async () => {
    const record = bed.fake.create(kind, nameOf[kind]);
    const seeded = await poll(`new_${kind}`, null);
    expect(ids(seeded.items)).toEqual([record.id]);
    const added = bed.fake.create(kind, nameOf[kind]);
    expect(ids((await poll(`new_${kind}`, seeded.cursor)).items)).toContain(added.id);

    const before = await poll(`updated_${kind}`, null);
    const changed = bed.fake.update(kind, record.id, kind === 'activity' ? { done: true } : { name: 'Renamed' });
    const after = await poll(`updated_${kind}`, before.cursor);
    expect(after.items[0]).toMatchObject({ id: record.id, update_time: changed.update_time });
    expect(bed.fake.requests.every((request) => request.path.startsWith('/api/v2/'))).toBe(true);
  });
});

test('a poll with a bad token fails with Pipedrive’s message', async () => {
  await expect(
    pollTrigger(trigger('new_deal'), { input: {}, auth: { ...bed.auth, apiToken: 'nope' }, client: bed.client, cursor: null }),
  ).rejects.toMatchObject({
    status: 401,
    message: expect.stringContaining('unauthorized access'),
  });
});
