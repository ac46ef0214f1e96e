// The workspace the URL points at, with the signed-in user's role in it, for every page inside the app shell.
import { createContext, useContext } from 'react';
import type { Membership, User } from '../auth/session.ts';

export type CurrentWorkspace = Membership & { user: User };

export const CurrentWorkspaceContext = createContext<CurrentWorkspace | null>(null);

export function useCurrentWorkspace(): CurrentWorkspace {
  const workspace = useContext(CurrentWorkspaceContext);
  if (!workspace) throw new Error('useCurrentWorkspace() is only available inside the app shell');
  return workspace;
}

/** Query keys of workspace-owned lists, so a workspace's data never mixes with another's. */
export function workspaceKey(workspaceId: string, resource: string): readonly string[] {
  return ['workspaces', workspaceId, resource];
}

const LAST_WORKSPACE = 'switchyard.lastWorkspace';

/** Remembers the workspace last opened so "/" can return to it. Storage may be off; that only loses the nicety. */
export function rememberWorkspace(workspaceId: string): void {
  try {
    localStorage.setItem(LAST_WORKSPACE, workspaceId);
  } catch {
    // Private browsing or storage disabled.
  }
}

export function lastWorkspace(): string | null {
  try {
    return localStorage.getItem(LAST_WORKSPACE);
  } catch {
    return null;
  }
}
