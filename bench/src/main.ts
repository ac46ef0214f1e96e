// `pnpm bench`: every benchmark, printed with its spread over repeats and written to bench/results/latest.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { benchCodeStep } from './code-step.ts';
import { benchEndToEnd } from './e2e.ts';
import { benchIntake } from './intake.ts';
import { benchPolling } from './polling.ts';
import { line } from './stats.ts';
import { ensureWrk } from './wrk.ts';

const quick = process.env.BENCH_QUICK === '1';
const repeats = Number(process.env.BENCH_REPEATS ?? (quick ? 1 : 3));
const seconds = Number(process.env.BENCH_SECONDS ?? (quick ? 5 : 20));
const only = new Set(process.argv.slice(2));
const wanted = (name: string) => only.size === 0 || only.has(name);

const results: Record<string, unknown> = {
  machine: { cpus: cpus().length, model: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version },
  startedAt: new Date().toISOString(),
  settings: { repeats, seconds, connections: 64 },
};
const lines: string[] = [];

if (wanted('intake') || wanted('e2e')) ensureWrk();

if (wanted('intake')) {
  for (const withWorker of [false, true]) {
    const label = withWorker ? 'intake (worker running)' : 'intake (worker stopped)';
    console.log(`\n${label}: ${repeats} x ${seconds} s at 64 connections`);
    const figures = await benchIntake({ withWorker, seconds, repeats, connections: 64 });
    results[withWorker ? 'intakeWithWorker' : 'intake'] = figures;
    lines.push(
      line(`${label} throughput`, figures.requestsPerSecond, 'req/s'),
      line(`${label} p50`, figures.p50Ms, 'ms'),
      line(`${label} p99`, figures.p99Ms, 'ms'),
      line(`${label} accepted but not stored`, figures.missing, 'requests'),
    );
  }
}
if (wanted('e2e')) {
  console.log(`\nend to end (hook -> filter -> formatter -> HTTP action): ${repeats} x ${seconds} s of load, then drained`);
  const figures = await benchEndToEnd({ seconds, repeats, connections: 64, workers: 1 });
  results.endToEnd = figures;
  lines.push(
    line('end to end throughput', figures.runsPerSecond, 'runs/s'),
    line('end to end, worker draining after the load', figures.drainRunsPerSecond, 'runs/s'),
    line('hook-to-last-step p50 (under saturation)', figures.p50Ms, 'ms'),
    line('hook-to-last-step p99 (under saturation)', figures.p99Ms, 'ms'),
    line('runs not succeeded', figures.unfinished, 'runs'),
  );
}
if (wanted('code')) {
  for (const gapMs of [1, 0]) {
    const label = gapMs ? 'code step (1 ms between steps, as in a worker)' : 'code step (back to back)';
    console.log(`\n${label}`);
    const figures = await benchCodeStep({ runs: quick ? 1000 : 3000, repeats, gapMs });
    results[gapMs ? 'codeStep' : 'codeStepBackToBack'] = figures;
    lines.push(line(`${label} p50`, figures.p50Ms, 'ms'), line(`${label} p99`, figures.p99Ms, 'ms'));
  }
}
if (wanted('polling')) {
  const zaps = Number(process.env.BENCH_POLL_ZAPS ?? (quick ? 200 : 1000));
  console.log(`\npolling: ${zaps} zaps each due every second, one worker running flat out`);
  const figures = await benchPolling({ zaps, seconds: quick ? 10 : 20, repeats });
  results.polling = figures;
  lines.push(
    line('polls per second, one worker', figures.pollsPerSecond, 'polls/s'),
    line('worker CPU per poll', figures.cpuMsPerPoll, 'ms'),
    line('cores for 10,000 zaps at 60 s', figures.coresFor10kZaps, 'cores'),
  );
}

results.finishedAt = new Date().toISOString();
results.summary = lines;
const dir = new URL('../results/', import.meta.url);
mkdirSync(dir, { recursive: true });
writeFileSync(new URL('latest.json', dir), `${JSON.stringify(results, null, 2)}\n`);
console.log(`\n${lines.join('\n')}\n\nwritten to bench/results/latest.json`);
