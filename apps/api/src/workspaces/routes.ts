// Routes: create, list, read, rename and delete workspaces.
import { createWorkspaceBody, id, updateWorkspaceBody, workspaceWithRole } from '@switchyard/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../http/deps.ts';
import { replies } from '../http/schemas.ts';
import { createWorkspaceService } from './service.ts';

const wsParams = z.object({ ws: id });

export const workspaceRoutes: FastifyPluginAsyncZod<Deps> = async (app, { data }) => {
  const workspaces = createWorkspaceService(data);

  app.post(
    '/api/v1/workspaces',
    {
      schema: {
        tags: ['workspaces'],
        summary: 'Create a workspace; the caller becomes its owner',
        body: createWorkspaceBody,
        response: replies({ 201: workspaceWithRole }),
      },
    },
    async (request, reply) => reply.status(201).send(await workspaces.create(await request.requirePrincipal(), request.body.name)),
  );

  app.get(
    '/api/v1/workspaces',
    {
      schema: { tags: ['workspaces'], summary: 'Workspaces the caller belongs to', response: replies({ 200: z.object({ data: z.array(workspaceWithRole) }) }) },
    },
    async (request) => ({ data: await workspaces.visibleTo(await request.requirePrincipal()) }),
  );

  app.get(
    '/api/v1/workspaces/:ws',
    { schema: { tags: ['workspaces'], summary: 'One workspace', params: wsParams, response: replies({ 200: workspaceWithRole }) } },
    async (request) => workspaces.get(request.access),
  );

  app.patch(
    '/api/v1/workspaces/:ws',
    {
      config: { minRole: 'admin' },
      schema: {
        tags: ['workspaces'],
        summary: 'Rename a workspace',
        params: wsParams,
        body: updateWorkspaceBody,
        response: replies({ 200: workspaceWithRole }),
      },
    },
    async (request) => workspaces.rename(request.access, await request.requirePrincipal(), request.body.name),
  );

  app.delete(
    '/api/v1/workspaces/:ws',
    {
      config: { minRole: 'owner' },
      schema: { tags: ['workspaces'], summary: 'Delete a workspace and everything in it', params: wsParams, response: replies({ 204: z.null() }) },
    },
    async (request, reply) => {
      await workspaces.remove(request.access.workspaceId);
      return reply.status(204).send(null);
    },
  );
};
