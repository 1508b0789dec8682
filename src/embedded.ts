/**
 * Embedded mode (no CATENA_API_URL): the Catena simulator runs in this process on a free port and
 * the gateway points itself at it, so `npm start` on a fresh machine is a working system. The
 * simulator delivers its webhooks to this gateway, signed with the first configured secret.
 */
import type { ResolvedCatena } from './app.ts';
import { createSimulator } from './simulator/index.ts';
import type { Simulator } from './simulator/types.ts';

export interface EmbeddedCatena extends ResolvedCatena {
  simulator: Simulator;
  /** Points the simulator's `resource_operation.*` webhooks at the gateway once it listens. */
  deliverWebhooksTo(gatewayUrl: string, secret: string): void;
  stop(): Promise<void>;
}

export async function startEmbeddedCatena(host: string): Promise<EmbeddedCatena> {
  const simulator = createSimulator();
  const apiUrl = await simulator.start(0, host);
  return {
    simulator,
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
