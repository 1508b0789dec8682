/**
 * Builds the event side of the gateway: the hub with its stores and log, and the missed-webhook
 * poller. In memory unless distributed stores are passed in (Redis, for several replicas).
 */
import type { PubSubEventTarget } from 'graphql-yoga';
import type { CatenaClient } from '../catena/client.ts';
import { type ConnectionDirectory, createConnectionDirectory } from '../catena/connection-directory.ts';
import type { ResourceOperation } from '../catena/schemas.ts';
import type { Logger } from '../logger.ts';
import { createMemoryEventLog, type EventLog } from './event-log.ts';
import { createEventPubSub, type Topics } from './events.ts';
import { createEventHub, type EventHub, type EventHubOptions } from './hub.ts';
import { createStalePoller, type PollLock, type StalePoller } from './poller.ts';
import {
  createMemoryDedupeStore,
  createMemoryLatestStateStore,
  type DedupeStore,
  type LatestStateStore,
} from './stores.ts';

export interface EventServicesOptions {
  catena: CatenaClient;
  logger: Logger;
  eventTarget?: PubSubEventTarget<Topics>;
  dedupe?: DedupeStore;
  states?: LatestStateStore;
  log?: EventLog;
  /** Told what the hub does with each state (metrics). */
  observe?: EventHubOptions['observe'];
  /** Distributed publishing and polling (Redis). */
  publish?: EventHubOptions['publish'];
  delivered?: EventHubOptions['delivered'];
  pollLock?: PollLock;
  /** See StalePollerOptions. */
  staleAfterMs?: number;
  maxPollIntervalMs?: number;
}

export interface EventServices {
  hub: EventHub;
  /** Connections by id, cached briefly: their fleet when only the id is known. */
  directory: ConnectionDirectory;
  poller: StalePoller;
  dedupe: DedupeStore;
  close(): Promise<void>;
}

export function createEventServices(options: EventServicesOptions): EventServices {
  const directory = createConnectionDirectory(options.catena);
  const dedupe = options.dedupe ?? createMemoryDedupeStore();
  const hub = createEventHub({
    pubsub: createEventPubSub(options.eventTarget),
    publish: options.publish,
    delivered: options.delivered,
    observe: options.observe,
    dedupe,
    states: options.states ?? createMemoryLatestStateStore(),
    log: options.log ?? createMemoryEventLog(),
    enrich: async (op: ResourceOperation) => {
      if (op.fleet_ref !== undefined && op.source_name) return op;
      const connection = await directory.get(op.connection_id);
      if (!connection) return op;
      return {
        ...op,
        fleet_ref: op.fleet_ref ?? connection.fleet_ref ?? null,
        source_name: op.source_name ?? connection.source_name,
      };
    },
  });
  const poller = createStalePoller({
    hub,
    lock: options.pollLock,
    catena: options.catena,
    logger: options.logger,
    staleAfterMs: options.staleAfterMs,
    maxIntervalMs: options.maxPollIntervalMs,
  });
  return {
    hub,
    directory,
    poller,
    dedupe,
    async close() {
      poller.close();
      await hub.close();
    },
  };
}
