// Closed-loop load: N proposers, each waiting for its command to commit before sending
// the next, for a fixed time. Latency is measured per command, end to end.
import { performance } from 'perf_hooks';
import { percentile } from '../stats';

export interface LoadResult {
  commits: number;
  errors: number;
  seconds: number;
  p50: number;
  p99: number;
  readies?: number;
  syncs?: number;
  entriesPersisted?: number;
}

export async function runProposers(
  propose: (data: Uint8Array) => Promise<unknown>,
  proposers: number,
  seconds: number,
  payloadBytes: number,
): Promise<LoadResult> {
  const payload = Buffer.alloc(payloadBytes, 7);
  const latencies: number[] = [];
  let errors = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  const worker = async () => {
    while (performance.now() < end) {
      const t0 = performance.now();
      try {
        await propose(payload);
        latencies.push(performance.now() - t0);
      } catch {
        errors++;
        await new Promise((r) => setTimeout(r, 5));
      }
    }
  };
  await Promise.all(Array.from({ length: proposers }, worker));
  return {
    commits: latencies.length,
    errors,
    seconds: (performance.now() - start) / 1000,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}
