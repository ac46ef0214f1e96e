// A steady stream of catch-hook requests from a few client loops that retry, like real senders, on 503 and lost connections.

/** One request attempt the stream made; `seq` identifies the logical request, `attempt` its try. */
export interface HookAttempt {
  seq: number;
  attempt: number;
  outcome: 'accepted' | 'unavailable' | 'connection_error' | 'unexpected';
  /** When the answer (or the failure) came. */
  at: number;
  status?: number;
  eventId?: string;
  error?: string;
}

export interface HookStreamOptions {
  hookUrl: string;
  /** Client loops sending at once. */
  senders: number;
  /** Pause of each loop between two logical requests. */
  pauseMs: number;
  /** Bounds: no more logical requests than this, and none started after `durationMs`. */
  maxRequests: number;
  durationMs: number;
  /** A logical request is given up (and counted as lost by the client) after retrying this long. */
  retryForMs: number;
  /** The body of a request: it must carry `seq` and `attempt` so runs can be matched to requests. */
  body(seq: number, attempt: number): Record<string, unknown>;
}

export interface HookStream {
  attempts: HookAttempt[];
  /** Stops starting new requests; resolves when every loop has finished its current request. */
  stop(): Promise<void>;
  /** Resolves when the stream ends by its own bounds (or after stop()). */
  done: Promise<void>;
  /** Logical requests started so far. */
  started(): number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function startHookStream(options: HookStreamOptions): HookStream {
  const attempts: HookAttempt[] = [];
  const startedAt = Date.now();
  let next = 0;
  let stopping = false;

  async function send(seq: number): Promise<void> {
    const giveUpAt = Date.now() + options.retryForMs;
    for (let attempt = 1; ; attempt++) {
      let wait = 200;
      try {
        const response = await fetch(options.hookUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(options.body(seq, attempt)),
          signal: AbortSignal.timeout(10_000),
        });
        const text = await response.text();
        if (response.status === 200) {
          const reply = JSON.parse(text) as { id: string };
          attempts.push({ seq, attempt, at: Date.now(), outcome: 'accepted', status: 200, eventId: reply.id });
          return;
        }
        if (response.status !== 503) {
          attempts.push({ seq, attempt, at: Date.now(), outcome: 'unexpected', status: response.status, error: text.slice(0, 300) });
          return;
        }
        attempts.push({ seq, attempt, at: Date.now(), outcome: 'unavailable', status: 503 });
        const retryAfter = Number(response.headers.get('retry-after'));
        if (Number.isFinite(retryAfter) && retryAfter > 0) wait = Math.min(retryAfter * 1000, 1_000);
      } catch (error) {
        // Refused, reset or timed out: the request may or may not have been stored, so it is sent again as a new attempt.
        attempts.push({ seq, attempt, at: Date.now(), outcome: 'connection_error', error: (error as Error).message });
      }
      if (Date.now() + wait > giveUpAt) return;
      await sleep(wait);
    }
  }

  async function loop(): Promise<void> {
    while (!stopping && next < options.maxRequests && Date.now() - startedAt < options.durationMs) {
      const seq = next++;
      await send(seq);
      await sleep(options.pauseMs);
    }
  }

  const done = Promise.all(Array.from({ length: options.senders }, loop)).then(() => undefined);
  return {
    attempts,
    done,
    started: () => next,
    async stop() {
      stopping = true;
      await done;
    },
  };
}
