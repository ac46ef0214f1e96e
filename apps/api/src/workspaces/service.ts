// Workspaces: created with their creator as owner, listed for a caller, renamed and deleted.
import type { Role } from '@switchyard/contracts';
import { newId } from '@switchyard/db';
import { audit } from '../audit/service.ts';
import type { Principal, WorkspaceAccess } from '../http/auth.ts';
import type { Data } from '../http/data.ts';
import { forbidden } from '../http/errors.ts';

export interface WorkspaceWithRole {
  id: string;
  name: string;
  role: Role;
}

export function createWorkspaceService(data: Data) {
  /** A user's workspaces, oldest membership first. */
  async function workspacesOf(userId: string): Promise<WorkspaceWithRole[]> {
    const memberships = await data.system.membership.findMany({ where: { userId }, include: { workspace: true }, orderBy: { createdAt: 'asc' } });
    return memberships.map((m) => ({ id: m.workspace.id, name: m.workspace.name, role: m.role }));
  }

  async function withRole(workspaceId: string, role: Role): Promise<WorkspaceWithRole> {
    const workspace = await data.workspace(workspaceId).workspace.findUniqueOrThrow({ where: { id: workspaceId } });
    return { id: workspace.id, name: workspace.name, role };
  }

  return {
    workspacesOf,

    /** What the caller sees: a user's workspaces, or an API key's own one. */
    async visibleTo(principal: Principal): Promise<WorkspaceWithRole[]> {
      return principal.kind === 'apiKey' ? [await withRole(principal.workspaceId, principal.role)] : workspacesOf(principal.userId);
    },

    get: (access: WorkspaceAccess) => withRole(access.workspaceId, access.role),

    async create(principal: Principal, name: string): Promise<WorkspaceWithRole> {
      if (principal.kind === 'apiKey') throw forbidden('An API key acts inside its own workspace and cannot create others. Log in to create a workspace.');
      const workspace = { id: newId('ws'), name };
      await data.workspace(workspace.id).$transaction(async (tx) => {
        await tx.workspace.create({ data: workspace });
        await tx.membership.create({ data: { workspaceId: workspace.id, userId: principal.userId, role: 'owner' } });
        await audit(tx, principal, {
          workspaceId: workspace.id,
          action: 'workspace.created',
          targetType: 'workspace',
          targetId: workspace.id,
          details: { name: workspace.name },
        });
      });
      return { ...workspace, role: 'owner' };
    },

    async rename(access: WorkspaceAccess, principal: Principal, name: string): Promise<WorkspaceWithRole> {
      const { workspaceId } = access;
      const workspace = await data.workspace(workspaceId).$transaction(async (tx) => {
        const updated = await tx.workspace.update({ where: { id: workspaceId }, data: { name } });
        await audit(tx, principal, {
          workspaceId,
          action: 'workspace.renamed',
          targetType: 'workspace',
          targetId: workspaceId,
          details: { name: updated.name },
        });
        return updated;
      });
      return { id: workspace.id, name: workspace.name, role: access.role };
    },

    /** Everything in it goes too (the database cascades). */
    async remove(workspaceId: string) {
      await data.workspace(workspaceId).workspace.delete({ where: { id: workspaceId } });
    },
  };
}
