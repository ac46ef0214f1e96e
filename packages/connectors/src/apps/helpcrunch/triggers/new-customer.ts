// Trigger "New Customer" (polling): customers whose id is above the largest one seen, by the search's `customers.id` filter.
import { z } from 'zod';
import { isRecord } from '../../../kit/common.ts';
import { defineTrigger, type Cursor, type ServiceContext } from '../../../kit/define.ts';
import { HELPCRUNCH_PAGE_SIZE, helpcrunchCall, pageOf, unixSeconds } from '../client.ts';
import { customerOutputFields, customerSample } from '../customers.ts';

/** Searches one poll makes at most; the customers left over wait for the next poll. */
export const HELPCRUNCH_POLL_SEARCHES = 10;
/** A cursor of an earlier version is the time of its last poll: customers first seen this much earlier still count as new. */
export const HELPCRUNCH_POLL_OVERLAP_SECONDS = 300;

type Customer = Record<string, unknown>;

/** The cursor: the largest customer id read. */
type CustomerCursor = { customerId: number };

function lastCustomerId(cursor: Cursor | null): number | undefined {
  return isRecord(cursor) && typeof cursor.customerId === 'number' ? cursor.customerId : undefined;
}

function largestId(customers: Customer[], floor: number): number {
  return Math.max(floor, ...customers.map((customer) => Number(customer.id)).filter(Number.isInteger));
}

function newestFirst(customers: Customer[]): Customer[] {
  return [...customers].sort((a, b) => Number(b.id) - Number(a.id));
}

/** One search for customers with an id in (after, upTo], one page; `whole` when the page holds every match. */
async function searchIds(context: ServiceContext, after: number, upTo?: number): Promise<{ customers: Customer[]; whole: boolean }> {
  const filter = [{ field: 'customers.id', operator: '>', value: after }];
  if (upTo !== undefined) filter.push({ field: 'customers.id', operator: '<=', value: upTo });
  const { items, total } = pageOf(
    await helpcrunchCall(context, {
      method: 'POST',
      path: 'customers/search',
      body: { comparison: 'AND', filter, sort: 'customers.firstSeen', order: 'desc', limit: HELPCRUNCH_PAGE_SIZE, offset: 0 },
    }),
  );
  return { customers: items, whole: items.length < HELPCRUNCH_PAGE_SIZE || (total !== undefined && items.length >= total) };
}

/**
 * Every customer with an id above `after`, and the id the next poll goes on from. The search sorts only by
 * firstSeen or lastSeen, so paging with offsets could skip a customer; instead each search asks for an id range that
 * fits in one page: up to the largest id a fuller answer showed, halved while the answer still holds more than a page,
 * and from there on ranges sized by how densely the last one was filled.
 */
async function customersAfter(context: ServiceContext, after: number): Promise<{ customers: Customer[]; readUpTo: number }> {
  const customers: Customer[] = [];
  let from = after;
  // An id above `from` that some answer showed, and the range being searched: (from, upTo], or all above `from`.
  let shown: number | undefined;
  let upTo: number | undefined;
  for (let search = 0; search < HELPCRUNCH_POLL_SEARCHES; search++) {
    const found = await searchIds(context, from, upTo);
    if (!found.whole) {
      shown = largestId(found.customers, shown ?? from);
      upTo = upTo === undefined ? shown : from + Math.floor((upTo - from) / 2);
      continue;
    }
    customers.push(...found.customers);
    if (upTo === undefined) return { customers, readUpTo: largestId(found.customers, from) };
    // The next range is as wide as should fill three quarters of a page, judging by how densely this one was filled.
    const width = Math.max(1, Math.floor(((upTo - from) * HELPCRUNCH_PAGE_SIZE * 0.75) / Math.max(1, found.customers.length)));
    from = upTo;
    upTo = shown !== undefined && shown > from ? Math.min(shown, from + width) : undefined;
  }
  return { customers, readUpTo: from };
}

/**
 * The largest customer id there is, at least `floor`. Each search asks for the ids above a probe: an answer that holds
 * every match gives it; otherwise the next probe looks twice as far above the largest id seen, and once a probe finds
 * nothing above it, the gap is halved.
 */
async function largestCustomerId(context: ServiceContext, floor: number): Promise<number> {
  let largest = floor;
  let nothingAbove: number | undefined;
  let step = HELPCRUNCH_PAGE_SIZE;
  let probe = floor;
  for (let search = 0; search < HELPCRUNCH_POLL_SEARCHES; search++) {
    const found = await searchIds(context, probe);
    if (found.whole && found.customers.length > 0) return largestId(found.customers, largest);
    if (found.whole) nothingAbove = probe;
    else {
      largest = largestId(found.customers, largest);
      step *= 2;
    }
    if (nothingAbove !== undefined && nothingAbove - largest <= 1) return largest;
    probe = nothingAbove === undefined ? largest + step : largest + Math.floor((nothingAbove - largest) / 2);
  }
  return largest;
}

export const newCustomer = defineTrigger({
  key: 'new_customer',
  name: 'New Customer',
  description: 'Starts when a customer (contact) is created in HelpCrunch, by a visitor, an integration or the API.',
  type: 'polling',
  input: z.object({}),
  sample: customerSample,
  outputFields: customerOutputFields,
  unverified: 'Assumes HelpCrunch gives each new customer a larger id than the ones before (its docs say only that ids are unique integers).',
  dedupeKey: (customer: Customer) => String(customer.id ?? ''),
  async perform(context) {
    const after = lastCustomerId(context.cursor);
    if (after !== undefined) {
      const { customers, readUpTo } = await customersAfter(context, after);
      return { items: newestFirst(customers), cursor: { customerId: readUpTo } satisfies CustomerCursor };
    }
    // The first poll: what exists now, and the largest id, which is not simply the list's: customers made through the
    // API have no firstSeen to sort by.
    const { items: listed } = pageOf(
      await helpcrunchCall(context, { path: 'customers', query: { sort: 'customers.firstSeen', order: 'desc', limit: HELPCRUNCH_PAGE_SIZE, offset: 0 } }),
    );
    const cursor = { customerId: await largestCustomerId(context, largestId(listed, 0)) } satisfies CustomerCursor;
    // A cursor of an earlier version is the time of its last poll, no id: this poll starts over as a first one, and
    // (the zap having seen what existed then) keeps the customers first seen since; those without firstSeen cannot tell.
    const lastPoll = unixSeconds(context.cursor);
    if (lastPoll === undefined) return { items: newestFirst(listed), cursor };
    const since = lastPoll - HELPCRUNCH_POLL_OVERLAP_SECONDS;
    return { items: newestFirst(listed.filter((customer) => (unixSeconds(customer.firstSeen) ?? Number.NEGATIVE_INFINITY) >= since)), cursor };
  },
});
