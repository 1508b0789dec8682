import type { ConnectionFilter } from '../catena/client.ts';
import type { Connection } from '../catena/schemas.ts';
import type { GatewayContext } from '../context.ts';
import { type PageArgs, paginate } from './pagination.ts';
import { EMPTY_PAGE, localPage, scopedFleetRefs, visibleConnection } from './scope.ts';

export interface ConnectionFilterInput {
  tspId?: string | null;
  fleetIds?: readonly string[] | null;
  fleetRefs?: readonly string[] | null;
}

function toClientFilter(filter: ConnectionFilterInput | null | undefined): ConnectionFilter {
  return {
    tspId: filter?.tspId ?? undefined,
    fleetIds: filter?.fleetIds ?? undefined,
    fleetRefs: filter?.fleetRefs ?? undefined,
  };
}

/** A connection by its Catena id, or null when Catena does not know it or the viewer may not see it. */
export async function getConnection(ctx: GatewayContext, id: string): Promise<Connection | null> {
  return visibleConnection(ctx.viewer, await ctx.loaders.connectionById.load(id));
}

export function listConnections(
  ctx: GatewayContext,
  args: PageArgs & { filter?: ConnectionFilterInput | null },
) {
  const { viewer } = ctx;
  const requested = toClientFilter(args.filter);
  const filter = { ...requested, fleetRefs: scopedFleetRefs(viewer, requested.fleetRefs) };
  return paginate({
    args,
    query: ['connections', filter, viewer.id],
    pin: () => null,
    fetch: async (cursor, size) => {
      if (filter.fleetRefs?.length === 0) return EMPTY_PAGE;
      if (viewer.connectionIds) return localPage(await ownConnections(ctx, filter), cursor, size);
      const page = await ctx.catena.listConnections({ ...filter, cursor, size }, ctx.call);
      for (const connection of page.items) ctx.loaders.connectionById.prime(connection.id, connection);
      return page;
    },
  });
}

/** A viewer limited to some connections: those, read by id, matching the filter, oldest first. */
async function ownConnections(ctx: GatewayContext, filter: ConnectionFilter): Promise<Connection[]> {
  const ids = [...(ctx.viewer.connectionIds ?? [])];
  const loaded = await Promise.all(ids.map((id) => getConnection(ctx, id)));
  return loaded
    .filter((c): c is Connection => c !== null)
    .filter((c) => !filter.tspId || c.tsp_id === filter.tspId)
    .filter((c) => !filter.fleetIds || (c.fleet_id != null && filter.fleetIds.includes(c.fleet_id)))
    .filter((c) => !filter.fleetRefs || (c.fleet_ref != null && filter.fleetRefs.includes(c.fleet_ref)))
    .sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id));
}
