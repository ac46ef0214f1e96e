// Benchmark: catch-hook intake, requests/s and latency at 64 connections, and proof that every accepted request was stored.
import { startStack } from '@switchyard/testing';
import pg from 'pg';
import { publishHookZap } from './stack-setup.ts';
import { runWrk } from './wrk.ts';

export interface IntakeFigures {
  requestsPerSecond: number[];
  p50Ms: number[];
  p99Ms: number[];
  /** Accepted requests without a stored event and run (must be 0). */
  missing: number[];
}

export async function benchIntake(options: { withWorker: boolean; seconds: number; repeats: number; connections: number }): Promise<IntakeFigures> {
  const stack = await startStack({
    workers: options.withWorker ? 1 : 0,
    env: { LOG_LEVEL: 'warn', HOOK_RATE_PER_SECOND: '1000000', WORKSPACE_MAX_CONCURRENT_RUNS: '10000', WORKER_CONCURRENCY: '128' },
  });
  const db = new pg.Client({ connectionString: stack.env.DATABASE_URL });
  await db.connect();
  const figures: IntakeFigures = { requestsPerSecond: [], p50Ms: [], p99Ms: [], missing: [] };
  try {
    const { zapId, hookUrl } = await publishHookZap(stack, []);
    const count = async () => {
      const { rows } = await db.query<{ events: string; runs: string }>(
        `SELECT (SELECT count(*) FROM trigger_events WHERE "zapId" = $1) AS events, (SELECT count(*) FROM runs WHERE "zapId" = $1) AS runs`,
        [zapId],
      );
      return { events: Number(rows[0]!.events), runs: Number(rows[0]!.runs) };
    };
    // A short warm-up (JIT, pools), not measured.
    runWrk(hookUrl, { connections: options.connections, seconds: 2, body: '{"warm":true}' });
    for (let i = 0; i < options.repeats; i++) {
      const before = await count();
      const report = runWrk(hookUrl, {
        connections: options.connections,
        seconds: options.seconds,
        body: '{"deal":{"id":42,"title":"Big deal","value":1000}}',
      });
      const after = await count();
      const accepted = report.total - report.non2xx;
      figures.requestsPerSecond.push(report.requestsPerSecond);
      figures.p50Ms.push(report.p50Ms);
      figures.p99Ms.push(report.p99Ms);
      figures.missing.push(Math.max(0, accepted - (after.events - before.events)) + Math.max(0, accepted - (after.runs - before.runs)));
      console.log(
        `  run ${i + 1}: ${Math.round(report.requestsPerSecond)} req/s, p50 ${report.p50Ms} ms, p99 ${report.p99Ms} ms, ${accepted} accepted, ${after.runs - before.runs} runs stored, ${report.non2xx} non-2xx, ${report.socketErrors} socket errors`,
      );
    }
  } finally {
    await db.end();
    await stack.stop();
  }
  return figures;
}
