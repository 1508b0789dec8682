/**
 * `npm run bench`: by-id reads of one resource operation, three ways, in one run so the figures are
 * ratios on the same machine: straight to the simulator with raw undici (the baseline), through the
 * Catena client (auth, zod parsing, retry plumbing), and through the gateway (GraphQL over HTTP).
 * Three processes: the simulator (`npm run simulator`), the gateway (`npm start` pointed at it) and
 * this load generator.
 */
import { cpus, totalmem } from 'node:os';
import { Agent, request } from 'undici';
import { createCatenaClient } from '../src/catena/client.ts';
import { load, table } from './load.ts';
import { spawnProcess } from './processes.ts';

const TOTAL = Number(process.env.BENCH_REQUESTS ?? 5_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const SIM_PORT = Number(process.env.BENCH_SIMULATOR_PORT ?? 4610);
const GATEWAY_PORT = Number(process.env.BENCH_GATEWAY_PORT ?? 4600);

async function main() {
  const apiUrl = `http://127.0.0.1:${SIM_PORT}`;
  const tokenUrl = `${apiUrl}/realms/catena/protocol/openid-connect/token`;
  const gatewayUrl = `http://127.0.0.1:${GATEWAY_PORT}`;
  const sim = await spawnProcess(
    'src/simulator/main.ts',
    { SIMULATOR_PORT: String(SIM_PORT) },
    `:${SIM_PORT}`,
  );
  const gateway = await spawnProcess(
    'src/index.ts',
    {
      PORT: String(GATEWAY_PORT),
      CATENA_API_URL: apiUrl,
      CATENA_TOKEN_URL: tokenUrl,
      CATENA_CLIENT_ID: 'dev',
      CATENA_CLIENT_SECRET: 'dev',
      GATEWAY_AUTH: 'off',
      LOG_LEVEL: 'warn',
    },
    'GraphiQL',
  );
  const client = createCatenaClient({ apiUrl, tokenUrl, clientId: 'dev', clientSecret: 'dev' });
  try {
    const [op] = (await client.listResourceOperations({ size: 1 })).items;
    if (!op) throw new Error('the simulator has no operations');
    const path = `/v2/integrations/connections/${op.connection_id}/resource-operations/${op.id}`;
    const token = await tokenFor(tokenUrl);
    const raw = new Agent({ keepAliveTimeout: 10_000, connections: 128 });
    const query = JSON.stringify({
      query:
        'query($c: UUID!, $id: UUID!) { resourceOperation(connectionId: $c, id: $id) { id status resource logs { status } } }',
      variables: { c: op.connection_id, id: op.id },
    });
    const gatewayAgent = new Agent({ keepAliveTimeout: 10_000, connections: 128 });

    const scenarios = [
      [
        'direct: undici GET to the simulator',
        async () => {
          const res = await request(`${apiUrl}${path}`, {
            dispatcher: raw,
            headers: { authorization: `Bearer ${token}` },
          });
          await res.body.json();
        },
      ],
      ['Catena client getResourceOperation', () => client.getResourceOperation(op.connection_id, op.id)],
      [
        'gateway: resourceOperation query',
        async () => {
          const res = await request(`${gatewayUrl}/graphql`, {
            dispatcher: gatewayAgent,
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: query,
          });
          await res.body.json();
        },
      ],
    ] as const;

    console.log(
      `node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model}), ${Math.round(totalmem() / 2 ** 30)} GiB`,
    );
    console.log(
      `${TOTAL} requests per scenario at concurrency ${CONCURRENCY}, after ${TOTAL / 10} warm-up requests\n`,
    );
    const results = [];
    for (const [name, call] of scenarios) {
      await load(name, call, TOTAL / 10, CONCURRENCY);
      results.push(await load(name, call, TOTAL, CONCURRENCY));
    }
    table(results);
    await raw.close();
    await gatewayAgent.close();
  } finally {
    await client.close();
    gateway.kill('SIGTERM');
    sim.kill('SIGTERM');
  }
}

async function tokenFor(tokenUrl: string): Promise<string> {
  const res = await request(tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials&client_id=dev&client_secret=dev&scope=organization',
  });
  return ((await res.body.json()) as { access_token: string }).access_token;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
