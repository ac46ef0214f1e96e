// Organization actions over real HTTP against the fake.
import { expect, test } from 'vitest';
import { findAction } from '../../kit/define.ts';
import { performAction } from '../../kit/perform.ts';
import { useConnectorTestbed } from '../../../test/testbed.ts';
import { pipedriveApp } from './app.ts';
import { startTestbed, type Testbed } from '../../../test/pipedrive-testbed.ts';

let bed: Testbed;
useConnectorTestbed(startTestbed, (started) => (bed = started), { clearRequests: true });

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
