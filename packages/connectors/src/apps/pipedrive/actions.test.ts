// Pipedrive actions over real HTTP against the fake: the request each one sends, its output, its choices and its refusals.
import { describe, expect, test } from 'vitest';
import { startPipedriveFake, type PipedriveFake } from '@switchyard/testing/fakes/pipedrive';
import { actionOf, startConnectorTestbed, useConnectorTestbed, type ConnectorTestbed } from '../../../test/testbed.ts';
import { pipedriveApp } from './index.ts';

let bed: ConnectorTestbed<PipedriveFake, { apiToken: string; baseUrl: string }>;
useConnectorTestbed(
  () => startConnectorTestbed(pipedriveApp, startPipedriveFake, (fake) => ({ apiToken: fake.token, baseUrl: fake.origin })),
  (started) => (bed = started),
  { clearRequests: true },
);

describe('deal actions', () => {
  test('create_deal posts the v2 body with Pipedrive’s field names and returns the created deal', async () => {
    const result = await bed.perform('create_deal', {
      title: 'Acme renewal',
      value: '5000',
      currency: 'EUR',
      pipeline_id: 2,
      owner_id: '2',
      expected_close_date: '2025-03-31',
      custom_fields: { abc: 'Gold' },
      lost_reason: '',
    });
    const [request] = bed.fake.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/api/v2/deals' });
    expect(request?.body).toEqual({
      title: 'Acme renewal',
      value: 5000,
      currency: 'EUR',
      pipeline_id: 2,
      owner_id: 2,
      expected_close_date: '2025-03-31',
      custom_fields: { abc: 'Gold' },
    });
    const stored = bed.fake.records('deal').at(-1);
    expect(result.output).toEqual(stored);
    expect(result.output).toMatchObject({ title: 'Acme renewal', pipeline_id: 2, stage_id: 5, status: 'open', owner_id: 2 });
  });

  test('update_deal patches only the fields given and returns the deal', async () => {
    const deal = bed.fake.seed('deal', { title: 'Old title', value: 10 });
    const result = await bed.perform('update_deal', { id: String(deal.id), status: 'won', title: '' });
    expect(bed.fake.requests[0]).toMatchObject({ method: 'PATCH', path: `/api/v2/deals/${deal.id}`, body: { status: 'won' } });
    expect(result.output).toMatchObject({ id: deal.id, title: 'Old title', status: 'won', value: 10 });
    expect((result.output as { won_time: string | null }).won_time).not.toBeNull();
  });

  test('update_deal of a missing deal fails with Pipedrive’s not-found message', async () => {
    await expect(bed.perform('update_deal', { id: 9999, title: 'x' })).rejects.toMatchObject({
      message: 'Pipedrive answered 404 Not Found: Deal not found (Please check developers.pipedrive.com)',
      transient: false,
    });
  });

  test('create_deal refuses an input without a title before calling Pipedrive', async () => {
    await expect(bed.perform('create_deal', { value: 1 })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(bed.fake.requests).toHaveLength(0);
  });

  test('pipelines, stages of the chosen pipeline, and active users are offered as choices', async () => {
    const http = bed.client.forStep();
    const options = actionOf(pipedriveApp, 'create_deal').options!;
    expect(await options.pipeline_id!({ auth: bed.auth, http, input: {} })).toEqual([
      { value: 1, label: 'Sales' },
      { value: 2, label: 'Partners' },
    ]);
    expect(await options.stage_id!({ auth: bed.auth, http, input: { pipeline_id: '2' } })).toEqual([
      { value: 5, label: 'Introduced' },
      { value: 6, label: 'Signed' },
    ]);
    expect(bed.fake.requests.at(-1)).toMatchObject({ path: '/api/v2/stages', query: { pipeline_id: '2' } });
    const allStages = await options.stage_id!({ auth: bed.auth, http, input: {} });
    expect(allStages).toHaveLength(6);
    expect(allStages[0]).toEqual({ value: 1, label: 'Sales → Qualified' });
    expect(await options.owner_id!({ auth: bed.auth, http, input: {} })).toEqual([
      { value: 1, label: 'Alex Admin (alex@fake-company.example)' },
      { value: 2, label: 'Sam Seller (sam@fake-company.example)' },
    ]);
  });
});

describe('person actions', () => {
  test('create_person sends the email and phone as primary work entries and returns the person', async () => {
    const org = bed.fake.seed('organization', { name: 'Acme Inc.' });
    const result = await bed.perform('create_person', {
      name: 'Jane Doe',
      email: 'jane@acme.example',
      phone: '+1 555 0100',
      org_id: org.id,
      marketing_status: 'subscribed',
    });
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
    expect(result.output).toMatchObject({
      name: 'Jane Doe',
      first_name: 'Jane',
      last_name: 'Doe',
      org_id: org.id,
      emails: [{ value: 'jane@acme.example', primary: true, label: 'work' }],
    });
  });

  test('update_person patches the given fields only', async () => {
    const person = bed.fake.seed('person', { name: 'John Smith', emails: [{ value: 'john@old.example', primary: true, label: 'work' }] });
    const result = await bed.perform('update_person', { id: person.id, email: 'john@new.example' });
    expect(bed.fake.requests[0]).toMatchObject({
      method: 'PATCH',
      path: `/api/v2/persons/${person.id}`,
      body: { emails: [{ value: 'john@new.example', primary: true, label: 'work' }] },
    });
    expect(result.output).toMatchObject({ id: person.id, name: 'John Smith', emails: [{ value: 'john@new.example' }] });
  });

  describe('find_person', () => {
    test('finds by email with an exact match through the v2 search', async () => {
      const person = bed.fake.seed('person', { name: 'Mia Search', emails: [{ value: 'mia@search.example', primary: true, label: 'work' }] });
      const result = await bed.perform('find_person', { term: 'MIA@search.example' });
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
      const result = await bed.perform('find_person', { field: 'name', term: 'ola' });
      expect(bed.fake.requests[0]?.query).toMatchObject({ fields: 'name', exact_match: 'false' });
      const output = result.output as { found: boolean; person: { id: number }; results: unknown[] };
      expect(output.person.id).toBe(exact.id);
      expect(output.results).toHaveLength(2);
    });

    test('answers found = false when nobody matches, or fails when asked to', async () => {
      expect((await bed.perform('find_person', { term: 'nobody@nowhere.example' })).output).toEqual({ found: false, person: null, results: [] });
      await expect(bed.perform('find_person', { term: 'nobody@nowhere.example', failIfNotFound: true })).rejects.toMatchObject({
        message: 'No Pipedrive person has the email "nobody@nowhere.example"',
        transient: false,
      });
    });

    test('a one-letter name search without exact match gets Pipedrive’s validation message', async () => {
      await expect(bed.perform('find_person', { field: 'name', term: 'x' })).rejects.toMatchObject({
        message: expect.stringContaining('Pipedrive answered 400 Bad Request: Validation failed: term'),
      });
    });
  });
});

describe('organization actions', () => {
  test('create_organization sends the address as {value} and returns the organization', async () => {
    const result = await bed.perform('create_organization', { name: 'Acme Inc.', address: '1 Main St, Springfield', visible_to: '7', label_ids: [4] });
    expect(bed.fake.requests[0]).toMatchObject({
      method: 'POST',
      path: '/api/v2/organizations',
      body: { name: 'Acme Inc.', address: { value: '1 Main St, Springfield' }, visible_to: 7, label_ids: [4] },
    });
    expect(result.output).toMatchObject({ name: 'Acme Inc.', address: { value: '1 Main St, Springfield' }, visible_to: 7 });
  });

  test('update_organization renames without touching the other fields', async () => {
    const org = bed.fake.seed('organization', { name: 'Old Name', address: { value: 'Somewhere' } });
    const result = await bed.perform('update_organization', { id: org.id, name: 'New Name' });
    expect(bed.fake.requests[0]).toMatchObject({ method: 'PATCH', path: `/api/v2/organizations/${org.id}`, body: { name: 'New Name' } });
    expect(result.output).toMatchObject({ id: org.id, name: 'New Name', address: { value: 'Somewhere' } });
  });
});

describe('activity actions', () => {
  test('create_activity sets the person as primary participant (person_id is read-only in v2) and returns the activity', async () => {
    const person = bed.fake.seed('person', { name: 'Jane Doe' });
    const deal = bed.fake.seed('deal', { title: 'Renewal', person_id: person.id });
    const result = await bed.perform('create_activity', {
      subject: 'Call Jane',
      type: 'call',
      deal_id: deal.id,
      person_id: person.id,
      due_date: '2025-01-20',
      due_time: '15:00',
      duration: '00:30',
      busy: 'true',
    });
    expect(bed.fake.requests[0]).toMatchObject({
      method: 'POST',
      path: '/api/v2/activities',
      body: {
        subject: 'Call Jane',
        type: 'call',
        deal_id: deal.id,
        participants: [{ person_id: person.id, primary: true }],
        due_date: '2025-01-20',
        due_time: '15:00',
        duration: '00:30',
        busy: true,
      },
    });
    expect(result.output).toMatchObject({ subject: 'Call Jane', person_id: person.id, deal_id: deal.id, done: false });
  });

  test('update_activity marks an activity done', async () => {
    const activity = bed.fake.seed('activity', { subject: 'Follow up' });
    const result = await bed.perform('update_activity', { id: activity.id, done: true });
    expect(bed.fake.requests[0]).toMatchObject({ method: 'PATCH', path: `/api/v2/activities/${activity.id}`, body: { done: true } });
    expect(result.output).toMatchObject({ id: activity.id, done: true, subject: 'Follow up' });
    expect((result.output as { marked_as_done_time: string | null }).marked_as_done_time).not.toBeNull();
  });

  test('a due date in the wrong format is refused before calling Pipedrive', async () => {
    await expect(bed.perform('create_activity', { subject: 'x', due_date: '20/01/2025' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('YYYY-MM-DD'),
    });
    expect(bed.fake.requests).toHaveLength(0);
  });
});

describe('note action and custom API call', () => {
  test('create_note posts to /api/v1/notes (the fake is a company domain) with the pin as a 0/1 flag and returns the note', async () => {
    const deal = bed.fake.seed('deal', { title: 'Renewal' });
    const result = await bed.perform('create_note', { content: '<p>Renewal agreed</p>', deal_id: deal.id, pinned: true });
    expect(bed.fake.requests[0]).toMatchObject({
      method: 'POST',
      path: '/api/v1/notes',
      body: { content: '<p>Renewal agreed</p>', deal_id: deal.id, pinned_to_deal_flag: 1 },
    });
    expect(result.output).toMatchObject({ content: '<p>Renewal agreed</p>', deal_id: deal.id, pinned_to_deal_flag: true, active_flag: true });
    expect(bed.fake.notes()).toHaveLength(1);
  });

  test('create_note needs a record to attach to and says so before calling Pipedrive', async () => {
    await expect(bed.perform('create_note', { content: 'Floating' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('Attach the note'),
    });
    expect(bed.fake.requests).toHaveLength(0);
  });

  test('create_note on a missing deal fails with Pipedrive’s v1 error message', async () => {
    await expect(bed.perform('create_note', { content: 'x', deal_id: 4242 })).rejects.toMatchObject({
      message: expect.stringContaining('Pipedrive answered 400 Bad Request: Deal with id 4242 not found'),
    });
  });

  test('the custom API call sends any path with the connection’s token and returns status and body', async () => {
    bed.fake.seed('deal', { title: 'Listed' });
    const result = await bed.perform('custom_api_call', { method: 'GET', path: '/api/v2/deals', query: { limit: 1, sort_direction: 'desc' } });
    expect(bed.fake.requests[0]).toMatchObject({ method: 'GET', path: '/api/v2/deals', query: { limit: '1', sort_direction: 'desc' } });
    expect(bed.fake.requests[0]?.headers['x-api-token']).toBe(bed.fake.token);
    expect(result.output).toMatchObject({ status: 200, body: { success: true, data: [{ title: 'Listed' }] } });

    const posted = await bed.perform('custom_api_call', { method: 'POST', path: '/api/v2/organizations', body: { name: 'Via custom call' } });
    expect(posted.output).toMatchObject({ status: 200, body: { data: { name: 'Via custom call' } } });
  });

  test('the custom API call turns errors into Pipedrive’s message and refuses full URLs', async () => {
    await expect(bed.perform('custom_api_call', { method: 'GET', path: '/api/v2/nothing-here' })).rejects.toMatchObject({
      message: expect.stringContaining('Pipedrive answered 404 Not Found: Unknown method .'),
    });
    await expect(bed.perform('custom_api_call', { method: 'GET', path: 'https://evil.example/x' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});
