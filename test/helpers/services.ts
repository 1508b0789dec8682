import type { CatenaClient } from '../../src/catena/client.ts';
import type { GatewayServices } from '../../src/context.ts';
import { createMemoryIdempotencyStore } from '../../src/idempotency/memory.ts';
import { createLogger } from '../../src/logger.ts';
import { createSettledWaits } from '../../src/security/waits.ts';
import { createEventServices } from '../../src/subscriptions/services.ts';

/** In-memory gateway services around `catena`, for executing the schema without a server. */
export function testServices(catena: CatenaClient): GatewayServices & { close(): Promise<void> } {
  const logger = createLogger('silent');
  const events = createEventServices({ catena, logger });
  return {
    catena,
    logger,
    idempotency: createMemoryIdempotencyStore(),
    hub: events.hub,
    poller: events.poller,
    directory: events.directory,
    waits: createSettledWaits({ maxPerViewer: 20 }),
    close: () => events.close(),
  };
}
