// Dropdown choices the builder loads from the instance: queues, categories, statuses, users, pauses, databases, record types.
import type { OptionsLoader } from '../../kit/define.ts';
import { listRecords, referenceName } from './client.ts';

/** One request of up to 1000 records: these lists are short, and a dropdown wants them all at once. */
function lookup(model: string, filter?: (record: Record<string, unknown>) => boolean): OptionsLoader {
  return async (context) => {
    const { data } = await listRecords(context, model, { take: 1000, sort: [{ field: 'title', dir: 'asc' }], fields: ['name', 'title', 'type'] });
    const wanted = filter ? data.filter(filter) : data;
    // A queue type that matches nothing (an instance naming types differently) should not leave the dropdown empty.
    return (wanted.length > 0 ? wanted : data).flatMap((record) => {
      const value = referenceName(record.name);
      if (value === undefined) return [];
      const title = typeof record.title === 'string' && record.title !== '' ? record.title : String(value);
      return [{ value, label: `${title} (${String(value)})` }];
    });
  };
}

export const userOptions = lookup('users');
export const categoryOptions = lookup('ticketsCategories');
export const statusOptions = lookup('statuses');
export const pauseOptions = lookup('pauses');
export const databaseOptions = lookup('databases');
export const crmRecordTypeOptions = lookup('crmRecordsTypes');
export const campaignTypeOptions = lookup('campaignsTypes');

/** Queues of one kind (Daktela queue types: `out` calls, `email`, `sms`, ...), or all queues. */
export function queueOptions(type?: string): OptionsLoader {
  return lookup('queues', type ? (record) => record.type === type : undefined);
}
