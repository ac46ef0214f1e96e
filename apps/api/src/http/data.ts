// The API's Prisma access: one workspace's data for the feature services, and a guarded client for what no workspace owns.
import { workspaceGuard, workspaceScope, type Db, type UnscopedQuery } from '@switchyard/db';

/** The only queries on workspace-owned models the API makes without naming a workspace. */
export const CROSS_WORKSPACE_QUERIES: readonly UnscopedQuery[] = [
  { model: 'ApiKey', operation: 'findUnique', by: 'tokenHash', why: 'a Bearer token is how a request finds its workspace' },
  { model: 'Membership', operation: 'findMany', by: 'userId', why: 'the workspaces a user belongs to (log-in, /me, the workspace list)' },
];

/** Scoped clients kept for reuse; past this many, the cache starts over. */
const CACHED_WORKSPACES = 1_000;

/**
 * Every client handed out is guarded: a query on a workspace-owned model that names no workspace throws (a 500, and a
 * failing test), so a forgotten filter never reads or writes another tenant's rows.
 */
export function createData(prisma: Db) {
  const guard = workspaceGuard(CROSS_WORKSPACE_QUERIES);
  // The guard comes after the scope, so it checks the filters the scope completed.
  const scoped = (workspaceId: string) => prisma.$extends(workspaceScope(workspaceId)).$extends(guard);
  // A fresh extended client costs more on its first queries than the queries themselves: keep recent ones.
  const cache = new Map<string, ReturnType<typeof scoped>>();
  return {
    /** One workspace's data: every query on a workspace-owned model is limited to it, every new row joins it. */
    workspace(workspaceId: string) {
      let client = cache.get(workspaceId);
      if (!client) {
        if (cache.size >= CACHED_WORKSPACES) cache.clear();
        client = scoped(workspaceId);
        cache.set(workspaceId, client);
      }
      return client;
    },
    /** Users, sessions and workspaces themselves, plus CROSS_WORKSPACE_QUERIES. */
    system: prisma.$extends(guard),
  };
}

export type Data = ReturnType<typeof createData>;
export type WorkspaceData = ReturnType<Data['workspace']>;
/** A transaction of one workspace's data (what `workspace(id).$transaction(async (tx) => ...)` hands to its callback). */
export type WorkspaceTx = Parameters<Parameters<WorkspaceData['$transaction']>[0]>[0];
