// The Daktela fake itself: auth forms, envelope and error shapes, the list query Daktela's connectors send (and what it refuses), 429 and the helpers.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { DAKTELA_FAKE_DEFAULTS, startDaktelaFake, type DaktelaFake } from './index.ts';

let fake: DaktelaFake;

beforeEach(async () => {
  fake = await startDaktelaFake({ clock: '2024-05-01 10:00:00' });
});

afterEach(async () => {
  await fake.close();
});

interface Envelope {
  error: unknown;
  result: unknown;
  _time: string;
}

async function call(method: string, path: string, options: { query?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const response = await fetch(`${fake.origin}${path}${options.query ? `?${options.query}` : ''}`, {
    method,
    headers: { 'x-auth-token': fake.token, ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}), ...options.headers },
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : null) as Envelope };
}

const names = (body: Envelope): unknown[] => ((body.result as { data: Array<{ name: unknown }> }).data ?? []).map((record) => record.name);

describe('auth', () => {
  test('accepts the token as the X-AUTH-TOKEN header, the accessToken query parameter or the c_user cookie', async () => {
    const viaQuery = await fetch(`${fake.origin}/api/v6/whoim.json?accessToken=${fake.token}`);
    const viaCookie = await fetch(`${fake.origin}/api/v6/whoim.json`, { headers: { cookie: `c_user=${fake.token}` } });
    const viaHeader = await call('GET', '/api/v6/whoim.json');
    expect([viaHeader.status, viaQuery.status, viaCookie.status]).toEqual([200, 200, 200]);
    expect(fake.requests.map((request) => request.auth)).toEqual(['query', 'cookie', 'header']);
    expect(viaHeader.body).toMatchObject({ error: [], result: { user: { name: DAKTELA_FAKE_DEFAULTS.user } }, _time: '2024-05-01 10:00:00' });
  });

  test('answers 401 with an envelope for a missing or wrong token', async () => {
    const missing = await fetch(`${fake.origin}/api/v6/whoim.json`);
    const wrong = await call('GET', '/api/v6/whoim.json', { headers: { 'x-auth-token': 'nope' } });
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ error: 'No access token given', result: null });
    expect(wrong).toMatchObject({ status: 401, body: { error: 'Invalid access token', result: null } });
  });
});

describe('records and error shapes', () => {
  test('POST answers 201 with the record, GET 200, PUT 200, DELETE 204', async () => {
    const created = await call('POST', '/api/v6/contacts.json', { body: { title: 'Jane Doe', lastname: 'Doe', database: 'default' } });
    expect(created.status).toBe(201);
    const name = (created.body.result as { name: string }).name;
    expect(name).toMatch(/^contacts_[0-9a-f]+\d{9}$/);
    expect(created.body.result).toMatchObject({
      created: '2024-05-01 10:00:00',
      edited: '2024-05-01 10:00:00',
      database: { name: 'default', title: 'Default' },
      _sys: { model: 'contacts' },
    });

    const updated = await call('PUT', `/api/v6/contacts/${name}.json`, { body: { description: 'VIP' } });
    expect(updated).toMatchObject({ status: 200, body: { result: { description: 'VIP', created: '2024-05-01 10:00:00', edited: '2024-05-01 10:00:01' } } });
    expect((await call('GET', `/api/v6/contacts/${name}.json`)).status).toBe(200);
    const deleted = await call('DELETE', `/api/v6/contacts/${name}.json`);
    expect(deleted).toMatchObject({ status: 204, body: null });
    expect(fake.records('contacts')).toEqual([]);
  });

  test('a create missing required fields answers 400 with error.form and the record in result', async () => {
    const response = await call('POST', '/api/v6/contacts.json', { body: { title: 'Jane' } });
    expect(response.status).toBe(400);
    expect(response.body.error).toEqual({ form: { lastname: 'Item is mandatory', database: 'Item is mandatory' } });
    expect(response.body.result).toMatchObject({ title: 'Jane' });
  });

  test('a ticket update must carry title, category, stage and priority', async () => {
    fake.seed('tickets', { name: 5, title: 'T', category: DAKTELA_FAKE_DEFAULTS.category, stage: 'OPEN', priority: 'LOW' });
    const response = await call('PUT', '/api/v6/tickets/5.json', { body: { stage: 'CLOSE' } });
    expect(response).toMatchObject({
      status: 400,
      body: { error: { form: { title: 'Item is mandatory', category: 'Item is mandatory', priority: 'Item is mandatory' } } },
    });
  });

  test('unknown records answer 404 as a list on GET and as a string on PUT', async () => {
    expect(await call('GET', '/api/v6/contacts/nobody.json')).toMatchObject({ status: 404, body: { error: ['Object not exist'], result: null } });
    expect(await call('PUT', '/api/v6/contacts/nobody.json', { body: {} })).toMatchObject({ status: 404, body: { error: 'Object not exist', result: null } });
  });

  test('a call from a queue the user has not logged into answers the primary error shape', async () => {
    const refused = await call('POST', '/api/v6/activities.json', { body: { type: 'CALL', number: '+420777', queue: 2000 } });
    expect(refused).toMatchObject({ status: 400, body: { error: { primary: ['User is not logged into queue 2000', 'error'] } } });
    await call('POST', '/api/v6/usersSession.json', { body: { queues: [{ login: true, name: 2000, penalty: 0 }] } });
    expect((await call('POST', '/api/v6/activities.json', { body: { type: 'CALL', number: '+420777', queue: 2000 } })).status).toBe(201);
  });

  test('failNext answers any status and error shape once', async () => {
    fake.failNext({ status: 400, error: { primary: ['User have not available devices', 'error'], form: { lastname: 'Item is mandatory' } } });
    expect(await call('GET', '/api/v6/queues.json')).toMatchObject({
      status: 400,
      body: { error: { primary: ['User have not available devices', 'error'] }, result: null },
    });
    expect((await call('GET', '/api/v6/queues.json')).status).toBe(200);
  });
});

describe('activities', () => {
  const email = { type: 'EMAIL', queue: 3000, to: 'jane@acme.example', subject: 'Your order', message: '<p>Shipped</p>', sendMail: true, action: 'CLOSE' };

  test('an e-mail takes the PHP connector’s fields and reads back as an activitiesEmail item on the ticket', async () => {
    fake.seed('tickets', { name: 7, title: 'Order', category: DAKTELA_FAKE_DEFAULTS.category, stage: 'OPEN', priority: 'LOW' });
    const sentAt = fake.now();
    const response = await call('POST', '/api/v6/activities.json', { body: { ...email, ticket: 7 } });
    expect(response.status).toBe(201);
    const activity = response.body.result as Record<string, unknown>;
    expect(activity).toMatchObject({
      type: 'EMAIL',
      action: 'CLOSE',
      title: 'Your order',
      ticket: { name: 7, title: 'Order', _sys: { model: 'tickets' } },
      queue: { name: 3000, type: 'email' },
      item: { title: 'Your order', address: 'jane@acme.example', text: '<p>Shipped</p>', direction: 'out', state: 'WAIT', _sys: { model: 'activitiesEmail' } },
    });
    for (const writeOnly of ['to', 'subject', 'message', 'sendMail']) expect(activity).not.toHaveProperty(writeOnly);
    // Activities carry `time`, not created/edited.
    expect(activity).toMatchObject({ time: sentAt });
    expect(activity).not.toHaveProperty('created');
  });

  test('an e-mail without sendMail is only recorded, as a draft', async () => {
    const response = await call('POST', '/api/v6/activities.json', { body: { ...email, sendMail: undefined } });
    expect(response.body.result).toMatchObject({ ticket: null, item: { state: 'DRAFT' } });
  });

  test('an e-mail sent with the read model’s field names answers error.form for each missing field', async () => {
    const response = await call('POST', '/api/v6/activities.json', {
      body: { type: 'EMAIL', queue: 3000, address: 'jane@acme.example', title: 'Hi', text: 'x' },
    });
    expect(response).toMatchObject({
      status: 400,
      body: { error: { form: { to: 'Item is mandatory', subject: 'Item is mandatory', message: 'Item is mandatory' } } },
    });
    expect(fake.records('activities')).toEqual([]);
  });

  test('an SMS takes number, text and queue and reads back as an activitiesSms item', async () => {
    const response = await call('POST', '/api/v6/activities.json', { body: { type: 'SMS', queue: 4000, number: '+420777123456', text: 'Hi' } });
    expect(response).toMatchObject({ status: 201, body: { result: { type: 'SMS', item: { sender: '+420777123456', direction: 'OUT' } } } });
    expect(await call('POST', '/api/v6/activities.json', { body: { type: 'SMS', queue: 4000 } })).toMatchObject({
      status: 400,
      body: { error: { form: { number: 'Item is mandatory', text: 'Item is mandatory' } } },
    });
  });

  test('an unknown activity type or action answers error.form', async () => {
    const response = await call('POST', '/api/v6/activities.json', { body: { ...email, type: 'FAX', action: 'DONE' } });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ form: { type: expect.stringMatching(/^Invalid value/), action: expect.stringMatching(/^Invalid value/) } });
  });
});

describe('lists', () => {
  beforeEach(() => {
    fake.seed('tickets', [
      { title: 'a', stage: 'OPEN', priority: 'LOW', category: 'c1' },
      { title: 'b', stage: 'CLOSE', priority: 'HIGH', category: 'c1' },
      { title: 'c', stage: 'OPEN', priority: 'HIGH', category: 'c2' },
      { title: 'd', stage: 'WAIT', priority: 'MEDIUM', category: 'c2' },
    ]);
  });

  test('the nested filter syntax with logic and groups', async () => {
    const query =
      'filter[logic]=and&filter[filters][0][field]=created&filter[filters][0][operator]=gte&filter[filters][0][value]=2024-05-01 10:00:01' +
      '&filter[filters][1][logic]=or&filter[filters][1][filters][0][field]=stage&filter[filters][1][filters][0][operator]=eq&filter[filters][1][filters][0][value]=OPEN' +
      '&filter[filters][1][filters][1][field]=priority&filter[filters][1][filters][1][operator]=eq&filter[filters][1][filters][1][value]=MEDIUM';
    const response = await call('GET', '/api/v6/tickets.json', { query: encodeURI(query) });
    expect(names(response.body)).toEqual([3, 4]);
    expect(response.body.result).toMatchObject({ total: 2 });
  });

  test('the flat filter syntax, AND-ed', async () => {
    const query = 'filter[0][field]=category&filter[0][operator]=eq&filter[0][value]=c1&filter[1][field]=priority&filter[1][operator]=neq&filter[1][value]=LOW';
    expect(names((await call('GET', '/api/v6/tickets.json', { query: encodeURI(query) })).body)).toEqual([2]);
  });

  test('a list whose items are groups, as the Python connector sends it', async () => {
    const query =
      'filter[0][field]=category&filter[0][operator]=eq&filter[0][value]=c2' +
      '&filter[1][logic]=or&filter[1][filters][0][field]=stage&filter[1][filters][0][operator]=eq&filter[1][filters][0][value]=WAIT' +
      '&filter[1][filters][1][field]=priority&filter[1][filters][1][operator]=eq&filter[1][filters][1][value]=HIGH&filter[1][filters][1][ignoreCase]=true';
    expect(names((await call('GET', '/api/v6/tickets.json', { query: encodeURI(query) })).body)).toEqual([3, 4]);
  });

  test('one condition and one sort as plain objects, as the JS connector sends them', async () => {
    const query = 'filter[field]=stage&filter[operator]=eq&filter[value]=OPEN&sort[field]=title&sort[dir]=desc';
    expect(names((await call('GET', '/api/v6/tickets.json', { query: encodeURI(query) })).body)).toEqual([3, 1]);
  });

  // Every operator one of Daktela's connectors sends, with the tickets it keeps (titles a–d, names 1–4).
  const operators: Array<{ operator: string; field: string; value?: string | string[]; expected: number[] }> = [
    { operator: 'eq', field: 'stage', value: 'OPEN', expected: [1, 3] },
    { operator: 'neq', field: 'stage', value: 'OPEN', expected: [2, 4] },
    { operator: 'lt', field: 'name', value: '2', expected: [1] },
    { operator: 'lte', field: 'name', value: '2', expected: [1, 2] },
    { operator: 'gt', field: 'name', value: '3', expected: [4] },
    { operator: 'gte', field: 'name', value: '3', expected: [3, 4] },
    { operator: 'like', field: 'category', value: 'c%', expected: [1, 2, 3, 4] },
    { operator: 'notlike', field: 'category', value: '%1', expected: [3, 4] },
    { operator: 'contains', field: 'priority', value: 'IG', expected: [2, 3] },
    { operator: 'doesnotcontain', field: 'priority', value: 'IG', expected: [1, 4] },
    { operator: 'startswith', field: 'stage', value: 'O', expected: [1, 3] },
    { operator: 'endswith', field: 'stage', value: 'T', expected: [4] },
    { operator: 'begins', field: 'stage', value: 'W', expected: [4] },
    { operator: 'notbegins', field: 'stage', value: 'O', expected: [2, 4] },
    { operator: 'ends', field: 'priority', value: 'UM', expected: [4] },
    { operator: 'notends', field: 'priority', value: 'GH', expected: [1, 4] },
    { operator: 'isnull', field: 'closed', expected: [1, 2, 3, 4] },
    { operator: 'isnotnull', field: 'title', expected: [1, 2, 3, 4] },
    { operator: 'in', field: 'stage', value: ['WAIT', 'CLOSE'], expected: [2, 4] },
    { operator: 'notin', field: 'stage', value: ['WAIT', 'CLOSE'], expected: [1, 3] },
    { operator: 'between', field: 'name', value: ['2', '3'], expected: [2, 3] },
  ];

  test.each(operators)('the $operator operator', async ({ operator, field, value, expected }) => {
    const values =
      value === undefined
        ? ''
        : Array.isArray(value)
          ? value.map((item, index) => `&filter[0][value][${index}]=${item}`).join('')
          : `&filter[0][value]=${value}`;
    const response = await call('GET', '/api/v6/tickets.json', { query: encodeURI(`filter[0][field]=${field}&filter[0][operator]=${operator}${values}`) });
    expect(response.status).toBe(200);
    expect(names(response.body)).toEqual(expected);
  });

  const refused: Array<{ what: string; query: string; message: string }> = [
    {
      what: 'an unknown operator',
      query: 'filter[0][field]=title&filter[0][operator]=approx&filter[0][value]=a',
      message: 'Unknown filter operator "approx" in filter[0]',
    },
    {
      what: 'an operator in capitals',
      query: 'filter[0][field]=title&filter[0][operator]=EQ&filter[0][value]=a',
      message: 'Unknown filter operator "EQ" in filter[0]',
    },
    { what: 'a condition without an operator', query: 'filter[0][field]=title&filter[0][value]=a', message: 'filter[0][operator] is missing' },
    {
      what: 'a condition without a field',
      query: 'filter[logic]=and&filter[filters][0][operator]=eq&filter[filters][0][value]=a',
      message: 'filter[filters][0][field] is missing',
    },
    { what: 'a misspelt key', query: 'filter[0][field]=title&filter[0][op]=eq&filter[0][value]=a', message: 'Unexpected filter[0][op]' },
    { what: 'a comparison without a value', query: 'filter[0][field]=created&filter[0][operator]=gte', message: 'filter[0][value] is missing for gte' },
    {
      what: 'a list for a single value',
      query: 'filter[0][field]=stage&filter[0][operator]=eq&filter[0][value][0]=OPEN',
      message: 'filter[0][value] takes one value for eq',
    },
    { what: 'in without values', query: 'filter[0][field]=stage&filter[0][operator]=in', message: 'filter[0][value] needs at least 1 value for in' },
    {
      what: 'between with one value',
      query: 'filter[0][field]=name&filter[0][operator]=between&filter[0][value][0]=1',
      message: 'filter[0][value] needs 2 values for between',
    },
    {
      what: 'an unknown logic',
      query: 'filter[logic]=xor&filter[filters][0][field]=stage&filter[filters][0][operator]=eq&filter[filters][0][value]=OPEN',
      message: 'filter[logic] must be "and" or "or", not "xor"',
    },
    { what: 'a group without filters', query: 'filter[logic]=and', message: "filter[filters] must list the group's filters" },
    {
      what: 'a bare filter',
      query: 'filter=stage',
      message: 'filter must be filter[field]/[operator]/[value], filter[logic] with filter[filters][n], or filter[n]',
    },
    {
      what: 'a bad ignoreCase',
      query: 'filter[0][field]=stage&filter[0][operator]=eq&filter[0][value]=OPEN&filter[0][ignoreCase]=maybe',
      message: 'filter[0][ignoreCase] must be true or false',
    },
    { what: 'a bare sort', query: 'sort=title', message: 'sort must be sort[n][field] with sort[n][dir]' },
    { what: 'an unknown sort direction', query: 'sort[0][field]=title&sort[0][dir]=up', message: 'sort[0][dir] must be "asc" or "desc", not "up"' },
    { what: 'a sort without a field', query: 'sort[0][dir]=asc', message: 'sort[0][field] is missing' },
    { what: 'bare fields', query: 'fields=name', message: 'fields must be fields[n]' },
    { what: 'a negative skip', query: 'skip=-1', message: 'skip must be a whole number of 0 or more' },
    { what: 'a take that is not a number', query: 'take=ten', message: 'take must be a whole number of 0 or more' },
  ];

  test.each(refused)('$what answers 400 with the list-of-messages error', async ({ query, message }) => {
    expect(await call('GET', '/api/v6/tickets.json', { query: encodeURI(query) })).toMatchObject({ status: 400, body: { error: [message], result: null } });
  });

  test('take is capped at the largest page', async () => {
    const small = await startDaktelaFake({ maxTake: 2 });
    try {
      const response = await fetch(`${small.origin}/api/v6/queues.json?take=1000`, { headers: { 'x-auth-token': small.token } });
      expect(((await response.json()) as { result: { data: unknown[]; total: number } }).result).toMatchObject({ data: { length: 2 }, total: 3 });
    } finally {
      await small.close();
    }
  });

  test('skip and take page through sorted records with result.total', async () => {
    const page = await call('GET', '/api/v6/tickets.json', { query: encodeURI('sort[0][field]=name&sort[0][dir]=desc&skip=1&take=2') });
    expect(names(page.body)).toEqual([3, 2]);
    expect(page.body.result).toMatchObject({ total: 4 });
  });

  test('data keyed by record name on demand', async () => {
    fake.dataAsObject = true;
    const response = await call('GET', '/api/v6/tickets.json', { query: 'take=2' });
    expect(Object.keys((response.body.result as { data: object }).data)).toEqual(['1', '2']);
  });
});

describe('rate limits', () => {
  test('answers 429 with Retry-After on demand, then normally', async () => {
    fake.rateLimitNext(1, 7);
    const limited = await call('GET', '/api/v6/queues.json');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect((await call('GET', '/api/v6/queues.json')).status).toBe(200);
  });
});

describe('sessions and pauses', () => {
  test('usersSession logs into queues and sets or clears a pause', async () => {
    await call('PUT', '/api/v6/usersSession.json', { body: { queues: [{ login: true, name: 2000, penalty: 0 }], pause: DAKTELA_FAKE_DEFAULTS.pause } });
    expect(fake.session()).toEqual({ queues: [{ name: 2000, login: true, penalty: 0 }], pause: DAKTELA_FAKE_DEFAULTS.pause });
    await call('PUT', '/api/v6/usersSession.json', { body: { pause: null } });
    expect(fake.session().pause).toBeNull();
  });
});
