/**
 * One stream of results shared by many consumers: the mechanism behind identical live
 * subscriptions executed once (shared-subscriptions.ts decides which qualify and keys them).
 * Thousands of browsers watching the same events would otherwise each execute every event for
 * themselves (BENCHMARKS.md). Only pure live streams qualify: nothing per client (no replay, no
 * current state).
 */
import type { ExecutionResult } from 'graphql';

type Result = ExecutionResult;
type Source = AsyncIterator<Result> & Partial<AsyncIterable<Result>>;

/** Results a slow client may fall behind by before it is dropped (it can resume with `after`). */
export const MAX_QUEUE = 10_000;

interface Consumer {
  push(result: Result): void;
  end(error?: unknown): void;
}

interface Broadcast {
  consumers: Set<Consumer>;
  source: Source;
  /** Removes this broadcast's entry, unless a newer one took the key. */
  forget(): void;
}

export interface SharedStreams {
  /**
   * The results of `start()` for `key`: started by the first subscriber, shared by the rest, ended
   * when the last one leaves.
   */
  join(key: string, start: () => Promise<Source | Result>): Promise<AsyncIterableIterator<Result> | Result>;
  /** Shared executions running now. */
  readonly streams: number;
}

export function createSharedStreams(): SharedStreams {
  const broadcasts = new Map<string, Promise<Broadcast | Result>>();

  const pump = async (broadcast: Broadcast) => {
    let failure: unknown;
    try {
      for (;;) {
        const { value, done } = await broadcast.source.next();
        if (done) break;
        for (const consumer of broadcast.consumers) consumer.push(value);
      }
    } catch (error) {
      failure = error;
    }
    broadcast.forget();
    for (const consumer of broadcast.consumers) consumer.end(failure);
  };

  const consumer = (broadcast: Broadcast): AsyncIterableIterator<Result> => {
    const queue: Result[] = [];
    let waiting: ((r: IteratorResult<Result>) => void) | undefined;
    let failed: ((e: unknown) => void) | undefined;
    let finished = false;
    let error: unknown;
    const self: Consumer = {
      push(result) {
        if (waiting) {
          const resolve = waiting;
          waiting = undefined;
          failed = undefined;
          resolve({ value: result, done: false });
        } else if (queue.length >= MAX_QUEUE) {
          self.end(new Error('the client fell too far behind; resubscribe (with after: to resume)'));
        } else {
          queue.push(result);
        }
      },
      end(e) {
        if (finished) return;
        finished = true;
        error = e;
        leave();
        if (waiting) {
          const resolve = waiting;
          const reject = failed;
          waiting = undefined;
          failed = undefined;
          if (e !== undefined && reject) reject(e);
          else resolve({ value: undefined, done: true });
        }
      },
    };
    const leave = () => {
      if (!broadcast.consumers.delete(self)) return;
      if (broadcast.consumers.size === 0) {
        broadcast.forget();
        void broadcast.source.return?.();
      }
    };
    broadcast.consumers.add(self);
    return {
      [Symbol.asyncIterator]() {
        return this;
      },
      next() {
        const queued = queue.shift();
        if (queued) return Promise.resolve({ value: queued, done: false });
        if (finished)
          return error !== undefined
            ? Promise.reject(error)
            : Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve, reject) => {
          waiting = resolve;
          failed = reject;
        });
      },
      async return() {
        self.end();
        return { value: undefined, done: true };
      },
      async throw(e?: unknown) {
        self.end(e);
        return { value: undefined, done: true };
      },
    };
  };

  return {
    async join(key, start) {
      let pending = broadcasts.get(key);
      if (!pending) {
        const mine: Promise<Broadcast | Result> = start().then((started) => {
          if (typeof (started as Source).next !== 'function') return started as Result;
          const broadcast: Broadcast = {
            consumers: new Set(),
            source: started as Source,
            forget: () => {
              if (broadcasts.get(key) === mine) broadcasts.delete(key);
            },
          };
          // The pump starts once the first consumer is attached (this tick), so nothing is missed.
          queueMicrotask(() => void pump(broadcast));
          return broadcast;
        });
        pending = mine;
        broadcasts.set(key, mine);
        // An execution that answered with errors (no stream) is not shared.
        void mine.then(
          (b) => {
            if (!('consumers' in b) && broadcasts.get(key) === mine) broadcasts.delete(key);
          },
          () => {
            if (broadcasts.get(key) === mine) broadcasts.delete(key);
          },
        );
      }
      const broadcast = await pending;
      return 'consumers' in broadcast ? consumer(broadcast) : broadcast;
    },
    get streams() {
      return broadcasts.size;
    },
  };
}
