// Routes: API keys of a workspace. The token is shown once at creation; only its hash is kept.
import { apiKey, createApiKeyBody, createdApiKey, id, listQuery, page } from '@switchyard/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../http/deps.ts';
import { replies } from '../http/schemas.ts';
import { createApiKeyService } from './service.ts';

const wsParams = z.object({ ws: id });
const keyParams = z.object({ ws: id, keyId: id });

export const apiKeyRoutes: FastifyPluginAsyncZod<Deps> = async (app, { data }) => {
  const apiKeys = createApiKeyService(data);

  app.get(
    '/api/v1/workspaces/:ws/api-keys',
    {
      config: { minRole: 'admin' },
      schema: {
        tags: ['api keys'],
        summary: 'Active API keys (never their tokens)',
        params: wsParams,
        querystring: listQuery,
        response: replies({ 200: page(apiKey) }),
      },
    },
    async (request) => apiKeys.list(request.access.workspaceId, request.query),
  );

  app.post(
    '/api/v1/workspaces/:ws/api-keys',
    {
      config: { minRole: 'admin' },
      schema: {
        tags: ['api keys'],
        summary: 'Mint an API key; its token is shown once',
        params: wsParams,
        body: createApiKeyBody,
        response: replies({ 201: createdApiKey }),
      },
    },
    async (request, reply) => reply.status(201).send(await apiKeys.create(request.access, await request.requirePrincipal(), request.body)),
  );

  app.delete(
    '/api/v1/workspaces/:ws/api-keys/:keyId',
    { config: { minRole: 'admin' }, schema: { tags: ['api keys'], summary: 'Revoke an API key', params: keyParams, response: replies({ 204: z.null() }) } },
    async (request, reply) => {
      await apiKeys.revoke(request.access.workspaceId, await request.requirePrincipal(), request.params.keyId);
      return reply.status(204).send(null);
    },
  );
};
