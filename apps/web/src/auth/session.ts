// The signed-in user and their workspaces: GET /me, and the signup, login and logout calls.
import { useQuery } from '@tanstack/react-query';
import type { Me, User, WorkspaceWithRole } from '@switchyard/contracts';
import { api } from '../api.ts';

export type { User };
/** A workspace the user belongs to, with their role in it. */
export type Membership = WorkspaceWithRole;
/** `{user, workspaces}`: the reply of GET /me and of login. */
export type Session = Me;

export const sessionKey = ['me'] as const;

export function useSession() {
  return useQuery({
    queryKey: sessionKey,
    queryFn: ({ signal }) => api<Session>('/me', { signal }),
  });
}

export type SignupInput = { email: string; password: string; workspaceName: string };
export type SignupResult = { user: User; workspace: { id: string; name: string } };

export function signup(input: SignupInput): Promise<SignupResult> {
  return api<SignupResult>('/auth/signup', { method: 'POST', body: input });
}

export type LoginInput = { email: string; password: string };

/** Login answers with the same shape as /me. */
export function login(input: LoginInput): Promise<Session> {
  return api<Session>('/auth/login', { method: 'POST', body: input });
}

export function logout(): Promise<void> {
  return api<void>('/auth/logout', { method: 'POST' });
}

export const PASSWORD_MIN_LENGTH = 8;
