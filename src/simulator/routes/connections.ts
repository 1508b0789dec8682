/** Integrations service: list and get connections (api-facts §1.1-1.3). */
import type { SimulatorContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { type CatenaRouter, pathUuid } from '../http.ts';
import { paginate } from '../pagination.ts';
import { createQueryReader } from '../query.ts';
import { connectionView } from '../store.ts';

export function registerConnectionRoutes(router: CatenaRouter, ctx: SimulatorContext): void {
  router.route('GET', '/v2/integrations/connections', async (request) => {
    const query = createQueryReader(request.url);
    const tspId = query.uuid('tsp_id');
    const fleetIds = query.list('fleet_ids', { uuid: true });
    const fleetRefs = query.list('fleet_refs');
    const size = query.int('size', { min: 1, max: 1000, fallback: 300 });
    const cursor = query.string('cursor') || undefined;
    query.finish();
    const matching = ctx.store
      .connections()
      .filter(
        (c) =>
          (tspId === undefined || c.tsp_id === tspId) &&
          (fleetIds === undefined || fleetIds.includes(c.fleet_id)) &&
          (fleetRefs === undefined || (c.fleet_ref !== null && fleetRefs.includes(c.fleet_ref))),
      )
      .sort((a, b) =>
        a.created_at === b.created_at ? (a.id < b.id ? -1 : 1) : a.created_at < b.created_at ? -1 : 1,
      );
    const page = paginate(matching, (c) => [c.created_at, c.id], cursor, size);
    return { ...page, items: page.items.map(connectionView) };
  });

  router.route('GET', '/v2/integrations/connections/:connection_id', async (request) => {
    const id = pathUuid(request, 'connection_id');
    const connection = ctx.store.connection(id);
    if (connection === undefined) throw notFound(`Connection ${id} not found`);
    return connectionView(connection);
  });
}
