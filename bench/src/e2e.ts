// Benchmark: end to end, hook -> filter -> formatter -> test action (an HTTP call), with history kept; runs/s and hook-to-last-step latency.
import { startCountingServer, startStack, TESTING_APPS_MODULE } from '@switchyard/testing';
import pg from 'pg';
import { percentile } from './stats.ts';
import { publishHookZap } from './stack-setup.ts';
import { runWrk } from './wrk.ts';

export interface EndToEndFigures {
  runsPerSecond: number[];
  /** Runs finished per second after the load stopped: the worker alone, draining the backlog. */
  drainRunsPerSecond: number[];
  p50Ms: number[];
  p99Ms: number[];
  /** Runs not succeeded at the end (must be 0). */
  unfinished: number[];
}

export async function benchEndToEnd(options: { seconds: number; repeats: number; connections: number; workers: number }): Promise<EndToEndFigures> {
  const counting = await startCountingServer();
  const stack = await startStack({
    workers: options.workers,
    env: {
      LOG_LEVEL: 'warn',
      HOOK_RATE_PER_SECOND: '1000000',
      WORKSPACE_MAX_CONCURRENT_RUNS: '10000',
      WORKER_CONCURRENCY: '256',
      CONNECTOR_MODULES: TESTING_APPS_MODULE,
      OUTBOUND_ALLOW: `127.0.0.1:${counting.port}`,
    },
  });
  const db = new pg.Client({ connectionString: stack.env.DATABASE_URL });
  await db.connect();
  const figures: EndToEndFigures = { runsPerSecond: [], drainRunsPerSecond: [], p50Ms: [], p99Ms: [], unfinished: [] };
  try {
    const { zapId, hookUrl } = await publishHookZap(stack, [
      { key: 'only_big', type: 'filter', conditions: [[{ left: '{{trigger.body.deal.value}}', op: 'gte', right: 100 }]] },
      { key: 'title', type: 'action', app: 'formatter', action: 'text', input: { operation: 'uppercase', value: '{{trigger.body.deal.title}}' } },
      { key: 'notify', type: 'action', app: 'testing', action: 'call', input: { url: counting.url, payload: { title: '{{steps.title.output}}' } } },
    ]);
    for (let i = 0; i < options.repeats; i++) {
      const started = new Date();
      const report = runWrk(hookUrl, {
        connections: options.connections,
        seconds: options.seconds,
        body: '{"deal":{"id":42,"title":"big deal","value":1000}}',
      });
      const accepted = report.total - report.non2xx;
      const loadEnded = Date.now();
      // Wait for the worker to drain what the hook accepted, and the runs of requests wrk left unanswered at its end.
      const deadline = Date.now() + 300_000;
      while (Date.now() < deadline) {
        const { rows } = await db.query<{ done: string; open: string }>(
          `SELECT count(*) FILTER (WHERE status IN ('succeeded','failed','filtered')) AS done, count(*) FILTER (WHERE status NOT IN ('succeeded','failed','filtered')) AS open
             FROM runs WHERE "zapId" = $1 AND "createdAt" >= $2`,
          [zapId, started],
        );
        if (Number(rows[0]!.done) >= accepted && Number(rows[0]!.open) === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      const { rows } = await db.query<{ latency: number; created: Date; finished: Date; status: string }>(
        `SELECT extract(epoch FROM (r."finishedAt" - e."receivedAt")) * 1000 AS latency, r."createdAt" AS created, r."finishedAt" AS finished, r.status::text
         FROM runs r JOIN trigger_events e ON e.id = r."triggerEventId" WHERE r."zapId" = $1 AND r."createdAt" >= $2`,
        [zapId, started],
      );
      const finished = rows.filter((row) => row.finished);
      const latencies = finished.map((row) => Number(row.latency)).sort((a, b) => a - b);
      const first = Math.min(...rows.map((row) => row.created.getTime()));
      const last = Math.max(...finished.map((row) => row.finished.getTime()));
      const runsPerSecond = finished.length / ((last - first) / 1000);
      const drained = finished.filter((row) => row.finished.getTime() > loadEnded);
      const drainRunsPerSecond = drained.length / ((last - loadEnded) / 1000);
      figures.runsPerSecond.push(runsPerSecond);
      figures.drainRunsPerSecond.push(drainRunsPerSecond);
      figures.p50Ms.push(percentile(latencies, 50));
      figures.p99Ms.push(percentile(latencies, 99));
      figures.unfinished.push(rows.filter((row) => row.status !== 'succeeded').length + Math.max(0, accepted - rows.length));
      console.log(
        `  run ${i + 1}: ${accepted} hooks accepted (${Math.round(report.requestsPerSecond)}/s), ${finished.length} runs finished at ${Math.round(runsPerSecond)} runs/s (${Math.round(drainRunsPerSecond)} runs/s draining after the load), hook-to-last-step p50 ${Math.round(percentile(latencies, 50))} ms, p99 ${Math.round(percentile(latencies, 99))} ms`,
      );
    }
  } finally {
    await db.end();
    await stack.stop();
    await counting.close();
  }
  return figures;
}
