/**
 * `npm run bench:peer`: catena-gateway beside the peer a user would pick instead, Hive Gateway
 * serving a supergraph that Mesh Compose built from Catena's OpenAPI (bench/peer/mesh.config.mjs),
 * with direct REST and bare graphql-yoga (bench/bare-yoga.ts) as floors. One simulator serves all;
 * the scenarios with Catena latency switch it on through its control API. Every system is checked
 * against direct REST before anything is measured; then each scenario runs its systems in turn,
 * BENCH_REPEATS times, and the table reports medians. Upstream calls are the simulator's own
 * per-route counters (`GET /_simulator/requests`).
 */
import { deepStrictEqual } from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { load } from '../load.ts';
import { cpuOf } from '../processes.ts';
import { markdownTable, type Row, type Sample } from './report.ts';
import { type SimulatorControl, type System, startSystems } from './start.ts';
import type { Kind } from './systems.ts';

const TOTAL = Number(process.env.BENCH_REQUESTS ?? 5_000);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const BASE_LATENCY_MS = Number(process.env.BENCH_SIMULATOR_LATENCY_MS ?? 0);
const PEER_LATENCY_MS = Number(process.env.BENCH_PEER_LATENCY_MS ?? 20);
const port = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const PORTS = {
  simulator: port('BENCH_SIMULATOR_PORT', 4610),
  gateway: port('BENCH_GATEWAY_PORT', 4600),
  bare: port('BENCH_BARE_PORT', 4630),
  hive: port('BENCH_HIVE_PORT', 4640),
};
const SUPERGRAPH = fileURLToPath(new URL('supergraph.graphql', import.meta.url));

interface Scenario {
  name: string;
  kind: Kind;
  concurrency: number;
  latencyMs: number;
  /** Requests per run, as a share of BENCH_REQUESTS. */
  share: number;
}

// One at a time is latency-bound: fewer requests give the same percentiles. The page is a fifth:
// through Hive Gateway each costs 101 Catena calls, and a full share would take minutes per run.
const scenarios: Scenario[] = [
  { name: 'by-id read', kind: 'by-id', concurrency: 1, latencyMs: BASE_LATENCY_MS, share: 1 / 4 },
  { name: 'by-id read', kind: 'by-id', concurrency: CONCURRENCY, latencyMs: BASE_LATENCY_MS, share: 1 },
  ...[1, CONCURRENCY].map((concurrency) => ({
    name: `by-id read, Catena +${PEER_LATENCY_MS} ms`,
    kind: 'by-id' as const,
    concurrency,
    latencyMs: PEER_LATENCY_MS,
    share: concurrency === 1 ? 1 / 4 : 1,
  })),
  { name: '100-item page', kind: 'page', concurrency: CONCURRENCY, latencyMs: BASE_LATENCY_MS, share: 1 / 5 },
  { name: 'async write', kind: 'write', concurrency: CONCURRENCY, latencyMs: BASE_LATENCY_MS, share: 1 },
];

async function main() {
  if (!existsSync(SUPERGRAPH)) throw new Error(`${SUPERGRAPH} is missing: npm run bench:peer composes it`);
  const { systems, control, stop } = await startSystems(PORTS, SUPERGRAPH, BASE_LATENCY_MS);
  try {
    await checkAnswers(systems);
    console.log(
      `node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model}), ${Math.round(totalmem() / 2 ** 30)} GiB`,
    );
    console.log(
      `${TOTAL} requests per run at concurrency ${CONCURRENCY} (a quarter as many one at a time, a fifth as many pages), ${REPEATS} interleaved repeats, each system warmed up with a tenth as many first\n`,
    );
    const rows: Row[] = [];
    // BENCH_ONLY: the scenarios whose name contains it (e.g. `BENCH_ONLY=page`).
    const only = process.env.BENCH_ONLY;
    for (const scenario of scenarios) {
      if (only && !scenario.name.includes(only)) continue;
      await control.configure({ latencyMs: scenario.latencyMs });
      rows.push(...(await runScenario(scenario, systems, control)));
      console.log(`${scenario.name} (concurrency ${scenario.concurrency}): done`);
    }
    console.log(`\n${markdownTable(rows)}`);
  } finally {
    await stop();
  }
}

/** Warms every system up, then runs them in turn, REPEATS times. */
async function runScenario(scenario: Scenario, systems: System[], control: SimulatorControl): Promise<Row[]> {
  const runners = systems.filter((s) => s.calls[scenario.kind]);
  const total = Math.ceil(TOTAL * scenario.share);
  const rows = runners.map((s) => ({
    scenario: scenario.name,
    system: s.name,
    concurrency: scenario.concurrency,
    samples: [] as Sample[],
  }));
  const measure = async (system: System, requests: number): Promise<Sample> => {
    const call = system.calls[scenario.kind];
    if (!call) throw new Error(`${system.name} has no ${scenario.kind}`);
    const upstream = await control.upstreamCalls();
    const cpu = system.pid === undefined ? 0 : cpuOf(system.pid);
    const result = await load(system.name, call, requests, scenario.concurrency);
    const upstreamPerRequest = ((await control.upstreamCalls()) - upstream) / requests;
    if (system.pid === undefined) return { ...result, upstreamPerRequest };
    return { ...result, upstreamPerRequest, cpuMicros: ((cpuOf(system.pid) - cpu) / requests) * 1e6 };
  };
  for (const system of runners) await measure(system, Math.ceil(total / 10));
  for (let repeat = 0; repeat < REPEATS; repeat++) {
    for (const [i, system] of runners.entries()) rows[i]?.samples.push(await measure(system, total));
  }
  return rows;
}

/** Every system must give direct REST's answer, in normal form, before anything is measured. */
async function checkAnswers(systems: System[]) {
  const [direct, ...others] = systems;
  if (!direct) return;
  for (const kind of ['by-id', 'page', 'write'] as const) {
    const expected: unknown = await direct.calls[kind]?.();
    for (const system of others) {
      const call = system.calls[kind];
      if (!call) continue;
      deepStrictEqual(await call(), expected, `${system.name} answers ${kind} unlike direct REST`);
    }
  }
  console.log(`answers checked: ${systems.map((s) => s.name).join(', ')} agree with direct REST`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
