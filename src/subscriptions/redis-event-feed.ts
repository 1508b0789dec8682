/**
 * Live delivery across replicas, read from the event log itself: every replica follows the Redis
 * stream with `XREAD BLOCK` from the last id it delivered, and hands each entry to its local
 * subscribers. The entry the hub appends is the publication, so there is no second step (a
 * pub/sub publish) that a dying replica or a Redis restart could skip: what is in the stream
 * reaches every replica, after any outage, in stream order, once.
 *
 * Once, also when Redis loses its data: each replica remembers the states it delivered (a bounded
 * window of state keys) and delivers a state only the first time, whichever entry carries it. The
 * hub asks the same window before it appends, so a Catena re-delivery after a data loss is not
 * appended again either. After a restart that lost the stream, a new stream can start below the
 * last id read (another Redis host's clock); the reader then reads the new stream from its start,
 * and the window drops what it already delivered.
 */
import { setMaxListeners } from 'node:events';
import type { PubSubEventTarget } from 'graphql-yoga';
import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';
import type { Logger } from '../logger.ts';
import { OPERATION_EVENTS, type OperationEvent, stateKey, type Topics } from './events.ts';
import { compareStreamIds, eventsKey, parseStreamEntry } from './redis.ts';

export interface RedisEventFeedOptions {
  /** A connection of its own: `XREAD BLOCK` holds it (queues across reconnects, no timeout). */
  reader: Redis;
  prefix: string;
  logger: Logger;
  /** States remembered for dedupe per replica [50,000]. */
  windowSize?: number;
  /** How long one XREAD waits for entries before asking again [5 s]. */
  blockMs?: number;
  /** How many of the stream's newest entries fill the window at start [10,000]. */
  warmEntries?: number;
}

export interface RedisEventFeed {
  /** Where the hub's subscribers listen: fed by this replica's stream reader only. */
  eventTarget: PubSubEventTarget<Topics>;
  /** Whether this replica delivered this state already (see `stateKey`). */
  delivered(key: string): boolean;
  /** The last stream id delivered (for tests and metrics). */
  readonly lastId: string;
  close(): Promise<void>;
}

const READ_COUNT = 500;

export function createRedisEventFeed({
  reader,
  prefix,
  logger,
  windowSize = 50_000,
  blockMs = 5_000,
  warmEntries = 10_000,
}: RedisEventFeedOptions): RedisEventFeed {
  const key = eventsKey(prefix);
  const target = new EventTarget();
  // Every subscription is one listener on the topic: thousands are normal, not a leak.
  setMaxListeners(Number.POSITIVE_INFINITY, target);
  const window = new LRUCache<string, true>({ max: windowSize });
  let lastId: string | undefined;
  let closed = false;
  // A command waits in ioredis's offline queue while Redis is away, maybe for good: close must not.
  let stop: () => void = () => undefined;
  const stopped = new Promise<undefined>((resolve) => {
    stop = () => resolve(undefined);
  });
  const unlessClosed = <T>(command: Promise<T>): Promise<T | undefined> => {
    command.catch(() => undefined);
    return Promise.race([command, stopped]);
  };
  // Set on every (re)connection: the stream may have been lost and started again meanwhile.
  let resync = true;
  reader.on('ready', () => {
    resync = true;
  });

  const deliver = (event: OperationEvent) => {
    const state = stateKey(event.operation);
    if (window.has(state)) return;
    window.set(state, true);
    target.dispatchEvent(new CustomEvent(OPERATION_EVENTS, { detail: event }));
  };

  /** Where to read from after a (re)connection, and the window filled from the stream's tail. */
  const position = async () => {
    const newest =
      (await unlessClosed(
        reader.xrevrange(key, '+', '-', 'COUNT', lastId === undefined ? warmEntries : 1),
      )) ?? [];
    if (lastId === undefined) {
      // At start: what is in the stream already went out before this replica; remember its states.
      for (const entry of newest.slice().reverse()) {
        const event = parseStreamEntry(entry);
        if (event) window.set(stateKey(event.operation), true);
      }
      return newest[0]?.[0] ?? '0-0';
    }
    // The stream lost (or restarted below) what was read: read the new one from its start.
    const top = newest[0]?.[0];
    if (top === undefined || compareStreamIds(top, lastId) < 0) return '0-0';
    return lastId;
  };

  const loop = (async () => {
    let failures = 0;
    while (!closed) {
      try {
        if (resync) {
          resync = false;
          const from = await position();
          if (lastId !== undefined && from !== lastId)
            logger.warn(
              { lastId },
              'the event stream was lost (Redis restarted empty); reading it from its start',
            );
          lastId = from;
        }
        if (closed) break;
        type Answer = [string, [string, string[]][]][] | null;
        const read = reader.xread('COUNT', READ_COUNT, 'BLOCK', blockMs, 'STREAMS', key, lastId ?? '$');
        const answer = (await unlessClosed(read)) as Answer | undefined;
        failures = 0;
        for (const entry of answer?.[0]?.[1] ?? []) {
          lastId = entry[0];
          const event = parseStreamEntry(entry);
          if (event) deliver(event);
        }
      } catch (error) {
        if (closed) break;
        if (failures++ === 0) logger.warn({ err: error }, 'reading the event stream failed; retrying');
        resync = true;
        await new Promise((resolve) => setTimeout(resolve, Math.min(100 * 2 ** failures, 2_000)));
      }
    }
  })();

  return {
    eventTarget: target as PubSubEventTarget<Topics>,
    delivered: (state) => window.has(state),
    get lastId() {
      return lastId ?? '';
    },
    async close() {
      closed = true;
      stop();
      reader.disconnect();
      await loop;
    },
  };
}
