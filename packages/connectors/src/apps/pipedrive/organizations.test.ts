// Organization actions over real HTTP against the fake.
import { expect, test } from 'vitest';
import { startPipedriveFake, type PipedriveFake } from '@switchyard/testing/fakes/pipedrive';
import { findAction } from '../../kit/define.ts';
import { performAction } from '../../kit/perform.ts';
import { startConnectorTestbed, useConnectorTestbed, type ConnectorTestbed } from '../../../test/testbed.ts';
import { pipedriveApp } from './app.ts';

let bed: ConnectorTestbed<PipedriveFake, { apiToken: string; baseUrl: string }>;
useConnectorTestbed(() => startConnectorTestbed(pipedriveApp, startPipedriveFake, (fake) => ({ apiToken: fake.token, baseUrl: fake.origin })), (started) => (bed = started), { clearRequests: true });

const run = (key: string, input: unknown) => performAction(findAction(pipedriveApp, key)!, { input, auth: bed.auth, client: bed.client, idempotencyKey: `run:${key}` });

test('create_organization sends the address as {value} and returns the organization', async () => {
  const result = await run('create_organization', { name: 'Acme Inc.', address: '1 Main St, Springfield', visible_to: '7', label_ids: [4] });
  expect(bed.fake.requests[0]).toMatchObject({ method: 'POST', path: '/api/v2/organizations', body: { name: 'Acme Inc.', address: { value: '1 Main St, Springfield' }, visible_to: 7, label_ids: [4] } });
  expect(result.output).toMatchObject({ name: 'Acme Inc.', address: { value: '1 Main St, Springfield' }, visible_to: 7 });
});

test('update_organization renames without touching the other fields', async () => {
  const org = bed.fake.seed('organization', { name: 'Old Name', address: { value: 'Somewhere' } });
  const result = await run('update_organization', { id: org.id, name: 'New Name' });
  expect(bed.fake.requests[0]).toMatchObject({ method: 'PATCH', path: `/api/v2/organizations/${org.id}`, body: { name: 'New Name' } });
  expect(result.output).toMatchObject({ id: org.id, name: 'New Name', address: { value: 'Somewhere' } });
});
