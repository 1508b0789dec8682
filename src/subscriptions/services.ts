/**
 * Builds the event side of the gateway: the hub with its stores and log, and the missed-webhook
 * poller. In memory (one replica), or on Redis for several: then every replica shares dedupe,
 * latest states, the event log (which is also how events reach each replica) and poll locks.
 */
import { randomUUID } from 'node:crypto';
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
  createRedisDedupeStore,
  createRedisEventLog,
  createRedisLatestStateStore,
  createRedisPollLock,
  type RedisClients,
} from './redis.ts';
import { createRedisEventFeed } from './redis-event-feed.ts';
import {
  createMemoryDedupeStore,
  createMemoryLatestStateStore,
  type DedupeStore,
  type LatestStateStore,
} from './stores.ts';

export interface EventServicesOptions {
  catena: CatenaClient;
  logger: Logger;
  /** Shares everything through this Redis; every key starts with `prefix`. */
  redis?: { clients: RedisClients; prefix: string };
  /** Any store given here replaces the one chosen (tests). */
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

/** The stores for `redis`, or none (the hub's in-memory defaults). */
function redisStores({ clients, prefix }: NonNullable<EventServicesOptions['redis']>, logger: Logger) {
  const feed = createRedisEventFeed({ reader: clients.reader, prefix, logger });
  return {
    feed,
    stores: {
      eventTarget: feed.eventTarget,
      publish: 'appended' as const,
      delivered: feed.delivered,
      dedupe: createRedisDedupeStore(clients.command, prefix),
      states: createRedisLatestStateStore(clients.command, prefix),
      log: createRedisEventLog(clients.command, prefix),
      pollLock: createRedisPollLock(clients.command, prefix, randomUUID()),
    } satisfies Partial<EventServicesOptions>,
  };
}

export function createEventServices(given: EventServicesOptions): EventServices {
  const distributed = given.redis && redisStores(given.redis, given.logger);
  const options = { ...distributed?.stores, ...given };
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
      await distributed?.feed.close();
    },
  };
}
