// Person actions over real HTTP against the fake: create, update and find by email or name.
import { describe, expect, test } from 'vitest';
import { startPipedriveFake, type PipedriveFake } from '@switchyard/testing/fakes/pipedrive';
import { findAction } from '../../kit/define.ts';
import { performAction } from '../../kit/perform.ts';
import { startConnectorTestbed, useConnectorTestbed, type ConnectorTestbed } from '../../../test/testbed.ts';
import { pipedriveApp } from './app.ts';

let bed: ConnectorTestbed<PipedriveFake, { apiToken: string; baseUrl: string }>;
useConnectorTestbed(() => startConnectorTestbed(pipedriveApp, startPipedriveFake, (fake) => ({ apiToken: fake.token, baseUrl: fake.origin })), (started) => (bed = started), { clearRequests: true });

const action = (key: string) => findAction(pipedriveApp, key)!;
const run = (key: string, input: unknown) => performAction(action(key), { input, auth: bed.auth, client: bed.client, idempotencyKey: `run:${key}` });

test('create_person sends the email and phone as primary work entries and returns the person', async () => {
  const org = bed.fake.seed('organization', { name: 'Acme Inc.' });
  const result = await run('create_person', { name: 'Jane Doe', email: 'jane@acme.example', phone: '+1 555 0100', org_id: org.id, marketing_status: 'subscribed' });
  expect(bed.fake.requests[0]).toMatchObject({
    method: 'POST',
    path: '/api/v2/persons',
    body: {
      name: 'Jane Doe',
      emails: [{ value: 'jane@acme.example', primary: true, label: 'work' }],
      phones: [{ value: '+1 555 0100', primary: true, label: 'work' }],
      org_id: org.id,
      marketing_status: 'subscribed',
    },
  });
  expect(result.output).toMatchObject({ name: 'Jane Doe', first_name: 'Jane', last_name: 'Doe', org_id: org.id, emails: [{ value: 'jane@acme.example', primary: true, label: 'work' }] });
});

test('update_person patches the given fields only', async () => {
  const person = bed.fake.seed('person', { name: 'John Smith', emails: [{ value: 'john@old.example', primary: true, label: 'work' }] });
  const result = await run('update_person', { id: person.id, email: 'john@new.example' });
  expect(bed.fake.requests[0]).toMatchObject({ method: 'PATCH', path: `/api/v2/persons/${person.id}`, body: { emails: [{ value: 'john@new.example', primary: true, label: 'work' }] } });
  expect(result.output).toMatchObject({ id: person.id, name: 'John Smith', emails: [{ value: 'john@new.example' }] });
});

describe('find_person', () => {
  test('finds by email with an exact match through the v2 search', async () => {
    const person = bed.fake.seed('person', { name: 'Mia Search', emails: [{ value: 'mia@search.example', primary: true, label: 'work' }] });
    const result = await run('find_person', { term: 'MIA@search.example' });
    expect(bed.fake.requests[0]).toMatchObject({
      method: 'GET',
      path: '/api/v2/persons/search',
      query: { term: 'MIA@search.example', fields: 'email', exact_match: 'true', limit: '10' },
    });
    expect(result.output).toMatchObject({ found: true, person: { id: person.id, type: 'person', name: 'Mia Search', emails: ['mia@search.example'] } });
  });

  test('finds by part of a name when not exact, best match first', async () => {
    const exact = bed.fake.seed('person', { name: 'Ola' });
    bed.fake.seed('person', { name: 'Olaf Larsen' });
    const result = await run('find_person', { field: 'name', term: 'ola' });
    expect(bed.fake.requests[0]?.query).toMatchObject({ fields: 'name', exact_match: 'false' });
    const output = result.output as { found: boolean; person: { id: number }; results: unknown[] };
    expect(output.person.id).toBe(exact.id);
    expect(output.results).toHaveLength(2);
  });

  test('answers found = false when nobody matches, or fails when asked to', async () => {
    expect((await run('find_person', { term: 'nobody@nowhere.example' })).output).toEqual({ found: false, person: null, results: [] });
    await expect(run('find_person', { term: 'nobody@nowhere.example', failIfNotFound: true })).rejects.toMatchObject({
      message: 'No Pipedrive person has the email "nobody@nowhere.example"',
      transient: false,
    });
  });

  test('a one-letter name search without exact match gets Pipedrive’s validation message', async () => {
    await expect(run('find_person', { field: 'name', term: 'x' })).rejects.toMatchObject({ message: expect.stringContaining('Pipedrive answered 400 Bad Request: Validation failed: term') });
  });
});
