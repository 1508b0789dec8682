/**
 * The state the event hub shares between replicas: which deliveries and states were seen already
 * (dedupe) and the latest known state of each operation (ordering, missed-webhook polling). In
 * memory here; the Redis implementation keeps the same contracts with atomic operations.
 */
import type { ResourceOperation } from '../catena/schemas.ts';
import { isNewer } from './events.ts';

export interface DedupeStore {
  /** True the first time `key` is seen within `ttlMs` (atomic set-if-absent). */
  firstTime(key: string, ttlMs: number): Promise<boolean>;
  /** Forgets `key` (a delivery that failed half way must be processed again when retried). */
  forget(key: string): Promise<void>;
}

export interface LatestStateStore {
  /** Records `op` if it is newer than the known state; true when it was. */
  advance(op: ResourceOperation): Promise<boolean>;
  get(operationId: string): Promise<ResourceOperation | undefined>;
}

/** A bounded map with expiry: oldest entries go first once `maxEntries` is reached. */
class ExpiringMap<V> {
  private readonly entries = new Map<string, { value: V; expiresAt: number }>();
  constructor(
    private readonly maxEntries: number,
    private readonly now: () => number,
  ) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: V, ttlMs: number): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt: this.now() + ttlMs });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}

export function createMemoryDedupeStore(maxEntries = 200_000, now = Date.now): DedupeStore {
  const seen = new ExpiringMap<true>(maxEntries, now);
  return {
    async firstTime(key, ttlMs) {
      if (seen.get(key)) return false;
      seen.set(key, true, ttlMs);
      return true;
    },
    async forget(key) {
      seen.delete(key);
    },
  };
}

/** Latest states are kept a day: long after any operation stops changing. */
export const LATEST_STATE_TTL_MS = 24 * 60 * 60 * 1000;

export function createMemoryLatestStateStore(maxEntries = 200_000, now = Date.now): LatestStateStore {
  const latest = new ExpiringMap<ResourceOperation>(maxEntries, now);
  return {
    async advance(op) {
      if (!isNewer(op, latest.get(op.id))) return false;
      latest.set(op.id, op, LATEST_STATE_TTL_MS);
      return true;
    },
    async get(id) {
      return latest.get(id);
    },
  };
}
