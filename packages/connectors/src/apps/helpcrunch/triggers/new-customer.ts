// Trigger "New Customer" (polling): customers created since the last poll, found by the search's `customers.createdAt` filter.
import { z } from 'zod';
import { defineTrigger } from '../../../kit/define.ts';
import { helpcrunchCall, pageOf, searchAll, unixSeconds } from '../client.ts';
import { customerOutputFields, customerSample } from '../customers.ts';

/**
 * The customer record has no creation time to keep as a cursor, so the cursor is when the previous poll started;
 * each poll looks this far further back, to cover clock differences with HelpCrunch (dedupe by id drops repeats).
 */
export const HELPCRUNCH_POLL_OVERLAP_SECONDS = 300;

function newestFirst(customers: Record<string, unknown>[]): Record<string, unknown>[] {
  return [...customers].sort((a, b) => Number(b.id) - Number(a.id));
}

export const newCustomer = defineTrigger({
  key: 'new_customer',
  name: 'New Customer',
  description: 'Starts when a customer (contact) is created in HelpCrunch, by a visitor, an integration or the API.',
  type: 'polling',
  input: z.object({}),
  sample: customerSample,
  outputFields: customerOutputFields,
  dedupeKey: (customer: Record<string, unknown>) => String(customer.id ?? ''),
  async perform(context) {
    const startedAt = Math.floor(Date.now() / 1000);
    const since = unixSeconds(context.cursor);
    if (since === undefined) {
      // First poll: what exists now, newest first (it only seeds what has been seen).
      const { items } = pageOf(
        await helpcrunchCall(context, { path: 'customers', query: { sort: 'customers.firstSeen', order: 'desc', limit: 100, offset: 0 } }),
      );
      return { items: newestFirst(items), cursor: startedAt };
    }
    const items = await searchAll(context, 'customers/search', {
      filter: [{ field: 'customers.createdAt', operator: '>=', value: since - HELPCRUNCH_POLL_OVERLAP_SECONDS }],
      sort: 'customers.firstSeen',
      order: 'desc',
    });
    return { items: newestFirst(items), cursor: startedAt };
  },
});
