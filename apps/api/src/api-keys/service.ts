// API keys of a workspace: minted with a role no higher than their maker's, listed without tokens, revoked.
import { hasRole, type Role } from '@switchyard/contracts';
import { newId, type Prisma } from '@switchyard/db';
import { audit } from '../audit/service.ts';
import { hashToken, newApiKeyToken } from '../auth/tokens.ts';
import type { Principal, WorkspaceAccess } from '../http/auth.ts';
import type { Data } from '../http/data.ts';
import { forbidden, notFound } from '../http/errors.ts';
import { decodeCursor, pageOf } from '../http/pagination.ts';

type KeyRow = Prisma.ApiKeyGetPayload<object>;
const toApiKey = (key: KeyRow) => ({
  id: key.id,
  name: key.name,
  prefix: key.tokenPrefix,
  role: key.role,
  createdAt: key.createdAt.toISOString(),
  lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
});

export function createApiKeyService(data: Data) {
  return {
    /** Active keys, newest first. */
    async list(workspaceId: string, query: { limit: number; cursor?: string | undefined }) {
      const before = decodeCursor(query.cursor);
      const rows = await data.workspace(workspaceId).apiKey.findMany({
        where: { revokedAt: null, ...(before ? { id: { lt: before } } : {}) },
        orderBy: { id: 'desc' },
        take: query.limit + 1,
      });
      return pageOf(rows, query.limit, (row) => row.id, toApiKey);
    },

    /** The new key with its token, which is never shown again. */
    async create(access: WorkspaceAccess, principal: Principal, body: { name: string; role?: Role | undefined }) {
      const { workspaceId, role: callerRole } = access;
      const role = body.role ?? callerRole;
      if (!hasRole(callerRole, role)) throw forbidden(`You are ${callerRole}; a key you make cannot have the ${role} role.`);
      const token = newApiKeyToken();
      const key = await data.workspace(workspaceId).$transaction(async (tx) => {
        const row = await tx.apiKey.create({
          data: {
            id: newId('key'),
            workspaceId,
            name: body.name,
            tokenHash: hashToken(token),
            tokenPrefix: token.slice(0, 10),
            role,
            createdById: principal.userId,
          },
        });
        await audit(tx, principal, { workspaceId, action: 'api_key.created', targetType: 'api_key', targetId: row.id, details: { name: row.name, role } });
        return row;
      });
      return { ...toApiKey(key), token };
    },

    async revoke(workspaceId: string, principal: Principal, keyId: string) {
      await data.workspace(workspaceId).$transaction(async (tx) => {
        const revoked = await tx.apiKey.updateMany({ where: { id: keyId, revokedAt: null }, data: { revokedAt: new Date() } });
        if (revoked.count === 0) throw notFound('API key');
        await audit(tx, principal, { workspaceId, action: 'api_key.revoked', targetType: 'api_key', targetId: keyId });
      });
    },
  };
}
