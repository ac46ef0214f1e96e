// Accounts, workspaces, members and API keys: request and reply shapes of the accounts routes.
import { z } from 'zod';

export const roles = ['owner', 'admin', 'editor', 'viewer'] as const;
export const role = z.enum(roles);
export type Role = z.infer<typeof role>;

/** Higher rank can do everything a lower one can. */
export const roleRank: Record<Role, number> = { viewer: 0, editor: 1, admin: 2, owner: 3 };
export const hasRole = (actual: Role, needed: Role): boolean => roleRank[actual] >= roleRank[needed];

export const email = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ message: 'must be an e-mail address' }))
  .transform((value) => value.toLowerCase());
export const password = z.string().min(8, 'must be at least 8 characters').max(256, 'must be at most 256 characters');
export const name = z.string().trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters');
export const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'is not a valid id');

export const signupBody = z.object({ email, password, workspaceName: name });
export const loginBody = z.object({ email, password: z.string().min(1).max(256) });
export const createWorkspaceBody = z.object({ name });
export const updateWorkspaceBody = z.object({ name });
export const addMemberBody = z.object({ email, role });
export const updateMemberBody = z.object({ role });
export const createApiKeyBody = z.object({
  name,
  role: role.optional().describe('What the key may do; defaults to the role of the member creating it, and cannot exceed it'),
});

export const user = z.object({ id: z.string(), email: z.string() });
export const workspace = z.object({ id: z.string(), name: z.string() });
export const workspaceWithRole = workspace.extend({ role });
export const me = z.object({ user, workspaces: z.array(workspaceWithRole) });
export const signupReply = z.object({ user, workspace });
export const member = z.object({ userId: z.string(), email: z.string(), role, createdAt: z.string() });
export const apiKey = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string().describe('The first characters of the token, to recognise it'),
  role,
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
export const createdApiKey = apiKey.extend({ token: z.string().describe('Shown once; store it now') });

export const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export const page = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item), nextCursor: z.string().nullable() });

export type User = z.infer<typeof user>;
export type Workspace = z.infer<typeof workspace>;
export type WorkspaceWithRole = z.infer<typeof workspaceWithRole>;
export type Me = z.infer<typeof me>;
export type Member = z.infer<typeof member>;
export type ApiKey = z.infer<typeof apiKey>;
export type CreatedApiKey = z.infer<typeof createdApiKey>;
