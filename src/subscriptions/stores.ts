/**
 * The state the event hub shares between replicas: which deliveries and states were seen already
 * (dedupe) and the latest known state of each operation (ordering, missed-webhook polling). In
 * memory here; the Redis implementation keeps the same contracts with atomic operations.
 */
import { LRUCache } from 'lru-cache';
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

/** Bounded: past `maxEntries` the least recently seen keys go first (Redis keeps them all). */
export function createMemoryDedupeStore(maxEntries = 200_000): DedupeStore {
  const seen = new LRUCache<string, true>({ max: maxEntries, ttlAutopurge: false });
  return {
    async firstTime(key, ttlMs) {
      if (seen.get(key)) return false;
      seen.set(key, true, { ttl: ttlMs });
      return true;
    },
    async forget(key) {
      seen.delete(key);
    },
  };
}

/** Latest states are kept a day: long after any operation stops changing. */
export const LATEST_STATE_TTL_MS = 24 * 60 * 60 * 1000;

export function createMemoryLatestStateStore(maxEntries = 200_000): LatestStateStore {
  const latest = new LRUCache<string, ResourceOperation>({ max: maxEntries, ttl: LATEST_STATE_TTL_MS });
  return {
    async advance(op) {
      if (!isNewer(op, latest.get(op.id))) return false;
      latest.set(op.id, op);
      return true;
    },
    async get(id) {
      return latest.get(id);
    },
  };
}
