// Tests of connections: connecting tests live and shows the service's reason; the list groups by app; deleting warns.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { errorReply, stubFetch, type StubCall } from '../test/fetch-stub.ts';
import { renderInWorkspace } from '../test/render.tsx';
import { ConnectionsPage } from './ConnectionsPage.tsx';

const BASE = '/api/v1/workspaces/ws_1/connections';

const apps = [
  {
    key: 'pipedrive',
    name: 'Pipedrive',
    description: 'CRM',
    auth: {
      fields: [
        { key: 'apiToken', label: 'API token', type: 'password', required: true, secret: true, help: 'From your Pipedrive settings.' },
        { key: 'baseUrl', label: 'Base URL', type: 'string', required: false, secret: false, help: null },
      ],
    },
    triggers: [],
    actions: [],
  },
  { key: 'webhooks', name: 'Webhooks', description: 'Hooks', auth: null, triggers: [], actions: [] },
];

const existing = {
  id: 'conn_1',
  app: 'pipedrive',
  name: 'Sales Pipedrive',
  status: 'error',
  statusMessage: 'Pipedrive answered 401 Unauthorized',
  lastTestedAt: '2025-01-01T10:00:00Z',
  createdAt: '2025-01-01T09:00:00Z',
  usedBy: 2,
};

function stubConnections(list: unknown[]): StubCall[] {
  let connections = [...list];
  return stubFetch({
    'GET /api/v1/apps': { body: apps },
    [`GET ${BASE}`]: () => ({ body: { data: connections, nextCursor: null } }),
    [`POST ${BASE}`]: (call) => {
      const body = call.body as { name: string; credentials: { apiToken: string } };
      if (body.credentials.apiToken !== 'good-token') {
        return errorReply(422, 'connection_test_failed', 'Pipedrive refused the connection: unauthorized access (Please check developers.pipedrive.com)');
      }
      const created = {
        id: 'conn_2',
        app: 'pipedrive',
        name: body.name,
        status: 'ok',
        statusMessage: null,
        lastTestedAt: '2025-01-02T10:00:00Z',
        createdAt: '2025-01-02T10:00:00Z',
        usedBy: 0,
      };
      connections = [...connections, created];
      return { status: 201, body: created };
    },
    [`DELETE ${BASE}/conn_1`]: () => {
      connections = connections.filter((connection) => (connection as { id: string }).id !== 'conn_1');
      return { status: 204 };
    },
  });
}

describe('ConnectionsPage', () => {
  it('connects an account: a refused token shows the service’s reason, a good one is saved', async () => {
    const calls = stubConnections([]);
    renderInWorkspace(<ConnectionsPage />);
    await screen.findByRole('heading', { name: 'No connections yet' });

    fireEvent.click(screen.getAllByRole('button', { name: 'Add connection' })[0] as HTMLElement);
    fireEvent.click(within(screen.getByRole('dialog', { name: 'Add a connection' })).getByRole('button', { name: /Pipedrive/ }));
    const dialog = screen.getByRole('dialog', { name: 'Connect Pipedrive' });
    expect(within(dialog).getByLabelText('API token')).toHaveProperty('type', 'password');
    expect(
      within(dialog)
        .getByLabelText(/Base URL/)
        .closest('.field')?.textContent,
    ).toContain('(optional)');

    fireEvent.click(within(dialog).getByRole('button', { name: 'Connect' }));
    expect(within(dialog).getByText('Enter the API token.')).toBeTruthy();
    expect(calls.some((call) => call.method === 'POST')).toBe(false);

    fireEvent.change(within(dialog).getByLabelText('API token'), { target: { value: 'bad-token' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Connect' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain('Pipedrive did not accept these credentials');
    expect(alert.textContent).toContain('Pipedrive refused the connection: unauthorized access (Please check developers.pipedrive.com)');

    fireEvent.change(within(dialog).getByLabelText('API token'), { target: { value: 'good-token' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Connect' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Connect Pipedrive' })).toBeNull());
    expect(calls.filter((call) => call.method === 'POST').at(-1)?.body).toEqual({
      app: 'pipedrive',
      name: 'Pipedrive account',
      credentials: { apiToken: 'good-token' },
    });
    const group = await screen.findByRole('region', { name: 'Pipedrive' });
    expect(within(group).getByText('Pipedrive account')).toBeTruthy();
    expect(within(group).getByText('Working')).toBeTruthy();
  });

  it('shows each account’s status under its app, and warns before deleting one that zaps use', async () => {
    const calls = stubConnections([existing]);
    renderInWorkspace(<ConnectionsPage />);
    const group = await screen.findByRole('region', { name: 'Pipedrive' });
    expect(within(group).getByText('Failing')).toBeTruthy();
    expect(within(group).getByText('Pipedrive answered 401 Unauthorized')).toBeTruthy();
    expect(within(group).getByText('2 zaps')).toBeTruthy();

    fireEvent.click(within(group).getByRole('button', { name: 'More actions for Sales Pipedrive' }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Delete' }));
    const confirm = screen.getByRole('alertdialog', { name: 'Delete “Sales Pipedrive”?' });
    expect(confirm.textContent).toContain('2 zaps use this connection.');
    expect(calls.some((call) => call.method === 'DELETE')).toBe(false);

    fireEvent.click(within(confirm).getByRole('button', { name: 'Delete connection' }));
    await screen.findByRole('heading', { name: 'No connections yet' });
    expect(calls.some((call) => call.method === 'DELETE' && call.path === `${BASE}/conn_1`)).toBe(true);
  });
});
