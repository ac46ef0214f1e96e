// The factory of Twenty's polling triggers (for when webhooks cannot reach us): records by createdAt or updatedAt.
import type { z } from 'zod';
import type { Cursor, PollContext, PollOutcome } from '../../kit/define.ts';
import { defineTrigger } from '../../kit/define.ts';
import { listRecords, type TwentyRecord } from './client.ts';
import { loadObjects, objectInput } from './objects.ts';
import { personOutputFields, samplePerson } from './samples.ts';

/** Records per page (Twenty caps `limit` at 200) and pages per poll: at most 600 records, 3 of Twenty's ~100 requests a minute. */
export const POLL_PAGE_SIZE = 200;
export const POLL_MAX_PAGES = 3;

type TimeField = 'createdAt' | 'updatedAt';

function timeOf(record: TwentyRecord, field: TimeField): number {
  const value = record[field];
  return typeof value === 'string' ? Date.parse(value) : Number.NaN;
}

/** The newest time among the records (as Twenty wrote it), or the previous cursor when none is newer. */
function newestTime(records: readonly TwentyRecord[], field: TimeField, previous: string | null): string | null {
  let newest = previous;
  for (const record of records) {
    const value = record[field];
    if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) continue;
    if (newest === null || Date.parse(value) > Date.parse(newest)) newest = value;
  }
  return newest;
}

/**
 * Without a cursor: the newest page, newest first. With one (the newest time seen so far): everything at or after it,
 * oldest first through `starting_after` pages, so that a burst larger than one poll is picked up by the next poll.
 */
async function pollBy(field: TimeField, context: PollContext<z.output<typeof objectInput>>): Promise<PollOutcome<TwentyRecord>> {
  const { input, cursor } = context;
  const since = typeof cursor === 'string' && !Number.isNaN(Date.parse(cursor)) ? cursor : null;
  if (since === null) {
    const page = await listRecords(context, input.object, { orderBy: `${field}[DescNullsLast]`, limit: POLL_PAGE_SIZE });
    return { items: page.records, cursor: newestTime(page.records, field, null) };
  }
  const records: TwentyRecord[] = [];
  let startingAfter: string | undefined;
  for (let pageNumber = 0; pageNumber < POLL_MAX_PAGES; pageNumber++) {
    const page = await listRecords(context, input.object, {
      filter: `${field}[gte]:${since}`,
      orderBy: `${field}[AscNullsFirst]`,
      limit: POLL_PAGE_SIZE,
      startingAfter,
    });
    records.push(...page.records);
    if (page.nextCursor === null) break;
    startingAfter = page.nextCursor;
  }
  const newestFirst = records.sort((a, b) => (timeOf(b, field) || 0) - (timeOf(a, field) || 0));
  const next: Cursor | null = newestTime(records, field, since);
  return { items: newestFirst, cursor: next };
}

export interface RecordPollingTrigger {
  key: string;
  name: string;
  description: string;
  /** The time that says a record is new to this trigger. */
  timeField: TimeField;
  dedupeKey(record: TwentyRecord): string;
}

/** A polling trigger over the chosen object's records, newest `timeField` first. */
export function recordPollingTrigger(trigger: RecordPollingTrigger) {
  return defineTrigger({
    key: trigger.key,
    name: trigger.name,
    description: trigger.description,
    type: 'polling',
    input: objectInput,
    sample: samplePerson,
    outputFields: personOutputFields,
    options: { object: loadObjects },
    dedupeKey: trigger.dedupeKey,
    perform: (context) => pollBy(trigger.timeField, context),
  });
}
