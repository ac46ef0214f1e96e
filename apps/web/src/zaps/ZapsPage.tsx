// The workspace's zaps: search, on/off, last run, and create, duplicate, export, import and delete.
import { useEffect, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../api.ts';
import { catalogOf, useApps } from '../catalog/api.ts';
import { AppBadge } from '../catalog/AppBadge.tsx';
import { Link, navigate } from '../router.tsx';
import { RunStatusBadge } from '../runs/RunStatusBadge.tsx';
import { Button } from '../ui/Button.tsx';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { DataTable } from '../ui/DataTable.tsx';
import { EmptyState } from '../ui/EmptyState.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { PlusIcon, SearchIcon } from '../ui/icons.tsx';
import { LoadMore } from '../ui/LoadMore.tsx';
import { Loading } from '../ui/Loading.tsx';
import { Menu } from '../ui/Menu.tsx';
import { Page } from '../ui/Page.tsx';
import { Switch } from '../ui/Switch.tsx';
import { Time } from '../ui/Time.tsx';
import { useCurrentWorkspace } from '../workspaces/current.tsx';
import { canWrite } from '../workspaces/roles.ts';
import type { Zap } from '@switchyard/contracts';
import { createZap, deleteZap, downloadJson, exportZap, fileNameFor, publishZap, unpublishZap, useZapList, zapsKey } from './api.ts';
import { ImportZapDialog } from './ImportZapDialog.tsx';
import './zaps.css';

type RowError = { zap: Zap; action: string; error: Error };

export function ZapsPage() {
  const workspace = useCurrentWorkspace();
  const queryClient = useQueryClient();
  const apps = useApps();
  const catalog = catalogOf(apps.data);
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<'' | 'on' | 'off'>('');
  const [toDelete, setToDelete] = useState<Zap | null>(null);
  const [importing, setImporting] = useState(false);
  const [rowError, setRowError] = useState<RowError | null>(null);
  const writable = canWrite(workspace.role);
  const base = `/w/${encodeURIComponent(workspace.id)}`;

  useEffect(() => {
    const timer = setTimeout(() => setQ(search.trim()), 250);
    return () => clearTimeout(timer);
  }, [search]);

  const zaps = useZapList(workspace.id, { q, status });
  const refresh = () => queryClient.invalidateQueries({ queryKey: zapsKey(workspace.id) });

  const remove = useMutation({
    mutationFn: (zap: Zap) => deleteZap(workspace.id, zap.id),
    onSuccess: async () => {
      setToDelete(null);
      await refresh();
    },
  });
  const toggle = useMutation({
    mutationFn: ({ zap, on }: { zap: Zap; on: boolean }) => (on ? publishZap(workspace.id, zap.id) : unpublishZap(workspace.id, zap.id)),
    onMutate: () => setRowError(null),
    onSuccess: () => refresh(),
    onError: (error, { zap, on }) => setRowError({ zap, action: on ? `turn on “${zap.name}”` : `turn off “${zap.name}”`, error }),
  });
  const duplicate = useMutation({
    mutationFn: (zap: Zap) => createZap(workspace.id, { name: `${zap.name} (copy)`.slice(0, 200), trigger: zap.trigger, steps: zap.steps }),
    onMutate: () => setRowError(null),
    onSuccess: () => refresh(),
    onError: (error, zap) => setRowError({ zap, action: `duplicate “${zap.name}”`, error }),
  });
  const exporter = useMutation({
    mutationFn: async (zap: Zap) => downloadJson(fileNameFor(zap.name), await exportZap(workspace.id, zap.id)),
    onMutate: () => setRowError(null),
    onError: (error, zap) => setRowError({ zap, action: `export “${zap.name}”`, error }),
  });

  const filtered = q !== '' || status !== '';

  return (
    <Page
      title="Zaps"
      description="Automations that run when something happens in one of your apps."
      actions={
        writable && (
          <>
            <Button onClick={() => setImporting(true)}>Import</Button>
            <Link className="btn btn-primary" to={`${base}/zaps/new`}>
              <PlusIcon /> Create zap
            </Link>
          </>
        )
      }
    >
      {/* biome-ignore lint/a11y/useSemanticElements: the <search> element is too new for jsdom, where the tests render; the role gives the same landmark. */}
      <div className="toolbar" role="search">
        <div className="search-box grow">
          <SearchIcon />
          <input
            type="search"
            className="input"
            aria-label="Search zaps by name"
            placeholder="Search zaps by name"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
        </div>
        <select
          className="input select toolbar-select"
          aria-label="Show zaps"
          value={status}
          onChange={(event) => setStatus(event.target.value as '' | 'on' | 'off')}
        >
          <option value="">All zaps</option>
          <option value="on">On</option>
          <option value="off">Off</option>
        </select>
      </div>

      {rowError && (
        <div className="row-error">
          <ErrorBanner
            title={`Could not ${rowError.action}`}
            error={rowError.error}
            details={rowError.error instanceof ApiError ? rowError.error.details : []}
          />
          {rowError.error instanceof ApiError && rowError.error.status === 422 && (
            <Link to={`${base}/zaps/${encodeURIComponent(rowError.zap.id)}`}>Open “{rowError.zap.name}” to fix it</Link>
          )}
        </div>
      )}

      {zaps.isPending ? (
        <Loading label="Loading zaps…" />
      ) : zaps.isError && !zaps.data ? (
        <ErrorBanner title="Could not load zaps" error={zaps.error} onRetry={() => void zaps.refetch()} />
      ) : zaps.data.length === 0 ? (
        <section className="card">
          {filtered ? (
            <EmptyState title="No zap matches">
              <p>
                Nothing is called “{q}”{status ? ` among the zaps that are ${status}` : ''}. Try another name.
              </p>
            </EmptyState>
          ) : (
            <EmptyState
              title="No zaps yet"
              action={
                writable && (
                  <Link className="btn btn-primary" to={`${base}/zaps/new`}>
                    <PlusIcon /> Create your first zap
                  </Link>
                )
              }
            >
              <p>
                A zap connects a trigger in one app to actions in others, for example a new ticket in Daktela creating a deal in Pipedrive. The zaps of{' '}
                {workspace.name} will be listed here.
              </p>
            </EmptyState>
          )}
        </section>
      ) : (
        <section className="card card-flush" aria-label="Zaps">
          <DataTable columns={['Zap', 'Status', 'Last run', 'Updated']} actions className="zaps-table">
            {zaps.data.map((zap) => {
              const trigger = catalog.trigger(zap.trigger.app, zap.trigger.event);
              const appName = catalog.appName(zap.trigger.app);
              const busy = toggle.isPending && toggle.variables.zap.id === zap.id;
              return (
                <tr key={zap.id}>
                  <td data-label="Zap">
                    <div className="zap-cell">
                      <AppBadge appKey={zap.trigger.app} name={appName} />
                      <div className="zap-cell-text">
                        <Link className="zap-name" to={`${base}/zaps/${encodeURIComponent(zap.id)}`}>
                          {zap.name || 'Untitled zap'}
                        </Link>
                        <span className="zap-trigger">
                          {appName} · {trigger?.name ?? zap.trigger.event}
                          {zap.status === 'on' && zap.draftDiffers && <span className="badge badge-warning">Unpublished changes</span>}
                        </span>
                      </div>
                    </div>
                  </td>
                  <td data-label="Status">
                    {writable ? (
                      <Switch
                        checked={zap.status === 'on'}
                        busy={busy}
                        label={`${zap.name}: ${zap.status === 'on' ? 'on' : 'off'}`}
                        onChange={(on) => toggle.mutate({ zap, on })}
                      />
                    ) : (
                      <span className={zap.status === 'on' ? 'badge badge-success' : 'badge'}>{zap.status === 'on' ? 'On' : 'Off'}</span>
                    )}
                    {zap.disabledReason && (
                      <span className="zap-disabled" title={zap.disabledReason}>
                        Turned off: {zap.disabledReason}
                      </span>
                    )}
                  </td>
                  <td data-label="Last run">
                    <LastRun zap={zap} />
                  </td>
                  <td data-label="Updated">
                    <span className="zap-dates">
                      <Time value={zap.updatedAt} relative />
                      <span className="muted">
                        Created <Time value={zap.createdAt} />
                      </span>
                    </span>
                  </td>
                  <td className="cell-actions">
                    <Menu
                      label={`Actions for ${zap.name}`}
                      items={[
                        { label: writable ? 'Edit' : 'Open', onSelect: () => navigate(`${base}/zaps/${encodeURIComponent(zap.id)}`) },
                        { label: 'Run history', onSelect: () => navigate(`${base}/runs?zapId=${encodeURIComponent(zap.id)}`) },
                        ...(writable ? [{ label: 'Duplicate', onSelect: () => duplicate.mutate(zap) }] : []),
                        { label: 'Export as JSON', onSelect: () => exporter.mutate(zap) },
                        ...(writable ? [{ label: 'Delete', onSelect: () => setToDelete(zap), danger: true }] : []),
                      ]}
                    />
                  </td>
                </tr>
              );
            })}
          </DataTable>
          <div className="card-pad-x">
            <ErrorBanner error={zaps.isFetchNextPageError ? zaps.error : null} />
          </div>
          <LoadMore hasMore={zaps.hasNextPage} loading={zaps.isFetchingNextPage} onLoadMore={() => void zaps.fetchNextPage()} />
        </section>
      )}

      {toDelete && (
        <ConfirmDialog
          title={`Delete “${toDelete.name}”?`}
          confirmLabel="Delete zap"
          busy={remove.isPending}
          error={remove.error}
          onConfirm={() => remove.mutate(toDelete)}
          onCancel={() => {
            remove.reset();
            setToDelete(null);
          }}
        >
          <p>
            {toDelete.status === 'on' ? 'The zap is on: it stops immediately. ' : ''}
            Its run history is deleted with it{toDelete.hookUrl ? ', and its webhook URL stops working' : ''}. This cannot be undone.
          </p>
        </ConfirmDialog>
      )}
      {importing && (
        <ImportZapDialog
          onClose={() => setImporting(false)}
          onImported={(zap) => {
            setImporting(false);
            void refresh();
            navigate(`${base}/zaps/${encodeURIComponent(zap.id)}`);
          }}
        />
      )}
    </Page>
  );
}

/** The zap's latest run, as the list reply carries it. */
function LastRun({ zap }: { zap: Zap }) {
  const workspace = useCurrentWorkspace();
  const last = zap.lastRun;
  if (!last) return <span className="muted">Never</span>;
  return (
    <Link className="last-run" to={`/w/${encodeURIComponent(workspace.id)}/runs/${encodeURIComponent(last.id)}`}>
      <RunStatusBadge status={last.status} />
      <Time value={last.createdAt} relative />
    </Link>
  );
}
