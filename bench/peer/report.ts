/** Medians over the repeats of each (scenario, system), as one markdown table. */
import type { LoadResult } from '../load.ts';

/** One measured run of one system in one scenario. */
export interface Sample extends LoadResult {
  /** Catena requests (all routes but the token endpoint) per request served. */
  upstreamPerRequest: number;
  /** CPU time of the serving process per request, in µs; undefined for direct REST. */
  cpuMicros?: number;
}

export interface Row {
  scenario: string;
  system: string;
  concurrency: number;
  samples: Sample[];
}

export const DIRECT = 'direct REST';
export const GATEWAY = 'catena-gateway';
export const HIVE = 'Hive Gateway + Mesh';

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? Number.NaN)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

const of = (row: Row | undefined, pick: (s: Sample) => number | undefined) => {
  const values = (row?.samples ?? []).map(pick).filter((v): v is number => v !== undefined);
  return values.length > 0 ? median(values) : undefined;
};
const fixed = (n: number | undefined, digits: number) => (n === undefined ? '–' : n.toFixed(digits));
const thousands = (n: number) => Math.round(n).toLocaleString('en-US');

export function markdownTable(rows: Row[]): string {
  const lines = [
    '| scenario | system | concurrency | req/s (median) | req/s range | vs direct | gateway / Hive | p50 ms | p99 ms | upstream calls / req | CPU µs / req |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const key = (r: Row) => `${r.scenario}@${r.concurrency}`;
  for (const row of rows) {
    const peers = rows.filter((r) => key(r) === key(row));
    const rps = of(row, (s) => s.rps) ?? Number.NaN;
    const direct = of(
      peers.find((r) => r.system === DIRECT),
      (s) => s.rps,
    );
    const hive = of(
      peers.find((r) => r.system === HIVE),
      (s) => s.rps,
    );
    const all = row.samples.map((s) => s.rps);
    lines.push(
      [
        row.scenario,
        row.system,
        row.concurrency,
        thousands(rps),
        `${thousands(Math.min(...all))}–${thousands(Math.max(...all))}`,
        fixed(direct && rps / direct, 2),
        row.system === GATEWAY ? fixed(hive && rps / hive, 2) : '',
        fixed(
          of(row, (s) => s.p50ms),
          2,
        ),
        fixed(
          of(row, (s) => s.p99ms),
          2,
        ),
        fixed(
          of(row, (s) => s.upstreamPerRequest),
          2,
        ),
        fixed(
          of(row, (s) => s.cpuMicros),
          0,
        ),
      ].join(' | '),
    );
  }
  return lines.map((l) => (l.startsWith('|') ? l : `| ${l} |`)).join('\n');
}
