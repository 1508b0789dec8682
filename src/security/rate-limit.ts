/**
 * Per-viewer rate limit: at most N operations per window (a minute) per `ctx.viewer.id`, counted
 * when an operation is about to execute or subscribe, so a refused one sends nothing to Catena.
 * Fixed windows: in memory for one replica, or one Redis counter per viewer and window
 * (INCR + PEXPIRE in one Lua call, so a crash between them cannot leave a counter that never
 * expires) shared by every replica. Redis being away must not take the API down with it: the
 * limiter then lets everything through and logs it once. A refused operation answers 429 with
 * Retry-After; in a batch, its result carries the error and the batch (200) the longest Retry-After.
 */
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Redis } from 'ioredis';
import type { Logger } from '../logger.ts';
import { type OperationArgs, refuseBeforeRunning } from './before-running.ts';

export interface RateLimitDecision {
  allowed: boolean;
  /** Seconds until the window resets (when refused). */
  retryAfterSeconds: number;
}

export interface RateLimiter {
  /** Counts one operation of `key` and says whether it is within the limit. */
  take(key: string): Promise<RateLimitDecision>;
}

export interface RateLimiterOptions {
  limit: number;
  windowMs: number;
}

const secondsUntil = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

export function createMemoryRateLimiter({ limit, windowMs }: RateLimiterOptions): RateLimiter {
  const windows = new Map<string, { count: number; resetAt: number }>();
  let nextSweep = 0;
  return {
    async take(key) {
      const now = Date.now();
      // Forget finished windows now and then, so one-off viewers do not accumulate.
      if (now >= nextSweep) {
        for (const [k, w] of windows) if (w.resetAt <= now) windows.delete(k);
        nextSweep = now + windowMs;
      }
      let window = windows.get(key);
      if (!window || window.resetAt <= now) {
        window = { count: 0, resetAt: now + windowMs };
        windows.set(key, window);
      }
      window.count += 1;
      return { allowed: window.count <= limit, retryAfterSeconds: secondsUntil(window.resetAt - now) };
    },
  };
}

const TAKE = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {n, ttl}`;

export function createRedisRateLimiter(
  redis: Redis,
  { limit, windowMs, prefix, logger }: RateLimiterOptions & { prefix: string; logger: Logger },
): RateLimiter {
  let failing = false;
  return {
    async take(key) {
      try {
        const [count, ttl] = (await redis.eval(TAKE, 1, `${prefix}rate:${key}`, windowMs)) as [
          number,
          number,
        ];
        if (failing) logger.info('rate limiter: Redis is back, limiting again');
        failing = false;
        return { allowed: count <= limit, retryAfterSeconds: secondsUntil(ttl) };
      } catch (error) {
        if (!failing) logger.warn({ err: error }, 'rate limiter: Redis unavailable, not limiting meanwhile');
        failing = true;
        return { allowed: true, retryAfterSeconds: 0 };
      }
    },
  };
}

/** The error a viewer over the limit gets: 429 with Retry-After on HTTP. */
export function rateLimited(limit: number, windowMs: number, retryAfterSeconds: number): GraphQLError {
  return new GraphQLError(
    `Rate limit exceeded: at most ${limit} operations per ${windowMs / 1000} s; retry in ${retryAfterSeconds} s.`,
    {
      extensions: {
        code: 'RATE_LIMITED',
        retryAfterSeconds,
        http: { status: 429, headers: { 'Retry-After': String(retryAfterSeconds) } },
      },
    },
  );
}

interface ViewerContext {
  viewer?: { id: string };
}

/** The longest wait among the RATE_LIMITED errors of a batch's results, if any. */
function batchRetryAfter(results: readonly unknown[]): number | undefined {
  let longest: number | undefined;
  for (const result of results) {
    for (const error of (result as { errors?: readonly GraphQLError[] } | null)?.errors ?? []) {
      const seconds = error.extensions?.retryAfterSeconds;
      if (error.extensions?.code === 'RATE_LIMITED' && typeof seconds === 'number')
        longest = Math.max(longest ?? 0, seconds);
    }
  }
  return longest;
}

export function useRateLimit(limiter: RateLimiter, { limit, windowMs }: RateLimiterOptions): Plugin {
  const check = async ({ contextValue }: OperationArgs) => {
    const id = (contextValue as ViewerContext | undefined)?.viewer?.id ?? 'anonymous';
    const decision = await limiter.take(id);
    return decision.allowed ? undefined : rateLimited(limit, windowMs, decision.retryAfterSeconds);
  };
  // A batch answers 200 with one result per operation, and Yoga takes no header from their
  // errors: the batch's Retry-After is set on its response here, as a single refusal has it.
  const batchWaits = new WeakMap<Request, number>();
  return {
    ...refuseBeforeRunning(check),
    onResultProcess({ request, result }) {
      const seconds = Array.isArray(result) ? batchRetryAfter(result) : undefined;
      if (seconds !== undefined) batchWaits.set(request, seconds);
    },
    onResponse({ request, response }) {
      const seconds = batchWaits.get(request);
      if (seconds !== undefined) response.headers.set('Retry-After', String(seconds));
    },
  };
}
