// Benchmark: the overhead of one code step (a small transform) on a warm workspace isolate.
import { createSandbox } from '@switchyard/sandbox';
import { percentile } from './stats.ts';

const code = `
const total = input.items.reduce((sum, item) => sum + item.price * item.qty, 0);
return { customer: input.customer.toUpperCase(), total, count: input.items.length };`;
const input = {
  customer: 'ada lovelace',
  items: [
    { price: 3.5, qty: 2 },
    { price: 10, qty: 1 },
    { price: 0.25, qty: 12 },
  ],
};
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface CodeStepFigures {
  p50Ms: number[];
  p99Ms: number[];
}

/**
 * Steps in a worker are separated by I/O, during which the isolate prepares the next context; `gapMs` models
 * that (1 ms), and 0 measures back-to-back runs that wait for it.
 */
export async function benchCodeStep(options: { runs: number; repeats: number; gapMs: number }): Promise<CodeStepFigures> {
  const figures: CodeStepFigures = { p50Ms: [], p99Ms: [] };
  for (let repeat = 0; repeat < options.repeats; repeat++) {
    const sandbox = createSandbox();
    for (let i = 0; i < 300; i++) await sandbox.run({ workspaceId: 'bench', code, input });
    const samples: number[] = [];
    for (let i = 0; i < options.runs; i++) {
      if (options.gapMs > 0) await pause(options.gapMs);
      const started = performance.now();
      const result = await sandbox.run({ workspaceId: 'bench', code, input });
      samples.push(performance.now() - started);
      if (!result.ok) throw new Error(`bench run failed: ${result.error.message}`);
    }
    sandbox.dispose();
    samples.sort((a, b) => a - b);
    figures.p50Ms.push(percentile(samples, 50));
    figures.p99Ms.push(percentile(samples, 99));
    console.log(`  run ${repeat + 1}: p50 ${percentile(samples, 50).toFixed(3)} ms, p99 ${percentile(samples, 99).toFixed(3)} ms over ${options.runs} steps`);
  }
  return figures;
}
