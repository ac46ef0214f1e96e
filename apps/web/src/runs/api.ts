// Run history over the API: the filtered list, one run with its steps, and replays.
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { Run, RunStatus, RunSummary, StepRecord } from '@switchyard/contracts';
import { api, wsPath, type Page } from '../api.ts';
import { workspaceKey } from '../workspaces/current.tsx';

export type { Run, RunStatus, RunSummary, StepRecord };

export const RUN_STATUSES: readonly RunStatus[] = ['queued', 'running', 'waiting', 'succeeded', 'failed', 'filtered'];

/** Runs still moving: their pages refresh by themselves. */
export const UNFINISHED: readonly RunStatus[] = ['queued', 'running', 'waiting'];

export type RunFilters = { zapId?: string | undefined; status?: RunStatus | undefined; from?: string | undefined; to?: string | undefined };

export const runsKey = (workspaceId: string) => workspaceKey(workspaceId, 'runs');

const PAGE_SIZE = 50;

/**
 * The run list for the filters; `window` (e.g. the last 24 hours) is turned into `from` at each fetch,
 * so an auto-refreshing list keeps a moving window.
 */
export function useRunList(
  workspaceId: string,
  filters: RunFilters & { windowMs?: number | undefined },
  { refetchInterval }: { refetchInterval: number | false },
) {
  return useInfiniteQuery({
    queryKey: [...runsKey(workspaceId), 'list', filters],
    queryFn: ({ pageParam, signal }) => {
      const from = filters.windowMs ? new Date(Date.now() - filters.windowMs).toISOString() : filters.from;
      return api<Page<RunSummary>>(wsPath(workspaceId, 'runs'), {
        query: { limit: PAGE_SIZE, cursor: pageParam, zapId: filters.zapId, status: filters.status, from, to: filters.to },
        signal,
      });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    select: (data) => data.pages.flatMap((page) => page.data),
    refetchInterval,
    placeholderData: (previous) => previous,
  });
}

export function useRun(workspaceId: string, runId: string) {
  return useQuery({
    queryKey: [...runsKey(workspaceId), runId],
    queryFn: ({ signal }) => api<Run>(wsPath(workspaceId, 'runs', runId), { signal }),
    // A run that is still going is polled until it ends.
    refetchInterval: (query) => (query.state.data && UNFINISHED.includes(query.state.data.status) ? 2000 : false),
  });
}

export function replayRun(workspaceId: string, runId: string, from: 'start' | 'failed_step'): Promise<{ runId: string }> {
  return api<{ runId: string }>(wsPath(workspaceId, 'runs', runId, 'replay'), { method: 'POST', body: { from } });
}

/** The latest run of a zap, builder tests included: where the builder finds test data after a reload. */
export async function latestRun(workspaceId: string, zapId: string, options: { includeTests: boolean; signal?: AbortSignal }): Promise<RunSummary | null> {
  const page = await api<Page<RunSummary>>(wsPath(workspaceId, 'runs'), {
    query: { zapId, limit: 1, includeTests: options.includeTests ? 'true' : undefined },
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return page.data[0] ?? null;
}

export function fetchRun(workspaceId: string, runId: string, signal?: AbortSignal): Promise<Run> {
  return api<Run>(wsPath(workspaceId, 'runs', runId), signal ? { signal } : {});
}

export const RUN_STATUS_LABELS: Record<RunStatus, string> = {
  queued: 'Queued',
  running: 'Running',
  waiting: 'Waiting',
  succeeded: 'Succeeded',
  failed: 'Failed',
  filtered: 'Filtered',
};

/** "1.2 s", "340 ms", "3 min 5 s". */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return minutes < 60 ? `${minutes} min ${seconds} s` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export function runDuration(run: { startedAt: string | null; finishedAt: string | null }): number | null {
  if (!run.startedAt || !run.finishedAt) return null;
  return Date.parse(run.finishedAt) - Date.parse(run.startedAt);
}
