import { describe, expect, it } from 'vitest';
import {
  CatenaBadGatewayError,
  CatenaConnectionError,
  CatenaGatewayTimeoutError,
  CatenaRateLimitedError,
  CatenaServerError,
  CatenaTimeoutError,
  CatenaUnavailableError,
  CatenaValidationError,
} from '../../src/catena/errors.ts';
import { DEFAULT_RETRY_POLICY, retryDelay } from '../../src/catena/retry.ts';

const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 1_000, maxRetryAfterMs: 5_000 };
const decide = (error: unknown, write: boolean, attempt = 1, elapsedMs = 0) =>
  retryDelay({ error, attempt, write, elapsedMs, policy, random: () => 1 });

const rateLimited = (seconds?: number) => new CatenaRateLimitedError('429', seconds);
const reset = new CatenaConnectionError('reset', true);
const refused = new CatenaConnectionError('refused', false);

describe('retryDelay', () => {
  it.each([
    ['429 with advice', rateLimited(2), 2_100],
    ['429 without advice', rateLimited(), 100],
    ['502 without an operation', new CatenaBadGatewayError('502'), 100],
    ['503', new CatenaUnavailableError('503'), 100],
    ['504', new CatenaGatewayTimeoutError('504'), 100],
    ['a reset connection', reset, 100],
    ['a refused connection', refused, 100],
  ])('retries a read after %s', (_, error, expected) => {
    expect(decide(error, false)).toBe(expected);
  });

  it.each([
    ['500', new CatenaServerError('500')],
    ['422', new CatenaValidationError('422', [])],
    ['a timeout', new CatenaTimeoutError('slow', 1_000)],
    ['a plain Error', new Error('bug')],
  ])('does not retry a read after %s', (_, error) => {
    expect(decide(error, false)).toBeUndefined();
  });

  it('retries a write only when Catena provably did not process it', () => {
    expect(decide(rateLimited(1), true)).toBe(1_100);
    expect(decide(refused, true)).toBe(100);
    for (const error of [
      reset,
      new CatenaTimeoutError('slow', 1_000),
      new CatenaServerError('500'),
      new CatenaBadGatewayError('502'),
      new CatenaUnavailableError('503'),
      new CatenaGatewayTimeoutError('504'),
    ]) {
      expect(decide(error, true), error.message).toBeUndefined();
    }
  });

  it('backs off exponentially up to the cap', () => {
    const error = new CatenaUnavailableError('503');
    const big = { ...policy, maxAttempts: 10 };
    const delays = [1, 2, 3, 4, 5].map((attempt) =>
      retryDelay({ error, attempt, write: false, elapsedMs: 0, policy: big, random: () => 1 }),
    );
    expect(delays).toEqual([100, 200, 400, 800, 1_000]);
  });

  it('jitters the backoff', () => {
    const error = new CatenaUnavailableError('503');
    expect(retryDelay({ error, attempt: 1, write: false, elapsedMs: 0, policy, random: () => 0.25 })).toBe(
      25,
    );
  });

  it('stops after the last attempt and when the time budget would be exceeded', () => {
    const error = new CatenaUnavailableError('503');
    expect(decide(error, false, policy.maxAttempts)).toBeUndefined();
    expect(decide(error, false, 1, policy.budgetMs - 50)).toBeUndefined();
  });

  it('gives the advice back instead of waiting longer than the cap', () => {
    expect(decide(rateLimited(60), false)).toBeUndefined();
  });
});
