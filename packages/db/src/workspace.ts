// Workspace scoping for Prisma: the one place queries on workspace-owned models get their workspace, and the guard that refuses those without one.
import { Prisma } from './generated/client.ts';

/** The models whose rows each belong to one workspace: every model with a workspaceId column. */
export const WORKSPACE_MODELS: ReadonlySet<string> = new Set(
  Object.values(Prisma.ModelName).filter((model) => 'workspaceId' in Prisma[`${model}ScalarFieldEnum`]),
);

const CREATES = new Set(['create', 'createMany', 'createManyAndReturn']);

type Row = Record<string, unknown>;
interface Args {
  where?: Row;
  data?: Row | Row[];
  create?: Row;
  update?: Row;
}

export class WorkspaceScopeError extends Error {}

/**
 * Every query on a workspace-owned model is limited to `workspaceId`: its filter gets the workspace, new rows join
 * it. A query naming another workspace, or moving a row to one, throws instead of reaching the database.
 */
export function workspaceScope(workspaceId: string) {
  /** A row's workspaceId may only ever be this workspace. */
  const check = (model: string, row: Row | undefined) => {
    if (row?.workspaceId !== undefined && row.workspaceId !== workspaceId) {
      throw new WorkspaceScopeError(`A ${model} query scoped to workspace ${workspaceId} named another workspace.`);
    }
  };
  const join = (model: string, row: Row | undefined): Row => {
    check(model, row);
    return { ...row, workspaceId };
  };
  return Prisma.defineExtension({
    name: 'workspace-scope',
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          if (!WORKSPACE_MODELS.has(model)) return query(args);
          const given = args as Args;
          if (CREATES.has(operation)) {
            const data = Array.isArray(given.data) ? given.data.map((row) => join(model, row)) : join(model, given.data);
            return query({ ...given, data } as typeof args);
          }
          for (const row of [given.where, given.data, given.update].flat()) check(model, row);
          const scoped: Args = { ...given, where: { ...given.where, workspaceId } };
          if (operation === 'upsert') scoped.create = join(model, given.create);
          return query(scoped as typeof args);
        },
      },
    },
  });
}

/** A query on a workspace-owned model the guard lets through without a workspace: matched by model, operation and filter. */
export interface UnscopedQuery {
  model: Prisma.ModelName;
  operation: string;
  /** The only field of its filter: a key that finds the workspace (a token's hash) or spans the caller's own. */
  by: string;
  /** Why this query legitimately looks across workspaces. */
  why: string;
}

/**
 * Refuses (throws) any query on a workspace-owned model that does not name one workspace: its filter must hold
 * `workspaceId` as a plain id (or in a compound key), and every row it creates must carry one. `allowed` lists the
 * few system queries that look across workspaces. Added after workspaceScope, it sees the filters that added.
 */
export function workspaceGuard(allowed: readonly UnscopedQuery[]) {
  return Prisma.defineExtension({
    name: 'workspace-guard',
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          const given = args as Args;
          if (!WORKSPACE_MODELS.has(model) || namesWorkspace(operation, given) || isAllowed(allowed, model, operation, given)) return query(args);
          // Field names only: values may be secrets.
          const filter = Object.keys(given.where ?? {}).join(', ') || 'nothing';
          throw new WorkspaceScopeError(`${model}.${operation} does not name its workspace (its filter is on ${filter}).`);
        },
      },
    },
  });
}

function namesWorkspace(operation: string, args: Args): boolean {
  if (CREATES.has(operation)) return [args.data ?? []].flat().every(carriesWorkspace);
  if (operation === 'upsert') return filtersWorkspace(args.where) && carriesWorkspace(args.create);
  return filtersWorkspace(args.where);
}

const carriesWorkspace = (row: Row | undefined) => typeof row?.workspaceId === 'string';

/** A plain `workspaceId` equality, or a compound unique key that holds one (`workspaceId_userId: {...}`). */
function filtersWorkspace(where: Row | undefined): boolean {
  if (!where) return false;
  if (typeof where.workspaceId === 'string') return true;
  return Object.entries(where).some(([key, value]) => key.split('_').includes('workspaceId') && carriesWorkspace(value as Row | undefined));
}

function isAllowed(allowed: readonly UnscopedQuery[], model: string, operation: string, args: Args): boolean {
  const fields = Object.keys(args.where ?? {});
  return allowed.some((entry) => entry.model === model && entry.operation === operation && fields.length === 1 && fields[0] === entry.by);
}
