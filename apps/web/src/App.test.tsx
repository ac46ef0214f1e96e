// Tests of the app's routing as a whole: signed-out redirects and the shell around workspace pages.
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from './App.tsx';
import { errorReply, stubFetch } from './test/fetch-stub.ts';
import { renderWithClient } from './test/render.tsx';

const session = {
  user: { id: 'u_1', email: 'ada@acme.test' },
  workspaces: [
    { id: 'ws_1', name: 'Acme', role: 'owner' },
    { id: 'ws_2', name: 'Side project', role: 'viewer' },
  ],
};

describe('App', () => {
  it('sends a signed-out visitor (401 from any request) to the login screen, remembering where they were', async () => {
    stubFetch({ 'GET /api/v1/me': errorReply(401, 'unauthenticated', 'Log in first.') });
    renderWithClient(<App />, { path: '/w/ws_1/members' });

    await screen.findByRole('heading', { name: 'Log in to Switchyard' });
    expect(window.location.pathname).toBe('/login');
    expect(new URLSearchParams(window.location.search).get('next')).toBe('/w/ws_1/members');
  });

  it('shows "No zaps yet" when the workspace has no zaps', async () => {
    stubFetch({
      'GET /api/v1/me': { body: session },
      'GET /api/v1/workspaces/ws_1/zaps': { body: { data: [], nextCursor: null } },
    });
    renderWithClient(<App />, { path: '/w/ws_1/zaps' });

    await screen.findByRole('heading', { name: 'No zaps yet' });
    expect(screen.getByRole('link', { name: 'Zaps' }).getAttribute('aria-current')).toBe('page');
  });

  it("shows the API's message on the zaps page when the zaps route answers 404", async () => {
    stubFetch({
      'GET /api/v1/me': { body: session },
      'GET /api/v1/workspaces/ws_1/zaps': errorReply(404, 'not_found', 'Route GET /api/v1/workspaces/ws_1/zaps not found'),
    });
    renderWithClient(<App />, { path: '/w/ws_1/zaps' });

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Route GET /api/v1/workspaces/ws_1/zaps not found');
  });

  it('says so when the URL names a workspace the user is not a member of', async () => {
    stubFetch({ 'GET /api/v1/me': { body: session } });
    renderWithClient(<App />, { path: '/w/ws_other/members' });

    await screen.findByRole('heading', { name: 'Workspace not found' });
    expect(screen.getByRole('link', { name: 'Go to your workspace' }).getAttribute('href')).toBe('/w/ws_1/zaps');
  });

  it('opens the first workspace from "/"', async () => {
    stubFetch({
      'GET /api/v1/me': { body: session },
      'GET /api/v1/workspaces/ws_1/zaps': { body: { data: [], nextCursor: null } },
    });
    renderWithClient(<App />, { path: '/' });

    await waitFor(() => expect(window.location.pathname).toBe('/w/ws_1/zaps'));
  });
});
