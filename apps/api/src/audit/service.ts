// Who changed what in a workspace: entries written in the same transaction as the change, and the log read back.
import { newId, type Prisma } from '@switchyard/db';
import type { Principal } from '../http/auth.ts';
import type { Data, WorkspaceTx } from '../http/data.ts';
import { decodeCursor, pageOf } from '../http/pagination.ts';

export interface AuditEntry {
  workspaceId: string;
  action: string;
  targetType: string;
  targetId?: string | null;
  details?: Prisma.InputJsonValue;
}

export async function audit(tx: WorkspaceTx, principal: Principal, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      id: newId('aud'),
      workspaceId: entry.workspaceId,
      actorUserId: principal.userId,
      actorApiKeyId: principal.kind === 'apiKey' ? principal.apiKeyId : null,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId ?? null,
      details: entry.details ?? {},
    },
  });
}

export function createAuditService(data: Data) {
  return {
    /** Newest first, with each acting user's e-mail. */
    async list(workspaceId: string, query: { limit: number; cursor?: string | undefined; action?: string | undefined; targetId?: string | undefined }) {
      const before = decodeCursor(query.cursor);
      const rows = await data.workspace(workspaceId).auditLog.findMany({
        where: {
          ...(before ? { id: { lt: before } } : {}),
          ...(query.action ? { action: query.action } : {}),
          ...(query.targetId ? { targetId: query.targetId } : {}),
        },
        orderBy: { id: 'desc' },
        take: query.limit + 1,
      });
      const userIds = [...new Set(rows.map((row) => row.actorUserId).filter((value): value is string => value !== null))];
      const users = new Map(
        (await data.system.user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true } })).map((user) => [user.id, user.email]),
      );
      return pageOf(
        rows,
        query.limit,
        (row) => row.id,
        (row) => ({
          id: row.id,
          action: row.action,
          targetType: row.targetType,
          targetId: row.targetId,
          details: row.details,
          actor: row.actorUserId ? { userId: row.actorUserId, email: users.get(row.actorUserId) ?? null, apiKeyId: row.actorApiKeyId } : null,
          createdAt: row.createdAt.toISOString(),
        }),
      );
    },
  };
}
