// Tests of the sign-up form: client checks, field errors from a 422's details, and where a new account lands.
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { errorReply, stubFetch } from '../test/fetch-stub.ts';
import { renderWithClient } from '../test/render.tsx';
import { SignupPage } from './SignupPage.tsx';

function fillIn(values: { email: string; password: string; workspace: string }) {
  fireEvent.change(screen.getByLabelText('Work email'), { target: { value: values.email } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: values.password } });
  fireEvent.change(screen.getByLabelText('Workspace name'), { target: { value: values.workspace } });
  fireEvent.click(screen.getByRole('button', { name: 'Create account' }));
}

/** The text of the elements an input's aria-describedby points at. */
function descriptionOf(input: HTMLElement): string {
  const ids = input.getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

describe('SignupPage', () => {
  it("shows each 422 detail next to its input and the ones without an input in the form's banner", async () => {
    stubFetch({
      'POST /api/v1/auth/signup': errorReply(422, 'validation_failed', 'Some fields need fixing.', [
        { path: ['body', 'email'], message: 'This email is already registered.' },
        { path: ['body', 'workspaceName'], message: 'Workspace names are at most 80 characters.' },
        { path: ['body', 'plan'], message: 'Unknown plan.' },
      ]),
    });
    renderWithClient(<SignupPage />, { path: '/signup' });

    fillIn({ email: 'ada@acme.test', password: 'correct horse', workspace: 'Acme' });

    const email = screen.getByLabelText('Work email');
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    expect(descriptionOf(email)).toContain('This email is already registered.');
    const workspace = screen.getByLabelText('Workspace name');
    expect(workspace.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(workspace)).toContain('Workspace names are at most 80 characters.');
    expect(screen.getByLabelText('Password').getAttribute('aria-invalid')).toBeNull();

    const banner = screen.getByRole('alert');
    expect(banner.textContent).toContain('Some fields need fixing.');
    expect(banner.textContent).toContain('Unknown plan.');
    expect(banner.textContent).not.toContain('already registered');
    await waitFor(() => expect(document.activeElement).toBe(email));
  });

  it('refuses a password shorter than 8 characters without calling the API', () => {
    const calls = stubFetch({});
    renderWithClient(<SignupPage />, { path: '/signup' });

    fillIn({ email: 'ada@acme.test', password: 'short', workspace: 'Acme' });

    const password = screen.getByLabelText('Password');
    expect(password.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(password)).toContain('Use at least 8 characters.');
    expect(calls).toHaveLength(0);
  });

  it('sends the trimmed fields and opens the new workspace after a 201', async () => {
    const calls = stubFetch({
      'POST /api/v1/auth/signup': {
        status: 201,
        body: { user: { id: 'u_1', email: 'ada@acme.test' }, workspace: { id: 'ws_9', name: 'Acme' } },
      },
    });
    renderWithClient(<SignupPage />, { path: '/signup' });

    fillIn({ email: ' ada@acme.test ', password: 'correct horse', workspace: ' Acme ' });

    await waitFor(() => expect(window.location.pathname).toBe('/w/ws_9/zaps'));
    expect(calls[0]?.body).toEqual({ email: 'ada@acme.test', password: 'correct horse', workspaceName: 'Acme' });
  });
});
