/**
 * `operationStatus(connectionId, id)`: the operation's current state first, then every later state,
 * ending after SUCCESS or FAILED. Listening starts before the current state is read, so a fast
 * outcome cannot fall between the two; states are only ever emitted forwards (operation-follow.ts).
 */
import { CatenaNotFoundError } from '../catena/errors.ts';
import type { ResourceOperation } from '../catena/schemas.ts';
import type { GatewayContext } from '../context.ts';
import { ClientError } from '../errors.ts';
import { canonicalUuid } from '../ids.ts';
import { withCleanup } from '../subscriptions/streams.ts';
import { laterStates, withKnownState } from './operation-follow.ts';
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
  current = await withKnownState(ctx, current);

  const stream = (async function* () {
    yield current;
    yield* laterStates(ctx, events, current);
  })();
  // However the subscription ends, even before its first event, the hub's stream is closed.
  return withFreshLoaders(
    ctx.loaders,
    withCleanup(stream, async () => {
      await events.return?.();
    }),
  );
}
