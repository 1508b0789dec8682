/**
 * Embedded mode (no CATENA_API_URL): the Catena simulator runs in this process on a free port and
 * the gateway points itself at it, so `npm start` on a fresh machine is a working system. The
 * simulator delivers its webhooks to this gateway, signed with the first configured secret.
 */
import type { ExampleIds } from './schema/examples.ts';
import { createSimulator } from './simulator/index.ts';
import type { Simulator, SimulatorFixtures } from './simulator/types.ts';

export interface EmbeddedCatena {
  apiUrl: string;
  tokenUrl: string;
  simulator: Simulator;
  /** Seed ids the GraphiQL write examples can use as they are. */
  exampleIds: ExampleIds;
  /** Points the simulator's `resource_operation.*` webhooks at the gateway once it listens. */
  deliverWebhooksTo(gatewayUrl: string, secret: string): void;
  stop(): Promise<void>;
}

export async function startEmbeddedCatena(host: string): Promise<EmbeddedCatena> {
  const simulator = createSimulator();
  const apiUrl = await simulator.start(0, host);
  return {
    simulator,
    exampleIds: exampleIdsFrom(simulator.fixtures),
    apiUrl,
    tokenUrl: simulator.tokenUrl,
    deliverWebhooksTo(gatewayUrl, secret) {
      simulator.control.registerWebhook({
        url: `${gatewayUrl}/webhooks/catena`,
        secret,
        eventName: 'resource_operation.*',
      });
    },
    stop: () => simulator.stop(),
  };
}

/** Ids of a writable seed connection and its records, for the GraphiQL write examples. */
export function exampleIdsFrom(fixtures: SimulatorFixtures): ExampleIds {
  const connection = fixtures.connections.find((c) => c.shareLevel === 'read_write' && c.status === 'active');
  const on = <T extends { connectionId: string; id: string }>(records: T[]) =>
    records.filter((r) => r.connectionId === connection?.id).map((r) => r.id);
  const [driverId = '', otherUserId = ''] = on(fixtures.users);
  return {
    connectionId: connection?.id ?? '',
    driverId,
    otherUserId,
    vehicleId: on(fixtures.vehicles)[0] ?? '',
    trailerId: on(fixtures.trailers)[0] ?? '',
    workflowId: on(fixtures.workflows)[0] ?? '',
  };
}
