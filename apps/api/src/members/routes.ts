// Routes: members of a workspace and their roles. Only owners and admins manage members; only owners make owners.
import { addMemberBody, hasRole, id, listQuery, member, page, updateMemberBody, type Role } from '@switchyard/contracts';
import { Prisma, type Db } from '@switchyard/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { audit } from '../audit/service.ts';
import type { WorkspaceAccess } from '../http/auth.ts';
import type { Deps } from '../http/deps.ts';
import { conflict, forbidden, invalid, notFound } from '../http/errors.ts';
import { decodeCursor, pageOf } from '../http/pagination.ts';
import { replies } from '../http/schemas.ts';

const wsParams = z.object({ ws: id });
const memberParams = z.object({ ws: id, userId: id });

type MemberRow = Prisma.MembershipGetPayload<{ include: { user: true } }>;
const toMember = (m: MemberRow) => ({ userId: m.userId, email: m.user.email, role: m.role, createdAt: m.createdAt.toISOString() });

/** Admins manage editors and viewers and other admins; touching an owner, or making one, takes an owner. */
function assertMayAssign(access: WorkspaceAccess, from: Role | null, to: Role | null) {
  if ((from === 'owner' || to === 'owner') && access.role !== 'owner') {
    throw forbidden('Only an owner can make someone an owner or change an owner.');
  }
}

async function assertNotLastOwner(tx: Prisma.TransactionClient | Db, workspaceId: string, userId: string) {
  const owners = await tx.membership.findMany({ where: { workspaceId, role: 'owner' }, select: { userId: true } });
  if (owners.length === 1 && owners[0]?.userId === userId) {
    throw conflict('last_owner', 'A workspace needs at least one owner. Make someone else an owner first.');
  }
}

export const memberRoutes: FastifyPluginAsyncZod<Deps> = async (app, { db }) => {
  const { prisma } = db;

  app.get(
    '/api/v1/workspaces/:ws/members',
    { schema: { tags: ['members'], summary: 'Members and their roles', params: wsParams, querystring: listQuery, response: replies({ 200: page(member) }) } },
    async (request) => {
      const { limit, cursor } = request.query;
      const after = decodeCursor(cursor);
      const rows = await prisma.membership.findMany({
        where: { workspaceId: request.access.workspaceId, ...(after ? { userId: { gt: after } } : {}) },
        include: { user: true },
        orderBy: { userId: 'asc' },
        take: limit + 1,
      });
      return pageOf(rows, limit, (row) => row.userId, toMember);
    },
  );

  app.post(
    '/api/v1/workspaces/:ws/members',
    { config: { minRole: 'admin' }, schema: { tags: ['members'], summary: 'Add a member by e-mail', params: wsParams, body: addMemberBody, response: replies({ 201: member }) } },
    async (request, reply) => {
      const principal = await request.requirePrincipal();
      const { workspaceId } = request.access;
      assertMayAssign(request.access, null, request.body.role);
      const user = await prisma.user.findUnique({ where: { email: request.body.email } });
      if (!user) {
        throw invalid('user_not_found', `No Switchyard account uses ${request.body.email}. Ask them to sign up first, then add them.`, [
          { path: 'body.email', message: 'has no account' },
        ]);
      }
      try {
        const created = await prisma.$transaction(async (tx) => {
          const row = await tx.membership.create({ data: { workspaceId, userId: user.id, role: request.body.role }, include: { user: true } });
          await audit(tx, principal, { workspaceId, action: 'member.added', targetType: 'member', targetId: user.id, details: { email: user.email, role: row.role } });
          return row;
        });
        return reply.status(201).send(toMember(created));
      } catch (error) {
        if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
          throw conflict('already_member', `${user.email} is already a member. Change their role instead.`);
        }
        throw error;
      }
    },
  );

  app.patch(
    '/api/v1/workspaces/:ws/members/:userId',
    { config: { minRole: 'admin' }, schema: { tags: ['members'], summary: "Change a member's role", params: memberParams, body: updateMemberBody, response: replies({ 200: member }) } },
    async (request) => {
      const principal = await request.requirePrincipal();
      const { workspaceId } = request.access;
      const updated = await prisma.$transaction(async (tx) => {
        const current = await tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId: request.params.userId } } });
        if (!current) throw notFound('Member');
        assertMayAssign(request.access, current.role, request.body.role);
        if (current.role === 'owner' && request.body.role !== 'owner') await assertNotLastOwner(tx, workspaceId, current.userId);
        const row = await tx.membership.update({
          where: { workspaceId_userId: { workspaceId, userId: current.userId } },
          data: { role: request.body.role },
          include: { user: true },
        });
        await audit(tx, principal, { workspaceId, action: 'member.role_changed', targetType: 'member', targetId: row.userId, details: { from: current.role, to: row.role } });
        return row;
      });
      return toMember(updated);
    },
  );

  app.delete(
    '/api/v1/workspaces/:ws/members/:userId',
    // Anyone may leave; removing someone else is checked below.
    { config: { minRole: 'viewer' }, schema: { tags: ['members'], summary: 'Remove a member (or leave)', params: memberParams, response: replies({ 204: z.null() }) } },
    async (request, reply) => {
      const principal = await request.requirePrincipal();
      const { workspaceId } = request.access;
      const self = principal.userId === request.params.userId;
      if (!self && !hasRole(request.access.role, 'admin')) throw forbidden('Only owners and admins can remove other members.');
      await prisma.$transaction(async (tx) => {
        const current = await tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId: request.params.userId } } });
        if (!current) throw notFound('Member');
        if (!self) assertMayAssign(request.access, current.role, null);
        if (current.role === 'owner') await assertNotLastOwner(tx, workspaceId, current.userId);
        await tx.membership.delete({ where: { workspaceId_userId: { workspaceId, userId: current.userId } } });
        await audit(tx, principal, { workspaceId, action: 'member.removed', targetType: 'member', targetId: current.userId, details: { role: current.role } });
      });
      return reply.status(204).send(null);
    },
  );
};
