import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../../src/simulator/index.ts';
import { type createApi, startSimulator } from './support.ts';

const CONNECTIONS = '/v2/integrations/connections';
const OPERATIONS = '/v2/integrations/connections/resource-operations';
const HOUR = 3_600_000;

type Page = { items: Record<string, unknown>[]; next_page: string | null };
type Invalid = {
  code: number;
  message: string;
  detail: { path: string; input: string; error_type: string }[];
};

describe('connections', () => {
  let sim: Simulator;
  let api: ReturnType<typeof createApi>;
  beforeAll(async () => {
    ({ sim, api } = await startSimulator());
  });
  afterAll(() => sim.stop());

  it('lists every seeded connection, oldest first', async () => {
    const res = await api.call<Page>('GET', CONNECTIONS);
    expect(res.status).toBe(200);
    expect(res.body.items.map((c) => c.id)).toEqual(sim.fixtures.connections.map((c) => c.id));
    expect(res.body.next_page).toBeNull();
  });

  it('masks secret credential members and keeps the others in clear', async () => {
    const motive = sim.fixtures.connections.find((c) => c.sourceName === 'motive');
    const res = await api.call('GET', `${CONNECTIONS}/${motive?.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: motive?.id,
      fleet_id: motive?.fleetId,
      fleet_ref: motive?.fleetRef,
      tsp_id: motive?.tspId,
      source_name: 'motive',
      status: 'active',
      credentials: { client_id: 'acme-motive-client', client_secret: '*****', access_token: '*****' },
    });
  });

  it('filters by tsp_id, repeated fleet_ids and repeated fleet_refs', async () => {
    const [acme, globex] = sim.fixtures.fleets;
    const samsara = sim.fixtures.connections.find((c) => c.sourceName === 'samsara');
    const ids = async (query: Record<string, string | string[]>) =>
      (await api.call<Page>('GET', CONNECTIONS, { query })).body.items.map((c) => c.id);
    const expected = (fleetIds: (string | undefined)[]) =>
      sim.fixtures.connections.filter((c) => fleetIds.includes(c.fleetId)).map((c) => c.id);

    expect(await ids({ tsp_id: String(samsara?.tspId) })).toEqual([samsara?.id]);
    expect(await ids({ fleet_ids: [String(acme?.id), String(globex?.id)] })).toEqual(
      expected([acme?.id, globex?.id]),
    );
    expect(await ids({ fleet_refs: ['globex-freight'] })).toEqual(expected([globex?.id]));
    expect(await ids({ fleet_refs: ['nobody'] })).toEqual([]);
  });

  it('answers 404 for an unknown connection and 422 for a non-UUID id', async () => {
    const missing = await api.call('GET', `${CONNECTIONS}/${crypto.randomUUID()}`);
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: 404, message: 'Not Found' });
    const invalid = await api.call<Invalid>('GET', `${CONNECTIONS}/not-a-uuid`);
    expect(invalid.status).toBe(422);
    expect(invalid.body.detail).toEqual([
      {
        path: 'path.connection_id',
        input: 'not-a-uuid',
        message: expect.any(String),
        error_type: 'uuid_parsing',
      },
    ]);
  });

  it.each([
    [{ tsp_id: 'nope' }, 'query.tsp_id', 'uuid_parsing'],
    [{ fleet_ids: ['nope'] }, 'query.fleet_ids.0', 'uuid_parsing'],
    [{ fleet_refs: Array.from({ length: 101 }, (_, i) => `r${i}`) }, 'query.fleet_refs', 'too_long'],
    [{ size: '1001' }, 'query.size', 'less_than_equal'],
    [{ size: 'ten' }, 'query.size', 'int_parsing'],
  ])('validates the list query %j', async (query, path, errorType) => {
    const res = await api.call<Invalid>('GET', CONNECTIONS, { query });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 422, message: 'Invalid Request Body' });
    expect(res.body.detail).toEqual([expect.objectContaining({ path, error_type: errorType })]);
  });
});

describe('resource operations', () => {
  let sim: Simulator;
  let api: ReturnType<typeof createApi>;
  beforeAll(async () => {
    ({ sim, api } = await startSimulator());
  });
  afterAll(() => sim.stop());

  const list = async (query: Record<string, string | number | string[]> = {}) =>
    (await api.call<Page>('GET', OPERATIONS, { query: { size: 1000, ...query } })).body.items;

  it('lists the seeded operations of the last day, oldest first, with source_name and fleet_ref', async () => {
    const items = await list();
    expect(items.map((op) => op.id)).toEqual(sim.fixtures.operations.map((op) => op.id));
    const created = items.map((op) => Date.parse(String(op.created_at)));
    expect(created).toEqual([...created].sort((a, b) => a - b));
    expect(new Set(items.map((op) => op.status))).toEqual(new Set(['success', 'failed']));
    expect(new Set(items.map((op) => op.operation_type))).toEqual(new Set(['create', 'update']));
    for (const op of items) {
      const connection = sim.fixtures.connections.find((c) => c.id === op.connection_id);
      expect(op).toMatchObject({ source_name: connection?.sourceName, fleet_ref: connection?.fleetRef });
    }
  });

  it('filters by resource, connection, source_name, fleet_refs, operation and source_id', async () => {
    const all = await list();
    const samsara = sim.fixtures.connections.find((c) => c.sourceName === 'samsara');
    const only = (predicate: (op: Record<string, unknown>) => boolean) =>
      all.filter(predicate).map((op) => op.id);
    const ids = async (query: Record<string, string | string[]>) => (await list(query)).map((op) => op.id);

    expect(await ids({ resource: 'vehicle' })).toEqual(only((op) => op.resource === 'vehicle'));
    expect(await ids({ connection_id: String(samsara?.id) })).toEqual(
      only((op) => op.connection_id === samsara?.id),
    );
    expect(await ids({ source_name: 'geotab' })).toEqual(only((op) => op.source_name === 'geotab'));
    expect(await ids({ fleet_refs: ['acme-logistics', 'globex-freight'] })).toEqual(
      only((op) => op.fleet_ref === 'acme-logistics' || op.fleet_ref === 'globex-freight'),
    );
    expect(await ids({ operation: 'update' })).toEqual(only((op) => op.operation_type === 'update'));
    const withSource = all.find((op) => op.source_id !== null);
    expect(
      await ids({ resource: String(withSource?.resource), source_id: String(withSource?.source_id) }),
    ).toEqual([withSource?.id]);
    expect((await ids({ resource: 'vehicle' })).length).toBeGreaterThan(0);
  });

  it('applies created_at >= from_datetime and < to_datetime', async () => {
    const all = await list();
    const middle = all[10];
    const from = String(middle?.created_at);
    const to = String(all[20]?.created_at);
    const window = await list({ from_datetime: from, to_datetime: to });
    expect(window.map((op) => op.id)).toEqual(all.slice(10, 20).map((op) => op.id));
    const old = await list({
      from_datetime: new Date(Date.now() - 40 * 24 * HOUR).toISOString(),
      to_datetime: new Date(Date.now() - 30 * HOUR).toISOString(),
    });
    expect(old).toEqual([]);
  });

  it('gets one operation of its connection, and 404s it under another connection', async () => {
    const seeded = sim.fixtures.operations[3];
    const other = sim.fixtures.connections.find((c) => c.id !== seeded?.connectionId);
    const ok = await api.call(
      'GET',
      `${CONNECTIONS}/${seeded?.connectionId}/resource-operations/${seeded?.id}`,
    );
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ id: seeded?.id, connection_id: seeded?.connectionId });
    const wrong = await api.call('GET', `${CONNECTIONS}/${other?.id}/resource-operations/${seeded?.id}`);
    expect(wrong.status).toBe(404);
    const bad = await api.call<Invalid>(
      'GET',
      `${CONNECTIONS}/${seeded?.connectionId}/resource-operations/42`,
    );
    expect(bad.status).toBe(422);
    expect(bad.body.detail[0]).toMatchObject({
      path: 'path.resource_operation_id',
      error_type: 'uuid_parsing',
    });
  });

  const now = Date.now();
  it.each([
    [{ resource: 'spaceship' }, 'query.resource', 'enum'],
    [{ source_name: 'acme_eld' }, 'query.source_name', 'enum'],
    [{ operation: 'delete' }, 'query.operation', 'enum'],
    [{ connection_id: '123' }, 'query.connection_id', 'uuid_parsing'],
    [{ source_id: 'abc' }, 'query.source_id', 'value_error'],
    [{ fleet_refs: Array.from({ length: 101 }, (_, i) => `r${i}`) }, 'query.fleet_refs', 'too_long'],
    [{ size: '0' }, 'query.size', 'greater_than_equal'],
    [{ size: '1001' }, 'query.size', 'less_than_equal'],
    [{ from_datetime: 'yesterday' }, 'query.from_datetime', 'datetime_parsing'],
    [{ to_datetime: '2024-13-45T00:00:00Z' }, 'query.to_datetime', 'datetime_parsing'],
    [
      {
        from_datetime: new Date(now - 46 * 24 * HOUR).toISOString(),
        to_datetime: new Date(now).toISOString(),
      },
      'query.to_datetime',
      'value_error',
    ],
    [
      { from_datetime: new Date(now).toISOString(), to_datetime: new Date(now - HOUR).toISOString() },
      'query.from_datetime',
      'value_error',
    ],
  ])('answers 422 for %j', async (query, path, errorType) => {
    const res = await api.call<Invalid>('GET', OPERATIONS, { query });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 422, message: 'Invalid Request Body' });
    expect(res.body.detail).toEqual([expect.objectContaining({ path, error_type: errorType })]);
    for (const detail of res.body.detail) expect(typeof detail.input).toBe('string');
  });

  it('reports every invalid parameter at once', async () => {
    const res = await api.call<Invalid>('GET', OPERATIONS, {
      query: { size: '0', resource: 'x', operation: 'y' },
    });
    expect(res.body.detail.map((d) => d.path).sort()).toEqual([
      'query.operation',
      'query.resource',
      'query.size',
    ]);
  });

  it('answers Catena 404 and 405 bodies for unknown routes and methods', async () => {
    const unknown = await api.call('GET', '/v2/integrations/spaceships');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ code: 404, message: 'Not Found', detail: 'Not Found' });
    const method = await api.call('PUT', `${CONNECTIONS}/${sim.fixtures.connections[0]?.id}`);
    expect(method.status).toBe(405);
    expect(method.body).toMatchObject({ code: 405, message: 'Method Not Allowed' });
  });
});
