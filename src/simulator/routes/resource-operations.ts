/** Integrations service: list and get resource operations (api-facts §2.3, seeds 001/002). */

import type { SimulatorContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { type CatenaRouter, pathUuid } from '../http.ts';
import { OPERATION_KINDS, RESOURCE_KINDS, TSPS } from '../model/enums.ts';
import { paginate } from '../pagination.ts';
import { createQueryReader } from '../query.ts';
import { operationKey, operationReadView } from '../store.ts';

const DAY_MS = 86_400_000;
const MAX_WINDOW_MS = 45 * DAY_MS;

export function registerResourceOperationRoutes(router: CatenaRouter, ctx: SimulatorContext): void {
  // A static path: find-my-way prefers it over `/connections/:connection_id`, so they never collide.
  router.route('GET', '/v2/integrations/connections/resource-operations', async (request) => {
    const query = createQueryReader(request.url);
    const resource = query.enumOf('resource', RESOURCE_KINDS);
    const connectionId = query.uuid('connection_id');
    const sourceName = query.enumOf('source_name', TSPS);
    const fleetRefs = query.list('fleet_refs');
    const operation = query.enumOf('operation', OPERATION_KINDS);
    const sourceId = query.string('source_id');
    const from = query.dateTime('from_datetime');
    const to = query.dateTime('to_datetime');
    const size = query.int('size', { min: 1, max: 1000, fallback: 300 });
    const cursor = query.string('cursor') || undefined;
    if (sourceId !== undefined && query.string('resource') === undefined) {
      query.fail('source_id', sourceId, 'source_id requires the resource parameter', 'value_error');
    }
    const end = to ?? Date.now();
    const start = from ?? end - DAY_MS;
    if (start > end) {
      query.fail(
        'from_datetime',
        new Date(start).toISOString(),
        'from_datetime must not be after to_datetime',
        'value_error',
      );
    } else if (end - start > MAX_WINDOW_MS) {
      query.fail(
        'to_datetime',
        new Date(end).toISOString(),
        'to_datetime - from_datetime cannot exceed 45 days',
        'value_error',
      );
    }
    query.finish();

    const matching = ctx.store.operations().filter((op) => {
      const created = Date.parse(op.created_at);
      return (
        created >= start &&
        created < end &&
        (resource === undefined || op.resource === resource) &&
        (connectionId === undefined || op.connection_id === connectionId) &&
        (sourceName === undefined || op.source_name === sourceName) &&
        (fleetRefs === undefined || (op.fleet_ref !== null && fleetRefs.includes(op.fleet_ref))) &&
        (operation === undefined || op.operation_type === operation) &&
        (sourceId === undefined || op.source_id === sourceId)
      );
    });
    const page = paginate(matching, operationKey, cursor, size);
    return { ...page, items: page.items.map(operationReadView) };
  });

  router.route(
    'GET',
    '/v2/integrations/connections/:connection_id/resource-operations/:resource_operation_id',
    async (request) => {
      const connectionId = pathUuid(request, 'connection_id');
      const operationId = pathUuid(request, 'resource_operation_id');
      const op = ctx.store.operation(operationId);
      if (op === undefined || op.connection_id !== connectionId) {
        throw notFound(`Resource operation ${operationId} not found on connection ${connectionId}`);
      }
      return operationReadView(op);
    },
  );
}
