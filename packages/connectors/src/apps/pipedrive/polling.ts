// The polling triggers' factory: new and updated records of one kind (deals, persons...) from its v2 list endpoint.
import type { QueryValue } from '../../http/client.ts';
import { defineTrigger, type Cursor } from '../../kit/define.ts';
import { listRecords, type PipedriveRecord } from './client.ts';
import { triggerFilterChoices, triggerFilters, type TriggerFilters } from './filters.ts';
import { recordTypes, type RecordKind } from './records.ts';

function filterQuery(input: TriggerFilters): Record<string, QueryValue> {
  return { owner_id: input.owner_id, pipeline_id: input.pipeline_id };
}

/** RFC3339 times compare as instants; Date.parse copes with the fractions and offsets Pipedrive may send. */
function timeOf(value: string | null | undefined): number {
  const parsed = value ? Date.parse(value) : Number.NaN;
  return Number.isNaN(parsed) ? Number.NEGATIVE_INFINITY : parsed;
}

function cursorTime(cursor: Cursor | null): string | null {
  return typeof cursor === 'string' && !Number.isNaN(Date.parse(cursor)) ? cursor : null;
}

/** The later of the cursor and the newest `field` among the records, as Pipedrive wrote it. */
function newestTime(records: PipedriveRecord[], field: 'add_time' | 'update_time', cursor: string | null): string | null {
  let newest = cursor;
  for (const record of records) {
    const value = record[field];
    if (value && timeOf(value) > timeOf(newest)) newest = value;
  }
  return newest;
}

/**
 * New records: newest first by add_time, paging back until the records are older than the cursor (the newest
 * add_time seen by the previous poll). `>=` keeps records added in the cursor's own second; the platform's dedupe by
 * id drops the ones already seen.
 */
export function newRecordTrigger(kind: RecordKind) {
  const type = recordTypes[kind];
  return defineTrigger({
    key: `new_${type.kind}`,
    name: `New ${type.title}`,
    description: `Triggers when a ${type.label} is added in Pipedrive (checked on every poll).`,
    type: 'polling',
    input: triggerFilters(type.kind),
    sample: type.sample,
    outputFields: type.outputFields,
    options: triggerFilterChoices(type.kind),
    dedupeKey: (record: PipedriveRecord) => String(record.id),
    async perform(context) {
      const since = cursorTime(context.cursor);
      const { records } = await listRecords(
        context,
        type.path,
        { ...filterQuery(context.input), sort_by: 'add_time', sort_direction: 'desc' },
        // The first poll only records what exists: one page is enough to seed.
        since === null ? { maxPages: 1 } : { keepGoing: (page) => page.every((record) => timeOf(record.add_time) >= timeOf(since)) },
      );
      const items = since === null ? records : records.filter((record) => timeOf(record.add_time) >= timeOf(since));
      return { items, cursor: newestTime(items, 'add_time', since) };
    },
  });
}

/**
 * Updated records: `updated_since` the cursor, oldest change first, so a poll capped at five pages resumes exactly
 * where it stopped; handed back newest first. The first poll has no cursor and reads the latest page instead.
 */
export function updatedRecordTrigger(kind: RecordKind) {
  const type = recordTypes[kind];
  return defineTrigger({
    key: `updated_${type.kind}`,
    name: `Updated ${type.title}`,
    description: `Triggers when a ${type.label} is added or changed in Pipedrive (checked on every poll). Fires once per change.`,
    type: 'polling',
    input: triggerFilters(type.kind),
    sample: type.sample,
    outputFields: type.outputFields,
    options: triggerFilterChoices(type.kind),
    dedupeKey: (record: PipedriveRecord) => `${record.id}:${record.update_time ?? ''}`,
    async perform(context) {
      const since = cursorTime(context.cursor);
      const filters = filterQuery(context.input);
      const { records } =
        since === null
          ? await listRecords(context, type.path, { ...filters, sort_by: 'update_time', sort_direction: 'desc' }, { maxPages: 1 })
          : await listRecords(context, type.path, { ...filters, updated_since: since, sort_by: 'update_time', sort_direction: 'asc' });
      const items = [...records].sort((a, b) => timeOf(b.update_time) - timeOf(a.update_time));
      return { items, cursor: newestTime(items, 'update_time', since) };
    },
  });
}
