// A test-only connector ("testing"): echo, call a counting server with the run's idempotency key, and fail on demand.
// Loaded into the API and worker of tests through CONNECTOR_MODULES; it never ships in the product's catalog.
import { JsonValue, StepFailure } from '@switchyard/contracts';
import { z } from 'zod';

interface StepHttpLike {
  request(request: {
    method: string;
    url: string;
    headers?: Record<string, string>;
    body?: { type: 'json'; value: unknown };
  }): Promise<{ status: number; body: unknown }>;
}
interface Context<Input> {
  input: Input;
  http: StepHttpLike;
  idempotencyKey: string;
}

// JsonValue rather than z.json(): echo gives back what it was given, a `__proto__` key included.
const echoInput = z.object({ value: JsonValue.optional() }).catchall(JsonValue);
const callInput = z.object({ url: z.string().url(), delayMs: z.number().int().min(0).max(60_000).optional(), payload: z.json().optional() });
const failInput = z.object({ message: z.string().min(1), transient: z.boolean().default(false) });

export const testingApp = {
  key: 'testing',
  name: 'Testing',
  description: 'Actions for exercising the executor in tests.',
  triggers: [],
  actions: [
    {
      key: 'echo',
      name: 'Echo',
      description: 'Returns its input.',
      input: echoInput,
      sample: { value: 'hello' },
      outputFields: [{ key: 'value', label: 'Value', type: 'string' }],
      perform: async ({ input }: Context<z.output<typeof echoInput>>) => input,
    },
    {
      key: 'call',
      name: 'Call',
      description: 'POSTs to a URL with the step’s idempotency key, so a test can count how often each step was performed.',
      input: callInput,
      sample: { ok: true, key: 'run_1:call', received: null },
      outputFields: [
        { key: 'ok', label: 'OK', type: 'boolean' },
        { key: 'key', label: 'Idempotency key', type: 'string' },
        { key: 'received', label: 'Received', type: 'object' },
      ],
      perform: async ({ input, http, idempotencyKey }: Context<z.output<typeof callInput>>) => {
        const response = await http.request({
          method: 'POST',
          url: input.url,
          headers: { 'idempotency-key': idempotencyKey },
          body: { type: 'json', value: { delayMs: input.delayMs ?? 0, payload: input.payload ?? null } },
        });
        return response.body;
      },
    },
    {
      key: 'fail',
      name: 'Fail',
      description: 'Fails with the given message.',
      input: failInput,
      sample: {},
      outputFields: [],
      perform: async ({ input }: Context<z.output<typeof failInput>>) => {
        throw new StepFailure(input.message, { transient: input.transient });
      },
    },
  ],
};

interface FeedItem {
  id: string;
  title: string;
  updatedAt: string;
}
const feedInput = z.object({ url: z.string().url().meta({ title: 'Feed URL' }) });

/** Polls a feed server (see feed-server.ts): follows its pages, asks only for items newer than the cursor. */
function feedTrigger(key: string, name: string, dedupeKey: (item: FeedItem) => string) {
  return {
    key,
    name,
    description: `${name} in a test feed.`,
    type: 'polling' as const,
    input: feedInput,
    sample: { id: 'item-1', title: 'First', updatedAt: '2026-01-01T00:00:01.000Z' },
    outputFields: [
      { key: 'id', label: 'ID', type: 'string' },
      { key: 'title', label: 'Title', type: 'string' },
      { key: 'updatedAt', label: 'Updated', type: 'datetime' },
    ],
    dedupeKey,
    perform: async ({ input, http, cursor }: Context<z.output<typeof feedInput>> & { cursor: unknown }) => {
      const items: FeedItem[] = [];
      for (let page: number | null = 0; page !== null && page < 5; ) {
        const response = (await http.request({
          method: 'GET',
          url: `${input.url}?page=${page}${typeof cursor === 'string' ? `&since=${encodeURIComponent(cursor)}` : ''}`,
        })) as { body: { items: FeedItem[]; nextPage: number | null } };
        items.push(...response.body.items);
        page = response.body.nextPage;
      }
      // Keep the cursor a little behind the newest item, so an item updated twice in one second is still seen.
      return { items, cursor: items[0]?.updatedAt ? new Date(Date.parse(items[0].updatedAt) - 1000).toISOString() : (cursor ?? null) };
    },
  };
}

/** A test app with a connection: its live test accepts exactly the token `good-token`, and it can list choices. */
const accountAuth = z.object({ token: z.string().min(1).meta({ title: 'Token', secret: true }) });
export const testingAccountApp = {
  key: 'testing_account',
  name: 'Testing account',
  description: 'An app with a connection, for tests of connections and choices.',
  auth: {
    fields: accountAuth,
    test: async ({ auth }: { auth: z.output<typeof accountAuth> }) => {
      if (auth.token !== 'good-token') throw new StepFailure('The token is not valid (401 Unauthorized)', { transient: false, status: 401 });
    },
  },
  triggers: [
    feedTrigger('new_item', 'New item', (item) => item.id),
    feedTrigger('updated_item', 'New or updated item', (item) => `${item.id}@${item.updatedAt}`),
  ],
  actions: [
    {
      key: 'whoami',
      name: 'Who am I',
      description: 'Returns which list the connection chose.',
      input: z.object({ list: z.string().meta({ title: 'List', dynamicOptions: true }) }),
      sample: { list: 'a' },
      outputFields: [{ key: 'list', label: 'List', type: 'string' }],
      unverified: 'A test app: its list of choices is made up.',
      perform: async ({ input }: Context<{ list: string }>) => ({ list: input.list }),
      options: {
        list: async () => [
          { value: 'a', label: 'List A' },
          { value: 'b', label: 'List B' },
        ],
      },
    },
  ],
};

export const apps = [testingApp, testingAccountApp];

/** The value to put in CONNECTOR_MODULES to load this app. */
export const TESTING_APPS_MODULE = new URL('./apps.ts', import.meta.url).pathname;
