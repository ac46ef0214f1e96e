// Chooses the account a trigger or step uses, or connects a new one without leaving the builder.
import { useState } from 'react';
import type { AppManifest } from '../catalog/api.ts';
import { Button } from '../ui/Button.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { Field } from '../ui/Field.tsx';
import { PlusIcon } from '../ui/icons.tsx';
import { useCurrentWorkspace } from '../workspaces/current.tsx';
import { useConnections } from './api.ts';
import { ConnectModal } from './ConnectModal.tsx';
import './connections.css';

export function ConnectionPicker({
  app,
  value,
  onChange,
  error,
  readOnly = false,
}: {
  app: AppManifest;
  value: string | undefined;
  onChange: (connectionId: string | undefined) => void;
  error?: string | undefined;
  readOnly?: boolean;
}) {
  const workspace = useCurrentWorkspace();
  const connections = useConnections(workspace.id);
  const [connecting, setConnecting] = useState(false);
  const mine = (connections.data ?? []).filter((connection) => connection.app === app.key);
  const selected = mine.find((connection) => connection.id === value);

  return (
    <div className="connection-picker">
      {connections.isError ? (
        <ErrorBanner title="Could not load your accounts" error={connections.error} onRetry={() => void connections.refetch()} />
      ) : (
        <Field
          label={`${app.name} account`}
          error={error}
          hint={
            connections.isPending
              ? 'Loading your accounts…'
              : mine.length === 0
                ? `No ${app.name} account is connected in this workspace yet.`
                : selected?.status === 'error'
                  ? `The last test of this account failed: ${selected.statusMessage ?? 'unknown reason'}.`
                  : undefined
          }
        >
          {(control) => (
            <div className="connection-row">
              <select
                className="input select"
                {...control}
                value={value ?? ''}
                disabled={connections.isPending || readOnly}
                onChange={(event) => onChange(event.target.value || undefined)}
              >
                <option value="">{mine.length === 0 ? 'No account yet' : 'Choose an account…'}</option>
                {mine.map((connection) => (
                  <option key={connection.id} value={connection.id}>
                    {connection.name}
                    {connection.status === 'error' ? ' (failing)' : ''}
                  </option>
                ))}
                {value && !selected && !connections.isPending && <option value={value}>Unknown account</option>}
              </select>
              {!readOnly && (
                <Button onClick={() => setConnecting(true)}>
                  <PlusIcon /> Connect {mine.length === 0 ? app.name : 'another'}
                </Button>
              )}
            </div>
          )}
        </Field>
      )}
      {connecting && (
        <ConnectModal
          app={app}
          suggestedName={mine.length === 0 ? `${app.name} account` : `${app.name} account ${mine.length + 1}`}
          onClose={() => setConnecting(false)}
          onDone={(connection) => {
            setConnecting(false);
            onChange(connection.id);
          }}
        />
      )}
    </div>
  );
}
