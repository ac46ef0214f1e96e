// Polling triggers: new and updated tickets, contacts, CRM records, campaign records and companies, by `created` / `edited`.
import { z } from 'zod';
import { defineTrigger, type Cursor, type OptionsLoader, type PollingTriggerDefinition, type ServiceContext } from '../../kit/define.ts';
import { listAll, listRecords, type Condition, type DaktelaRecord } from './client.ts';
import { optionalChoice, optionalTextId } from '../../kit/fields.ts';
import { campaignTypeOptions, categoryOptions, crmRecordTypeOptions } from './options.ts';
import { accountSample, campaignRecordSample, contactSample, crmRecordSample, ticketSample } from './samples.ts';

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
export async function pollRecords(
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
      sort: [{ field, dir: 'desc' }, { field: 'name', dir: 'desc' }],
      skip: 0,
      take: POLL_PAGE_SIZE,
    });
    return { items: data, cursor: newestTime(data, field) ?? null };
  }
  const records = await listAll(
    context,
    model,
    { filters: [...conditions, { field, operator: 'gte', value: since }], sort: [{ field, dir: 'asc' }, { field: 'name', dir: 'asc' }] },
    { pageSize: POLL_PAGE_SIZE, maxPages: POLL_MAX_PAGES },
  );
  return { items: records.reverse(), cursor: newestTime(records, field) ?? since };
}

interface RecordTriggersSpec<Schema extends z.ZodObject> {
  /** The v6 endpoint, e.g. `crmRecords`. */
  model: string;
  /** Trigger key stem: `ticket` makes `new_ticket` and `updated_ticket`. */
  key: string;
  /** What users call it, lower case: "ticket", "CRM record". */
  noun: string;
  /** Optional narrowing of what the trigger watches. */
  input: Schema;
  conditions(input: z.output<Schema>): Condition[];
  sample: DaktelaRecord;
  options?: Record<string, OptionsLoader>;
}

const nameOf = (item: DaktelaRecord): string => (item.name === undefined || item.name === null ? '' : String(item.name));

function recordTriggers<Schema extends z.ZodObject>(
  spec: RecordTriggersSpec<Schema>,
): [PollingTriggerDefinition<Schema, DaktelaRecord>, PollingTriggerDefinition<Schema, DaktelaRecord>] {
  const created = defineTrigger({
    type: 'polling',
    key: `new_${spec.key}`,
    name: `New ${spec.noun}`,
    description: `Triggers when a ${spec.noun} is created in Daktela.`,
    input: spec.input,
    sample: spec.sample,
    dedupeKey: nameOf,
    perform: ({ input, cursor, ...context }) => pollRecords(context, spec.model, 'created', spec.conditions(input), cursor),
    ...(spec.options ? { options: spec.options } : {}),
  });
  const updated = defineTrigger({
    type: 'polling',
    key: `updated_${spec.key}`,
    name: `Updated ${spec.noun}`,
    description: `Triggers when a ${spec.noun} is changed in Daktela, by its \`edited\` time (a new ${spec.noun} counts as its first change).`,
    input: spec.input,
    sample: spec.sample,
    // The same record edited again is a new event.
    dedupeKey: (item: DaktelaRecord) => `${nameOf(item)}@${String(item.edited ?? '')}`,
    perform: ({ input, cursor, ...context }) => pollRecords(context, spec.model, 'edited', spec.conditions(input), cursor),
    ...(spec.options ? { options: spec.options } : {}),
  });
  return [created, updated];
}

const equals = (field: string, value: string | number | undefined): Condition[] => (value === undefined ? [] : [{ field, operator: 'eq', value }]);

export const [newTicket, updatedTicket] = recordTriggers({
  model: 'tickets',
  key: 'ticket',
  noun: 'ticket',
  input: z.object({
    category: optionalTextId({ title: 'Category', description: 'Only tickets in this category (leave empty for all).', dynamicOptions: true }),
    stage: optionalChoice(['OPEN', 'WAIT', 'CLOSE', 'ARCHIVE'], { title: 'Stage', description: 'Only tickets in this stage (leave empty for all).' }),
  }),
  conditions: (input) => [...equals('category', input.category), ...equals('stage', input.stage)],
  sample: ticketSample,
  options: { category: categoryOptions },
});

export const [newContact, updatedContact] = recordTriggers({
  model: 'contacts',
  key: 'contact',
  noun: 'contact',
  input: z.object({}),
  conditions: () => [],
  sample: contactSample,
});

export const [newCrmRecord, updatedCrmRecord] = recordTriggers({
  model: 'crmRecords',
  key: 'crm_record',
  noun: 'CRM record',
  input: z.object({
    type: optionalTextId({ title: 'Record type', description: 'Only CRM records of this type (leave empty for all).', dynamicOptions: true }),
  }),
  conditions: (input) => equals('type', input.type),
  sample: crmRecordSample,
  options: { type: crmRecordTypeOptions },
});

export const [newCampaignRecord, updatedCampaignRecord] = recordTriggers({
  model: 'campaignsRecords',
  key: 'campaign_record',
  noun: 'campaign record',
  input: z.object({
    record_type: optionalTextId({ title: 'Campaign type', description: 'Only records of this campaign type (leave empty for all).', dynamicOptions: true }),
  }),
  conditions: (input) => equals('record_type', input.record_type),
  sample: campaignRecordSample,
  options: { record_type: campaignTypeOptions },
});

export const [newAccount, updatedAccount] = recordTriggers({
  model: 'accounts',
  key: 'account',
  noun: 'company',
  input: z.object({}),
  conditions: () => [],
  sample: accountSample,
});

export const triggers = [
  newTicket,
  updatedTicket,
  newContact,
  updatedContact,
  newCrmRecord,
  updatedCrmRecord,
  newCampaignRecord,
  updatedCampaignRecord,
  newAccount,
  updatedAccount,
] as const;
