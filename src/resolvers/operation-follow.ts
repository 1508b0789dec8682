/**
 * Following one operation through the event machinery, shared by `operationStatus` and
 * `ResourceOperation.settled`: the caller subscribes to the hub first, then learns the current
 * state, so an outcome published in between is still in the stream. States only ever go forwards,
 * and while the operation is pending the poller reads it from Catena when no event comes (a lost
 * webhook). Every replica's events arrive through the hub (in memory, or the Redis stream).
 */
import type { ResourceOperation } from '../catena/schemas.ts';
import type { GatewayContext } from '../context.ts';
import { isNewer, isTerminal, type OperationEvent } from '../subscriptions/events.ts';

/** `current`, or the newer state the hub already knows (a webhook handled before we subscribed). */
export async function withKnownState(ctx: GatewayContext, current: ResourceOperation) {
  // The shared latest state only helps; without it (Redis away) `current` is enough.
  const known = await ctx.hub.latest(current.id).catch(() => undefined);
  return known && known.connection_id === current.connection_id && isNewer(known, current) ? known : current;
}

/**
 * Each state of the operation after `current`, from `events` (subscribed before `current` was
 * read), ending after SUCCESS or FAILED, or when `events` ends (closing it is how a caller stops).
 * A webhook record may leave `logs` out: `logs: 'carry'` keeps the previous state's, `'reload'`
 * leaves them unset so that the `logs` field reads them from Catena.
 */
export async function* laterStates(
  ctx: GatewayContext,
  events: AsyncIterable<OperationEvent>,
  current: ResourceOperation,
  { logs }: { logs: 'carry' | 'reload' } = { logs: 'carry' },
): AsyncGenerator<ResourceOperation, void, undefined> {
  if (isTerminal(current)) return;
  const { id, connection_id: connectionId } = current;
  const unwatch = ctx.poller.watch(connectionId, id);
  try {
    let last = current;
    for await (const event of events) {
      const op = event.operation;
      if (op.id !== id || op.connection_id !== connectionId || !isNewer(op, last)) continue;
      if (event.publishedAt) ctx.metrics?.delivered(event.publishedAt);
      last = { ...last, ...op, logs: op.logs ?? (logs === 'carry' ? last.logs : undefined) };
      yield last;
      if (isTerminal(last)) return;
    }
  } finally {
    unwatch();
  }
}
