// Routes: API keys of a workspace. The token is shown once at creation; only its hash is kept.
import { apiKey, createApiKeyBody, createdApiKey, hasRole, id, listQuery, page } from '@switchyard/contracts';
import { newId, type Prisma } from '@switchyard/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { audit } from '../audit/service.ts';
import { hashToken, newApiKeyToken } from '../auth/tokens.ts';
import type { Deps } from '../http/deps.ts';
import { forbidden, notFound } from '../http/errors.ts';
import { decodeCursor, pageOf } from '../http/pagination.ts';
import { replies } from '../http/schemas.ts';

const wsParams = z.object({ ws: id });
const keyParams = z.object({ ws: id, keyId: id });

type KeyRow = Prisma.ApiKeyGetPayload<object>;
const toApiKey = (key: KeyRow) => ({
  id: key.id,
  name: key.name,
  prefix: key.tokenPrefix,
  role: key.role,
  createdAt: key.createdAt.toISOString(),
  lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
});

export const apiKeyRoutes: FastifyPluginAsyncZod<Deps> = async (app, { db }) => {
  const { prisma } = db;

  app.get(
    '/api/v1/workspaces/:ws/api-keys',
    { config: { minRole: 'admin' }, schema: { tags: ['api keys'], summary: 'Active API keys (never their tokens)', params: wsParams, querystring: listQuery, response: replies({ 200: page(apiKey) }) } },
    async (request) => {
      const { limit, cursor } = request.query;
      const before = decodeCursor(cursor);
      const rows = await prisma.apiKey.findMany({
        where: { workspaceId: request.access.workspaceId, revokedAt: null, ...(before ? { id: { lt: before } } : {}) },
        orderBy: { id: 'desc' },
        take: limit + 1,
      });
      return pageOf(rows, limit, (row) => row.id, toApiKey);
    },
  );

  app.post(
    '/api/v1/workspaces/:ws/api-keys',
    { config: { minRole: 'admin' }, schema: { tags: ['api keys'], summary: 'Mint an API key; its token is shown once', params: wsParams, body: createApiKeyBody, response: replies({ 201: createdApiKey }) } },
    async (request, reply) => {
      const principal = await request.requirePrincipal();
      const { workspaceId, role: callerRole } = request.access;
      const role = request.body.role ?? callerRole;
      if (!hasRole(callerRole, role)) throw forbidden(`You are ${callerRole}; a key you make cannot have the ${role} role.`);
      const token = newApiKeyToken();
      const key = await prisma.$transaction(async (tx) => {
        const row = await tx.apiKey.create({
          data: { id: newId('key'), workspaceId, name: request.body.name, tokenHash: hashToken(token), tokenPrefix: token.slice(0, 10), role, createdById: principal.userId },
        });
        await audit(tx, principal, { workspaceId, action: 'api_key.created', targetType: 'api_key', targetId: row.id, details: { name: row.name, role } });
        return row;
      });
      return reply.status(201).send({ ...toApiKey(key), token });
    },
  );

  app.delete(
    '/api/v1/workspaces/:ws/api-keys/:keyId',
    { config: { minRole: 'admin' }, schema: { tags: ['api keys'], summary: 'Revoke an API key', params: keyParams, response: replies({ 204: z.null() }) } },
    async (request, reply) => {
      const principal = await request.requirePrincipal();
      const { workspaceId } = request.access;
      await prisma.$transaction(async (tx) => {
        const revoked = await tx.apiKey.updateMany({ where: { id: request.params.keyId, workspaceId, revokedAt: null }, data: { revokedAt: new Date() } });
        if (revoked.count === 0) throw notFound('API key');
        await audit(tx, principal, { workspaceId, action: 'api_key.revoked', targetType: 'api_key', targetId: request.params.keyId });
      });
      return reply.status(204).send(null);
    },
  );
};
