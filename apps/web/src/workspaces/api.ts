// Creating a workspace: POST /workspaces, after which the session's workspace list includes it.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api.ts';
import { sessionKey, type Membership } from '../auth/session.ts';

export function createWorkspace(input: { name: string }): Promise<Membership> {
  return api<Membership>('/workspaces', { method: 'POST', body: input });
}

export function useCreateWorkspace() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createWorkspace,
    // Returning the promise keeps the mutation pending until the switcher knows the new workspace.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionKey }),
  });
}
