// Tests of the zaps list: rows with trigger and last run, turning a zap on (and why it cannot be), duplicate, delete.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { errorReply, stubFetch, type StubCall } from '../test/fetch-stub.ts';
import { renderInWorkspace } from '../test/render.tsx';
import { ZapsPage } from './ZapsPage.tsx';

const BASE = '/api/v1/workspaces/ws_1';

const zap = {
  id: 'zap_1',
  name: 'New lead -> Pipedrive',
  status: 'off',
  trigger: { app: 'webhooks', event: 'catch_hook', input: {} },
  steps: [
    {
      key: 'person',
      type: 'action',
      app: 'pipedrive',
      action: 'create_person',
      connectionId: 'conn_1',
      input: { name: '{{trigger.body.name}}' },
      onError: 'halt',
    },
  ],
  hookUrl: 'http://localhost/hooks/catch/ws_1/abc',
  publishedVersion: null,
  draftDiffers: true,
  lastError: null,
  disabledReason: null,
  lastRun: { id: 'run_9', status: 'failed', createdAt: new Date().toISOString(), finishedAt: null },
  createdAt: '2025-01-01T10:00:00Z',
  updatedAt: '2025-01-02T10:00:00Z',
};

const apps = [
  {
    key: 'webhooks',
    name: 'Webhooks',
    description: '',
    auth: null,
    triggers: [{ key: 'catch_hook', name: 'Catch Hook', description: '', kind: 'hook', inputSchema: {}, sample: {} }],
    actions: [],
  },
];

function stubZaps(): StubCall[] {
  let zaps = [zap];
  return stubFetch({
    'GET /api/v1/apps': { body: apps },
    [`GET ${BASE}/zaps`]: () => ({ body: { data: zaps, nextCursor: null } }),
    [`POST ${BASE}/zaps/zap_1/publish`]: errorReply(422, 'zap_invalid', 'The zap cannot be published: 1 problem to fix.', [
      { path: 'steps[0].connectionId', message: 'Choose a pipedrive connection' },
    ]),
    [`POST ${BASE}/zaps`]: (call) => {
      const copy = { ...zap, ...(call.body as object), id: 'zap_2' };
      zaps = [copy, ...zaps];
      return { status: 201, body: copy };
    },
    [`DELETE ${BASE}/zaps/zap_1`]: () => {
      zaps = zaps.filter((candidate) => candidate.id !== 'zap_1');
      return { status: 204 };
    },
  });
}

describe('ZapsPage', () => {
  it('lists each zap with its trigger, state and last run', async () => {
    stubZaps();
    renderInWorkspace(<ZapsPage />);
    const link = await screen.findByRole('link', { name: 'New lead -> Pipedrive' });
    expect(link.getAttribute('href')).toBe('/w/ws_1/zaps/zap_1');
    const row = link.closest('tr') as HTMLElement;
    expect(within(row).getByText(/Webhooks · Catch Hook/)).toBeTruthy();
    expect(within(row).getByRole('switch', { name: 'New lead -> Pipedrive: off' }).getAttribute('aria-checked')).toBe('false');
    const lastRun = within(row).getByText('Failed').closest('a') as HTMLElement;
    expect(lastRun.getAttribute('href')).toBe('/w/ws_1/runs/run_9');
  });

  it('says why a zap cannot be turned on, with a way to fix it', async () => {
    stubZaps();
    renderInWorkspace(<ZapsPage />);
    fireEvent.click(await screen.findByRole('switch', { name: 'New lead -> Pipedrive: off' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not turn on “New lead -> Pipedrive”');
    expect(alert.textContent).toContain('Choose a pipedrive connection');
    expect(screen.getByRole('link', { name: 'Open “New lead -> Pipedrive” to fix it' }).getAttribute('href')).toBe('/w/ws_1/zaps/zap_1');
  });

  it('duplicates a zap with its steps and connections, and deletes one after asking', async () => {
    const calls = stubZaps();
    renderInWorkspace(<ZapsPage />);
    fireEvent.click(await screen.findByRole('button', { name: 'Actions for New lead -> Pipedrive' }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Duplicate' }));
    await screen.findByRole('link', { name: 'New lead -> Pipedrive (copy)' });
    expect(calls.find((call) => call.method === 'POST' && call.path === `${BASE}/zaps`)?.body).toEqual({
      name: 'New lead -> Pipedrive (copy)',
      trigger: zap.trigger,
      steps: zap.steps,
    });

    fireEvent.click(screen.getByRole('button', { name: 'Actions for New lead -> Pipedrive' }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Delete' }));
    const confirm = screen.getByRole('alertdialog', { name: 'Delete “New lead -> Pipedrive”?' });
    expect(confirm.textContent).toContain('its webhook URL stops working');
    fireEvent.click(within(confirm).getByRole('button', { name: 'Delete zap' }));
    await waitFor(() => expect(screen.queryByRole('link', { name: 'New lead -> Pipedrive' })).toBeNull());
    expect(screen.getByRole('link', { name: 'New lead -> Pipedrive (copy)' })).toBeTruthy();
  });
});
