import { LRUCache } from 'lru-cache';
import { IDEMPOTENCY_TTL_MS, type IdempotencyStore, type IdempotentOutcome } from './store.ts';

type Entry =
  | { state: 'running'; fingerprint: string; waiters: (() => void)[] }
  | { state: 'done'; fingerprint: string; outcome: IdempotentOutcome };

/** Keys one replica remembers at most; past it the least recently used key is forgotten first. */
export const MAX_MEMORY_IDEMPOTENCY_KEYS = 100_000;

/**
 * One replica's idempotency store: an LRU with each key's time to live. A running key's waiters
 * are woken whenever its entry goes (finished, released, expired, evicted or closed).
 */
export function createMemoryIdempotencyStore(
  ttlMs = IDEMPOTENCY_TTL_MS,
  now: () => number = Date.now,
  max = MAX_MEMORY_IDEMPOTENCY_KEYS,
): IdempotencyStore {
  const entries = new LRUCache<string, Entry>({
    max,
    ttl: ttlMs,
    ttlResolution: 0,
    perf: { now },
    dispose: (entry) => {
      if (entry.state === 'running') for (const waiter of entry.waiters) waiter();
    },
  });

  return {
    async claim(key, fingerprint) {
      const entry = entries.get(key);
      if (!entry) {
        entries.set(key, { state: 'running', fingerprint, waiters: [] });
        return { state: 'claimed' };
      }
      return entry.state === 'running'
        ? { state: 'running', fingerprint: entry.fingerprint }
        : { state: 'done', fingerprint: entry.fingerprint, outcome: entry.outcome };
    },
    async finish(key, fingerprint, outcome) {
      entries.set(key, { state: 'done', fingerprint, outcome });
    },
    async release(key) {
      entries.delete(key);
    },
    settled(key, timeoutMs) {
      const entry = entries.get(key);
      if (entry?.state !== 'running') return Promise.resolve();
      return new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        entry.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
    async close() {
      entries.clear();
    },
  };
}
