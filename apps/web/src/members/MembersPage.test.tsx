// Tests of the members page: adding with inline errors, changing roles, removing after confirmation, role limits.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { errorReply, stubFetch } from '../test/fetch-stub.ts';
import { renderInWorkspace } from '../test/render.tsx';
import { MembersPage } from './MembersPage.tsx';

const members = [
  { userId: 'u_1', email: 'ada@acme.test', role: 'owner', createdAt: '2025-01-01T09:00:00Z' },
  { userId: 'u_2', email: 'grace@acme.test', role: 'editor', createdAt: '2025-02-01T09:00:00Z' },
];

describe('MembersPage', () => {
  it("shows a 422 user_not_found next to the add form with the API's message", async () => {
    const calls = stubFetch({
      'GET /api/v1/workspaces/ws_1/members': { body: { data: members, nextCursor: null } },
      'POST /api/v1/workspaces/ws_1/members': errorReply(422, 'user_not_found', 'No Switchyard account uses linus@acme.test. Ask them to sign up first.', [
        { path: 'body.email', message: 'has no account' },
      ]),
    });
    renderInWorkspace(<MembersPage />);
    await screen.findByText('grace@acme.test');

    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'linus@acme.test' } });
    fireEvent.change(screen.getByLabelText('Role'), { target: { value: 'viewer' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add member' }));

    const form = screen.getByRole('form', { name: 'Add a member' });
    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toContain('No Switchyard account uses linus@acme.test. Ask them to sign up first.');
    const email = screen.getByLabelText('Email');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(email.parentElement?.textContent).toContain('has no account');
    expect(calls.find((call) => call.method === 'POST')?.body).toEqual({ email: 'linus@acme.test', role: 'viewer' });
  });

  it("changes a member's role with PATCH and shows the refreshed list", async () => {
    let list = members;
    const calls = stubFetch({
      'GET /api/v1/workspaces/ws_1/members': () => ({ body: { data: list, nextCursor: null } }),
      'PATCH /api/v1/workspaces/ws_1/members/u_2': () => {
        list = members.map((member) => (member.userId === 'u_2' ? { ...member, role: 'admin' } : member));
        return { body: { ...members[1], role: 'admin' } };
      },
    });
    renderInWorkspace(<MembersPage />);

    const picker = await screen.findByLabelText('Role of grace@acme.test');
    fireEvent.change(picker, { target: { value: 'admin' } });

    await waitFor(() => expect(calls.filter((call) => call.method === 'GET')).toHaveLength(2));
    expect(calls.find((call) => call.method === 'PATCH')?.body).toEqual({ role: 'admin' });
    await waitFor(() => expect(screen.getByLabelText('Role of grace@acme.test')).toHaveProperty('value', 'admin'));
  });

  it('asks before removing a member and sends DELETE only after confirming', async () => {
    const calls = stubFetch({
      'GET /api/v1/workspaces/ws_1/members': { body: { data: members, nextCursor: null } },
      'DELETE /api/v1/workspaces/ws_1/members/u_2': { status: 204 },
    });
    renderInWorkspace(<MembersPage />);

    fireEvent.click(await screen.findByRole('button', { name: 'Remove grace@acme.test' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Remove grace@acme.test?' });
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(calls.some((call) => call.method === 'DELETE')).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: 'Remove grace@acme.test' }));
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Remove member' }));

    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(calls.some((call) => call.method === 'DELETE' && call.path === '/api/v1/workspaces/ws_1/members/u_2')).toBe(true);
  });

  it('disables adding, re-roling and removing others for editors and viewers, but lets them leave', async () => {
    stubFetch({ 'GET /api/v1/workspaces/ws_1/members': { body: { data: members, nextCursor: null } } });
    renderInWorkspace(<MembersPage />, { role: 'editor', user: { id: 'u_2', email: 'grace@acme.test' } });

    await screen.findByText('ada@acme.test');
    expect(screen.getByText(/You are an editor here. Only owners and admins can add members/)).toBeTruthy();
    expect(screen.getByLabelText('Email').closest('fieldset')?.disabled).toBe(true);
    expect(screen.queryByLabelText('Role of ada@acme.test')).toBeNull();
    expect(screen.getByRole('button', { name: 'Remove ada@acme.test' }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByRole('button', { name: 'Leave this workspace' }).hasAttribute('disabled')).toBe(false);
  });

  it('lets an admin manage editors but not touch an owner', async () => {
    stubFetch({ 'GET /api/v1/workspaces/ws_1/members': { body: { data: members, nextCursor: null } } });
    renderInWorkspace(<MembersPage />, { role: 'admin', user: { id: 'u_3', email: 'root@acme.test' } });

    const picker = await screen.findByLabelText('Role of grace@acme.test');
    expect([...picker.querySelectorAll('option')].map((option) => option.value)).toEqual(['admin', 'editor', 'viewer']);
    expect(screen.queryByLabelText('Role of ada@acme.test')).toBeNull();
    expect(screen.getByRole('button', { name: 'Remove ada@acme.test' }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByRole('button', { name: 'Remove grace@acme.test' }).hasAttribute('disabled')).toBe(false);
  });
});
