/**
 * `operationStatus(connectionId, id)`: the operation's current state first, then every later state,
 * ending after SUCCESS or FAILED. Listening starts before the current state is read, so a fast
 * outcome cannot fall between the two; states are only ever emitted forwards.
 */
import { CatenaNotFoundError } from '../catena/errors.ts';
import type { ResourceOperation } from '../catena/schemas.ts';
import type { GatewayContext } from '../context.ts';
import { ClientError } from '../errors.ts';
import { canonicalUuid } from '../ids.ts';
import { isNewer, isTerminal } from '../subscriptions/events.ts';
import { withCleanup } from '../subscriptions/streams.ts';
import { withFreshLoaders } from './per-event.ts';
import { visibleOperation } from './scope.ts';

export async function subscribeOperationStatus(
  ctx: GatewayContext,
  givenConnectionId: string,
  givenId: string,
): Promise<AsyncIterableIterator<ResourceOperation>> {
  // Events carry canonical ids (src/ids.ts); so must the ids they are matched with.
  const connectionId = canonicalUuid(givenConnectionId);
  const id = canonicalUuid(givenId);
  const notFound = () =>
    new ClientError('NOT_FOUND', `No resource operation ${id} on connection ${connectionId}`, 'id');
  // Another tenant's operation reads exactly like one that does not exist.
  if (ctx.viewer.connectionIds && !ctx.viewer.connectionIds.has(connectionId)) throw notFound();
  const events = ctx.hub.subscribe();
  let current: ResourceOperation;
  try {
    const read = await visibleOperation(
      ctx,
      await ctx.catena.getResourceOperation(connectionId, id, ctx.call),
    );
    if (!read) throw notFound();
    current = read;
  } catch (error) {
    await events.return?.();
    if (error instanceof CatenaNotFoundError) throw notFound();
    throw error;
  }
  // The shared latest state only helps; without it (Redis away) Catena's answer is enough.
  const known = await ctx.hub.latest(id).catch(() => undefined);
  if (known && known.connection_id === connectionId && isNewer(known, current)) current = known;

  let unwatch: (() => void) | undefined;
  const stream = (async function* () {
    try {
      let last = current;
      yield last;
      if (isTerminal(last)) return;
      unwatch = ctx.poller.watch(connectionId, id);
      for await (const event of events) {
        const op = event.operation;
        if (op.id !== id || op.connection_id !== connectionId || !isNewer(op, last)) continue;
        if (event.publishedAt) ctx.metrics?.delivered(event.publishedAt);
        last = { ...last, ...op, logs: op.logs ?? last.logs };
        yield last;
        if (isTerminal(last)) return;
      }
    } finally {
      unwatch?.();
      await events.return?.();
    }
  })();
  const states = withCleanup(stream, async () => {
    unwatch?.();
    await events.return?.();
  });
  return withFreshLoaders(ctx.loaders, states);
}
