// Tests of the audit log page: entries read as sentences with their actor, Switchyard's own actions included; viewers are told why they see none.
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { stubFetch } from '../test/fetch-stub.ts';
import { renderInWorkspace } from '../test/render.tsx';
import { AuditPage, describeDetails } from './AuditPage.tsx';

describe('audit log page', () => {
  it('lists who did what, with Switchyard named when it turned a failing zap off', async () => {
    stubFetch({
      'GET /api/v1/workspaces/ws_1/audit-log': () => ({
        body: {
          data: [
            {
              id: 'aud_2',
              action: 'zap.disabled',
              targetType: 'zap',
              targetId: 'zap_9',
              details: { reason: 'Turned off after 20 failed runs in a row.' },
              actor: null,
              createdAt: '2026-11-22T10:00:00Z',
            },
            {
              id: 'aud_1',
              action: 'member.added',
              targetType: 'member',
              targetId: 'usr_2',
              details: { email: 'bo@example.com', role: 'editor' },
              actor: { userId: 'usr_1', email: 'ada@example.com', apiKeyId: null },
              createdAt: '2026-11-21T10:00:00Z',
            },
          ],
          nextCursor: null,
        },
      }),
    });
    renderInWorkspace(<AuditPage />);
    expect(await screen.findByText(/added a member/)).toBeTruthy();
    expect(screen.getByText('ada@example.com')).toBeTruthy();
    expect(screen.getByText('Switchyard')).toBeTruthy();
    expect(screen.getByText(/turned a zap off/)).toBeTruthy();
    expect(screen.getByText('reason: Turned off after 20 failed runs in a row.')).toBeTruthy();
  });

  it('tells a viewer only owners and admins read it, without asking the API', async () => {
    const calls = stubFetch({});
    renderInWorkspace(<AuditPage />, { role: 'viewer' });
    expect(await screen.findByText('Only owners and admins read the audit log')).toBeTruthy();
    expect(calls.filter((call) => call.path.includes('audit-log'))).toEqual([]);
  });
});

describe('describeDetails', () => {
  it('joins the plain details and leaves nested ones out', () => {
    expect(describeDetails({ name: 'Sales', role: 'editor', nested: { x: 1 } })).toBe('name: Sales · role: editor');
    expect(describeDetails(null)).toBe('');
  });
});
