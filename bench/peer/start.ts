/**
 * The processes of bench:peer, all on 127.0.0.1: one simulator, catena-gateway (`npm start`),
 * bare graphql-yoga (bench/bare-yoga.ts) and Hive Gateway over the composed supergraph; direct
 * REST is the load generator itself. The simulator is driven through its HTTP control API.
 */
import type { ChildProcess } from 'node:child_process';
import { Agent, request } from 'undici';
import { TOKEN_PATH } from '../../src/simulator/auth.ts';
import { gatewayEnv, spawnProcess } from '../processes.ts';
import { simulatorToken } from '../simulator-token.ts';
import { DIRECT } from './report.ts';
import {
  BARE_YOGA,
  CATENA_GATEWAY,
  type Call,
  directCalls,
  type GraphQLSystem,
  graphqlCalls,
  HIVE_GATEWAY,
  type Kind,
} from './systems.ts';

export interface System {
  name: string;
  /** The process serving it, whose CPU is measured; none for direct REST. */
  pid?: number;
  calls: Partial<Record<Kind, Call>>;
}

export interface Ports {
  simulator: number;
  gateway: number;
  bare: number;
  hive: number;
}

/** Operations added to the simulator's seed, so that a page of 100 spans every connection. */
const PAGE_SEED = 200;
const PAGE = '/v2/integrations/connections/resource-operations?size=100';

/** `/_simulator/*`: the simulator's control API (not counted, no latency). */
export function simulatorControl(apiUrl: string) {
  const call = async (method: 'GET' | 'PUT' | 'POST', path: string, body?: unknown) => {
    const res = await request(`${apiUrl}/_simulator/${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (res.statusCode >= 300) throw new Error(`simulator control ${method} ${path}: ${res.statusCode}`);
    return res.body.json() as Promise<unknown>;
  };
  return {
    configure: (patch: { latencyMs?: number; tokenTtlSeconds?: number }) => call('PUT', 'config', patch),
    seedOperations: (count: number) => call('POST', 'operations/seed', { count }),
    /** Catena requests served so far, on every route but the token endpoint. */
    async upstreamCalls(): Promise<number> {
      const counts = (await call('GET', 'requests')) as Record<string, number>;
      return Object.entries(counts).reduce(
        (sum, [route, n]) => (route.endsWith(TOKEN_PATH) ? sum : sum + n),
        0,
      );
    },
  };
}

export type SimulatorControl = ReturnType<typeof simulatorControl>;

/** Starts every process; `stop()` ends them, also when a later one failed to start. */
export async function startSystems(ports: Ports, supergraph: string, latencyMs: number) {
  const apiUrl = `http://127.0.0.1:${ports.simulator}`;
  const children: ChildProcess[] = [];
  const agent = new Agent({ keepAliveTimeout: 10_000, connections: 128 });
  const stop = async () => {
    for (const child of children.reverse()) child.kill('SIGTERM');
    await agent.close();
  };
  const start = async (...args: Parameters<typeof spawnProcess>) => {
    const child = await spawnProcess(...args);
    children.push(child);
    return child;
  };
  try {
    // Writes stay pending for the whole run, as in bench/run.ts.
    await start(
      'src/simulator/main.ts',
      {
        SIMULATOR_PORT: String(ports.simulator),
        SIMULATOR_PROCESSING_MS: '600000',
        SIMULATOR_LATENCY_MS: String(latencyMs),
      },
      `:${ports.simulator}`,
    );
    const control = simulatorControl(apiUrl);
    // Mesh sends one static bearer token and has no client-credentials flow of its own: tokens
    // issued from here on (Hive's, direct REST's, bare Yoga's) outlive the run.
    await control.configure({ tokenTtlSeconds: 86_400 });
    await control.seedOperations(PAGE_SEED);
    const token = await simulatorToken(apiUrl);
    const gateway = await start('src/index.ts', gatewayEnv(apiUrl, ports.gateway), 'GraphiQL');
    const bare = await start(
      'bench/bare-yoga.ts',
      { BARE_TARGET: apiUrl, BARE_PORT: String(ports.bare) },
      'bare yoga listening',
    );
    const hive = await start(
      'bench/peer/hive-gateway.ts',
      {
        PEER_SUPERGRAPH: supergraph,
        CATENA_API_URL: apiUrl,
        CATENA_TOKEN: token,
        HOST: '127.0.0.1',
        PORT: String(ports.hive),
        FORK: '1',
      },
      'Listening on',
    );

    const first = await request(`${apiUrl}/v2/integrations/connections/resource-operations?size=1`, {
      dispatcher: agent,
      headers: { authorization: `Bearer ${token}` },
    });
    const [op] = ((await first.body.json()) as { items: { id: string; connection_id: string }[] }).items;
    if (!op) throw new Error('the simulator has no operations');
    const target = { connectionId: op.connection_id, operationId: op.id };
    const served = (spec: GraphQLSystem, child: ChildProcess, port: number): System => ({
      name: spec.system,
      pid: child.pid,
      calls: graphqlCalls(`http://127.0.0.1:${port}/graphql`, agent, target, spec),
    });
    const systems: System[] = [
      { name: DIRECT, calls: directCalls(apiUrl, { agent, token }, target, PAGE) },
      served(BARE_YOGA, bare, ports.bare),
      served(CATENA_GATEWAY, gateway, ports.gateway),
      served(HIVE_GATEWAY, hive, ports.hive),
    ];
    return { systems, control, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
