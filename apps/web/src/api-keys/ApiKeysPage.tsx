// API keys of the workspace: create one (its token shown once), see when each was last used, revoke.
import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { Button } from '../ui/Button.tsx';
import { ListTable } from '../ui/DataTable.tsx';
import { EmptyState } from '../ui/EmptyState.tsx';
import { Page } from '../ui/Page.tsx';
import { Time } from '../ui/Time.tsx';
import { useCurrentWorkspace } from '../workspaces/current.tsx';
import { canManageApiKeys, ROLE_LABELS, roleWithArticle } from '../workspaces/roles.ts';
import { apiKeysKey, revokeApiKey, useApiKeys, type ApiKey, type CreatedApiKey } from './api.ts';
import { CreateApiKeyForm } from './CreateApiKeyForm.tsx';
import { NewTokenPanel } from './NewTokenPanel.tsx';
import './api-keys.css';

export function ApiKeysPage() {
  const workspace = useCurrentWorkspace();
  const queryClient = useQueryClient();
  const allowed = canManageApiKeys(workspace.role);
  // The API answers 403 to everyone else, so do not even ask.
  const keys = useApiKeys(workspace.id, { enabled: allowed });
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [toRevoke, setToRevoke] = useState<ApiKey | null>(null);

  const revoke = useMutation({
    mutationFn: (key: ApiKey) => revokeApiKey(workspace.id, key.id),
    onSuccess: async (_result, key) => {
      setToRevoke(null);
      if (created?.id === key.id) setCreated(null);
      await queryClient.invalidateQueries({ queryKey: apiKeysKey(workspace.id) });
    },
  });

  const closeDialog = () => {
    setToRevoke(null);
    revoke.reset();
  };

  return (
    <Page title="API keys" description={`Keys let scripts and other services call the Switchyard API as ${workspace.name}.`}>
      {!allowed ? (
        <section className="card">
          <EmptyState title="Only owners and admins manage API keys">
            <p>
              You are {roleWithArticle(workspace.role)} in {workspace.name}. Ask an owner or an admin if a script or service needs a key.
            </p>
          </EmptyState>
        </section>
      ) : (
        <>
          {created ? <NewTokenPanel apiKey={created} onDone={() => setCreated(null)} /> : <CreateApiKeyForm onCreated={setCreated} />}
          <KeyList keys={keys} onRevoke={setToRevoke} />
        </>
      )}

      {toRevoke && (
        <ConfirmDialog
          title={`Revoke “${toRevoke.name}”?`}
          confirmLabel="Revoke key"
          busy={revoke.isPending}
          error={revoke.error}
          onConfirm={() => revoke.mutate(toRevoke)}
          onCancel={closeDialog}
        >
          <p>
            Anything using the key <code>{toRevoke.prefix}…</code> stops working immediately. This cannot be undone.
          </p>
        </ConfirmDialog>
      )}
    </Page>
  );
}

/** The workspace's active keys; a token is never part of this list. */
function KeyList({ keys, onRevoke }: { keys: ReturnType<typeof useApiKeys>; onRevoke: (key: ApiKey) => void }) {
  return (
    <section className="card card-flush" aria-labelledby="keys-title">
      <h2 id="keys-title" className="card-title card-title-padded">
        Keys
      </h2>
      <ListTable
        list={keys}
        loadingLabel="Loading API keys…"
        errorTitle="Could not load API keys"
        empty={
          <EmptyState title="No API keys yet">
            <p>Create a key to call the API from a script, a CI job or another service.</p>
          </EmptyState>
        }
        columns={['Name', 'Key', 'Role', 'Created', 'Last used']}
        actions
        row={(key) => (
          <tr key={key.id}>
            <td data-label="Name">
              <span className="key-name">{key.name}</span>
            </td>
            <td data-label="Key">
              <code className="key-prefix">{key.prefix}…</code>
            </td>
            <td data-label="Role">
              <span className={`badge badge-role-${key.role}`}>{ROLE_LABELS[key.role] ?? key.role}</span>
            </td>
            <td data-label="Created">
              <Time value={key.createdAt} />
            </td>
            <td data-label="Last used">{key.lastUsedAt ? <Time value={key.lastUsedAt} relative /> : <span className="muted">Never</span>}</td>
            <td className="cell-actions">
              <Button size="sm" variant="ghost" className="btn-danger-text" aria-label={`Revoke ${key.name}`} onClick={() => onRevoke(key)}>
                Revoke
              </Button>
            </td>
          </tr>
        )}
      />
    </section>
  );
}
