// Tests of the login form: the API's 401 message, the 429 countdown, and where a successful login goes.
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { errorReply, stubFetch } from '../test/fetch-stub.ts';
import { renderWithClient } from '../test/render.tsx';
import { LoginPage } from './LoginPage.tsx';

function logIn() {
  fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'ada@acme.test' } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'correct horse' } });
  fireEvent.click(screen.getByRole('button', { name: 'Log in' }));
}

describe('LoginPage', () => {
  it("shows the API's message when the credentials are wrong (401) and stays on the login screen", async () => {
    stubFetch({ 'POST /api/v1/auth/login': errorReply(401, 'invalid_credentials', 'Wrong email or password.') });
    renderWithClient(<LoginPage />, { path: '/login' });

    logIn();

    expect((await screen.findByRole('alert')).textContent).toContain('Wrong email or password.');
    expect(window.location.pathname).toBe('/login');
  });

  it('on 429 shows what the API says happened, counts down "try again in N s" from Retry-After and holds the button', async () => {
    const why = '5 wrong passwords for this account from your address: wait 30 seconds before trying again.';
    stubFetch({
      'POST /api/v1/auth/login': errorReply(429, 'rate_limited', why, [], { 'retry-after': '30' }),
    });
    renderWithClient(<LoginPage />, { path: '/login' });

    logIn();

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(why);
    expect(alert.textContent).toMatch(/Too many attempts, try again in (30|29) s\./);
    const button = screen.getByRole('button', { name: /Try again in \d+ s/ });
    expect(button.hasAttribute('disabled')).toBe(true);
  });

  it('goes back to the ?next= page after logging in', async () => {
    stubFetch({
      'POST /api/v1/auth/login': {
        body: { user: { id: 'u_1', email: 'ada@acme.test' }, workspaces: [{ id: 'ws_1', name: 'Acme', role: 'owner' }] },
      },
    });
    renderWithClient(<LoginPage />, { path: '/login?next=%2Fw%2Fws_1%2Fmembers' });

    logIn();

    await waitFor(() => expect(window.location.pathname).toBe('/w/ws_1/members'));
  });

  it('opens the first workspace when there is no ?next=', async () => {
    stubFetch({
      'POST /api/v1/auth/login': {
        body: { user: { id: 'u_1', email: 'ada@acme.test' }, workspaces: [{ id: 'ws_7', name: 'Ops', role: 'viewer' }] },
      },
    });
    renderWithClient(<LoginPage />, { path: '/login' });

    logIn();

    await waitFor(() => expect(window.location.pathname).toBe('/w/ws_7/zaps'));
  });
});
