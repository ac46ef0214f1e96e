// The workspace's audit log: who changed zaps, connections, members and keys, and when Switchyard itself turned a zap off.
import { wsPath } from '../api.ts';
import { usePagedList } from '../paged-list.ts';
import { ListTable } from '../ui/DataTable.tsx';
import { EmptyState } from '../ui/EmptyState.tsx';
import { Page } from '../ui/Page.tsx';
import { Time } from '../ui/Time.tsx';
import { useCurrentWorkspace } from '../workspaces/current.tsx';
import { canReadAuditLog, roleWithArticle } from '../workspaces/roles.ts';

export interface AuditEntry {
  id: string;
  action: string;
  targetType: string;
  targetId: string | null;
  details: unknown;
  actor: { userId: string; email: string | null; apiKeyId: string | null } | null;
  createdAt: string;
}

const ACTIONS: Record<string, string> = {
  'workspace.created': 'created the workspace',
  'workspace.renamed': 'renamed the workspace',
  'member.added': 'added a member',
  'member.role_changed': 'changed a member’s role',
  'member.removed': 'removed a member',
  'api_key.created': 'created an API key',
  'api_key.revoked': 'revoked an API key',
  'connection.created': 'connected an account',
  'connection.updated': 'changed a connection',
  'connection.deleted': 'deleted a connection',
  'zap.created': 'created a zap',
  'zap.updated': 'edited a zap',
  'zap.published': 'published a zap',
  'zap.unpublished': 'turned a zap off',
  'zap.deleted': 'deleted a zap',
  'zap.disabled': 'turned a zap off',
  'run.replayed': 'replayed a run',
};

/** The entry's details as a short line (names, roles, versions, reasons), or nothing. */
export function describeDetails(details: unknown): string {
  if (!details || typeof details !== 'object') return '';
  return Object.entries(details as Record<string, unknown>)
    .filter(([, value]) => value !== null && value !== undefined && typeof value !== 'object')
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join(' · ');
}

export function AuditPage() {
  const workspace = useCurrentWorkspace();
  const allowed = canReadAuditLog(workspace.role);
  const entries = usePagedList<AuditEntry>(['audit-log', workspace.id], wsPath(workspace.id, 'audit-log'), { enabled: allowed });

  return (
    <Page title="Audit log" description="Who changed what in this workspace, newest first.">
      <section className="card">
        {!allowed ? (
          <EmptyState title="Only owners and admins read the audit log">
            <p>
              You are {roleWithArticle(workspace.role)} in {workspace.name}.
            </p>
          </EmptyState>
        ) : (
          <ListTable
            list={entries}
            loadingLabel="Loading the audit log…"
            errorTitle="Could not load the audit log"
            empty={<EmptyState title="Nothing has changed yet" />}
            failed={entries.isError}
            columns={['When', 'Who', 'What', 'Details']}
            row={(entry) => (
              <tr key={entry.id}>
                <td data-label="When">
                  <Time value={entry.createdAt} withTime />
                </td>
                <td data-label="Who">
                  {entry.actor ? (
                    <>
                      {entry.actor.email ?? entry.actor.userId}
                      {entry.actor.apiKeyId ? <span className="muted"> (API key)</span> : null}
                    </>
                  ) : (
                    <span className="muted">Switchyard</span>
                  )}
                </td>
                <td data-label="What">
                  {ACTIONS[entry.action] ?? entry.action}
                  {entry.targetId ? <code className="muted"> {entry.targetId}</code> : null}
                </td>
                <td data-label="Details">{describeDetails(entry.details)}</td>
              </tr>
            )}
          />
        )}
      </section>
    </Page>
  );
}
