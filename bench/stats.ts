// Small statistics for benchmarks: medians and percentiles over samples.
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}
export const median = (samples: number[]): number => percentile(samples, 50);
export const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;
