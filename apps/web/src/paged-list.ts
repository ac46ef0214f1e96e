// Cursor-paginated list queries over the API's `{data, nextCursor}` pages, flattened for rendering.
import { useInfiniteQuery, type QueryKey } from '@tanstack/react-query';
import { api, type Page } from './api.ts';

const PAGE_SIZE = 50;

export function usePagedList<T>(queryKey: QueryKey, path: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useInfiniteQuery({
    queryKey,
    enabled,
    queryFn: ({ pageParam, signal }) => api<Page<T>>(path, { query: { limit: PAGE_SIZE, cursor: pageParam }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    select: (data) => data.pages.flatMap((page) => page.data),
  });
}
