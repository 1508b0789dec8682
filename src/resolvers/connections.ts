import type { ConnectionFilter } from '../catena/client.ts';
import type { Connection } from '../catena/schemas.ts';
import type { GatewayContext } from '../context.ts';
import { type PageArgs, paginate } from './pagination.ts';

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

/** A connection by its Catena id, or null when Catena does not know it. */
export function getConnection(ctx: GatewayContext, id: string): Promise<Connection | null> {
  return ctx.loaders.connectionById.load(id);
}

export function listConnections(
  ctx: GatewayContext,
  args: PageArgs & { filter?: ConnectionFilterInput | null },
) {
  const filter = toClientFilter(args.filter);
  return paginate({
    args,
    query: ['connections', filter],
    pin: () => null,
    fetch: async (cursor, size) => {
      const page = await ctx.catena.listConnections({ ...filter, cursor, size }, ctx.call);
      for (const connection of page.items) ctx.loaders.connectionById.prime(connection.id, connection);
      return page;
    },
  });
}
