// Routes: connected accounts. Secrets go in, never out.
import { id, listQuery, name, page } from '@switchyard/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../http/deps.ts';
import { replies } from '../http/schemas.ts';
import { connectionView, createConnectionService } from './service.ts';

const wsParams = z.object({ ws: id });
const connectionParams = z.object({ ws: id, connectionId: id });
const credentials = z.record(z.string().max(100), z.unknown()).describe('The app’s auth fields (see GET /api/v1/apps/:app, auth.fields)');

export const connectionRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  const connections = createConnectionService(deps.data, deps.vault, deps.runtime);
  const base = '/api/v1/workspaces/:ws/connections';

  app.get(
    base,
    {
      schema: {
        tags: ['connections'],
        summary: 'Connected accounts',
        params: wsParams,
        querystring: listQuery.extend({ app: z.string().max(100).optional() }),
        response: replies({ 200: page(connectionView) }),
      },
    },
    async (request) => connections.list(request.access.workspaceId, request.query),
  );

  app.post(
    base,
    {
      schema: {
        tags: ['connections'],
        summary: 'Connect an account: the credentials are tested live first (422 connection_test_failed with the service’s reason)',
        params: wsParams,
        body: z.object({ app: z.string().min(1).max(100), name, credentials }),
        response: replies({ 201: connectionView }),
      },
    },
    async (request, reply) => reply.status(201).send(await connections.create(request.access.workspaceId, await request.requirePrincipal(), request.body)),
  );

  app.get(
    `${base}/:connectionId`,
    {
      schema: { tags: ['connections'], summary: 'One connected account', params: connectionParams, response: replies({ 200: connectionView }) },
    },
    async (request) => connections.get(request.access.workspaceId, request.params.connectionId),
  );

  app.patch(
    `${base}/:connectionId`,
    {
      schema: {
        tags: ['connections'],
        summary: 'Rename, or replace credentials (re-tested live; fields left out keep their value)',
        params: connectionParams,
        body: z.object({ name: name.optional(), credentials: credentials.optional() }),
        response: replies({ 200: connectionView }),
      },
    },
    async (request) => connections.update(request.access.workspaceId, await request.requirePrincipal(), request.params.connectionId, request.body),
  );

  app.delete(
    `${base}/:connectionId`,
    {
      schema: { tags: ['connections'], summary: 'Delete a connected account', params: connectionParams, response: replies({ 204: z.null() }) },
    },
    async (request, reply) => {
      await connections.remove(request.access.workspaceId, await request.requirePrincipal(), request.params.connectionId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    `${base}/:connectionId/test`,
    {
      schema: {
        tags: ['connections'],
        summary: 'Test the stored credentials against the service now',
        params: connectionParams,
        response: replies({ 200: z.object({ ok: z.boolean(), message: z.string() }) }),
      },
    },
    async (request) => connections.test(request.access.workspaceId, request.params.connectionId),
  );
};
