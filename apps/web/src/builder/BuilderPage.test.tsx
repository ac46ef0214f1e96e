// Tests of the builder page: publish problems shown next to their steps and fields, autosave, a draft that differs, the data picker.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { errorReply, stubFetch, type StubCall } from '../test/fetch-stub.ts';
import { renderInWorkspace } from '../test/render.tsx';
import { BuilderPage } from './BuilderPage.tsx';

const BASE = '/api/v1/workspaces/ws_1';

const apps = [
  {
    key: 'webhooks',
    name: 'Webhooks',
    description: 'Catch requests sent to a unique URL.',
    auth: null,
    triggers: [
      {
        key: 'catch_hook',
        name: 'Catch Hook',
        description: 'Starts on a request.',
        kind: 'hook',
        inputSchema: { type: 'object', properties: {} },
        sample: { body: { name: 'Jane Doe' } },
      },
    ],
    actions: [],
  },
  {
    key: 'pipedrive',
    name: 'Pipedrive',
    description: 'CRM',
    auth: { fields: [{ key: 'apiToken', label: 'API token', type: 'password', required: true, secret: true, help: null }] },
    triggers: [],
    actions: [
      {
        key: 'create_person',
        name: 'Create Person',
        description: 'Creates a person.',
        inputSchema: { type: 'object', properties: { name: { type: 'string', title: 'Name' }, email: { type: 'string', title: 'Email' } }, required: ['name'] },
        sample: { id: 7, name: 'Jane Doe' },
      },
    ],
  },
];

const zap = {
  id: 'zap_1',
  name: 'New lead',
  status: 'off',
  trigger: { app: 'webhooks', event: 'catch_hook', input: {} },
  steps: [
    { key: 'shape', type: 'code', input: { code: 'return { first: input.name }', inputData: { name: '{{trigger.body.name}}' } }, onError: 'halt' },
    { key: 'person', type: 'action', app: 'pipedrive', action: 'create_person', input: {}, onError: 'halt' },
  ],
  hookUrl: 'http://localhost:3000/hooks/catch/ws_1/abc',
  publishedVersion: null,
  draftDiffers: true,
  lastError: null,
  disabledReason: null,
  createdAt: '2025-01-01T10:00:00Z',
  updatedAt: '2025-01-01T10:00:00Z',
};

const problems = [
  { path: 'steps[1].input.name', message: '"name" is required', code: 'missing_input', stepKey: 'person' },
  { path: 'steps[1].connectionId', message: 'Choose a pipedrive connection', code: 'missing_connection', stepKey: 'person' },
];

function stubBuilder(overrides: Record<string, unknown> = {}, catalog: unknown[] = apps): StubCall[] {
  const current = { ...zap, ...overrides };
  return stubFetch({
    [`GET ${BASE}/zaps/zap_1`]: { body: current },
    'GET /api/v1/apps': { body: catalog },
    [`GET ${BASE}/zaps/zap_1/problems`]: { body: { problems } },
    [`GET ${BASE}/zaps/zap_1/samples`]: { body: { data: [] } },
    [`GET ${BASE}/runs`]: { body: { data: [], nextCursor: null } },
    [`GET ${BASE}/connections`]: { body: { data: [], nextCursor: null } },
    [`PUT ${BASE}/zaps/zap_1`]: (call) => ({ body: { ...current, ...(call.body as object), updatedAt: '2025-01-01T10:05:00Z' } }),
    [`POST ${BASE}/zaps/zap_1/publish`]: errorReply(422, 'zap_invalid', 'The zap cannot be published: 2 problems to fix.', problems),
  });
}

describe('BuilderPage', () => {
  it('after a failed publish, lists every problem and shows each next to its step and field', async () => {
    const calls = stubBuilder();
    renderInWorkspace(<BuilderPage zapId="zap_1" />);
    const person = await screen.findByRole('article', { name: 'Step 3: Create Person in Pipedrive' });
    expect(within(person).getByText('2 to fix')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Publish' }));
    const panel = await screen.findByRole('alert');
    expect(panel.textContent).toContain('The zap cannot be published yet: 2 problems to fix');
    expect(
      within(panel)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Step 3: "name" is required Go to step 3', 'Step 3: Choose a pipedrive connection Go to step 3']);
    expect(calls.some((call) => call.method === 'POST' && call.path === `${BASE}/zaps/zap_1/publish`)).toBe(true);

    fireEvent.click(within(panel).getAllByRole('button', { name: 'Go to step 3' })[0] as HTMLElement);
    const name = await within(person).findByRole('textbox', { name: 'Name' });
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(name.getAttribute('aria-describedby') ?? '')?.textContent).toBe('"name" is required');
    expect(within(person).getByText('Choose a pipedrive connection')).toBeTruthy();
    // The code step has no problem: nothing is marked there.
    expect(within(screen.getByRole('article', { name: 'Step 2: Run JavaScript' })).queryByText(/to fix/)).toBeNull();
  });

  it('saves the draft by itself after an edit', async () => {
    const calls = stubBuilder();
    renderInWorkspace(<BuilderPage zapId="zap_1" />);
    const name = await screen.findByRole('textbox', { name: 'Zap name' });
    fireEvent.change(name, { target: { value: 'New lead -> person' } });
    expect(screen.getByText('Unsaved changes')).toBeTruthy();

    await waitFor(() => expect(calls.some((call) => call.method === 'PUT')).toBe(true), { timeout: 2000 });
    const put = calls.find((call) => call.method === 'PUT');
    expect(put?.body).toMatchObject({ name: 'New lead -> person', trigger: zap.trigger, steps: zap.steps });
    await screen.findByText('All changes saved');
  });

  it('moves a step by dragging it onto another step of the same list', async () => {
    const calls = stubBuilder();
    renderInWorkspace(<BuilderPage zapId="zap_1" />);
    const target = await screen.findByRole('article', { name: 'Step 2: Run JavaScript' });
    const dataTransfer = { setData: () => undefined, effectAllowed: 'none' };
    fireEvent.dragStart(screen.getByTestId('drag-person'), { dataTransfer });
    fireEvent.dragOver(target, { dataTransfer });
    expect(target.closest('li')?.classList.contains('step-node-drop')).toBe(true);
    fireEvent.drop(target, { dataTransfer });

    await screen.findByRole('article', { name: /^Step 2: Create Person/ });
    await waitFor(() => expect(calls.some((call) => call.method === 'PUT')).toBe(true), { timeout: 2000 });
    expect((calls.find((call) => call.method === 'PUT')!.body as { steps: Array<{ key: string }> }).steps.map((step) => step.key)).toEqual(['person', 'shape']);
  });

  it('keeps what is being typed in the name, spaces included', async () => {
    stubBuilder();
    renderInWorkspace(<BuilderPage zapId="zap_1" />);
    const name = await screen.findByRole('textbox', { name: 'Zap name' });
    for (const typed of ['N', 'Ne', 'New', 'New ', 'New l']) fireEvent.change(name, { target: { value: typed } });
    expect(name).toHaveProperty('value', 'New l');
    fireEvent.change(name, { target: { value: '' } });
    fireEvent.blur(name);
    expect(name).toHaveProperty('value', 'New l');
  });

  it('says when a zap that is on runs an older version than the draft', async () => {
    stubBuilder({ status: 'on', publishedVersion: 3, draftDiffers: true });
    renderInWorkspace(<BuilderPage zapId="zap_1" />);
    const notice = await screen.findByText(/The draft differs from what runs/);
    expect(notice.closest('.banner')?.textContent).toContain('keeps running version 3 until you publish the changes');
    expect(screen.getByRole('button', { name: 'Publish changes' })).toBeTruthy();
    expect(screen.getByRole('switch', { name: 'Zap is on: turn it off' }).getAttribute('aria-checked')).toBe('true');
  });

  it('offers the trigger’s sample and earlier steps in the data picker of a later step', async () => {
    stubBuilder();
    renderInWorkspace(<BuilderPage zapId="zap_1" />);
    const person = await screen.findByRole('article', { name: 'Step 3: Create Person in Pipedrive' });
    // The card's heading button comes first; its menu button is named after it too.
    fireEvent.click(within(person).getAllByRole('button', { name: /Create Person in Pipedrive/ })[0] as HTMLElement);
    fireEvent.click(await within(person).findByRole('button', { name: 'Insert data into Name' }));
    const picker = within(person).getByRole('dialog', { name: 'Insert data' });
    expect(within(picker).getByRole('button', { name: /Catch Hook \(Webhooks\)/ }).textContent).toContain('Sample data');
    expect(within(picker).getByRole('button', { name: /Run JavaScript/ }).textContent).toContain('No data yet');
    fireEvent.click(within(picker).getByRole('button', { name: 'Show the fields of body' }));
    fireEvent.click(within(picker).getByRole('button', { name: 'Insert body.name' }));
    expect(within(person).getByRole('textbox', { name: 'Name' }).querySelector('.chip')?.textContent).toBe('Step 1body › name');
  });

  it('names the fields of the trigger and of an app step by the labels the catalog declares', async () => {
    // The same catalog, now declaring what the trigger and the action return.
    const labelled = apps.map((app) => ({
      ...app,
      triggers: app.triggers.map((trigger) => ({
        ...trigger,
        outputFields: [
          { key: 'body', label: 'Request body', type: 'object' },
          { key: 'body.name', label: 'Sender name', type: 'string' },
        ],
      })),
      actions: app.actions.map((action) => ({
        ...action,
        outputFields: [
          { key: 'id', label: 'Person ID', type: 'integer' },
          { key: 'name', label: 'Full name', type: 'string' },
        ],
      })),
    }));
    // The code step comes after the Pipedrive step here, so it can map from both.
    stubBuilder({ steps: [zap.steps[1], zap.steps[0]] }, labelled);
    renderInWorkspace(<BuilderPage zapId="zap_1" />);
    const code = await screen.findByRole('article', { name: 'Step 3: Run JavaScript' });
    fireEvent.click(within(code).getAllByRole('button', { name: /Run JavaScript/ })[0] as HTMLElement);

    const value = await within(code).findByRole('textbox', { name: 'Value of name' });
    const chip = value.querySelector('.chip');
    expect(chip?.textContent).toBe('Step 1Sender name');
    expect(chip?.getAttribute('title')).toBe('1. Catch Hook (Webhooks): Sender name (body.name)');

    fireEvent.click(within(code).getByRole('button', { name: 'Insert data into Value of name' }));
    const picker = within(code).getByRole('dialog', { name: 'Insert data' });
    expect(within(picker).getByRole('button', { name: 'Insert Person ID (id)' }).textContent).toBe('Person IDid7');
    fireEvent.click(within(picker).getByRole('button', { name: 'Show the fields of Request body (body)' }));
    expect(within(picker).getByRole('button', { name: 'Insert Sender name (body.name)' })).toBeTruthy();

    fireEvent.change(within(picker).getByLabelText('Search data'), { target: { value: 'full name' } });
    fireEvent.click(within(picker).getByRole('button', { name: 'Insert Full name (name) from step 2' }));
    expect([...value.querySelectorAll('.chip')].map((element) => element.textContent)).toEqual(['Step 1Sender name', 'Step 2Full name']);
  });
});
