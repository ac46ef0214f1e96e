// Tests of the Twenty record actions over real HTTP against the fake: the request each sends and the record it returns.
import { describe, expect, test } from 'vitest';
import { startTwentyFake, type TwentyFake } from '@switchyard/testing/fakes/twenty';
import { failureOf, startConnectorTestbed, useConnectorTestbed, type ConnectorTestbed } from '../../../test/testbed.ts';
import { twentyApp } from './index.ts';

let fake: TwentyFake;
let perform: ConnectorTestbed['perform'];
useConnectorTestbed(
  () =>
    startConnectorTestbed(
      twentyApp,
      () => startTwentyFake({ customObjects: [{ nameSingular: 'pet', namePlural: 'pets' }] }),
      (started) => ({
        baseUrl: started.origin,
        apiKey: started.token,
      }),
    ),
  (bed) => ({ fake, perform } = bed),
  { clearRequests: true },
);

async function run(key: string, input: Record<string, unknown>): Promise<Record<string, unknown>> {
  return (await perform(key, input)).output as Record<string, unknown>;
}

const last = () => fake.requests.at(-1);

describe('twenty create_record', () => {
  test('POSTs the fields, composite ones as objects, to /rest/{object} and returns the created record', async () => {
    const fields = { name: { firstName: 'Ada', lastName: 'Lovelace' }, emails: { primaryEmail: 'ada@example.com' }, jobTitle: 'CTO' };
    const output = await run('create_record', { object: 'people', fields });
    expect(last()).toMatchObject({ method: 'POST', path: '/rest/people', body: fields });
    expect(output).toMatchObject({ ...fields, emails: { primaryEmail: 'ada@example.com' }, deletedAt: null });
    expect(output.id).toEqual(expect.any(String));
    expect(fake.records('people')).toEqual([output]);
  });

  test('accepts the fields as JSON text and works for custom objects', async () => {
    const output = await run('create_record', { object: 'pets', fields: '{"name": "Rex", "species": "dog"}' });
    expect(last()).toMatchObject({ method: 'POST', path: '/rest/pets', body: { name: 'Rex', species: 'dog' } });
    expect(output).toMatchObject({ name: 'Rex', species: 'dog' });
  });

  test('refuses fields that are not a JSON object before calling Twenty', async () => {
    for (const fields of ['{not json', '[1, 2]']) {
      const error = await failureOf(run('create_record', { object: 'people', fields }));
      expect(error.code).toBe('INVALID_INPUT');
    }
    expect(fake.requests).toHaveLength(0);
  });
});

describe('twenty update_record', () => {
  test('PATCHes only the given fields at /rest/{object}/{id} and returns the updated record', async () => {
    const [company] = fake.seed('companies', [{ name: 'Acme', employees: 10 }]);
    const output = await run('update_record', { object: 'companies', id: company?.id, fields: { employees: 25 } });
    expect(last()).toMatchObject({ method: 'PATCH', path: `/rest/companies/${String(company?.id)}`, body: { employees: 25 } });
    expect(output).toMatchObject({ id: company?.id, name: 'Acme', employees: 25 });
  });

  test('fails with Twenty’s message for an unknown id', async () => {
    const error = await failureOf(run('update_record', { object: 'companies', id: 'f00d0000-0000-4000-8000-000000000000', fields: { employees: 1 } }));
    expect(error.message).toBe('Twenty answered 400 Bad Request: Record not found');
  });
});

describe('twenty delete_record', () => {
  test('DELETEs permanently by default and returns the destroyed record', async () => {
    const [opportunity] = fake.seed('opportunities', [{ name: 'Big deal', amount: { amountMicros: 5_000_000_000, currencyCode: 'EUR' } }]);
    const output = await run('delete_record', { object: 'opportunities', id: opportunity?.id });
    expect(last()).toMatchObject({ method: 'DELETE', path: `/rest/opportunities/${String(opportunity?.id)}`, query: {} });
    expect(output).toMatchObject({ id: opportunity?.id, name: 'Big deal' });
    expect(fake.records('opportunities', { includeDeleted: true })).toEqual([]);
  });

  test('moves the record to the trash with soft_delete=true when asked', async () => {
    const [person] = fake.seed('people', [{ name: { firstName: 'Soft', lastName: 'Delete' } }]);
    const output = await run('delete_record', { object: 'people', id: person?.id, soft: true });
    expect(last()).toMatchObject({ method: 'DELETE', query: { soft_delete: 'true' } });
    expect(output).toMatchObject({ id: person?.id, deletedAt: expect.any(String) });
    expect(fake.records('people', { includeDeleted: true }).find((record) => record.id === person?.id)?.deletedAt).toEqual(expect.any(String));
  });
});

describe('twenty find_record', () => {
  test('filters by a composite sub-field with Twenty’s filter syntax and returns the first match', async () => {
    fake.seed('people', [
      { name: { firstName: 'Grace', lastName: 'Hopper' }, emails: { primaryEmail: 'grace@navy.mil' } },
      { name: { firstName: 'Alan', lastName: 'Turing' }, emails: { primaryEmail: 'alan@example.com' } },
    ]);
    const output = await run('find_record', { object: 'people', field: 'emails.primaryEmail', value: 'alan@example.com' });
    expect(last()).toMatchObject({
      method: 'GET',
      path: '/rest/people',
      query: { filter: 'emails.primaryEmail[eq]:alan@example.com', limit: '1', order_by: 'createdAt[AscNullsFirst]' },
    });
    expect(output).toMatchObject({ name: { firstName: 'Alan', lastName: 'Turing' } });
  });

  test('quotes values that hold separators so Twenty reads them whole', async () => {
    fake.seed('companies', [{ name: 'Smith, Jones (Holdings)' }]);
    const output = await run('find_record', { object: 'companies', field: 'name', value: 'Smith, Jones (Holdings)' });
    expect(last()?.query.filter).toBe('name[eq]:"Smith, Jones (Holdings)"');
    expect(output).toMatchObject({ name: 'Smith, Jones (Holdings)' });
  });

  test('supports other comparators such as case-insensitive ilike', async () => {
    const output = await run('find_record', { object: 'people', field: 'emails.primaryEmail', value: '%@NAVY.MIL', comparator: 'ilike' });
    expect(output).toMatchObject({ emails: { primaryEmail: 'grace@navy.mil' } });
  });

  test('returns an empty output when nothing matches, or fails when asked to', async () => {
    expect(await run('find_record', { object: 'people', field: 'emails.primaryEmail', value: 'nobody@example.com' })).toEqual({});
    const error = await failureOf(run('find_record', { object: 'people', field: 'emails.primaryEmail', value: 'nobody@example.com', whenNotFound: 'fail' }));
    expect(error.message).toBe('No people record has emails.primaryEmail eq "nobody@example.com"');
    expect(error.transient).toBe(false);
  });
});

describe('twenty upsert_record', () => {
  test('updates the matching record, found by the field’s value taken from the fields', async () => {
    const [existing] = fake.seed('people', [{ name: { firstName: 'Katherine', lastName: 'J' }, emails: { primaryEmail: 'kj@nasa.gov' } }]);
    const fields = { emails: { primaryEmail: 'kj@nasa.gov' }, name: { firstName: 'Katherine', lastName: 'Johnson' }, jobTitle: 'Mathematician' };
    const output = await run('upsert_record', { object: 'people', matchField: 'emails.primaryEmail', fields });
    const [lookup, write] = fake.requests;
    expect(lookup).toMatchObject({ method: 'GET', path: '/rest/people', query: { filter: 'emails.primaryEmail[eq]:kj@nasa.gov', limit: '1' } });
    expect(write).toMatchObject({ method: 'PATCH', path: `/rest/people/${String(existing?.id)}`, body: fields });
    expect(output).toMatchObject({ id: existing?.id, jobTitle: 'Mathematician', name: { lastName: 'Johnson' } });
  });

  test('creates a record when none matches, using an explicit match value', async () => {
    const output = await run('upsert_record', {
      object: 'companies',
      matchField: 'domainName.primaryLinkUrl',
      matchValue: 'https://new.example',
      fields: { name: 'New Co', domainName: { primaryLinkUrl: 'https://new.example' } },
    });
    expect(fake.requests.map((request) => request.method)).toEqual(['GET', 'POST']);
    expect(fake.requests[1]).toMatchObject({ path: '/rest/companies', body: { name: 'New Co' } });
    expect(output).toMatchObject({ name: 'New Co', domainName: { primaryLinkUrl: 'https://new.example' } });
  });

  test('asks for a match value when neither the input nor the fields give one', async () => {
    const error = await failureOf(run('upsert_record', { object: 'people', matchField: 'emails.primaryEmail', fields: { jobTitle: 'x' } }));
    expect(error.code).toBe('INVALID_INPUT');
    expect(fake.requests).toHaveLength(0);
  });
});
