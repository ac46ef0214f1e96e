// Route: the workspace's audit log (who changed zaps, connections, members and keys), newest first.
import { id, listQuery, page } from '@switchyard/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../http/deps.ts';
import { replies } from '../http/schemas.ts';
import { createAuditService } from './service.ts';

const entry = z.object({
  id: z.string(),
  action: z.string().describe('e.g. zap.published, connection.created, member.role_changed, api_key.revoked, zap.disabled'),
  targetType: z.string(),
  targetId: z.string().nullable(),
  details: z.unknown(),
  actor: z
    .object({ userId: z.string(), email: z.string().nullable(), apiKeyId: z.string().nullable() })
    .nullable()
    .describe('null when Switchyard itself acted (e.g. turning off a failing zap)'),
  createdAt: z.string(),
});

export const auditRoutes: FastifyPluginAsyncZod<Deps> = async (app, { data }) => {
  const auditLog = createAuditService(data);

  app.get(
    '/api/v1/workspaces/:ws/audit-log',
    {
      config: { minRole: 'admin' },
      schema: {
        tags: ['audit'],
        summary: 'Who changed what in this workspace, newest first',
        params: z.object({ ws: id }),
        querystring: listQuery.extend({ action: z.string().max(100).optional().describe('Only entries with this action'), targetId: id.optional() }),
        response: replies({ 200: page(entry) }),
      },
    },
    async (request) => auditLog.list(request.access.workspaceId, request.query),
  );
};
