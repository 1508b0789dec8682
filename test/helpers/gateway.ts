import { request } from 'undici';
import { afterAll, beforeAll } from 'vitest';
import { type App, type AppOptions, buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { createSimulator } from '../../src/simulator/index.ts';
import type { Simulator, SimulatorOptions } from '../../src/simulator/types.ts';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface TestGateway {
  sim: Simulator;
  app: App;
  url: string;
  /** POSTs a GraphQL request to the real server and parses the answer. */
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<T>>;
  /** Requests to one simulator route since the last `resetCounts()`. */
  count(route: string): number;
  resetCounts(): void;
}

/**
 * Starts a simulator and a gateway pointed at it, both on 127.0.0.1 port 0, for the calling test
 * file, and stops both after it. Use the returned object inside tests (it fills in at beforeAll).
 */
export interface GatewayTestOptions {
  app?: AppOptions;
  /** Registers the gateway's receiver with the simulator, as `npm start` does in embedded mode. */
  deliverWebhooks?: boolean;
}

export function useGateway(
  simOptions: SimulatorOptions = {},
  env: Record<string, string> = {},
  more: GatewayTestOptions = {},
): TestGateway {
  const gateway = {} as TestGateway;
  beforeAll(async () => {
    const sim = createSimulator({ processingMs: 50, ...simOptions });
    await sim.start();
    const config = loadConfig({ LOG_LEVEL: 'silent', ...env });
    const app = buildApp(
      { ...config, catena: { ...config.catena, apiUrl: sim.url, tokenUrl: sim.tokenUrl } },
      { logger: createLogger('silent'), ...more.app },
    );
    const url = await app.start(0, '127.0.0.1');
    if (more.deliverWebhooks) {
      sim.control.registerWebhook({ url: `${url}/webhooks/catena`, secret: config.webhookSecrets[0] ?? '' });
    }
    Object.assign(gateway, {
      sim,
      app,
      url,
      async gql(query: string, variables?: Record<string, unknown>) {
        const res = await request(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
          body: JSON.stringify({ query, variables }),
        });
        return { status: res.statusCode, ...((await res.body.json()) as object) };
      },
      count: (route: string) => sim.control.requestCounts()[route] ?? 0,
      resetCounts: () => sim.control.resetRequestCounts(),
    });
  });
  afterAll(async () => {
    await gateway.app?.stop();
    await gateway.sim?.stop();
  });
  return gateway;
}

export const ROUTES = {
  token: 'POST /realms/catena/protocol/openid-connect/token',
  listConnections: 'GET /v2/integrations/connections',
  getConnection: 'GET /v2/integrations/connections/:connection_id',
  listOperations: 'GET /v2/integrations/connections/resource-operations',
  getOperation: 'GET /v2/integrations/connections/:connection_id/resource-operations/:resource_operation_id',
} as const;

/** The `gql` surface of TestGateway for a gateway at `url` (another process, or a custom app). */
export function remoteGateway(url: string): Pick<TestGateway, 'url' | 'gql'> {
  return {
    url,
    async gql<T>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> {
      const res = await request(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.statusCode, ...((await res.body.json()) as object) };
    },
  };
}
