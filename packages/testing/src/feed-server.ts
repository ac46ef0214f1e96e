// A fake service with a list of items that change, paged like real APIs, for testing polling triggers end to end.
import { startLocalServer } from './local-server.ts';

export interface FeedItem {
  id: string;
  title: string;
  updatedAt: string;
}

export interface FeedServer {
  url: string;
  port: number;
  add(title: string): FeedItem;
  update(id: string, title: string): FeedItem;
  /** The next `count` requests answer `status` (401 for a revoked token, 500 for an outage). */
  failNext(count: number, status: number): void;
  requests(): number;
  close(): Promise<void>;
}

/** Items newest first by updatedAt; `?since=` filters; `?page=` pages by 2 so pollers must follow paging. */
export async function startFeedServer(): Promise<FeedServer> {
  const items: FeedItem[] = [];
  let clock = Date.parse('2026-01-01T00:00:00Z');
  let failures = { left: 0, status: 500 };
  let count = 0;
  const tick = () => {
    clock += 1000;
    return new Date(clock).toISOString();
  };
  const server = await startLocalServer((request, response) => {
    count += 1;
    if (failures.left > 0) {
      failures.left -= 1;
      response
        .writeHead(failures.status, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: failures.status === 401 ? 'invalid token' : 'outage' }));
      return;
    }
    const url = new URL(request.url, 'http://feed');
    const since = url.searchParams.get('since');
    const page = Number(url.searchParams.get('page') ?? '0');
    const matching = [...items].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)).filter((item) => !since || item.updatedAt > since);
    const slice = matching.slice(page * 2, page * 2 + 2);
    const next = matching.length > (page + 1) * 2 ? page + 1 : null;
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ items: slice, nextPage: next }));
  });
  return {
    url: `${server.origin}/items`,
    port: server.port,
    add(title) {
      const item = { id: `item-${items.length + 1}`, title, updatedAt: tick() };
      items.push(item);
      return item;
    },
    update(id, title) {
      const item = items.find((candidate) => candidate.id === id);
      if (!item) throw new Error(`no item ${id}`);
      Object.assign(item, { title, updatedAt: tick() });
      return item;
    },
    failNext(n, status) {
      failures = { left: n, status };
    },
    requests: () => count,
    close: () => server.close(),
  };
}
