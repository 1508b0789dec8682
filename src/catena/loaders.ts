/**
 * Per-request batching over Catena's by-id reads. Catena has no multi-id endpoints, so a batch is
 * one concurrent GET per distinct key: what the loaders save is every repeat of a key within a
 * request (200 operations on 3 connections cost 3 connection reads). Created fresh for every
 * request and every subscription event, never shared, so no cache outlives what it served.
 */
import DataLoader from 'dataloader';
import type { CallOptions, CatenaClient } from './client.ts';
import { CatenaNotFoundError } from './errors.ts';
import type { Connection, ResourceOperation } from './schemas.ts';

/** Upper bound on concurrent by-id reads one batch may start. */
export const MAX_BATCH_SIZE = 100;

export interface OperationKey {
  connectionId: string;
  id: string;
}

/** A 404 is an answer (`null`); any other failure stays an error for that key only. */
function settle<T>(promise: Promise<T>): Promise<T | null | Error> {
  return promise.catch((error: unknown) => {
    if (error instanceof CatenaNotFoundError) return null;
    return error instanceof Error ? error : new Error(String(error));
  });
}

export function createLoaders(catena: CatenaClient, call: CallOptions = {}) {
  return {
    connectionById: new DataLoader<string, Connection | null>(
      (ids) => Promise.all(ids.map((id) => settle(catena.getConnection(id, call)))),
      { maxBatchSize: MAX_BATCH_SIZE },
    ),
    operationByKey: new DataLoader<OperationKey, ResourceOperation | null, string>(
      (keys) => Promise.all(keys.map((k) => settle(catena.getResourceOperation(k.connectionId, k.id, call)))),
      { maxBatchSize: MAX_BATCH_SIZE, cacheKeyFn: (k) => `${k.connectionId}:${k.id}` },
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** Empties every loader's cache (a subscription's next event must read Catena afresh). */
export function clearLoaders(loaders: Loaders): void {
  loaders.connectionById.clearAll();
  loaders.operationByKey.clearAll();
}
