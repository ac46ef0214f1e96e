// Routes: members of a workspace and their roles.
import { addMemberBody, id, listQuery, member, page, updateMemberBody } from '@switchyard/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../http/deps.ts';
import { replies } from '../http/schemas.ts';
import { createMemberService } from './service.ts';

const wsParams = z.object({ ws: id });
const memberParams = z.object({ ws: id, userId: id });

export const memberRoutes: FastifyPluginAsyncZod<Deps> = async (app, { data }) => {
  const members = createMemberService(data);

  app.get(
    '/api/v1/workspaces/:ws/members',
    { schema: { tags: ['members'], summary: 'Members and their roles', params: wsParams, querystring: listQuery, response: replies({ 200: page(member) }) } },
    async (request) => members.list(request.access.workspaceId, request.query),
  );

  app.post(
    '/api/v1/workspaces/:ws/members',
    {
      config: { minRole: 'admin' },
      schema: { tags: ['members'], summary: 'Add a member by e-mail', params: wsParams, body: addMemberBody, response: replies({ 201: member }) },
    },
    async (request, reply) => reply.status(201).send(await members.add(request.access, await request.requirePrincipal(), request.body)),
  );

  app.patch(
    '/api/v1/workspaces/:ws/members/:userId',
    {
      config: { minRole: 'admin' },
      schema: { tags: ['members'], summary: "Change a member's role", params: memberParams, body: updateMemberBody, response: replies({ 200: member }) },
    },
    async (request) => members.changeRole(request.access, await request.requirePrincipal(), request.params.userId, request.body.role),
  );

  app.delete(
    '/api/v1/workspaces/:ws/members/:userId',
    // Anyone may leave; removing someone else is checked by the service.
    {
      config: { minRole: 'viewer' },
      schema: { tags: ['members'], summary: 'Remove a member (or leave)', params: memberParams, response: replies({ 204: z.null() }) },
    },
    async (request, reply) => {
      await members.remove(request.access, await request.requirePrincipal(), request.params.userId);
      return reply.status(204).send(null);
    },
  );
};
