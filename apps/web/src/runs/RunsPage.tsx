// Run history: every run of the workspace or of one zap, filtered by status and time, refreshing by itself.
import { useState } from 'react';
import type { RunStatus } from '@switchyard/contracts';
import { Link, navigate, useLocation } from '../router.tsx';
import { ListTable } from '../ui/DataTable.tsx';
import { EmptyState } from '../ui/EmptyState.tsx';
import { Page } from '../ui/Page.tsx';
import { Time } from '../ui/Time.tsx';
import { useCurrentWorkspace } from '../workspaces/current.tsx';
import { useZapNames } from '../zaps/api.ts';
import { formatDuration, RUN_STATUS_LABELS, RUN_STATUSES, runDuration, useRunList, type RunFilters } from './api.ts';
import { RunStatusBadge } from './RunStatusBadge.tsx';
import './runs.css';

export const TIME_RANGES = [
  { value: 'all', label: 'Any time', ms: undefined },
  { value: '1h', label: 'Last hour', ms: 3600_000 },
  { value: '24h', label: 'Last 24 hours', ms: 24 * 3600_000 },
  { value: '7d', label: 'Last 7 days', ms: 7 * 24 * 3600_000 },
  { value: '30d', label: 'Last 30 days', ms: 30 * 24 * 3600_000 },
  { value: 'custom', label: 'Between two times…', ms: undefined },
] as const;

const REFRESH_MS = 5000;

/** `datetime-local` values are local times without a zone; the API wants ISO instants. */
function toIso(local: string): string | undefined {
  if (!local) return undefined;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

export function RunsPage() {
  const workspace = useCurrentWorkspace();
  const { search } = useLocation();
  const zapId = search.get('zapId') ?? '';
  const status = (search.get('status') ?? '') as RunStatus | '';
  const range = search.get('range') ?? 'all';
  const from = search.get('from') ?? '';
  const to = search.get('to') ?? '';
  const [live, setLive] = useState(true);
  const zapNames = useZapNames(workspace.id);
  const nameOf = (id: string) => zapNames.data?.find((zap) => zap.id === id)?.name;

  const setFilter = (changes: Record<string, string>) => {
    const next = new URLSearchParams(search);
    for (const [key, value] of Object.entries(changes)) {
      if (value === '' || (key === 'range' && value === 'all')) next.delete(key);
      else next.set(key, value);
    }
    const query = next.toString();
    navigate(`/w/${encodeURIComponent(workspace.id)}/runs${query ? `?${query}` : ''}`, { replace: true });
  };

  const preset = TIME_RANGES.find((candidate) => candidate.value === range) ?? TIME_RANGES[0];
  const filters: RunFilters & { windowMs?: number | undefined } = {
    zapId: zapId || undefined,
    status: status || undefined,
    windowMs: preset.ms,
    from: range === 'custom' ? toIso(from) : undefined,
    to: range === 'custom' ? toIso(to) : undefined,
  };
  const runs = useRunList(workspace.id, filters, { refetchInterval: live ? REFRESH_MS : false });
  const zapName = zapId ? nameOf(zapId) : undefined;
  const filtered = zapId !== '' || status !== '' || range !== 'all';

  return (
    <Page
      title="Run history"
      description={
        zapId ? <>Runs of {zapName ? <strong>{zapName}</strong> : 'one zap'}, newest first.</> : 'Every run of every zap in this workspace, newest first.'
      }
    >
      <section className="card filters" aria-label="Filters">
        <div className="filters-row">
          <label className="filter">
            <span className="field-label">Zap</span>
            <select className="input select" value={zapId} onChange={(event) => setFilter({ zapId: event.target.value })}>
              <option value="">All zaps</option>
              {zapNames.data?.map((zap) => (
                <option key={zap.id} value={zap.id}>
                  {zap.name}
                </option>
              ))}
              {zapId && !zapName && <option value={zapId}>This zap</option>}
            </select>
          </label>
          <label className="filter">
            <span className="field-label">Status</span>
            <select className="input select" value={status} onChange={(event) => setFilter({ status: event.target.value })}>
              <option value="">Any status</option>
              {RUN_STATUSES.map((value) => (
                <option key={value} value={value}>
                  {RUN_STATUS_LABELS[value]}
                </option>
              ))}
            </select>
          </label>
          <label className="filter">
            <span className="field-label">Time</span>
            <select className="input select" value={range} onChange={(event) => setFilter({ range: event.target.value })}>
              {TIME_RANGES.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </label>
          {range === 'custom' && (
            <>
              <label className="filter">
                <span className="field-label">From</span>
                <input className="input" type="datetime-local" value={from} onChange={(event) => setFilter({ from: event.target.value })} />
              </label>
              <label className="filter">
                <span className="field-label">To</span>
                <input className="input" type="datetime-local" value={to} onChange={(event) => setFilter({ to: event.target.value })} />
              </label>
            </>
          )}
        </div>
        <div className="filters-foot">
          <label className="checkbox">
            <input type="checkbox" checked={live} onChange={(event) => setLive(event.target.checked)} />
            Refresh every {REFRESH_MS / 1000} seconds
          </label>
          {runs.isFetching && !runs.isPending && (
            <span className="muted refreshing" role="status">
              Refreshing…
            </span>
          )}
          {filtered && (
            <button type="button" className="link-button" onClick={() => setFilter({ zapId: '', status: '', range: '', from: '', to: '' })}>
              Clear filters
            </button>
          )}
        </div>
      </section>

      <section className="card card-flush" aria-label="Runs">
        <ListTable
          list={runs}
          loadingLabel="Loading runs…"
          errorTitle="Could not load the runs"
          empty={
            <EmptyState title={filtered ? 'No run matches these filters' : 'No runs yet'}>
              <p>
                {filtered
                  ? 'Try another status or a longer time range.'
                  : 'A run is recorded each time a zap that is on is triggered: a request on its hook URL, a new record found by a poll, a schedule or “run now”.'}
              </p>
            </EmptyState>
          }
          // Refreshing by itself, the list also says when a refresh failed.
          moreError={runs.isFetchNextPageError || runs.isRefetchError ? runs.error : null}
          columns={['Status', 'Zap', 'Started', 'Duration', 'Details']}
          className="runs-table"
          row={(run) => {
            const when = run.startedAt ?? run.createdAt;
            return (
              <tr key={run.id}>
                <td data-label="Status">
                  <RunStatusBadge status={run.status} />
                </td>
                <td data-label="Zap">
                  <Link to={`/w/${encodeURIComponent(workspace.id)}/runs/${encodeURIComponent(run.id)}`} className="run-link">
                    {nameOf(run.zapId) ?? 'Zap'}
                    <span className="visually-hidden">, run of {new Date(when).toLocaleString()}</span>
                  </Link>
                  {run.zapVersion !== null && <span className="muted run-version"> v{run.zapVersion}</span>}
                </td>
                <td data-label="Started">
                  <Time value={when} withTime />
                </td>
                <td data-label="Duration">{formatDuration(runDuration(run))}</td>
                <td data-label="Details" className="run-error">
                  {run.error ? <span title={run.error}>{run.error}</span> : <span className="muted">—</span>}
                </td>
              </tr>
            );
          }}
        />
      </section>
    </Page>
  );
}
