import type { ResourceOperationFilter } from '../catena/client.ts';
import type { OperationType, Resource, TspSource } from '../catena/enums.ts';
import type { OperationLog, ResourceOperation } from '../catena/schemas.ts';
import type { GatewayContext } from '../context.ts';
import {
  OperationType as OperationTypeEnum,
  Resource as ResourceEnum,
  TspSource as TspSourceEnum,
  type UNKNOWN,
} from '../schema/enums.ts';
import { type PageArgs, paginate } from './pagination.ts';
import { EMPTY_PAGE, scopedConnectionId, scopedFleetRefs, visibleOperation } from './scope.ts';

/** The GraphQL filter: enums as Catena values, or UNKNOWN (which cannot be searched for). */
export interface ResourceOperationFilterInput {
  resource?: Resource | typeof UNKNOWN | null;
  connectionId?: string | null;
  sourceName?: TspSource | typeof UNKNOWN | null;
  fleetRefs?: readonly string[] | null;
  operationType?: OperationType | typeof UNKNOWN | null;
  sourceId?: string | null;
  from?: Date | null;
  to?: Date | null;
}

/** The window every page of one walk uses: Catena's defaults (now - 1 day .. now) fixed at the start. */
interface PinnedWindow {
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;

/** An operation by connection and id; null when Catena does not know it or the viewer may not see it. */
export async function getResourceOperation(
  ctx: GatewayContext,
  connectionId: string,
  id: string,
): Promise<ResourceOperation | null> {
  if (ctx.viewer.connectionIds && !ctx.viewer.connectionIds.has(connectionId.toLowerCase())) return null;
  return visibleOperation(ctx, await ctx.loaders.operationByKey.load({ connectionId, id }));
}

export function listResourceOperations(
  ctx: GatewayContext,
  args: PageArgs & { filter?: ResourceOperationFilterInput | null },
) {
  const f = args.filter ?? {};
  const { viewer } = ctx;
  const connectionId = scopedConnectionId(viewer, f.connectionId ?? undefined);
  const fleetRefs = scopedFleetRefs(viewer, f.fleetRefs ?? undefined);
  const filter: ResourceOperationFilter = {
    resource: f.resource ? ResourceEnum.toCatena(f.resource, 'filter.resource') : undefined,
    connectionId: connectionId ?? undefined,
    sourceName: f.sourceName ? TspSourceEnum.toCatena(f.sourceName, 'filter.sourceName') : undefined,
    fleetRefs,
    operation: f.operationType
      ? OperationTypeEnum.toCatena(f.operationType, 'filter.operationType')
      : undefined,
    sourceId: f.sourceId ?? undefined,
  };
  // Outside the viewer's fleets or connections: nothing to ask Catena for.
  const nothing = connectionId === null || fleetRefs?.length === 0;
  return paginate<ResourceOperation, PinnedWindow>({
    args,
    query: [
      'resourceOperations',
      filter,
      f.from?.toISOString() ?? null,
      f.to?.toISOString() ?? null,
      viewer.id,
    ],
    pin: () => {
      const now = Date.now();
      return {
        from: (f.from ?? new Date(now - DAY_MS)).toISOString(),
        to: (f.to ?? new Date(now)).toISOString(),
      };
    },
    fetch: async (cursor, size, window) => {
      if (nothing) return EMPTY_PAGE;
      const page = await ctx.catena.listResourceOperations(
        { ...filter, from: window.from, to: window.to, cursor, size },
        ctx.call,
      );
      for (const op of page.items) {
        // Only complete operations may answer later by-id loads; a list item without logs may not.
        if (op.logs) ctx.loaders.operationByKey.prime({ connectionId: op.connection_id, id: op.id }, op);
      }
      return page;
    },
  });
}

/** An operation's attempt logs, read by id when the list answer left them out. */
export async function operationLogs(ctx: GatewayContext, op: ResourceOperation): Promise<OperationLog[]> {
  if (op.logs) return op.logs;
  const full = await ctx.loaders.operationByKey.load({ connectionId: op.connection_id, id: op.id });
  return full?.logs ?? [];
}
