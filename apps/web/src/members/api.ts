// Workspace members over the API: list, add by email, change role, remove.
import type { Member } from '@switchyard/contracts';
import { api, wsPath } from '../api.ts';
import { usePagedList } from '../paged-list.ts';
import { workspaceKey } from '../workspaces/current.tsx';
import type { Role } from '../workspaces/roles.ts';

export type { Member };
export type NewMember = { email: string; role: Role };

export const membersKey = (workspaceId: string) => workspaceKey(workspaceId, 'members');

export function useMembers(workspaceId: string) {
  return usePagedList<Member>(membersKey(workspaceId), wsPath(workspaceId, 'members'));
}

export function addMember(workspaceId: string, input: NewMember): Promise<Member> {
  return api<Member>(wsPath(workspaceId, 'members'), { method: 'POST', body: input });
}

export function changeMemberRole(workspaceId: string, userId: string, role: Role): Promise<Member> {
  return api<Member>(wsPath(workspaceId, 'members', userId), { method: 'PATCH', body: { role } });
}

export function removeMember(workspaceId: string, userId: string): Promise<void> {
  return api<void>(wsPath(workspaceId, 'members', userId), { method: 'DELETE' });
}
