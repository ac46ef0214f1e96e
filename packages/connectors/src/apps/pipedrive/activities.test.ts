// Activity actions over real HTTP against the fake.
import { expect, test } from 'vitest';
import { startPipedriveFake, type PipedriveFake } from '@switchyard/testing/fakes/pipedrive';
import { findAction } from '../../kit/define.ts';
import { performAction } from '../../kit/perform.ts';
import { startConnectorTestbed, useConnectorTestbed, type ConnectorTestbed } from '../../../test/testbed.ts';
import { pipedriveApp } from './app.ts';

let bed: ConnectorTestbed<PipedriveFake, { apiToken: string; baseUrl: string }>;
useConnectorTestbed(() => startConnectorTestbed(pipedriveApp, startPipedriveFake, (fake) => ({ apiToken: fake.token, baseUrl: fake.origin })), (started) => (bed = started), { clearRequests: true });

const run = (key: string, input: unknown) => performAction(findAction(pipedriveApp, key)!, { input, auth: bed.auth, client: bed.client, idempotencyKey: `run:${key}` });

test('create_activity sets the person as primary participant (person_id is read-only in v2) and returns the activity', async () => {
  const person = bed.fake.seed('person', { name: 'Jane Doe' });
  const deal = bed.fake.seed('deal', { title: 'Renewal', person_id: person.id });
  const result = await run('create_activity', { subject: 'Call Jane', type: 'call', deal_id: deal.id, person_id: person.id, due_date: '2025-01-20', due_time: '15:00', duration: '00:30', busy: 'true' });
  expect(bed.fake.requests[0]).toMatchObject({
    method: 'POST',
    path: '/api/v2/activities',
    body: { subject: 'Call Jane', type: 'call', deal_id: deal.id, participants: [{ person_id: person.id, primary: true }], due_date: '2025-01-20', due_time: '15:00', duration: '00:30', busy: true },
  });
  expect(result.output).toMatchObject({ subject: 'Call Jane', person_id: person.id, deal_id: deal.id, done: false });
});

test('update_activity marks an activity done', async () => {
  const activity = bed.fake.seed('activity', { subject: 'Follow up' });
  const result = await run('update_activity', { id: activity.id, done: true });
  expect(bed.fake.requests[0]).toMatchObject({ method: 'PATCH', path: `/api/v2/activities/${activity.id}`, body: { done: true } });
  expect(result.output).toMatchObject({ id: activity.id, done: true, subject: 'Follow up' });
  expect((result.output as { marked_as_done_time: string | null }).marked_as_done_time).not.toBeNull();
});

test('a due date in the wrong format is refused before calling Pipedrive', async () => {
  await expect(run('create_activity', { subject: 'x', due_date: '20/01/2025' })).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('YYYY-MM-DD') });
  expect(bed.fake.requests).toHaveLength(0);
});
