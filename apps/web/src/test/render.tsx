// Renders components the way the app does: with a fresh query client, at a given URL, optionally inside a workspace.
import type { ReactNode } from 'react';
import { render } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { createQueryClient } from '../query-client.ts';
import { CurrentWorkspaceContext, type CurrentWorkspace } from '../workspaces/current.tsx';

export function renderWithClient(ui: ReactNode, { path = '/' }: { path?: string } = {}) {
  window.history.replaceState(null, '', path);
  const client = createQueryClient();
  return { client, ...render(<QueryClientProvider client={client}>{ui}</QueryClientProvider>) };
}

export const testWorkspace: CurrentWorkspace = {
  id: 'ws_1',
  name: 'Acme',
  role: 'owner',
  user: { id: 'u_1', email: 'ada@acme.test' },
};

export function renderInWorkspace(ui: ReactNode, workspace: Partial<CurrentWorkspace> = {}) {
  const value = { ...testWorkspace, ...workspace };
  return renderWithClient(<CurrentWorkspaceContext value={value}>{ui}</CurrentWorkspaceContext>, {
    path: `/w/${value.id}`,
  });
}
