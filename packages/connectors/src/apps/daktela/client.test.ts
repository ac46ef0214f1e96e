// The Daktela client: the connection test, the token header, the envelope and its four error shapes, list query encoding.
import { describe, expect, test } from 'vitest';
import { loopbackOnlyConnector, startLocalServer } from '@switchyard/testing';
import { FILTER_OPERATORS as PUBLISHED_OPERATORS, startDaktelaFake, type DaktelaError, type DaktelaFake } from '@switchyard/testing/fakes/daktela';
import { createHttpClient, type HttpClient } from '../../http/client.ts';
import { StepFailure } from '../../http/errors.ts';
import { authFields } from '../../kit/manifest.ts';
import { credentialSecrets } from '../../kit/perform.ts';
import { failureOf as rejection, startConnectorTestbed, useConnectorTestbed } from '../../../test/testbed.ts';
import { daktelaApp } from './index.ts';
import { type Condition, daktelaAuthFields, daktelaRequest, describeDaktelaError, FILTER_OPERATORS, listQuery, listRecords, recordPath } from './client.ts';

let fake: DaktelaFake;
let client: HttpClient;
let auth: { baseUrl: string; accessToken: string };
// A fresh fake for each test.
useConnectorTestbed(
  () => startConnectorTestbed(daktelaApp, startDaktelaFake, (started) => ({ baseUrl: started.origin, accessToken: started.token })),
  (bed) => ({ fake, client, auth } = bed),
  { each: true },
);

/** A connection to the fake, with a client for one step. */
const service = () => ({ auth, http: client.forStep({ secrets: credentialSecrets(auth) }) });

describe('connection', () => {
  test('the form has "API URL" and a secret "Access token"', () => {
    expect(authFields(daktelaAuthFields)).toEqual([
      expect.objectContaining({ key: 'baseUrl', label: 'API URL', required: true, secret: false }),
      expect.objectContaining({ key: 'accessToken', label: 'Access token', required: true, secret: true }),
    ]);
  });

  test('the API URL must be an origin; a trailing slash is tolerated', () => {
    expect(daktelaAuthFields.safeParse({ baseUrl: 'https://acme.daktela.com/', accessToken: 't' }).success).toBe(true);
    expect(daktelaAuthFields.safeParse({ baseUrl: 'https://acme.daktela.com/api/v6', accessToken: 't' }).success).toBe(false);
  });

  test('the connection test calls whoim.json with the X-AUTH-TOKEN header and passes', async () => {
    await daktelaApp.auth.test({ auth: { ...auth, baseUrl: `${fake.origin}/` }, http: client.forStep({ secrets: [] }) });
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]).toMatchObject({ method: 'GET', path: '/api/v6/whoim.json', auth: 'header', search: '' });
    expect(fake.requests[0]?.headers['x-auth-token']).toBe(fake.token);
  });

  test('a bad token fails the connection test permanently with Daktela’s message', async () => {
    const error = await rejection(daktelaApp.auth.test({ auth: { ...auth, accessToken: 'wrong' }, http: client.forStep({ secrets: [] }) }));
    expect(error).toMatchObject({ status: 401, transient: false });
    expect(error.message).toMatch(/401 Unauthorized: Invalid access token$/);
  });

  test('an API URL that is not a Daktela instance fails the test with a hint', async () => {
    const other = await startLocalServer((_request, response) => {
      response.setHeader('content-type', 'text/html');
      response.end('<html>Welcome</html>');
    });
    const otherClient = createHttpClient({ allow: `127.0.0.1:${other.port}`, baseConnector: loopbackOnlyConnector() });
    try {
      const error = await rejection(daktelaApp.auth.test({ auth: { baseUrl: other.origin, accessToken: 't' }, http: otherClient.forStep() }));
      expect(error.message).toMatch(/did not answer with Daktela's .* envelope; is the API URL right\?/);
    } finally {
      await otherClient.close();
      await other.close();
    }
  });

  test('the token never appears in the recorded requests', async () => {
    const context = service();
    await daktelaRequest(context, { endpoint: 'whoim' });
    expect(JSON.stringify(context.http.requests)).not.toContain(fake.token);
  });
});

describe('error envelope: each of the four shapes becomes one readable message', () => {
  const shapes: Array<{ shape: string; error: DaktelaError; message: string }> = [
    {
      shape: 'form errors',
      error: { form: { lastname: 'Item is mandatory', title: 'Item is mandatory' } },
      message: 'lastname: Item is mandatory; title: Item is mandatory',
    },
    {
      shape: 'primary with form',
      error: { primary: ['User have not available devices', 'error'], form: { lastname: 'Item is mandatory' } },
      message: 'User have not available devices; lastname: Item is mandatory',
    },
    { shape: 'a list of messages', error: ['Object not exist'], message: 'Object not exist' },
    { shape: 'a string', error: 'Object not exist', message: 'Object not exist' },
    {
      shape: 'nested form errors',
      error: { form: { customFields: { email: ['E-mail není ve správném formátu'] } } },
      message: 'customFields.email: E-mail není ve správném formátu',
    },
  ];

  test.each(shapes)('$shape', async ({ error, message }) => {
    fake.failNext({ status: 400, error, result: null });
    const failure = await rejection(daktelaRequest(service(), { method: 'POST', endpoint: 'contacts', body: {} }));
    expect(failure.message).toBe(`127.0.0.1:${fake.port} answered 400 Bad Request: ${message}`);
    expect(failure).toMatchObject({ status: 400, transient: false });
  });

  test('a success status carrying errors still fails', async () => {
    fake.failNext({ status: 200, error: ['Partially saved'], result: { name: 'x' } });
    const failure = await rejection(daktelaRequest(service(), { endpoint: 'contacts/x' }));
    expect(failure.message).toBe('Daktela: Partially saved');
  });

  test('empty error members mean success', () => {
    expect(describeDaktelaError([])).toBeUndefined();
    expect(describeDaktelaError({})).toBeUndefined();
    expect(describeDaktelaError(null)).toBeUndefined();
    expect(describeDaktelaError({ primary: [], form: {} })).toBeUndefined();
  });

  test('a server error is transient and keeps Daktela’s words', async () => {
    fake.failNext({ status: 500, error: 'Database unavailable' });
    const failure = await rejection(daktelaRequest(service(), { method: 'POST', endpoint: 'contacts', body: {} }));
    expect(failure).toMatchObject({ status: 500, transient: true });
    expect(failure.message).toMatch(/Database unavailable$/);
  });
});

describe('lists', () => {
  test('list queries use the PHP connector’s nested filter encoding', () => {
    expect(
      listQuery({
        filters: [
          { field: 'edited', operator: 'gte', value: '2024-05-01 10:00:00' },
          { field: 'stage', operator: 'in', value: ['OPEN', 'WAIT'] },
        ],
        sort: [{ field: 'edited', dir: 'asc' }],
        skip: 100,
        take: 50,
        fields: ['name', 'title'],
        q: 'jane',
      }),
    ).toEqual({
      skip: 100,
      take: 50,
      'filter[logic]': 'and',
      'filter[filters][0][field]': 'edited',
      'filter[filters][0][operator]': 'gte',
      'filter[filters][0][value]': '2024-05-01 10:00:00',
      'filter[filters][1][field]': 'stage',
      'filter[filters][1][operator]': 'in',
      'filter[filters][1][value][0]': 'OPEN',
      'filter[filters][1][value][1]': 'WAIT',
      'sort[0][field]': 'edited',
      'sort[0][dir]': 'asc',
      'fields[0]': 'name',
      'fields[1]': 'title',
      q: 'jane',
    });
  });

  test('every operator a condition can carry is one Daktela publishes, and the fake takes each as it is encoded', async () => {
    // Compiles only while each of our operators is one the fake accepts from Daktela's own connectors.
    const published: ReadonlyArray<(typeof PUBLISHED_OPERATORS)[number]> = FILTER_OPERATORS;
    expect(PUBLISHED_OPERATORS).toEqual(expect.arrayContaining([...published]));
    const conditions = FILTER_OPERATORS.map((operator): Condition => {
      if (operator === 'in' || operator === 'notin') return { field: 'stage', operator, value: ['OPEN'] };
      if (operator === 'isnull' || operator === 'isnotnull') return { field: 'stage', operator };
      return { field: 'stage', operator, value: 'OPEN' };
    });
    for (const condition of conditions) await listRecords(service(), 'tickets', { filters: [condition] });
    expect(fake.requests).toHaveLength(FILTER_OPERATORS.length);
  });

  test('a condition the fake would refuse does not compile', () => {
    const refused = [
      // @ts-expect-error a comparison takes one value, not a list
      { field: 'stage', operator: 'eq', value: ['OPEN'] },
      // @ts-expect-error in needs at least one value
      { field: 'stage', operator: 'in', value: [] },
      // @ts-expect-error isnull takes no value
      { field: 'closed', operator: 'isnull', value: 'x' },
      // @ts-expect-error a comparison needs its value
      { field: 'created', operator: 'gte' },
    ] satisfies Condition[];
    expect(refused).toHaveLength(4);
  });

  test('a list page returns its records and result.total', async () => {
    fake.seed('contacts', [
      { title: 'A', lastname: 'A', database: 'default' },
      { title: 'B', lastname: 'B', database: 'default' },
      { title: 'C', lastname: 'C', database: 'default' },
    ]);
    const page = await listRecords(service(), 'contacts', { take: 2, sort: [{ field: 'title', dir: 'desc' }], fields: ['name', 'title'] });
    expect(page.total).toBe(3);
    expect(page.data.map((record) => record.title)).toEqual(['C', 'B']);
    expect(Object.keys(page.data[0] ?? {}).sort()).toEqual(['_sys', 'name', 'title']);
  });

  test('a poll answered 429 waits for Retry-After and reads the list', async () => {
    fake.rateLimitNext(2, 0);
    const page = await listRecords(service(), 'queues', {});
    expect(page.total).toBe(3);
    expect(fake.requests).toHaveLength(3);
  });
});

test('record names that could reach another endpoint are refused', () => {
  expect(recordPath('contacts', 'contacts_5fa2 x')).toBe('contacts/contacts_5fa2%20x');
  expect(recordPath('tickets', 12)).toBe('tickets/12');
  for (const name of ['..', '.', 'a/b', 'a\\b', '']) expect(() => recordPath('contacts', name)).toThrow(StepFailure);
});
