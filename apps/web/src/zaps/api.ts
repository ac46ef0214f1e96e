// Zaps over the API: list, read, create, save drafts, publish, test, export/import, hook samples and "run now".
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { Run, Zap } from '@switchyard/contracts';
import { api, wsPath, type ErrorDetail, type Page } from '../api.ts';
import type { ZapDraft } from '../builder/draft.ts';
import { workspaceKey } from '../workspaces/current.tsx';

export type ExportedZap = { switchyard: 1; zap: ZapDraft };

export const zapsKey = (workspaceId: string) => workspaceKey(workspaceId, 'zaps');
export const zapKey = (workspaceId: string, zapId: string) => [...zapsKey(workspaceId), zapId] as const;

const PAGE_SIZE = 50;

export function useZapList(workspaceId: string, filters: { q: string; status: '' | 'on' | 'off' }) {
  return useInfiniteQuery({
    queryKey: [...zapsKey(workspaceId), 'list', filters],
    queryFn: ({ pageParam, signal }) =>
      api<Page<Zap>>(wsPath(workspaceId, 'zaps'), {
        query: { limit: PAGE_SIZE, cursor: pageParam, q: filters.q || undefined, status: filters.status || undefined },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    select: (data) => data.pages.flatMap((page) => page.data),
    placeholderData: (previous) => previous,
  });
}

/** Every zap's name by id, for run history (first 200 zaps). */
export function useZapNames(workspaceId: string) {
  return useQuery({
    queryKey: [...zapsKey(workspaceId), 'names'],
    queryFn: ({ signal }) => api<Page<Zap>>(wsPath(workspaceId, 'zaps'), { query: { limit: 200 }, signal }),
    select: (page) => page.data.map((zap) => ({ id: zap.id, name: zap.name })),
  });
}

export function useZap(workspaceId: string, zapId: string | undefined) {
  return useQuery({
    queryKey: zapKey(workspaceId, zapId ?? ''),
    enabled: zapId !== undefined && zapId !== '',
    queryFn: ({ signal }) => api<Zap>(wsPath(workspaceId, 'zaps', zapId ?? ''), { signal }),
    // The builder owns the draft once loaded: a background refetch must not look like an edit.
    staleTime: Infinity,
  });
}

export function createZap(workspaceId: string, draft: ZapDraft): Promise<Zap> {
  return api<Zap>(wsPath(workspaceId, 'zaps'), { method: 'POST', body: draft });
}

export function saveZap(workspaceId: string, zapId: string, draft: ZapDraft, signal?: AbortSignal): Promise<Zap> {
  return api<Zap>(wsPath(workspaceId, 'zaps', zapId), { method: 'PUT', body: draft, ...(signal ? { signal } : {}) });
}

export function deleteZap(workspaceId: string, zapId: string): Promise<void> {
  return api<void>(wsPath(workspaceId, 'zaps', zapId), { method: 'DELETE' });
}

export function publishZap(workspaceId: string, zapId: string): Promise<Zap> {
  return api<Zap>(wsPath(workspaceId, 'zaps', zapId, 'publish'), { method: 'POST' });
}

export function unpublishZap(workspaceId: string, zapId: string): Promise<Zap> {
  return api<Zap>(wsPath(workspaceId, 'zaps', zapId, 'unpublish'), { method: 'POST' });
}

export function zapProblems(workspaceId: string, zapId: string, signal?: AbortSignal): Promise<{ problems: ErrorDetail[] }> {
  return api<{ problems: ErrorDetail[] }>(wsPath(workspaceId, 'zaps', zapId, 'problems'), signal ? { signal } : {});
}

export type TestInput = { triggerSample?: Record<string, unknown>; upToStep?: string };

export function testZap(workspaceId: string, zapId: string, input: TestInput): Promise<Run> {
  return api<Run>(wsPath(workspaceId, 'zaps', zapId, 'test'), { method: 'POST', body: input });
}

export function exportZap(workspaceId: string, zapId: string): Promise<ExportedZap> {
  return api<ExportedZap>(wsPath(workspaceId, 'zaps', zapId, 'export'));
}

export function importZap(workspaceId: string, document: unknown): Promise<Zap> {
  return api<Zap>(wsPath(workspaceId, 'zaps', 'import'), { method: 'POST', body: document });
}

export function runZapNow(workspaceId: string, zapId: string, data?: Record<string, unknown>): Promise<{ runId: string }> {
  return api<{ runId: string }>(wsPath(workspaceId, 'zaps', zapId, 'run'), { method: 'POST', body: data === undefined ? {} : { data } });
}

/**
 * The latest trigger data of a zap, newest first: requests its catch hook kept while listening (`source: "sample"`)
 * and real events. For a catch hook `data` is `{method, query, headers, body}`.
 */
export type HookSample = { id: string; source?: string; receivedAt: string; data: unknown };

/** The HTTP method of a catch-hook request, when the data is one. */
export function sampleMethod(sample: HookSample): string | null {
  const data = sample.data;
  return data !== null && typeof data === 'object' && 'method' in data && typeof data.method === 'string' ? data.method : null;
}

export function listenForSamples(workspaceId: string, zapId: string): Promise<{ listeningUntil: string }> {
  return api<{ listeningUntil: string }>(wsPath(workspaceId, 'zaps', zapId, 'samples', 'listen'), { method: 'POST' });
}

export function hookSamples(workspaceId: string, zapId: string, signal?: AbortSignal): Promise<{ data: HookSample[] }> {
  return api<{ data: HookSample[] }>(wsPath(workspaceId, 'zaps', zapId, 'samples'), signal ? { signal } : {});
}

/** Saves a portable zap document as a file the browser downloads. */
export function downloadJson(fileName: string, value: unknown): void {
  const blob = new Blob([JSON.stringify(value, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function fileNameFor(name: string): string {
  const slug =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'zap';
  return `${slug}.switchyard.json`;
}
