// Data access for Switchyard: the Prisma client, workspace scoping, migrations, ids and the credential vault.
export { createDatabase, type Database, type DatabaseOptions, type Db } from './client.ts';
export { migrate, ensureDatabase, dropDatabase, MIGRATIONS_DIR, type MigrationResult } from './migrate.ts';
export { newId, randomToken } from './ids.ts';
export { connectionContext, createVault, hookContext, keyIdOf, needsReseal, VaultError, type Vault, type Sealed } from './vault.ts';
export { Prisma } from './generated/client.ts';
export type { Role, RunStatus, ZapStatus } from './generated/enums.ts';
export * from './runs.ts';
export { createGroupCommit, type GroupCommit, type GroupCommitOptions } from './group-commit.ts';
export { WORKSPACE_MODELS, workspaceGuard, workspaceScope, WorkspaceScopeError, type UnscopedQuery } from './workspace.ts';
