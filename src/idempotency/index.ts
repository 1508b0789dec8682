/** The idempotency store for this deployment: on Redis when there is one (several replicas), else in memory. */
import type { Redis } from 'ioredis';
import { createMemoryIdempotencyStore } from './memory.ts';
import { createRedisIdempotencyStore } from './redis.ts';
import type { IdempotencyStore } from './store.ts';

export type { IdempotencyStore } from './store.ts';

export function createIdempotencyStore(redis: Redis | undefined, prefix: string): IdempotencyStore {
  return redis ? createRedisIdempotencyStore(redis, { prefix }) : createMemoryIdempotencyStore();
}
