// Records who changed what in a workspace. Written in the same transaction as the change where one exists.
import { newId, type Db, type Prisma } from '@switchyard/db';
import type { Principal } from '../http/auth.ts';

type Client = Db | Prisma.TransactionClient;

export interface AuditEntry {
  workspaceId: string;
  action: string;
  targetType: string;
  targetId?: string | null;
  details?: Prisma.InputJsonValue;
}

export async function audit(client: Client, principal: Principal, entry: AuditEntry): Promise<void> {
  await client.auditLog.create({
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
