// Workspace roles and what each may do in the UI; the API enforces the same rules.
import type { Role } from '@switchyard/contracts';

export type { Role };

/** Highest first, the order pickers list them in. */
export const ROLES = ['owner', 'admin', 'editor', 'viewer'] as const satisfies readonly Role[];

export const ROLE_LABELS: Record<Role, string> = {
  owner: 'Owner',
  admin: 'Admin',
  editor: 'Editor',
  viewer: 'Viewer',
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  owner: 'Full control of the workspace',
  admin: 'Manages members, API keys and zaps',
  editor: 'Builds and runs zaps',
  viewer: 'Read only',
};

/** "an owner", "a viewer": for sentences about the user's role. */
export function roleWithArticle(role: Role): string {
  const label = ROLE_LABELS[role].toLowerCase();
  return /^[aeiou]/.test(label) ? `an ${label}` : `a ${label}`;
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Only owners and admins add, re-role and remove members. */
export function canManageMembers(role: Role): boolean {
  return role === 'owner' || role === 'admin';
}

/** API keys are an admin tool: only owners and admins list, create and revoke them. */
export function canManageApiKeys(role: Role): boolean {
  return role === 'owner' || role === 'admin';
}

/** The audit log shows who changed what: owners and admins read it, as the API allows. */
export function canReadAuditLog(role: Role): boolean {
  return role === 'owner' || role === 'admin';
}

/** Viewers are read only everywhere. */
export function canWrite(role: Role): boolean {
  return role !== 'viewer';
}

/** The roles `actor` may give: an owner any role, an admin any role but owner. */
export function assignableRoles(actor: Role): Role[] {
  if (actor === 'owner') return [...ROLES];
  if (actor === 'admin') return ['admin', 'editor', 'viewer'];
  return [];
}

/** The roles a key `actor` makes may have: theirs or lower, highest first (the API refuses more). */
export function keyRoles(actor: Role): Role[] {
  return ROLES.slice(ROLES.indexOf(actor));
}

/** Whether `actor` may change or remove a member who has `target` role (admins leave owners alone). */
export function canManageMember(actor: Role, target: Role): boolean {
  return canManageMembers(actor) && (actor === 'owner' || target !== 'owner');
}
