/**
 * Missed webhooks: Catena stops delivering to a subscription it marks stale, and deliveries get
 * lost. While anyone watches a pending operation and no event about it has come for a while, the
 * operation is read from Catena, with backoff, and whatever changed goes through the hub like a
 * webhook would. One poll per operation however many watchers.
 */
import type { CatenaClient } from '../catena/client.ts';
import { CatenaNotFoundError } from '../catena/errors.ts';
import type { Logger } from '../logger.ts';
import { isTerminal } from './events.ts';
import type { EventHub } from './hub.ts';

/** Lets one replica poll a given operation at a time (always granted on a single replica). */
export interface PollLock {
  acquire(operationId: string, ttlMs: number): Promise<boolean>;
}

export interface StalePollerOptions {
  hub: EventHub;
  lock?: PollLock;
  catena: CatenaClient;
  logger: Logger;
  /** Poll once no event about a watched operation has come for this long [10 s]. */
  staleAfterMs?: number;
  /** Backoff doubles up to this [60 s]. */
  maxIntervalMs?: number;
}

export interface StalePoller {
  /** Watches a pending operation until the returned function is called (or it ends). */
  watch(connectionId: string, operationId: string): () => void;
  /** Operations watched now (for tests and metrics). */
  readonly watching: number;
  close(): void;
}

interface Watch {
  connectionId: string;
  refs: number;
  intervalMs: number;
  timer?: NodeJS.Timeout;
}

export function createStalePoller({
  hub,
  lock = { acquire: async () => true },
  catena,
  logger,
  staleAfterMs = 10_000,
  maxIntervalMs = 60_000,
}: StalePollerOptions): StalePoller {
  const watches = new Map<string, Watch>();

  const stop = (operationId: string) => {
    clearTimeout(watches.get(operationId)?.timer);
    watches.delete(operationId);
  };

  const schedule = (operationId: string, watch: Watch, delayMs: number) => {
    clearTimeout(watch.timer);
    watch.timer = setTimeout(() => void poll(operationId, watch), delayMs);
    watch.timer.unref();
  };

  async function poll(operationId: string, watch: Watch) {
    try {
      // Another replica polling this operation publishes what it finds to everyone.
      if (!(await lock.acquire(operationId, watch.intervalMs * 2))) {
        schedule(operationId, watch, watch.intervalMs);
        return;
      }
      const op = await catena.getResourceOperation(watch.connectionId, operationId);
      if ((await hub.ingest(op, 'poll')) === 'published') {
        logger.info({ operationId, status: op.status }, 'a missed webhook was recovered by polling Catena');
      }
      if (isTerminal(op)) {
        stop(operationId);
        return;
      }
    } catch (error) {
      if (error instanceof CatenaNotFoundError) {
        stop(operationId);
        return;
      }
      logger.warn({ err: error, operationId }, 'polling a watched operation failed');
    }
    if (watches.get(operationId) !== watch) return; // unwatched meanwhile
    watch.intervalMs = Math.min(watch.intervalMs * 2, maxIntervalMs);
    schedule(operationId, watch, watch.intervalMs);
  }

  const unsubscribe = hub.onEvent((event) => {
    const watch = watches.get(event.operation.id);
    if (!watch) return;
    if (isTerminal(event.operation)) {
      stop(event.operation.id);
    } else {
      watch.intervalMs = staleAfterMs;
      schedule(event.operation.id, watch, staleAfterMs);
    }
  });

  return {
    watch(connectionId, operationId) {
      let watch = watches.get(operationId);
      if (!watch) {
        watch = { connectionId, refs: 0, intervalMs: staleAfterMs };
        watches.set(operationId, watch);
        schedule(operationId, watch, staleAfterMs);
      }
      watch.refs++;
      const mine = watch;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        mine.refs--;
        if (mine.refs <= 0 && watches.get(operationId) === mine) stop(operationId);
      };
    },
    get watching() {
      return watches.size;
    },
    close() {
      unsubscribe();
      for (const id of [...watches.keys()]) stop(id);
    },
  };
}
