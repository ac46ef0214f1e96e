// The factory of the polling triggers: new and updated records of one Daktela model, by `created` / `edited`.
import type { z } from 'zod';
import { defineTrigger, type Cursor, type OptionsLoader, type OutputField, type PollingTriggerDefinition, type ServiceContext } from '../../kit/define.ts';
import { listAll, listRecords, type Condition, type DaktelaRecord } from './client.ts';

/** Records per list request, and requests per poll: up to 500 changes are picked up per poll, the rest on the next. */
export const POLL_PAGE_SIZE = 100;
export const POLL_MAX_PAGES = 5;

type TimeField = 'created' | 'edited';

function newestTime(records: readonly DaktelaRecord[], field: TimeField): string | undefined {
  let newest: string | undefined;
  for (const record of records) {
    const time = record[field];
    if (typeof time === 'string' && time !== '' && (newest === undefined || time > newest)) newest = time;
  }
  return newest;
}

/**
 * The cursor is the newest `created`/`edited` value seen, exactly as the instance wrote it (its own time zone and
 * "YYYY-MM-DD HH:MM:SS" format), so no clock or zone conversion is involved. The first poll (no cursor) takes the
 * newest page only; later polls ask for `field gte cursor` oldest first, so a burst larger than one poll is picked
 * up in order over the next polls. Records at exactly the cursor time come back again and are dropped by dedupe.
 */
async function pollRecords(
  context: ServiceContext,
  model: string,
  field: TimeField,
  conditions: readonly Condition[],
  cursor: Cursor | null,
): Promise<{ items: DaktelaRecord[]; cursor: string | null }> {
  const since = typeof cursor === 'string' && cursor !== '' ? cursor : undefined;
  if (since === undefined) {
    const { data } = await listRecords(context, model, {
      filters: conditions,
      sort: [
        { field, dir: 'desc' },
        { field: 'name', dir: 'desc' },
      ],
      skip: 0,
      take: POLL_PAGE_SIZE,
    });
    return { items: data, cursor: newestTime(data, field) ?? null };
  }
  const records = await listAll(
    context,
    model,
    {
      filters: [...conditions, { field, operator: 'gte', value: since }],
      sort: [
        { field, dir: 'asc' },
        { field: 'name', dir: 'asc' },
      ],
    },
    { pageSize: POLL_PAGE_SIZE, maxPages: POLL_MAX_PAGES },
  );
  return { items: records.reverse(), cursor: newestTime(records, field) ?? since };
}

/** The records a "new" and an "updated" trigger both watch. */
export interface WatchedRecords<Schema extends z.ZodObject> {
  /** The v6 endpoint, e.g. `crmRecords`. */
  model: string;
  /** Optional narrowing of what the triggers watch. */
  input: Schema;
  conditions(input: z.output<Schema>): Condition[];
  sample: DaktelaRecord;
  outputFields: readonly OutputField[];
  options?: Record<string, OptionsLoader>;
}

/** One trigger over watched records: its own key, name and description, and the time that makes a record new to it. */
interface RecordTrigger {
  key: string;
  name: string;
  description: string;
  /** `created` fires once per record; `edited` once per change (a new record's `edited` is its first change). */
  time: TimeField;
}

const nameOf = (item: DaktelaRecord): string => (item.name === undefined || item.name === null ? '' : String(item.name));

const dedupeKeys: Record<TimeField, (item: DaktelaRecord) => string> = {
  created: nameOf,
  // The same record edited again is a new event.
  edited: (item) => `${nameOf(item)}@${String(item.edited ?? '')}`,
};

export function recordTrigger<Schema extends z.ZodObject>(
  records: WatchedRecords<Schema>,
  trigger: RecordTrigger,
): PollingTriggerDefinition<Schema, DaktelaRecord> {
  return defineTrigger({
    type: 'polling',
    key: trigger.key,
    name: trigger.name,
    description: trigger.description,
    input: records.input,
    sample: records.sample,
    outputFields: records.outputFields,
    options: records.options,
    dedupeKey: dedupeKeys[trigger.time],
    perform: (context) => pollRecords(context, records.model, trigger.time, records.conditions(context.input), context.cursor),
  });
}

/** An `eq` condition on a narrowing field, or none when it is left empty. */
export const equals = (field: string, value: string | number | undefined): Condition[] => (value === undefined ? [] : [{ field, operator: 'eq', value }]);
