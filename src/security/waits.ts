/**
 * Limits on `ResourceOperation.settled`, which holds a request open until an operation settles:
 * at most `maxPerViewer` open waits per viewer on this replica (`TOO_MANY_WAITS` past it), and each
 * wait counts as one more operation against the viewer's rate limit (`RATE_LIMITED`), so a client
 * cannot hold or start waits without bound. Its cost in the document is counted by cost.ts.
 */
import { ClientError } from '../errors.ts';
import type { RateLimiter } from './rate-limit.ts';

export interface SettledWaits {
  /** Opens a wait for `viewerId`, or throws its refusal; the returned function closes it (once). */
  open(viewerId: string): Promise<() => void>;
  /** Waits open now, every viewer together. */
  readonly count: number;
}

export interface SettledWaitsOptions {
  maxPerViewer: number;
  /** The viewer's rate limit, when one is on. */
  rateLimit?: { limiter: RateLimiter; limit: number; windowMs: number };
}

export function createSettledWaits({ maxPerViewer, rateLimit }: SettledWaitsOptions): SettledWaits {
  const open = new Map<string, number>();
  let total = 0;
  const close = (viewerId: string) => {
    total--;
    const left = (open.get(viewerId) ?? 1) - 1;
    if (left > 0) open.set(viewerId, left);
    else open.delete(viewerId);
  };
  return {
    async open(viewerId) {
      if ((open.get(viewerId) ?? 0) >= maxPerViewer) {
        throw new ClientError(
          'TOO_MANY_WAITS',
          `At most ${maxPerViewer} settled waits may be open at once per credential; wait for one to end, or use operationStatus.`,
          'settled',
          { max: maxPerViewer },
        );
      }
      // Counted before the rate limit is asked, so concurrent opens cannot pass the cap together.
      open.set(viewerId, (open.get(viewerId) ?? 0) + 1);
      total++;
      if (rateLimit) {
        const decision = await rateLimit.limiter.take(viewerId);
        if (!decision.allowed) {
          close(viewerId);
          throw new ClientError(
            'RATE_LIMITED',
            `Rate limit exceeded: at most ${rateLimit.limit} operations per ${rateLimit.windowMs / 1000} s, a settled wait counting as one; retry in ${decision.retryAfterSeconds} s.`,
            'settled',
            { retryAfterSeconds: decision.retryAfterSeconds },
          );
        }
      }
      let closed = false;
      return () => {
        if (closed) return;
        closed = true;
        close(viewerId);
      };
    },
    get count() {
      return total;
    },
  };
}
