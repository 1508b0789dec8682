/**
 * When to try a Catena call again. Reads are retried on 429 (after the advised delay), 502/503/504
 * and broken connections, with jittered exponential backoff inside a bounded attempt count and
 * time budget. A write is retried only when Catena provably did not process it: a 429, or a
 * connection that was never established. Never after a timeout or a 5xx, so a write is never
 * doubled.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import {
  CatenaBadGatewayError,
  CatenaConnectionError,
  CatenaGatewayTimeoutError,
  CatenaRateLimitedError,
  CatenaUnavailableError,
} from './errors.ts';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** First backoff step; doubles each attempt, with full jitter. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A 429 advising a longer wait than this is not retried: the caller gets the advice instead. */
  maxRetryAfterMs: number;
  /** No retry starts once this much time has passed since the first attempt. */
  budgetMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 3,
  baseDelayMs: 100,
  maxDelayMs: 2_000,
  maxRetryAfterMs: 5_000,
  budgetMs: 15_000,
};

export interface RetryDecisionInput {
  error: unknown;
  /** The attempt that just failed, from 1. */
  attempt: number;
  write: boolean;
  elapsedMs: number;
  policy: RetryPolicy;
  random?: () => number;
}

/** Milliseconds to wait before the next attempt, or `undefined` to give up. */
export function retryDelay({
  error,
  attempt,
  write,
  elapsedMs,
  policy,
  random = Math.random,
}: RetryDecisionInput): number | undefined {
  if (attempt >= policy.maxAttempts) return undefined;
  const backoff = random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));

  let delay: number | undefined;
  if (error instanceof CatenaRateLimitedError) {
    if (error.retryAfterSeconds === undefined) {
      delay = backoff;
    } else {
      const advised = error.retryAfterSeconds * 1000;
      // A little jitter on top of the advice, so a burst of callers does not come back in lockstep.
      delay = advised > policy.maxRetryAfterMs ? undefined : advised + random() * policy.baseDelayMs;
    }
  } else if (error instanceof CatenaConnectionError) {
    delay = write && error.requestMayHaveBeenSent ? undefined : backoff;
  } else if (
    !write &&
    (error instanceof CatenaBadGatewayError ||
      error instanceof CatenaUnavailableError ||
      error instanceof CatenaGatewayTimeoutError)
  ) {
    delay = backoff;
  }
  if (delay === undefined || elapsedMs + delay > policy.budgetMs) return undefined;
  return delay;
}

export interface RetryOptions {
  write: boolean;
  policy: RetryPolicy;
  signal?: AbortSignal;
  /** Told about each retry before its wait (for logs and metrics). */
  onRetry?: (info: { attempt: number; delayMs: number; error: unknown }) => void;
}

/** Runs `attemptOnce` until it succeeds or `retryDelay` says stop; rethrows the last error. */
export async function withRetries<T>(attemptOnce: (attempt: number) => Promise<T>, options: RetryOptions) {
  const started = performance.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await attemptOnce(attempt);
    } catch (error) {
      const delayMs = retryDelay({
        error,
        attempt,
        write: options.write,
        elapsedMs: performance.now() - started,
        policy: options.policy,
      });
      if (delayMs === undefined || options.signal?.aborted) throw error;
      options.onRetry?.({ attempt, delayMs, error });
      await sleep(delayMs, undefined, { signal: options.signal });
    }
  }
}
