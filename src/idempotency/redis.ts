/**
 * Idempotency keys on Redis: the claim is an atomic SET NX, so of concurrent calls with one key on
 * any number of replicas exactly one writes to Catena. A claim whose replica dies expires after
 * `claimTtlMs`; the outcome is kept for the full time to live.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import { type Claim, IDEMPOTENCY_TTL_MS, type IdempotencyStore, type IdempotentOutcome } from './store.ts';

type Stored =
  | { state: 'running'; fingerprint: string }
  | { state: 'done'; fingerprint: string; outcome: IdempotentOutcome };

export interface RedisIdempotencyOptions {
  prefix: string;
  ttlMs?: number;
  /** How long a claim survives without an outcome (its replica may have died) [60 s]. */
  claimTtlMs?: number;
  /** How often `settled` looks again [50 ms]. */
  pollMs?: number;
}

export function createRedisIdempotencyStore(
  redis: Redis,
  options: RedisIdempotencyOptions,
): IdempotencyStore {
  const { prefix, ttlMs = IDEMPOTENCY_TTL_MS, claimTtlMs = 60_000, pollMs = 50 } = options;
  const keyOf = (key: string) => `${prefix}idem:${key}`;
  const read = async (key: string): Promise<Stored | undefined> => {
    const json = await redis.get(keyOf(key));
    return json ? (JSON.parse(json) as Stored) : undefined;
  };

  return {
    async claim(key, fingerprint): Promise<Claim> {
      for (let attempt = 0; attempt < 3; attempt++) {
        const running: Stored = { state: 'running', fingerprint };
        if ((await redis.set(keyOf(key), JSON.stringify(running), 'PX', claimTtlMs, 'NX')) === 'OK') {
          return { state: 'claimed' };
        }
        const stored = await read(key);
        if (stored) return stored; // { state: 'running' | 'done', ... }
        // It expired between the two commands: try to claim again.
      }
      throw new Error(`idempotency key ${key} could not be claimed`);
    },
    async finish(key, fingerprint, outcome) {
      const done: Stored = { state: 'done', fingerprint, outcome };
      await redis.set(keyOf(key), JSON.stringify(done), 'PX', ttlMs);
    },
    async release(key) {
      await redis.del(keyOf(key));
    },
    async settled(key, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if ((await read(key))?.state !== 'running') return;
        await sleep(pollMs);
      }
    },
    async close() {},
  };
}
