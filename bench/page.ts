/**
 * `npm run bench:page`: the page path alone, for profiling and for measuring changes to it. The
 * simulator (with 200 more operations, so a page is 100 real items over every connection), the
 * gateway, and two scenarios interleaved and repeated: the direct list GET of 100 operations and
 * the gateway's 100-item page with each item's `connection { fleetRef sourceName }` and `logs`.
 * Prints req/s, the ratio to direct and the gateway's CPU per page. BENCH_PROFILE_DIR writes a
 * `--cpu-prof` profile of the gateway.
 */
import { cpus } from 'node:os';
import { Agent, request } from 'undici';
import { load } from './load.ts';
import { simulatorControl } from './peer/start.ts';
import { cpuOf, gatewayEnv, spawnProcess } from './processes.ts';
import { simulatorToken } from './simulator-token.ts';

const TOTAL = Number(process.env.BENCH_REQUESTS ?? 3_000);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const SIM_PORT = Number(process.env.BENCH_SIMULATOR_PORT ?? 4610);
const GATEWAY_PORT = Number(process.env.BENCH_GATEWAY_PORT ?? 4600);

export const PAGE_QUERY =
  '{ resourceOperations(first: 100) { edges { node { catenaId status connection { fleetRef sourceName } logs { status errorType } } } } }';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function main() {
  const apiUrl = `http://127.0.0.1:${SIM_PORT}`;
  const sim = await spawnProcess(
    'src/simulator/main.ts',
    { SIMULATOR_PORT: String(SIM_PORT), SIMULATOR_PROCESSING_MS: '600000' },
    `:${SIM_PORT}`,
  );
  await simulatorControl(apiUrl).seedOperations(200);
  const gateway = await spawnProcess('src/index.ts', gatewayEnv(apiUrl, GATEWAY_PORT), 'GraphiQL', [
    ...(process.env.BENCH_PROFILE_DIR
      ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`]
      : []),
    // BENCH_GATEWAY_NODE_ARGS: V8 flags to try on the gateway, e.g. --max-semi-space-size=32.
    ...(process.env.BENCH_GATEWAY_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
  ]);
  const agent = new Agent({ keepAliveTimeout: 10_000, connections: 128 });
  const token = await simulatorToken(apiUrl);
  const direct = async () => {
    const res = await request(`${apiUrl}/v2/integrations/connections/resource-operations?size=100`, {
      dispatcher: agent,
      headers: { authorization: `Bearer ${token}` },
    });
    const body = (await res.body.json()) as { items: unknown[] };
    if (body.items.length !== 100) throw new Error(`direct page had ${body.items.length} items`);
  };
  const body = JSON.stringify({ query: PAGE_QUERY });
  const page = async () => {
    const res = await request(`http://127.0.0.1:${GATEWAY_PORT}/graphql`, {
      dispatcher: agent,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    const answer = (await res.body.json()) as {
      errors?: unknown;
      data?: { resourceOperations: { edges: unknown[] } };
    };
    if (answer.errors || answer.data?.resourceOperations.edges.length !== 100)
      throw new Error(`gateway page: ${JSON.stringify(answer).slice(0, 300)}`);
  };
  try {
    console.log(`node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model})`);
    await load('warm-up', page, Math.ceil(TOTAL / 10), CONCURRENCY);
    await load('warm-up', direct, Math.ceil(TOTAL / 10), CONCURRENCY);
    const rows: { direct: number; gateway: number; cpuMs: number }[] = [];
    for (let round = 0; round < REPEATS; round++) {
      const d = await load('direct', direct, TOTAL, CONCURRENCY);
      const pid = gateway.pid ?? 0;
      const before = cpuOf(pid);
      const g = await load('gateway', page, TOTAL, CONCURRENCY);
      const cpuMs = ((cpuOf(pid) - before) * 1000) / TOTAL;
      rows.push({ direct: d.rps, gateway: g.rps, cpuMs });
      console.log(
        `round ${round + 1}: direct ${d.rps} req/s, gateway ${g.rps} req/s (${(g.rps / d.rps).toFixed(3)}), p50 ${g.p50ms} ms, gateway CPU ${cpuMs.toFixed(2)} ms/page`,
      );
    }
    const d = median(rows.map((r) => r.direct));
    const g = median(rows.map((r) => r.gateway));
    console.log(
      `\nmedian of ${REPEATS}: direct ${d} req/s, gateway ${g} req/s, ratio ${(g / d).toFixed(3)}, gateway CPU ${median(rows.map((r) => r.cpuMs)).toFixed(2)} ms/page`,
    );
  } finally {
    gateway.kill('SIGINT');
    sim.kill('SIGINT');
    await Promise.all([gateway, sim].map((child) => new Promise((resolve) => child.once('exit', resolve))));
    await agent.close();
  }
}

await main();
