/**
 * `resourceOperationEvents(filter, after)`: every operation event matching the filter. With `after`,
 * the events logged after that id are replayed first, then live ones follow with no gap and no
 * duplicate at the seam: live listening starts before the replay is read, and a live event whose id
 * is not after the replay's last one was in the replay.
 */
import { canSeeConnection } from '../auth/viewer.ts';
import type { OperationStatus, Resource } from '../catena/enums.ts';
import type { GatewayContext } from '../context.ts';
import { ClientError } from '../errors.ts';
import {
  OperationStatus as OperationStatusEnum,
  Resource as ResourceEnum,
  type UNKNOWN,
} from '../schema/enums.ts';
import { ResumeError } from '../subscriptions/event-log.ts';
import type { OperationEvent, OperationEventType } from '../subscriptions/events.ts';
import { withCleanup } from '../subscriptions/streams.ts';
import { withFreshLoaders } from './per-event.ts';

export interface OperationEventFilter {
  connectionIds?: readonly string[] | null;
  operationIds?: readonly string[] | null;
  /** Catena values (`vehicle`). */
  resources?: readonly string[] | null;
  /** Catena values (`pending`). */
  statuses?: readonly string[] | null;
  fleetRefs?: readonly string[] | null;
  types?: readonly OperationEventType[] | null;
}

/** A predicate for `filter`; a missing or empty list does not restrict. */
export function eventMatcher(
  filter: OperationEventFilter | null | undefined,
): (event: OperationEvent) => boolean {
  const set = (values?: readonly string[] | null) =>
    values && values.length > 0 ? new Set(values.map((v) => v.toLowerCase())) : undefined;
  const connections = set(filter?.connectionIds);
  const operations = set(filter?.operationIds);
  const resources = set(filter?.resources);
  const statuses = set(filter?.statuses);
  const fleets = filter?.fleetRefs && filter.fleetRefs.length > 0 ? new Set(filter.fleetRefs) : undefined;
  const types = filter?.types && filter.types.length > 0 ? new Set(filter.types) : undefined;
  return ({ type, operation: op }) =>
    (!connections || connections.has(op.connection_id.toLowerCase())) &&
    (!operations || operations.has(op.id.toLowerCase())) &&
    (!resources || resources.has(op.resource)) &&
    (!statuses || statuses.has(op.status)) &&
    (!fleets || (op.fleet_ref != null && fleets.has(op.fleet_ref))) &&
    (!types || types.has(type));
}

/** The GraphQL filter: enums as Catena values, or UNKNOWN (which cannot be filtered on). */
export type OperationEventFilterInput = Omit<OperationEventFilter, 'resources' | 'statuses'> & {
  resources?: readonly (Resource | typeof UNKNOWN)[] | null;
  statuses?: readonly (OperationStatus | typeof UNKNOWN)[] | null;
};

export async function subscribeOperationEvents(
  ctx: GatewayContext,
  input: OperationEventFilterInput | null | undefined,
  after?: string | null,
): Promise<AsyncIterableIterator<OperationEvent>> {
  const filter: OperationEventFilter | null | undefined = input && {
    ...input,
    resources: input.resources?.map((r) => ResourceEnum.toCatena(r, 'filter.resources')),
    statuses: input.statuses?.map((s) => OperationStatusEnum.toCatena(s, 'filter.statuses')),
  };
  // An SSE client reconnecting says where it stopped with Last-Event-ID.
  // Event ids are lower-case hex (UUID v7) or digits (Redis stream ids): either spelling resumes.
  after = (after ?? ctx.lastEventId)?.toLowerCase();
  const live = ctx.hub.subscribe();
  let backlog: OperationEvent[] = [];
  if (after) {
    try {
      backlog = await ctx.hub.log.after(after);
    } catch (error) {
      await live.return?.();
      if (error instanceof ResumeError)
        throw new ClientError('RESUME_POINT_UNAVAILABLE', error.message, 'after');
      throw error;
    }
  }
  const wanted = eventMatcher(filter);
  const { viewer } = ctx;
  // Whatever the filter says, only events of the viewer's fleets and connections are delivered.
  const matches = (event: OperationEvent) =>
    wanted(event) && canSeeConnection(viewer, event.operation.connection_id, event.operation.fleet_ref);
  const { log } = ctx.hub;
  // Everything logged up to the seam was in the replay. Live events are compared with the seam only,
  // never with each other: from several replicas they may arrive slightly out of id order.
  const seam = backlog.at(-1)?.eventId ?? after ?? undefined;
  const stream = (async function* () {
    for (const event of backlog) if (matches(event)) yield event;
    for await (const event of live) {
      if (seam !== undefined && log.compare(event.eventId, seam) <= 0) continue;
      if (!matches(event)) continue;
      if (event.publishedAt) ctx.metrics?.delivered(event.publishedAt);
      yield event;
    }
  })();
  const events = withCleanup(stream, async () => {
    await live.return?.();
  });
  return withFreshLoaders(ctx.loaders, events);
}
