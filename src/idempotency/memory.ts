import { IDEMPOTENCY_TTL_MS, type IdempotencyStore, type IdempotentOutcome } from './store.ts';

type Entry =
  | { state: 'running'; fingerprint: string; expiresAt: number; waiters: (() => void)[] }
  | { state: 'done'; fingerprint: string; expiresAt: number; outcome: IdempotentOutcome };

/** One replica's idempotency store: a map with expiry, swept as it is used. */
export function createMemoryIdempotencyStore(ttlMs = IDEMPOTENCY_TTL_MS, now = Date.now): IdempotencyStore {
  const entries = new Map<string, Entry>();
  let sweptAt = now();

  const wake = (entry: Entry | undefined) => {
    if (entry?.state === 'running') for (const waiter of entry.waiters) waiter();
  };
  const live = (key: string): Entry | undefined => {
    const t = now();
    if (t - sweptAt > 60_000) {
      sweptAt = t;
      for (const [k, e] of entries) if (e.expiresAt <= t) entries.delete(k);
    }
    const entry = entries.get(key);
    if (entry && entry.expiresAt <= t) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };

  return {
    async claim(key, fingerprint) {
      const entry = live(key);
      if (!entry) {
        entries.set(key, { state: 'running', fingerprint, expiresAt: now() + ttlMs, waiters: [] });
        return { state: 'claimed' };
      }
      return entry.state === 'running'
        ? { state: 'running', fingerprint: entry.fingerprint }
        : { state: 'done', fingerprint: entry.fingerprint, outcome: entry.outcome };
    },
    async finish(key, fingerprint, outcome) {
      const previous = entries.get(key);
      entries.set(key, { state: 'done', fingerprint, outcome, expiresAt: now() + ttlMs });
      wake(previous);
    },
    async release(key) {
      const previous = entries.get(key);
      entries.delete(key);
      wake(previous);
    },
    settled(key, timeoutMs) {
      const entry = live(key);
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
      for (const entry of entries.values()) wake(entry);
      entries.clear();
    },
  };
}
