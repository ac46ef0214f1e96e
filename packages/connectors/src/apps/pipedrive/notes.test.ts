// The note action (v1) and the custom API call over real HTTP against the fake.
import { expect, test } from 'vitest';
import { startPipedriveFake, type PipedriveFake } from '@switchyard/testing/fakes/pipedrive';
import { findAction } from '../../kit/define.ts';
import { performAction } from '../../kit/perform.ts';
import { startConnectorTestbed, useConnectorTestbed, type ConnectorTestbed } from '../../../test/testbed.ts';
import { pipedriveApp } from './app.ts';

let bed: ConnectorTestbed<PipedriveFake, { apiToken: string; baseUrl: string }>;
useConnectorTestbed(() => startConnectorTestbed(pipedriveApp, startPipedriveFake, (fake) => ({ apiToken: fake.token, baseUrl: fake.origin })), (started) => (bed = started), { clearRequests: true });

const run = (key: string, input: unknown) => performAction(findAction(pipedriveApp, key)!, { input, auth: bed.auth, client: bed.client, idempotencyKey: `run:${key}` });

test('create_note posts to /v1/notes with the pin as a 0/1 flag and returns the note', async () => {
  const deal = bed.fake.seed('deal', { title: 'Renewal' });
  const result = await run('create_note', { content: '<p>Renewal agreed</p>', deal_id: deal.id, pinned: true });
  expect(bed.fake.requests[0]).toMatchObject({ method: 'POST', path: '/v1/notes', body: { content: '<p>Renewal agreed</p>', deal_id: deal.id, pinned_to_deal_flag: 1 } });
  expect(result.output).toMatchObject({ content: '<p>Renewal agreed</p>', deal_id: deal.id, pinned_to_deal_flag: true, active_flag: true });
  expect(bed.fake.notes()).toHaveLength(1);
});

test('create_note needs a record to attach to and says so before calling Pipedrive', async () => {
  await expect(run('create_note', { content: 'Floating' })).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('Attach the note') });
  expect(bed.fake.requests).toHaveLength(0);
});

test('create_note on a missing deal fails with Pipedrive’s v1 error message', async () => {
  await expect(run('create_note', { content: 'x', deal_id: 4242 })).rejects.toMatchObject({ message: expect.stringContaining('Pipedrive answered 400 Bad Request: Deal with id 4242 not found') });
});

test('the custom API call sends any path with the connection’s token and returns status and body', async () => {
  bed.fake.seed('deal', { title: 'Listed' });
  const result = await run('custom_api_call', { method: 'GET', path: '/api/v2/deals', query: { limit: 1, sort_direction: 'desc' } });
  expect(bed.fake.requests[0]).toMatchObject({ method: 'GET', path: '/api/v2/deals', query: { limit: '1', sort_direction: 'desc' } });
  expect(bed.fake.requests[0]?.headers['x-api-token']).toBe(bed.fake.token);
  expect(result.output).toMatchObject({ status: 200, body: { success: true, data: [{ title: 'Listed' }] } });

  const posted = await run('custom_api_call', { method: 'POST', path: '/api/v2/organizations', body: { name: 'Via custom call' } });
  expect(posted.output).toMatchObject({ status: 200, body: { data: { name: 'Via custom call' } } });
});

test('the custom API call turns errors into Pipedrive’s message and refuses full URLs', async () => {
  await expect(run('custom_api_call', { method: 'GET', path: '/api/v2/nothing-here' })).rejects.toMatchObject({ message: expect.stringContaining('Pipedrive answered 404 Not Found: Unknown method .') });
  await expect(run('custom_api_call', { method: 'GET', path: 'https://evil.example/x' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
});
