/** A small closed-loop load generator: `concurrency` workers each run `call` until `total` are done. */
import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface LoadResult {
  name: string;
  requests: number;
  seconds: number;
  rps: number;
  p50ms: number;
  p99ms: number;
  maxMs: number;
}

export async function load(name: string, call: () => Promise<unknown>, total: number, concurrency: number) {
  const latencies = new Float64Array(total);
  let next = 0;
  const loop = monitorEventLoopDelay();
  loop.enable();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < total; i = next++) {
        const t0 = performance.now();
        await call();
        latencies[i] = performance.now() - t0;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  loop.disable();
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return {
    name,
    requests: total,
    seconds: round(seconds),
    rps: Math.round(total / seconds),
    p50ms: round(at(0.5)),
    p99ms: round(at(0.99)),
    maxMs: round(sorted.at(-1) ?? 0),
  } satisfies LoadResult;
}

const round = (n: number) => Math.round(n * 100) / 100;

export function table(
  results: (LoadResult & { gatewayCpu?: number; gatewayRss?: number })[],
  baseline = results[0],
) {
  const rows = results.map((r) => ({
    scenario: r.name,
    'req/s': r.rps,
    'vs baseline': baseline ? round(r.rps / baseline.rps) : 1,
    'p50 ms': r.p50ms,
    'p99 ms': r.p99ms,
    'max ms': r.maxMs,
    'gateway CPU %': r.gatewayCpu === undefined ? '' : Math.round(r.gatewayCpu),
    'gateway RSS MiB': r.gatewayRss === undefined ? '' : Math.round(r.gatewayRss / 2 ** 20),
  }));
  console.table(rows);
  return rows;
}
