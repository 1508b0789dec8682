/**
 * The event side on Redis, for several replicas: dedupe and latest states with atomic commands, the
 * event log as a capped stream (which is also how events reach every replica: see
 * redis-event-feed.ts), and a lock so one replica polls a given operation. Every key starts with
 * the configured prefix, so several gateways (or test runs) can share one Redis.
 */
import type { Redis } from 'ioredis';
import type { ResourceOperation } from '../catena/schemas.ts';
import { type EventLog, type EventLogLimits, ResumeError } from './event-log.ts';
import { type OperationEvent, stateKey } from './events.ts';
import type { PollLock } from './poller.ts';
import { type DedupeStore, LATEST_STATE_TTL_MS, type LatestStateStore } from './stores.ts';

export interface RedisClients {
  /** Commands; fails fast while Redis is away (no offline queue). */
  command: Redis;
  /** The event stream's blocking reads (XREAD BLOCK); queues and retries across reconnects. */
  reader: Redis;
}

export function createRedisDedupeStore(redis: Redis, prefix: string): DedupeStore {
  return {
    async firstTime(key, ttlMs) {
      return (await redis.set(`${prefix}seen:${key}`, '1', 'PX', ttlMs, 'NX')) === 'OK';
    },
    async forget(key) {
      await redis.del(`${prefix}seen:${key}`);
    },
  };
}

// Compare-and-set of an operation's latest state: newer updated_at, or at the same instant a
// further status. Atomic, so two replicas ingesting two states of one operation cannot both win.
const ADVANCE = `
local current = redis.call('HMGET', KEYS[1], 't', 'r')
if current[1] then
  local t, r = tonumber(current[1]), tonumber(current[2])
  local nt, nr = tonumber(ARGV[1]), tonumber(ARGV[2])
  if nt < t or (nt == t and nr <= r) then return 0 end
end
redis.call('HSET', KEYS[1], 't', ARGV[1], 'r', ARGV[2], 'op', ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 1`;

const RANK: Record<string, number> = { pending: 0, success: 1, failed: 1 };

export function createRedisLatestStateStore(redis: Redis, prefix: string): LatestStateStore {
  return {
    async advance(op) {
      const key = `${prefix}state:${op.id}`;
      const won = await redis.eval(
        ADVANCE,
        1,
        key,
        Date.parse(op.updated_at),
        RANK[op.status] ?? 0,
        JSON.stringify(op),
        LATEST_STATE_TTL_MS,
      );
      return won === 1;
    },
    async get(id) {
      const json = await redis.hget(`${prefix}state:${id}`, 'op');
      return json ? (JSON.parse(json) as ResourceOperation) : undefined;
    },
  };
}

export function createRedisPollLock(redis: Redis, prefix: string, owner: string): PollLock {
  return {
    async acquire(operationId, ttlMs) {
      const key = `${prefix}poll:${operationId}`;
      if ((await redis.set(key, owner, 'PX', ttlMs, 'NX')) === 'OK') return true;
      // Still ours from the previous round: extend it.
      return (await redis.get(key)) === owner && (await redis.pexpire(key, ttlMs)) === 1;
    },
  };
}

const STREAM_ID = /^\d+-\d+$/;

/** The stream that is the event log. */
export const eventsKey = (prefix: string) => `${prefix}events`;

/** An entry of the event stream as the event it carries; undefined for an entry that is not one. */
export function parseStreamEntry([id, fields]: [string, string[]]): OperationEvent | undefined {
  try {
    const event = JSON.parse(fields[1] ?? '') as Omit<OperationEvent, 'eventId'>;
    return event?.operation?.id ? { ...event, eventId: id } : undefined;
  } catch {
    return undefined;
  }
}

export function compareStreamIds(a: string, b: string): number {
  const [am = 0, as = 0] = a.split('-').map(Number);
  const [bm = 0, bs = 0] = b.split('-').map(Number);
  return am !== bm ? am - bm : as - bs;
}

/**
 * The event log as a Redis stream, capped by count on every append (approximate trimming) and by
 * age now and then; an event's id is its stream id.
 */
export function createRedisEventLog(
  redis: Redis,
  prefix: string,
  { maxEvents = 10_000, maxAgeMs = 60 * 60 * 1000, now = Date.now }: EventLogLimits = {},
): EventLog {
  const key = eventsKey(prefix);
  let appends = 0;
  return {
    async append(partial) {
      const id = await redis.xadd(key, 'MAXLEN', '~', maxEvents, '*', 'e', JSON.stringify(partial));
      if (!id) throw new Error('XADD returned no id');
      if (++appends % 100 === 0) await redis.xtrim(key, 'MINID', '~', `${now() - maxAgeMs}-0`);
      return { ...partial, eventId: id };
    },
    async after(eventId) {
      if (!STREAM_ID.test(eventId)) throw new ResumeError(`event ${eventId} is not in the event log`);
      const [oldest] = await redis.xrange(key, '-', '+', 'COUNT', 1);
      const exact = await redis.xrange(key, eventId, eventId);
      if (exact.length === 0) {
        throw new ResumeError(
          oldest && compareStreamIds(eventId, oldest[0]) < 0
            ? `event ${eventId} is no longer in the event log (it keeps ${maxEvents} events for ${maxAgeMs / 1000} s); re-read the state and subscribe without after`
            : `event ${eventId} is not in the event log`,
        );
      }
      // A state logged twice (two replicas after Redis lost its dedupe keys) is replayed once.
      const events: OperationEvent[] = [];
      const states = new Set<string>();
      let from = `(${eventId}`;
      for (;;) {
        const batch = await redis.xrange(key, from, '+', 'COUNT', 1000);
        for (const entry of batch) {
          const event = parseStreamEntry(entry);
          if (!event || states.has(stateKey(event.operation))) continue;
          states.add(stateKey(event.operation));
          events.push(event);
        }
        const last = batch.at(-1);
        if (!last || batch.length < 1000) return events;
        from = `(${last[0]}`;
      }
    },
    compare: compareStreamIds,
  };
}
