/**
 * The table's filters and what they ask of the gateway: the list's filter (`resourceOperations`),
 * the event feed's (`resourceOperationEvents`, which filters by connection, fleet and resource),
 * and the check of an operation against all of them, for what the feed cannot filter (the window's
 * start, the TSP) and for writes sent from the page.
 */
import type {
  Resource,
  ResourceOperationEventFilter,
  ResourceOperationFilter,
  TspSource,
} from './generated/graphql.ts';
import type { Row } from './operations.ts';

export const WINDOWS = {
  '1h': 'last hour',
  '6h': 'last 6 hours',
  '24h': 'last 24 hours',
  '7d': 'last 7 days',
};
export type Window = keyof typeof WINDOWS;
const HOURS: Record<Window, number> = { '1h': 1, '6h': 6, '24h': 24, '7d': 24 * 7 };

export interface Filters {
  window: Window;
  connectionId: string;
  sourceName: string;
  /** Fleet references, comma-separated. */
  fleetRefs: string;
  resource: string;
  /** Applied to the rows shown, not to what is read. */
  status: string;
}

export const NO_FILTERS: Filters = {
  window: '24h',
  connectionId: '',
  sourceName: '',
  fleetRefs: '',
  resource: '',
  status: '',
};

export type WindowFacts = Pick<Row, 'createdAt' | 'connectionId' | 'sourceName' | 'fleetRef' | 'resource'>;

export interface WindowQuery {
  list: ResourceOperationFilter;
  events: ResourceOperationEventFilter;
  /** Whether an operation belongs in the table. */
  accepts(op: WindowFacts): boolean;
}

export function windowQuery(filters: Filters, now = Date.now()): WindowQuery {
  const from = new Date(now - HOURS[filters.window] * 3_600_000).toISOString();
  const fleetRefs = filters.fleetRefs
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const { connectionId, sourceName, resource } = filters;
  return {
    list: {
      from,
      ...(connectionId ? { connectionId } : {}),
      ...(sourceName ? { sourceName: sourceName as TspSource } : {}),
      ...(fleetRefs.length ? { fleetRefs } : {}),
      ...(resource ? { resource: resource as Resource } : {}),
    },
    events: {
      ...(connectionId ? { connectionIds: [connectionId] } : {}),
      ...(fleetRefs.length ? { fleetRefs } : {}),
      ...(resource ? { resources: [resource as Resource] } : {}),
    },
    accepts: (op) =>
      op.createdAt >= from &&
      (!connectionId || op.connectionId === connectionId) &&
      (!sourceName || op.sourceName === sourceName) &&
      (fleetRefs.length === 0 || fleetRefs.includes(op.fleetRef ?? '')) &&
      (!resource || op.resource === resource),
  };
}
