// Connected accounts of the workspace, grouped by app: add, rename, re-test, replace credentials, delete.
import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { fieldErrors } from '../api.ts';
import { catalogOf, useApps, type AppManifest } from '../catalog/api.ts';
import { AppBadge } from '../catalog/AppBadge.tsx';
import { AppPicker } from '../catalog/AppPicker.tsx';
import { Button } from '../ui/Button.tsx';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { DataTable } from '../ui/DataTable.tsx';
import { EmptyState } from '../ui/EmptyState.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { focusFirstInvalid, TextField } from '../ui/Field.tsx';
import { PlusIcon } from '../ui/icons.tsx';
import { Loading } from '../ui/Loading.tsx';
import { Menu } from '../ui/Menu.tsx';
import { Modal } from '../ui/Modal.tsx';
import { Page } from '../ui/Page.tsx';
import { Time } from '../ui/Time.tsx';
import { useCurrentWorkspace } from '../workspaces/current.tsx';
import { canWrite } from '../workspaces/roles.ts';
import { connectionsKey, deleteConnection, testConnection, updateConnection, useConnections, type Connection } from './api.ts';
import { ConnectModal } from './ConnectModal.tsx';
import './connections.css';

type Dialog =
  | { kind: 'choose-app' }
  | { kind: 'connect'; app: AppManifest }
  | { kind: 'credentials'; app: AppManifest; connection: Connection }
  | { kind: 'rename'; connection: Connection }
  | { kind: 'delete'; connection: Connection };

export function ConnectionsPage() {
  const workspace = useCurrentWorkspace();
  const queryClient = useQueryClient();
  const connections = useConnections(workspace.id);
  const apps = useApps();
  const catalog = catalogOf(apps.data);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const writable = canWrite(workspace.role);
  const connectable = catalog.apps.filter((app) => app.auth !== null);

  const remove = useMutation({
    mutationFn: (connection: Connection) => deleteConnection(workspace.id, connection.id),
    onSuccess: async () => {
      setDialog(null);
      await queryClient.invalidateQueries({ queryKey: connectionsKey(workspace.id) });
    },
  });

  const groups = new Map<string, Connection[]>();
  for (const connection of connections.data ?? []) groups.set(connection.app, [...(groups.get(connection.app) ?? []), connection]);
  const appKeys = [...groups.keys()].sort((a, b) => catalog.appName(a).localeCompare(catalog.appName(b)));

  const addButton = writable && (
    <Button variant="primary" onClick={() => setDialog({ kind: 'choose-app' })} disabled={apps.isPending}>
      <PlusIcon /> Add connection
    </Button>
  );

  return (
    <Page
      title="Connections"
      description="The accounts your zaps use to reach other services. Credentials are tested when saved, stored encrypted and never shown again."
      actions={addButton}
    >
      <ErrorBanner title="Could not load the app catalog" error={apps.error} onRetry={() => void apps.refetch()} />
      {connections.isPending ? (
        <Loading label="Loading connections…" />
      ) : connections.isError ? (
        <ErrorBanner title="Could not load connections" error={connections.error} onRetry={() => void connections.refetch()} />
      ) : appKeys.length === 0 ? (
        <section className="card">
          <EmptyState title="No connections yet" action={addButton || undefined}>
            <p>Connect Pipedrive, Daktela, Twenty or another service once, then use the account in any zap of {workspace.name}.</p>
          </EmptyState>
        </section>
      ) : (
        appKeys.map((appKey) => {
          const app = catalog.app(appKey);
          return (
            <section key={appKey} className="card card-flush" aria-labelledby={`connections-${appKey}`}>
              <div className="card-title-padded connection-app-head">
                <h2 id={`connections-${appKey}`} className="card-title connection-app-title">
                  <AppBadge appKey={appKey} name={catalog.appName(appKey)} />
                  {catalog.appName(appKey)}
                </h2>
                {writable && app && (
                  <Button size="sm" onClick={() => setDialog({ kind: 'connect', app })} aria-label={`Connect another ${app.name} account`}>
                    <PlusIcon /> Connect another
                  </Button>
                )}
              </div>
              <DataTable columns={['Name', 'Status', 'Last tested', 'Used by']} actions>
                {(groups.get(appKey) ?? []).map((connection) => (
                  <ConnectionRow
                    key={connection.id}
                    connection={connection}
                    writable={writable}
                    onRename={() => setDialog({ kind: 'rename', connection })}
                    onCredentials={app ? () => setDialog({ kind: 'credentials', app, connection }) : undefined}
                    onDelete={() => setDialog({ kind: 'delete', connection })}
                  />
                ))}
              </DataTable>
            </section>
          );
        })
      )}

      {dialog?.kind === 'choose-app' && (
        <Modal title="Add a connection" onClose={() => setDialog(null)}>
          <p className="modal-body">Which service do you want to connect?</p>
          {connectable.length === 0 ? (
            <p className="muted">No app in the catalog needs an account.</p>
          ) : (
            <AppPicker apps={connectable} onPick={(app) => setDialog({ kind: 'connect', app })} autoFocus />
          )}
          <div className="modal-actions">
            <Button onClick={() => setDialog(null)}>Cancel</Button>
          </div>
        </Modal>
      )}
      {dialog?.kind === 'connect' && (
        <ConnectModal
          app={dialog.app}
          suggestedName={groups.has(dialog.app.key) ? `${dialog.app.name} account ${(groups.get(dialog.app.key)?.length ?? 0) + 1}` : undefined}
          onClose={() => setDialog(null)}
          onDone={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'credentials' && (
        <ConnectModal app={dialog.app} connection={dialog.connection} onClose={() => setDialog(null)} onDone={() => setDialog(null)} />
      )}
      {dialog?.kind === 'rename' && <RenameDialog connection={dialog.connection} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'delete' && (
        <ConfirmDialog
          title={`Delete “${dialog.connection.name}”?`}
          confirmLabel="Delete connection"
          busy={remove.isPending}
          error={remove.error}
          onConfirm={() => remove.mutate(dialog.connection)}
          onCancel={() => {
            remove.reset();
            setDialog(null);
          }}
        >
          {(dialog.connection.usedBy ?? 0) > 0 ? (
            <div className="banner banner-warning">
              <div className="banner-text">
                <p className="banner-title">{dialog.connection.usedBy === 1 ? '1 zap uses' : `${dialog.connection.usedBy} zaps use`} this connection.</p>
                <p>Their steps that use it will fail until you choose another account in each of them.</p>
              </div>
            </div>
          ) : (
            <p>No zap uses this connection. Its stored credentials are erased.</p>
          )}
        </ConfirmDialog>
      )}
    </Page>
  );
}

function ConnectionRow({
  connection,
  writable,
  onRename,
  onCredentials,
  onDelete,
}: {
  connection: Connection;
  writable: boolean;
  onRename: () => void;
  onCredentials: (() => void) | undefined;
  onDelete: () => void;
}) {
  const workspace = useCurrentWorkspace();
  const queryClient = useQueryClient();
  const test = useMutation({
    mutationFn: () => testConnection(workspace.id, connection.id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: connectionsKey(workspace.id) }),
  });
  const usedBy = connection.usedBy ?? 0;
  return (
    <tr>
      <td data-label="Name">
        <span className="key-name">{connection.name}</span>
      </td>
      <td data-label="Status">
        <span className="connection-status">
          {connection.status === 'ok' ? <span className="badge badge-success">Working</span> : <span className="badge badge-danger">Failing</span>}
          {connection.status === 'error' && connection.statusMessage && <span className="connection-message">{connection.statusMessage}</span>}
          <span role="status" className="connection-test-result">
            {test.isSuccess && (test.data.ok ? 'Test passed.' : `Test failed: ${test.data.message}`)}
            {test.isError && `Could not test: ${test.error.message}`}
          </span>
        </span>
      </td>
      <td data-label="Last tested">{connection.lastTestedAt ? <Time value={connection.lastTestedAt} relative /> : <span className="muted">Never</span>}</td>
      <td data-label="Used by">{usedBy === 0 ? <span className="muted">No zaps</span> : `${usedBy} zap${usedBy === 1 ? '' : 's'}`}</td>
      <td className="cell-actions">
        <span className="row-actions">
          <Button size="sm" busy={test.isPending} onClick={() => test.mutate()} aria-label={`Test ${connection.name}`}>
            {test.isPending ? 'Testing…' : 'Test'}
          </Button>
          {writable && (
            <Menu
              label={`More actions for ${connection.name}`}
              items={[
                { label: 'Rename', onSelect: onRename },
                ...(onCredentials ? [{ label: 'Update credentials', onSelect: onCredentials }] : []),
                { label: 'Delete', onSelect: onDelete, danger: true },
              ]}
            />
          )}
        </span>
      </td>
    </tr>
  );
}

function RenameDialog({ connection, onClose }: { connection: Connection; onClose: () => void }) {
  const workspace = useCurrentWorkspace();
  const queryClient = useQueryClient();
  const [name, setName] = useState(connection.name);
  const [localError, setLocalError] = useState<string | undefined>();
  const rename = useMutation({
    mutationFn: (next: string) => updateConnection(workspace.id, connection.id, { name: next }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: connectionsKey(workspace.id) });
      onClose();
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    if (name.trim() === '') {
      setLocalError('Give the connection a name.');
      focusFirstInvalid(form);
      return;
    }
    rename.mutate(name.trim());
  };
  return (
    <Modal title={`Rename “${connection.name}”`} onClose={onClose}>
      <form className="form" noValidate onSubmit={submit}>
        <ErrorBanner error={rename.error} />
        <TextField
          label="Connection name"
          value={name}
          autoComplete="off"
          error={localError ?? fieldErrors(rename.error).name}
          onChange={(event) => {
            setName(event.target.value);
            setLocalError(undefined);
          }}
        />
        <div className="modal-actions">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" busy={rename.isPending}>
            Save
          </Button>
        </div>
      </form>
    </Modal>
  );
}
