/**
 * Which fleet and TSP a connection belongs to, when only its id is known (webhook records and
 * write answers may lack `fleet_ref`/`source_name`). Cached briefly; concurrent lookups of one id
 * share one read.
 */
import { LRUCache } from 'lru-cache';
import type { CatenaClient } from './client.ts';
import type { Connection } from './schemas.ts';

export interface ConnectionDirectory {
  get(connectionId: string): Promise<Connection | undefined>;
}

export function createConnectionDirectory(catena: CatenaClient, ttlMs = 60_000): ConnectionDirectory {
  const cache = new LRUCache<string, Promise<Connection | undefined>>({ max: 10_000, ttl: ttlMs });
  return {
    get(connectionId) {
      const hit = cache.get(connectionId);
      if (hit) return hit;
      const value = catena.getConnection(connectionId).catch(() => undefined);
      cache.set(connectionId, value);
      // A failed lookup is not worth remembering for the whole TTL.
      void value.then((c) => {
        if (!c) cache.delete(connectionId);
      });
      return value;
    },
  };
}
