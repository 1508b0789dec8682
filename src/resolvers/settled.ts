/**
 * `ResourceOperation.settled(timeoutSeconds)`: the operation once it is SUCCESS or FAILED, from a
 * webhook, the gateway's own sync answer or the poller, or as it is when the timeout passes. It
 * follows the operation as `operationStatus` does (operation-follow.ts: subscribe, then learn the
 * current state, so nothing falls between), on every replica. With `@defer` a write answers at
 * once and its outcome follows in the same response; without it, the field simply waits.
 * Each wait is limited (security/waits.ts) and priced (cost.ts, `extensions.cost`).
 */
import type { ResourceOperation } from '../catena/schemas.ts';
import type { GatewayContext } from '../context.ts';
import { UserInputError } from '../errors.ts';
import { isTerminal } from '../subscriptions/events.ts';
import { laterStates, withKnownState } from './operation-follow.ts';

export const SETTLED_TIMEOUT_SECONDS = { default: 30, min: 1, max: 120 } as const;
/** What one wait adds to a document's cost: under the limit of 10,000, a document holds at most 19. */
export const SETTLED_COST = 500;

export async function settled(
  ctx: GatewayContext,
  operation: ResourceOperation,
  timeoutSeconds: number | null | undefined,
): Promise<ResourceOperation> {
  const { min, max } = SETTLED_TIMEOUT_SECONDS;
  const seconds = timeoutSeconds ?? SETTLED_TIMEOUT_SECONDS.default;
  if (!Number.isInteger(seconds) || seconds < min || seconds > max) {
    throw new UserInputError(`timeoutSeconds must be a whole number from ${min} to ${max}`, 'timeoutSeconds');
  }
  if (isTerminal(operation)) return operation;
  const close = await ctx.waits.open(ctx.viewerId);
  const events = ctx.hub.subscribe();
  // Ending the hub's stream ends the wait: at the timeout, or when the client goes away.
  const stop = () => void events.return?.();
  const timer = setTimeout(stop, seconds * 1000);
  const signal = ctx.call.signal;
  signal?.addEventListener('abort', stop, { once: true });
  try {
    let last = await withKnownState(ctx, operation);
    for await (const state of laterStates(ctx, events, last, { logs: 'reload' })) last = state;
    // What the loaders cached of this operation (a read earlier in the request) is out of date.
    if (last !== operation)
      ctx.loaders.operationByKey.clear({ connectionId: last.connection_id, id: last.id });
    return last;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', stop);
    await events.return?.();
    close();
  }
}
