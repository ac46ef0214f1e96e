// Deal actions over real HTTP against the fake: request shapes, outputs and the pipeline, stage and owner choices.
import { expect, test } from 'vitest';
import { startPipedriveFake, type PipedriveFake } from '@switchyard/testing/fakes/pipedrive';
import { findAction } from '../../kit/define.ts';
import { performAction } from '../../kit/perform.ts';
import { startConnectorTestbed, useConnectorTestbed, type ConnectorTestbed } from '../../../test/testbed.ts';
import { pipedriveApp } from './app.ts';

let bed: ConnectorTestbed<PipedriveFake, { apiToken: string; baseUrl: string }>;
useConnectorTestbed(() => startConnectorTestbed(pipedriveApp, startPipedriveFake, (fake) => ({ apiToken: fake.token, baseUrl: fake.origin })), (started) => (bed = started), { clearRequests: true });

const createDeal = findAction(pipedriveApp, 'create_deal')!;
const updateDeal = findAction(pipedriveApp, 'update_deal')!;

test('create_deal posts the v2 body with Pipedrive’s field names and returns the created deal', async () => {
  const result = await performAction(createDeal, {
    input: { title: 'Acme renewal', value: '5000', currency: 'EUR', pipeline_id: 2, owner_id: '2', expected_close_date: '2025-03-31', custom_fields: { abc: 'Gold' }, lost_reason: '' },
    auth: bed.auth,
    client: bed.client,
    idempotencyKey: 'run:deal',
  });
  const [request] = bed.fake.requests;
  expect(request).toMatchObject({ method: 'POST', path: '/api/v2/deals' });
  expect(request?.body).toEqual({ title: 'Acme renewal', value: 5000, currency: 'EUR', pipeline_id: 2, owner_id: 2, expected_close_date: '2025-03-31', custom_fields: { abc: 'Gold' } });
  const stored = bed.fake.records('deal').at(-1);
  expect(result.output).toEqual(stored);
  expect(result.output).toMatchObject({ title: 'Acme renewal', pipeline_id: 2, stage_id: 5, status: 'open', owner_id: 2 });
});

test('update_deal patches only the fields given and returns the deal', async () => {
  const deal = bed.fake.seed('deal', { title: 'Old title', value: 10 });
  const result = await performAction(updateDeal, { input: { id: String(deal.id), status: 'won', title: '' }, auth: bed.auth, client: bed.client, idempotencyKey: 'run:upd' });
  expect(bed.fake.requests[0]).toMatchObject({ method: 'PATCH', path: `/api/v2/deals/${deal.id}`, body: { status: 'won' } });
  expect(result.output).toMatchObject({ id: deal.id, title: 'Old title', status: 'won', value: 10 });
  expect((result.output as { won_time: string | null }).won_time).not.toBeNull();
});

test('update_deal of a missing deal fails with Pipedrive’s not-found message', async () => {
  await expect(performAction(updateDeal, { input: { id: 9999, title: 'x' }, auth: bed.auth, client: bed.client, idempotencyKey: 'run:404' })).rejects.toMatchObject({
    message: 'Pipedrive answered 404 Not Found: Deal not found (Please check developers.pipedrive.com)',
    transient: false,
  });
});

test('create_deal refuses an input without a title before calling Pipedrive', async () => {
  await expect(performAction(createDeal, { input: { value: 1 }, auth: bed.auth, client: bed.client, idempotencyKey: 'run:bad' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  expect(bed.fake.requests).toHaveLength(0);
});

test('pipelines, stages of the chosen pipeline, and active users are offered as choices', async () => {
  const http = bed.client.forStep();
  const options = createDeal.options!;
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
