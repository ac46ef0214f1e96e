// Routes: create, list, read, rename and delete workspaces.
import { createWorkspaceBody, id, updateWorkspaceBody, workspaceWithRole } from '@switchyard/contracts';
import { newId } from '@switchyard/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { audit } from '../audit/service.ts';
import type { Deps } from '../http/deps.ts';
import { forbidden } from '../http/errors.ts';
import { replies } from '../http/schemas.ts';

const wsParams = z.object({ ws: id });

export const workspaceRoutes: FastifyPluginAsyncZod<Deps> = async (app, { db }) => {
  const { prisma } = db;

  app.post(
    '/api/v1/workspaces',
    { schema: { tags: ['workspaces'], summary: 'Create a workspace; the caller becomes its owner', body: createWorkspaceBody, response: replies({ 201: workspaceWithRole }) } },
    async (request, reply) => {
      const principal = await request.requirePrincipal();
      if (principal.kind === 'apiKey') throw forbidden('An API key acts inside its own workspace and cannot create others. Log in to create a workspace.');
      const workspace = { id: newId('ws'), name: request.body.name };
      await prisma.$transaction(async (tx) => {
        await tx.workspace.create({ data: workspace });
        await tx.membership.create({ data: { workspaceId: workspace.id, userId: principal.userId, role: 'owner' } });
        await audit(tx, principal, { workspaceId: workspace.id, action: 'workspace.created', targetType: 'workspace', targetId: workspace.id, details: { name: workspace.name } });
      });
      return reply.status(201).send({ ...workspace, role: 'owner' as const });
    },
  );

  app.get(
    '/api/v1/workspaces',
    { schema: { tags: ['workspaces'], summary: 'Workspaces the caller belongs to', response: replies({ 200: z.object({ data: z.array(workspaceWithRole) }) }) } },
    async (request) => {
      const principal = await request.requirePrincipal();
      if (principal.kind === 'apiKey') {
        const workspace = await prisma.workspace.findUniqueOrThrow({ where: { id: principal.workspaceId } });
        return { data: [{ id: workspace.id, name: workspace.name, role: principal.role }] };
      }
      const memberships = await prisma.membership.findMany({ where: { userId: principal.userId }, include: { workspace: true }, orderBy: { createdAt: 'asc' } });
      return { data: memberships.map((m) => ({ id: m.workspace.id, name: m.workspace.name, role: m.role })) };
    },
  );

  app.get(
    '/api/v1/workspaces/:ws',
    { schema: { tags: ['workspaces'], summary: 'One workspace', params: wsParams, response: replies({ 200: workspaceWithRole }) } },
    async (request) => {
      const workspace = await prisma.workspace.findUniqueOrThrow({ where: { id: request.access.workspaceId } });
      return { id: workspace.id, name: workspace.name, role: request.access.role };
    },
  );

  app.patch(
    '/api/v1/workspaces/:ws',
    { config: { minRole: 'admin' }, schema: { tags: ['workspaces'], summary: 'Rename a workspace', params: wsParams, body: updateWorkspaceBody, response: replies({ 200: workspaceWithRole }) } },
    async (request) => {
      const principal = await request.requirePrincipal();
      const workspace = await prisma.$transaction(async (tx) => {
        const updated = await tx.workspace.update({ where: { id: request.access.workspaceId }, data: { name: request.body.name } });
        await audit(tx, principal, { workspaceId: updated.id, action: 'workspace.renamed', targetType: 'workspace', targetId: updated.id, details: { name: updated.name } });
        return updated;
      });
      return { id: workspace.id, name: workspace.name, role: request.access.role };
    },
  );

  app.delete(
    '/api/v1/workspaces/:ws',
    { config: { minRole: 'owner' }, schema: { tags: ['workspaces'], summary: 'Delete a workspace and everything in it', params: wsParams, response: replies({ 204: z.null() }) } },
    async (request, reply) => {
      await prisma.workspace.delete({ where: { id: request.access.workspaceId } });
      return reply.status(204).send(null);
    },
  );
};
