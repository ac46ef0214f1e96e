// A fake downstream service that honours Idempotency-Key as real APIs do (a repeated key is answered, not performed again),
// counts what it performed and received per key, and answers slowly or with errors on demand.
import { startLocalServer, type LocalServer } from './local-server.ts';

export interface CountingServer {
  url: string;
  port: number;
  /** Times each Idempotency-Key (a step of a run) was performed: more than one would be a duplicate action. */
  performed(): Map<string, number>;
  /** Requests received per key, repeats included (a retried or resumed step sends its key again). */
  received(): Map<string, number>;
  total(): number;
  /** The next `count` calls answer `status` (with Retry-After for 429). */
  failNext(count: number, status: 500 | 502 | 503 | 429, retryAfterSeconds?: number): void;
  close(): Promise<void>;
}

export async function startCountingServer(): Promise<CountingServer> {
  const performed = new Map<string, number>();
  const received = new Map<string, number>();
  const results = new Map<string, Promise<string>>();
  let failures: { left: number; status: number; retryAfter: number } = { left: 0, status: 500, retryAfter: 0 };
  let total = 0;
  const server: LocalServer = await startLocalServer((request, response) => {
    if (failures.left > 0) {
      failures.left -= 1;
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (failures.status === 429) headers['retry-after'] = String(failures.retryAfter);
      response.writeHead(failures.status, headers).end(JSON.stringify({ error: `failing on purpose (${failures.status})` }));
      return;
    }
    total += 1;
    const key = String(request.headers['idempotency-key'] ?? 'none');
    received.set(key, (received.get(key) ?? 0) + 1);
    let result = results.get(key);
    if (!result) {
      performed.set(key, (performed.get(key) ?? 0) + 1);
      let body: { delayMs?: number; payload?: unknown } = {};
      try {
        body = request.body ? (JSON.parse(request.body) as typeof body) : {};
      } catch {
        body = {};
      }
      const answer = JSON.stringify({ ok: true, key, received: body.payload ?? null });
      const delay = Math.min(body.delayMs ?? 0, 60_000);
      result = delay > 0 ? new Promise((resolve) => setTimeout(() => resolve(answer), delay)) : Promise.resolve(answer);
      results.set(key, result);
    }
    void result.then((answer) => {
      if (!response.destroyed) response.writeHead(200, { 'content-type': 'application/json' }).end(answer);
    });
  });
  return {
    url: `${server.origin}/calls`,
    port: server.port,
    performed: () => new Map(performed),
    received: () => new Map(received),
    total: () => total,
    failNext(count, status, retryAfterSeconds = 1) {
      failures = { left: count, status, retryAfter: retryAfterSeconds };
    },
    close: () => server.close(),
  };
}
