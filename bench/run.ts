/**
 * `npm run bench`: by-id reads of one resource operation in one run, so the figures are ratios on
 * the same machine: straight to the simulator with raw undici (the baseline), through a minimal
 * proxy, through the Catena client (auth, zod parsing, retry plumbing), through a bare graphql-yoga
 * server with one resolver (the stack's floor) and through the gateway; then a 100-item page, an
 * async write and webhook ingest. Processes: the simulator (`npm run simulator`), the gateway
 * (`npm start` pointed at it), the proxy, the bare server and this load generator.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import { gzipSync } from 'node:zlib';
import { Agent, request } from 'undici';
import { createCatenaClient } from '../src/catena/client.ts';
import { TOKEN_PATH } from '../src/simulator/auth.ts';
import { load, table } from './load.ts';
import { cpuOf, gatewayEnv, rssOf, spawnProcess } from './processes.ts';
import { simulatorToken } from './simulator-token.ts';

const TOTAL = Number(process.env.BENCH_REQUESTS ?? 5_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const SIM_PORT = Number(process.env.BENCH_SIMULATOR_PORT ?? 4610);
const GATEWAY_PORT = Number(process.env.BENCH_GATEWAY_PORT ?? 4600);
const PROXY_PORT = Number(process.env.BENCH_PROXY_PORT ?? 4620);
const BARE_PORT = Number(process.env.BENCH_BARE_PORT ?? 4630);
const SECRET = 'bench-webhook-secret';

async function main() {
  const apiUrl = `http://127.0.0.1:${SIM_PORT}`;
  const tokenUrl = `${apiUrl}${TOKEN_PATH}`;
  const gatewayUrl = `http://127.0.0.1:${GATEWAY_PORT}`;
  const sim = await spawnProcess(
    'src/simulator/main.ts',
    // Writes stay pending for the whole run: otherwise the direct write scenario's thousands of
    // operations all resolve in the simulator during the gateway's scenario and slow it down.
    // BENCH_SIMULATOR_LATENCY_MS: Catena's answers take this long, as over a real network.
    {
      SIMULATOR_PORT: String(SIM_PORT),
      SIMULATOR_PROCESSING_MS: '600000',
      SIMULATOR_LATENCY_MS: process.env.BENCH_SIMULATOR_LATENCY_MS ?? '0',
    },
    `:${SIM_PORT}`,
  );
  const gateway = await spawnProcess(
    'src/index.ts',
    gatewayEnv(apiUrl, GATEWAY_PORT, { CATENA_WEBHOOK_SECRETS: SECRET }),
    'GraphiQL',
    // BENCH_PROFILE_DIR: a CPU profile of the gateway, written when it stops.
    process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [],
  );
  const proxy = await spawnProcess(
    'bench/proxy.ts',
    { PROXY_TARGET: apiUrl, PROXY_PORT: String(PROXY_PORT) },
    'proxy listening',
  );
  const bare = await spawnProcess(
    'bench/bare-yoga.ts',
    { BARE_TARGET: apiUrl, BARE_PORT: String(BARE_PORT) },
    'bare yoga listening',
  );
  const client = createCatenaClient({ apiUrl, tokenUrl, clientId: 'dev', clientSecret: 'dev' });
  try {
    const [op] = (await client.listResourceOperations({ size: 1 })).items;
    if (!op) throw new Error('the simulator has no operations');
    const path = `/v2/integrations/connections/${op.connection_id}/resource-operations/${op.id}`;
    const token = await simulatorToken(apiUrl);
    const raw = new Agent({ keepAliveTimeout: 10_000, connections: 128 });
    const query = JSON.stringify({
      query:
        'query($c: UUID!, $id: UUID!) { resourceOperation(connectionId: $c, id: $id) { id status resource logs { status } } }',
      variables: { c: op.connection_id, id: op.id },
    });
    const gatewayAgent = new Agent({ keepAliveTimeout: 10_000, connections: 128 });

    const proxyUrl = `http://127.0.0.1:${PROXY_PORT}`;
    const page = JSON.stringify({
      query:
        'query($c: UUID!) { resourceOperations(first: 100, filter: { connectionId: $c }) { edges { node { id status connection { sourceName fleetRef } logs { status errorType } } } } }',
      variables: { c: op.connection_id },
    });
    const write = JSON.stringify({
      query:
        'mutation($c: UUID!) { createVehicle(input: { connectionId: $c, vehicleName: "bench" }) { __typename } }',
      variables: { c: op.connection_id },
    });
    const bareQuery = JSON.stringify({
      query:
        'query($c: ID!, $id: ID!) { resourceOperation(connectionId: $c, id: $id) { id status resource logs { status } } }',
      variables: { c: op.connection_id, id: op.id },
    });
    const bareUrl = `http://127.0.0.1:${BARE_PORT}`;
    const graphql = async (body: string, base = gatewayUrl) => {
      const res = await request(`${base}/graphql`, {
        dispatcher: gatewayAgent,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      await res.body.json();
    };
    const get = (base: string, target: string) => async () => {
      const res = await request(`${base}${target}`, {
        dispatcher: raw,
        headers: { authorization: `Bearer ${token}` },
      });
      await res.body.json();
    };
    const list = `/v2/integrations/connections/resource-operations?connection_id=${op.connection_id}&size=100`;
    const postVehicle = async () => {
      const res = await request(`${apiUrl}/v2/telematics/vehicles?is_sync=false`, {
        dispatcher: raw,
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ connection_id: op.connection_id, vehicle_name: 'bench' }),
      });
      await res.body.json();
    };
    // [group, scenarios, concurrency]: one at a time shows the latency the gateway adds without
    // queueing; the rest run at CONCURRENCY and show throughput.
    const groups: [string, [string, () => Promise<unknown>][], number?][] = [
      [
        'by-id read, one at a time',
        [
          ['direct: GET the operation from the simulator', get(apiUrl, path)],
          ['bare graphql-yoga', () => graphql(bareQuery, bareUrl)],
          ['gateway: resourceOperation query', () => graphql(query)],
        ],
        1,
      ],
      [
        'by-id read',
        [
          ['direct: GET the operation from the simulator', get(apiUrl, path)],
          ['proxy: the same GET through a minimal undici proxy', get(proxyUrl, path)],
          ['Catena client getResourceOperation', () => client.getResourceOperation(op.connection_id, op.id)],
          [
            'bare graphql-yoga: one resolver making the same GET (bench/bare-yoga.ts)',
            () => graphql(bareQuery, bareUrl),
          ],
          ['gateway: resourceOperation query', () => graphql(query)],
        ],
      ],
      [
        '100-item page',
        [
          ['direct: GET a page of 100 operations', get(apiUrl, list)],
          ['gateway: 100 operations with connection and logs', () => graphql(page)],
        ],
      ],
      [
        'async write',
        [
          ['direct: POST a vehicle (is_sync=false)', postVehicle],
          ['gateway: createVehicle', () => graphql(write)],
        ],
      ],
      [
        'webhook ingest',
        [['gateway: signed gzip deliveries, verified and published', webhookInjector(gatewayUrl, op)]],
      ],
    ];

    console.log(
      `node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model}), ${Math.round(totalmem() / 2 ** 30)} GiB`,
    );
    console.log(
      `${TOTAL} requests per scenario at concurrency ${CONCURRENCY} (a quarter as many one at a time), each after a tenth as many to warm up\n`,
    );
    // BENCH_ONLY: run just the groups whose name contains it (e.g. `BENCH_ONLY=by-id`).
    const only = process.env.BENCH_ONLY;
    for (const [group, scenarios, concurrency = CONCURRENCY] of groups) {
      if (only && !group.includes(only)) continue;
      const results = [];
      // One at a time is latency-bound: fewer requests give the same percentiles.
      const total = concurrency === 1 ? Math.ceil(TOTAL / 4) : TOTAL;
      for (const [name, call] of scenarios) {
        await load(name, call, total / 10, concurrency);
        const cpu = cpuOf(gateway.pid ?? 0);
        const result = await load(name, call, total, concurrency);
        const gatewayCpu = ((cpuOf(gateway.pid ?? 0) - cpu) / result.seconds) * 100;
        results.push({ ...result, gatewayCpu, gatewayRss: rssOf(gateway.pid ?? 0) });
      }
      console.log(`\n${group} (concurrency ${concurrency})`);
      table(results);
      const [baseline, last] = [results[0], results.at(-1)];
      if (concurrency === 1 && baseline && last && last !== baseline)
        console.log(`added p50 latency: ${(last.p50ms - baseline.p50ms).toFixed(2)} ms`);
    }
    await raw.close();
    await gatewayAgent.close();
  } finally {
    await client.close();
    gateway.kill('SIGTERM');
    proxy.kill('SIGTERM');
    bare.kill('SIGTERM');
    sim.kill('SIGTERM');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

/** Posts a new verified state of `op` per call, as Catena would deliver it. */
function webhookInjector(gatewayUrl: string, op: Record<string, unknown>) {
  const agent = new Agent({ keepAliveTimeout: 10_000, connections: 64 });
  let n = 0;
  const base = Date.now();
  return async () => {
    const record = { ...op, updated_at: new Date(base + ++n).toISOString(), status: 'pending', logs: [] };
    const body = JSON.stringify({
      version: '1.0',
      event_name: 'resource_operation.created',
      data: [record],
      webhook_id: randomUUID(),
      id: randomUUID(),
    });
    const timestamp = new Date().toISOString().replace(/\.\d{3}Z$/, '+00:00');
    const res = await request(`${gatewayUrl}/webhooks/catena`, {
      dispatcher: agent,
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'content-encoding': 'gzip',
        'x-catena-timestamp': timestamp,
        'x-catena-signature': createHmac('sha256', SECRET).update(`${timestamp}.${body}`).digest('base64'),
      },
      body: gzipSync(body),
    });
    await res.body.dump();
    if (res.statusCode !== 202) throw new Error(`webhook answered ${res.statusCode}`);
  };
}
