// Tests of the API keys page: the token is shown once with a warning and a working copy button; revoking asks first.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { stubFetch, type StubCall } from '../test/fetch-stub.ts';
import { renderInWorkspace } from '../test/render.tsx';
import { ApiKeysPage } from './ApiKeysPage.tsx';

const TOKEN = 'sy_live_4f9c2d8e7b6a5f4e3d2c1b0a';
const storedKey = {
  id: 'key_1',
  name: 'CI deploys',
  prefix: 'sy_live_4f9c',
  role: 'editor',
  createdAt: '2025-01-02T10:00:00Z',
  lastUsedAt: null,
};

/** A workspace with no keys until one is created. */
function stubKeysApi(): StubCall[] {
  let keys: unknown[] = [];
  return stubFetch({
    'GET /api/v1/workspaces/ws_1/api-keys': () => ({ body: { data: keys, nextCursor: null } }),
    'POST /api/v1/workspaces/ws_1/api-keys': () => {
      keys = [storedKey];
      return { status: 201, body: { ...storedKey, token: TOKEN } };
    },
    'DELETE /api/v1/workspaces/ws_1/api-keys/key_1': () => {
      keys = [];
      return { status: 204 };
    },
  });
}

async function createKey(name: string) {
  fireEvent.change(await screen.findByLabelText('Key name'), { target: { value: name } });
  fireEvent.click(screen.getByRole('button', { name: 'Create key' }));
  return screen.findByRole('region', { name: /Your new API key/ });
}

function stubClipboard(writeText: (text: string) => Promise<void>) {
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
}

describe('ApiKeysPage', () => {
  it('shows the new token once, with the warning, and forgets it when dismissed', async () => {
    const calls = stubKeysApi();
    renderInWorkspace(<ApiKeysPage />);
    await screen.findByRole('heading', { name: 'No API keys yet' });

    const panel = await createKey('CI deploys');

    expect(calls.find((call) => call.method === 'POST')?.body).toEqual({ name: 'CI deploys', role: 'editor' });
    expect(within(panel).getByLabelText('API key')).toHaveProperty('value', TOKEN);
    expect(panel.textContent).toContain('it will not be shown again');
    expect(document.activeElement).toBe(within(panel).getByRole('heading'));
    // The list refreshes underneath and shows the key by its prefix only.
    await screen.findByText('sy_live_4f9c…');

    fireEvent.click(within(panel).getByRole('button', { name: /I have stored it/ }));

    expect(screen.queryByRole('region', { name: /Your new API key/ })).toBeNull();
    expect(screen.queryByDisplayValue(TOKEN)).toBeNull();
    expect(document.body.textContent).not.toContain(TOKEN);
    expect(screen.getByLabelText('Key name')).toBeTruthy();
  });

  it('gives the key the chosen role, offering only roles up to the creator’s own', async () => {
    const calls = stubKeysApi();
    renderInWorkspace(<ApiKeysPage />, { role: 'admin' });
    await screen.findByRole('heading', { name: 'No API keys yet' });

    const picker = screen.getByLabelText('Role');
    const offered = within(picker)
      .getAllByRole('option')
      .map((option) => option.textContent);
    expect(offered).toEqual(['Admin', 'Editor', 'Viewer']);
    expect(picker).toHaveProperty('value', 'editor');

    fireEvent.change(picker, { target: { value: 'viewer' } });
    await createKey('Dashboard reader');

    expect(calls.find((call) => call.method === 'POST')?.body).toEqual({ name: 'Dashboard reader', role: 'viewer' });
  });

  it('copies the token to the clipboard and says so', async () => {
    stubKeysApi();
    const writeText = vi.fn(async (_text: string) => {});
    stubClipboard(writeText);
    renderInWorkspace(<ApiKeysPage />);

    const panel = await createKey('CI deploys');
    fireEvent.click(within(panel).getByRole('button', { name: 'Copy key' }));

    await within(panel).findByRole('button', { name: 'Copied' });
    expect(writeText).toHaveBeenCalledWith(TOKEN);
    expect(within(panel).getByRole('status').textContent).toBe('Copied to the clipboard.');
  });

  it('when the clipboard refuses, explains how to copy and selects the token', async () => {
    stubKeysApi();
    stubClipboard(async () => Promise.reject(new DOMException('denied', 'NotAllowedError')));
    renderInWorkspace(<ApiKeysPage />);

    const panel = await createKey('CI deploys');
    fireEvent.click(within(panel).getByRole('button', { name: 'Copy key' }));

    await waitFor(() => expect(within(panel).getByRole('status').textContent).toContain('Could not copy'));
    expect(document.activeElement).toBe(within(panel).getByLabelText('API key'));
  });

  it('asks for confirmation before revoking, then removes the key', async () => {
    const calls = stubKeysApi();
    renderInWorkspace(<ApiKeysPage />);
    const panel = await createKey('CI deploys');
    fireEvent.click(within(panel).getByRole('button', { name: /I have stored it/ }));
    await screen.findByText('sy_live_4f9c…');

    fireEvent.click(screen.getByRole('button', { name: 'Revoke CI deploys' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Revoke “CI deploys”?' });
    expect(calls.some((call) => call.method === 'DELETE')).toBe(false);
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));

    fireEvent.click(within(dialog).getByRole('button', { name: 'Revoke key' }));

    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(calls.some((call) => call.method === 'DELETE' && call.path === '/api/v1/workspaces/ws_1/api-keys/key_1')).toBe(true);
  });

  it.each(['editor', 'viewer'] as const)('tells an %s that only owners and admins manage keys, without asking the API', (role) => {
    const calls = stubFetch({});
    renderInWorkspace(<ApiKeysPage />, { role });

    expect(screen.getByRole('heading', { name: 'Only owners and admins manage API keys' })).toBeTruthy();
    expect(screen.queryByLabelText('Key name')).toBeNull();
    expect(calls).toHaveLength(0);
  });
});
