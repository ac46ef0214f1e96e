// Summaries for benchmarks: percentiles of one run, and the spread (min / median / max) of a figure over repeats.
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export interface Spread {
  min: number;
  median: number;
  max: number;
  values: number[];
}

export function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  return { min: sorted[0] ?? NaN, median: percentile(sorted, 50), max: sorted[sorted.length - 1] ?? NaN, values: [...values] };
}

const round = (value: number) => (Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 100) / 100);

/** Prints one figure as "name: median (min .. max over N runs) unit". */
export function line(name: string, values: readonly number[], unit: string): string {
  const s = spread(values);
  return `${name}: ${round(s.median)} ${unit} (min ${round(s.min)}, max ${round(s.max)} over ${values.length} runs)`;
}
