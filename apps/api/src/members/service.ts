// Members of a workspace and their roles. Only owners and admins manage members; only owners make owners.
import { hasRole, type Role } from '@switchyard/contracts';
import { Prisma } from '@switchyard/db';
import { audit } from '../audit/service.ts';
import type { Principal, WorkspaceAccess } from '../http/auth.ts';
import type { Data, WorkspaceTx } from '../http/data.ts';
import { conflict, forbidden, invalid, notFound } from '../http/errors.ts';
import { decodeCursor, pageOf } from '../http/pagination.ts';

type MemberRow = Prisma.MembershipGetPayload<{ include: { user: true } }>;
const toMember = (m: MemberRow) => ({ userId: m.userId, email: m.user.email, role: m.role, createdAt: m.createdAt.toISOString() });

/** Admins manage editors and viewers and other admins; touching an owner, or making one, takes an owner. */
function assertMayAssign(access: WorkspaceAccess, from: Role | null, to: Role | null) {
  if ((from === 'owner' || to === 'owner') && access.role !== 'owner') {
    throw forbidden('Only an owner can make someone an owner or change an owner.');
  }
}

async function assertNotLastOwner(tx: WorkspaceTx, userId: string) {
  const owners = await tx.membership.findMany({ where: { role: 'owner' }, select: { userId: true } });
  if (owners.length === 1 && owners[0]?.userId === userId) {
    throw conflict('last_owner', 'A workspace needs at least one owner. Make someone else an owner first.');
  }
}

async function loadMember(tx: WorkspaceTx, userId: string) {
  const current = await tx.membership.findFirst({ where: { userId } });
  if (!current) throw notFound('Member');
  return current;
}

export function createMemberService(data: Data) {
  return {
    async list(workspaceId: string, query: { limit: number; cursor?: string | undefined }) {
      const after = decodeCursor(query.cursor);
      const rows = await data.workspace(workspaceId).membership.findMany({
        where: after ? { userId: { gt: after } } : {},
        include: { user: true },
        orderBy: { userId: 'asc' },
        take: query.limit + 1,
      });
      return pageOf(rows, query.limit, (row) => row.userId, toMember);
    },

    async add(access: WorkspaceAccess, principal: Principal, body: { email: string; role: Role }) {
      const { workspaceId } = access;
      assertMayAssign(access, null, body.role);
      const user = await data.system.user.findUnique({ where: { email: body.email } });
      if (!user) {
        throw invalid('user_not_found', `No Switchyard account uses ${body.email}. Ask them to sign up first, then add them.`, [
          { path: 'body.email', message: 'has no account' },
        ]);
      }
      try {
        const created = await data.workspace(workspaceId).$transaction(async (tx) => {
          const row = await tx.membership.create({ data: { workspaceId, userId: user.id, role: body.role }, include: { user: true } });
          await audit(tx, principal, {
            workspaceId,
            action: 'member.added',
            targetType: 'member',
            targetId: user.id,
            details: { email: user.email, role: row.role },
          });
          return row;
        });
        return toMember(created);
      } catch (error) {
        if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
          throw conflict('already_member', `${user.email} is already a member. Change their role instead.`);
        }
        throw error;
      }
    },

    async changeRole(access: WorkspaceAccess, principal: Principal, userId: string, role: Role) {
      const { workspaceId } = access;
      const updated = await data.workspace(workspaceId).$transaction(async (tx) => {
        const current = await loadMember(tx, userId);
        assertMayAssign(access, current.role, role);
        if (current.role === 'owner' && role !== 'owner') await assertNotLastOwner(tx, current.userId);
        const row = await tx.membership.update({
          where: { workspaceId_userId: { workspaceId, userId: current.userId } },
          data: { role },
          include: { user: true },
        });
        await audit(tx, principal, {
          workspaceId,
          action: 'member.role_changed',
          targetType: 'member',
          targetId: row.userId,
          details: { from: current.role, to: row.role },
        });
        return row;
      });
      return toMember(updated);
    },

    /** Anyone may leave; removing someone else takes an admin (and an owner to remove an owner). */
    async remove(access: WorkspaceAccess, principal: Principal, userId: string) {
      const { workspaceId } = access;
      const self = principal.userId === userId;
      if (!self && !hasRole(access.role, 'admin')) throw forbidden('Only owners and admins can remove other members.');
      await data.workspace(workspaceId).$transaction(async (tx) => {
        const current = await loadMember(tx, userId);
        if (!self) assertMayAssign(access, current.role, null);
        if (current.role === 'owner') await assertNotLastOwner(tx, current.userId);
        await tx.membership.delete({ where: { workspaceId_userId: { workspaceId, userId: current.userId } } });
        await audit(tx, principal, { workspaceId, action: 'member.removed', targetType: 'member', targetId: current.userId, details: { role: current.role } });
      });
    },
  };
}
