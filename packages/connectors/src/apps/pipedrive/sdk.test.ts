// Our request bodies held against the official SDK's request models (the pipedrive npm package) at compile time, and shown to be what the operations send.
import { describe, expect, test } from 'vitest';
import type { AddNoteRequest, AddWebhookRequest } from 'pipedrive/v1';
import type {
  AddActivityRequest,
  AddDealRequest,
  AddOrganizationRequest,
  AddPersonRequest,
  UpdateDealRequest,
  UpdateOrganizationRequest,
  UpdatePersonRequest,
} from 'pipedrive/v2';
import { startPipedriveFake, type PipedriveFake } from '@switchyard/testing/fakes/pipedrive';
import { findTrigger, type AppWebhookTriggerDefinition } from '../../kit/define.ts';
import { startConnectorTestbed, useConnectorTestbed, type ConnectorTestbed } from '../../../test/testbed.ts';
import { activityBody } from './activities.ts';
import { createActivity } from './actions/create-activity.ts';
import { createDeal } from './actions/create-deal.ts';
import { createNote, noteBody } from './actions/create-note.ts';
import { createOrganization } from './actions/create-organization.ts';
import { createPerson } from './actions/create-person.ts';
import { updateActivity } from './actions/update-activity.ts';
import { updateDeal } from './actions/update-deal.ts';
import { updateOrganization } from './actions/update-organization.ts';
import { updatePerson } from './actions/update-person.ts';
import { writeBody } from './client.ts';
import { pipedriveApp } from './index.ts';
import { webhookBody } from './instant.ts';
import { organizationBody } from './organizations.ts';
import { personBody } from './persons.ts';
import { recordTypes } from './records.ts';

let bed: ConnectorTestbed<PipedriveFake, { apiToken: string; baseUrl: string }>;
useConnectorTestbed(
  () =>
    startConnectorTestbed(
      pipedriveApp,
      () => startPipedriveFake({ deliverWebhooks: false }),
      (fake) => ({ apiToken: fake.token, baseUrl: fake.origin }),
    ),
  (started) => (bed = started),
  { clearRequests: true },
);

/**
 * Compiles only when `body` fits the SDK's request model and has no field the model lacks: `satisfies` alone lets
 * extra fields through on anything but an object literal, and a misnamed field is the mistake to catch.
 */
function sdkBody<Model>() {
  return <Body extends Model>(body: Body & Record<Exclude<keyof Body, keyof Model>, never>): Body => body;
}

/** The body of the last request the fake received. */
const sent = () => bed.fake.requests.at(-1)?.body;

test('the check refuses a field the SDK model lacks', () => {
  // @ts-expect-error v2 persons take `emails`, a list of {value, primary, label}, not `email`.
  expect(sdkBody<AddPersonRequest>()({ name: 'Jane', email: 'jane@example.com' })).toBeDefined();
});

describe('deals (v2)', () => {
  const fields = {
    value: '5000',
    currency: 'EUR',
    owner_id: 2,
    pipeline_id: 2,
    stage_id: 5,
    status: 'lost',
    probability: 40,
    lost_reason: 'Budget',
    expected_close_date: '2025-03-31',
    visible_to: 3,
    label_ids: [4],
    custom_fields: { d4de1c1518b4531717c676029a45911c340390a6: 'Gold' },
  };

  test('create_deal sends an AddDealRequest', async () => {
    const input = {
      title: 'Acme renewal',
      person_id: bed.fake.seed('person', { name: 'Jane' }).id,
      org_id: bed.fake.seed('organization', { name: 'Acme' }).id,
      ...fields,
    };
    const body = sdkBody<AddDealRequest>()(writeBody(createDeal.input.parse(input)));
    await bed.perform('create_deal', input);
    expect(sent()).toEqual(body);
  });

  test('update_deal sends an UpdateDealRequest', async () => {
    const input = { id: bed.fake.seed('deal', { title: 'Old' }).id, title: 'Renamed', ...fields };
    const { id: _id, ...changes } = updateDeal.input.parse(input);
    const body = sdkBody<UpdateDealRequest>()(writeBody(changes));
    await bed.perform('update_deal', input);
    expect(sent()).toEqual(body);
  });
});

describe('persons (v2)', () => {
  const fields = {
    email: 'jane@acme.example',
    phone: '+1 555 0100',
    owner_id: 1,
    visible_to: 7,
    label_ids: [2],
    marketing_status: 'subscribed',
    custom_fields: { abc: 1 },
  };

  test('create_person sends an AddPersonRequest', async () => {
    const input = { name: 'Jane Doe', org_id: bed.fake.seed('organization', { name: 'Acme' }).id, ...fields };
    const body = sdkBody<AddPersonRequest>()(personBody(createPerson.input.parse(input)));
    await bed.perform('create_person', input);
    expect(sent()).toEqual(body);
  });

  test('update_person sends an UpdatePersonRequest', async () => {
    const input = { id: bed.fake.seed('person', { name: 'John' }).id, name: 'John Smith', ...fields };
    const { id: _id, ...changes } = updatePerson.input.parse(input);
    const body = sdkBody<UpdatePersonRequest>()(personBody(changes));
    await bed.perform('update_person', input);
    expect(sent()).toEqual(body);
  });
});

describe('organizations (v2)', () => {
  const fields = { owner_id: 2, address: '1 Main St, Springfield', visible_to: 1, label_ids: [3], custom_fields: { abc: 'x' } };

  test('create_organization sends an AddOrganizationRequest', async () => {
    const input = { name: 'Acme Inc.', ...fields };
    const body = sdkBody<AddOrganizationRequest>()(organizationBody(createOrganization.input.parse(input)));
    await bed.perform('create_organization', input);
    expect(sent()).toEqual(body);
  });

  test('update_organization sends an UpdateOrganizationRequest', async () => {
    const input = { id: bed.fake.seed('organization', { name: 'Old' }).id, name: 'New', ...fields };
    const { id: _id, ...changes } = updateOrganization.input.parse(input);
    const body = sdkBody<UpdateOrganizationRequest>()(organizationBody(changes));
    await bed.perform('update_organization', input);
    expect(sent()).toEqual(body);
  });
});

describe('activities (v2: the SDK takes AddActivityRequest for adding and updating)', () => {
  const fields = {
    subject: 'Call Jane',
    type: 'call',
    owner_id: 2,
    lead_id: 'adf21080-0e10-11eb-879b-05d71fb426ec',
    due_date: '2025-01-20',
    due_time: '15:00',
    duration: '00:30',
    busy: true,
    done: false,
    note: '<p>Agenda</p>',
    public_description: 'Renewal call',
  };
  const links = () => {
    const person = bed.fake.seed('person', { name: 'Jane' });
    return { person_id: person.id, deal_id: bed.fake.seed('deal', { title: 'Renewal' }).id, org_id: bed.fake.seed('organization', { name: 'Acme' }).id };
  };

  test('create_activity sends an AddActivityRequest', async () => {
    const input = { ...fields, ...links() };
    const body = sdkBody<AddActivityRequest>()(activityBody(createActivity.input.parse(input)));
    await bed.perform('create_activity', input);
    expect(sent()).toEqual(body);
  });

  test('update_activity sends an AddActivityRequest', async () => {
    const input = { id: bed.fake.seed('activity', { subject: 'Old' }).id, ...fields, ...links() };
    const { id: _id, ...changes } = updateActivity.input.parse(input);
    const body = sdkBody<AddActivityRequest>()(activityBody(changes));
    await bed.perform('update_activity', input);
    expect(sent()).toEqual(body);
  });
});

describe('v1 writes', () => {
  test('create_note sends an AddNoteRequest', async () => {
    const input = {
      content: '<p>Called</p>',
      deal_id: bed.fake.seed('deal', { title: 'Renewal' }).id,
      person_id: bed.fake.seed('person', { name: 'Jane' }).id,
      org_id: bed.fake.seed('organization', { name: 'Acme' }).id,
      lead_id: 'adf21080-0e10-11eb-879b-05d71fb426ec',
      pinned: true,
    };
    const body = sdkBody<AddNoteRequest>()(noteBody(createNote.input.parse(input)));
    await bed.perform('create_note', input);
    expect(sent()).toEqual(body);
  });

  test('every instant trigger registers its webhook with an AddWebhookRequest', async () => {
    for (const kind of ['deal', 'person', 'organization', 'activity'] as const) {
      for (const change of ['added', 'updated'] as const) {
        const key = `${change === 'added' ? 'new' : 'updated'}_${kind}_instant`;
        const hook = { input: {}, auth: bed.auth, http: bed.client.forStep(), hookUrl: `http://127.0.0.1:9/hooks/${key}`, secret: 'whsec-1' };
        const body = sdkBody<AddWebhookRequest>()(webhookBody(recordTypes[kind], change, hook.hookUrl, hook.secret));
        const trigger = findTrigger(pipedriveApp, key) as AppWebhookTriggerDefinition;
        const { externalId } = await trigger.subscribe(hook);
        expect(bed.fake.requests.find((request) => request.method === 'POST')?.body, key).toEqual(body);
        await trigger.unsubscribe({ ...hook, externalId });
        bed.fake.requests.length = 0;
      }
    }
  });
});
