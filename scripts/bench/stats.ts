// Percentiles and "median of runs with its spread": every figure in the table is measured in
// several independent runs; the table shows the median run and the range over the runs.

/** Nearest-rank percentile (p in 0..100) of unsorted samples. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export const median = (samples: number[]) => percentile(samples, 50);

export type Spread = { median: number; min: number; max: number; runs: number[] };

/** One figure per run → the median run and the range over all runs. */
export function spread(perRun: number[]): Spread {
  return { median: median(perRun), min: Math.min(...perRun), max: Math.max(...perRun), runs: perRun };
}

export function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** "12.3 (11.9–13.0)": the median run, then the range over the runs. */
export function formatSpread(value: Spread, digits = 1, unit = ""): string {
  if (!Number.isFinite(value.median)) return "–";
  const f = (n: number) => n.toFixed(digits);
  if (value.min === value.max) return `${f(value.median)}${unit}`;
  return `${f(value.median)}${unit} (${f(value.min)}–${f(value.max)})`;
}
