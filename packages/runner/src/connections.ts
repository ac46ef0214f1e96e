// Opening a workspace's connection: the one place credentials are decrypted for use.
import { StepFailure, type Credentials } from '@switchyard/connectors';
import { connectionContext, type Database, type Vault } from '@switchyard/db';

/** The decrypted credentials of a connection of this workspace and app; a permanent step failure otherwise. */
export async function openConnection(db: Database, vault: Vault, workspaceId: string, connectionId: string | undefined, app: string): Promise<Credentials> {
  if (!connectionId) throw new StepFailure(`This step needs a connected ${app} account. Choose one in the step's settings.`, { transient: false });
  const row = await db.prisma.connection.findFirst({ where: { id: connectionId, workspaceId } });
  if (!row || row.app !== app) {
    throw new StepFailure(`The ${app} connection of this step no longer exists. Choose another one.`, { transient: false });
  }
  return vault.open<Credentials>(row.credentials, connectionContext(workspaceId, row.id));
}
