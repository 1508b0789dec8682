/**
 * What a viewer may see, applied where data is read: lists are narrowed upstream (so pages and
 * counts stay right), single records of another fleet or connection read as null.
 */
import type { Viewer } from '../auth/viewer.ts';
import { canSeeConnection } from '../auth/viewer.ts';
import type { Connection, CursorPage, ResourceOperation } from '../catena/schemas.ts';
import type { GatewayContext } from '../context.ts';
import { UserInputError } from '../errors.ts';

export function visibleConnection(viewer: Viewer, connection: Connection | null): Connection | null {
  return connection && canSeeConnection(viewer, connection.id, connection.fleet_ref) ? connection : null;
}

/** An operation, if its connection is visible (looked up when the record lacks its fleet). */
export async function visibleOperation(
  ctx: GatewayContext,
  op: ResourceOperation | null,
): Promise<ResourceOperation | null> {
  if (!op) return null;
  const { viewer } = ctx;
  if (!viewer.fleetRefs && !viewer.connectionIds) return op;
  let fleetRef = op.fleet_ref;
  if (fleetRef === undefined && viewer.fleetRefs)
    fleetRef = (await ctx.loaders.connectionById.load(op.connection_id))?.fleet_ref;
  return canSeeConnection(viewer, op.connection_id, fleetRef) ? op : null;
}

/**
 * The fleet refs to ask Catena for: the viewer's, narrowed by what the query asked. `[]` means
 * nothing can match (answer an empty page without calling Catena); undefined means no restriction.
 */
export function scopedFleetRefs(
  viewer: Viewer,
  requested: readonly string[] | undefined,
): string[] | undefined {
  if (!viewer.fleetRefs) return requested ? [...requested] : undefined;
  const allowed = viewer.fleetRefs;
  return requested ? requested.filter((ref) => allowed.has(ref)) : [...allowed];
}

/**
 * The connection to ask Catena for when the viewer is limited to some connections. Catena filters
 * operations by one connection at a time, so a viewer limited to several must name one.
 */
export function scopedConnectionId(viewer: Viewer, requested: string | undefined): string | null | undefined {
  if (!viewer.connectionIds) return requested;
  if (requested) return viewer.connectionIds.has(requested.toLowerCase()) ? requested : null;
  if (viewer.connectionIds.size === 1) return [...viewer.connectionIds][0];
  throw new UserInputError(
    `This credential is limited to ${viewer.connectionIds.size} connections: pass filter.connectionId`,
    'filter.connectionId',
  );
}

export const EMPTY_PAGE: CursorPage<never> = { items: [], next_page: null, previous_page: null };

/** A cursor page over a list held here (offset cursors), for lists Catena cannot narrow itself. */
export function localPage<T>(items: readonly T[], cursor: string | undefined, size: number): CursorPage<T> {
  const start = cursor ? Number.parseInt(cursor, 10) : 0;
  const from = Number.isFinite(start) && start >= 0 ? start : 0;
  const end = Math.min(items.length, from + size);
  return {
    items: items.slice(from, end),
    next_page: end < items.length ? String(end) : null,
    previous_page: from > 0 ? String(Math.max(0, from - size)) : null,
  };
}
