import { encodeGlobalID } from '@pothos/plugin-relay';
import { describe, expect, it } from 'vitest';
import { ROUTES, useGateway } from '../helpers/gateway.ts';

const gw = useGateway();

interface OpNode {
  id: string;
  catenaId: string;
  connection: { catenaId: string; sourceName: string } | null;
  logs: { status: string }[];
}

describe('batching', () => {
  it('reads a page of 200 operations over 3 connections with 1 list call and 3 connection reads', async () => {
    const fleets = ['acme-logistics', 'globex-freight'];
    const three = gw.sim.fixtures.connections
      .filter((c) => c.fleetRef && fleets.includes(c.fleetRef) && c.shareLevel === 'read_write')
      .map((c) => c.id);
    expect(three).toHaveLength(3);
    const seeded = gw.sim.control.seedOperations({ count: 200, connectionIds: three });
    const times = seeded.map((op) => Date.parse(op.created_at));
    const filter = {
      fleetRefs: fleets,
      from: new Date(Math.min(...times)).toISOString(),
      to: new Date(Math.max(...times) + 1).toISOString(),
    };

    gw.resetCounts();
    const res = await gw.gql<{ resourceOperations: { edges: { node: OpNode }[] } }>(
      `query($filter: ResourceOperationFilter) {
        resourceOperations(first: 200, filter: $filter) {
          edges { node { id catenaId connection { catenaId sourceName } logs { status } } }
        }
      }`,
      { filter },
    );
    expect(res.errors).toBeUndefined();
    const nodes = res.data?.resourceOperations.edges.map((e) => e.node) ?? [];
    expect(nodes).toHaveLength(200);
    const connections = new Set(nodes.map((n) => n.connection?.catenaId));
    expect(connections).toEqual(new Set(three));
    expect(gw.count(ROUTES.listOperations)).toBe(1);
    expect(gw.count(ROUTES.getConnection)).toBe(3);
    expect(gw.count(ROUTES.getOperation)).toBe(0); // the list answer carried the logs
  });

  it('loads nodes by global id once per distinct id and their connections once each', async () => {
    const page = await gw.app.catena.listResourceOperations({ size: 30 });
    const ops = page.items;
    const ids = ops.map((op) => encodeGlobalID('ResourceOperation', `${op.connection_id}:${op.id}`));
    const duplicated = [...ids, ...ids.slice(0, 10)];

    gw.resetCounts();
    const res = await gw.gql<{ nodes: (OpNode | null)[] }>(
      `query($ids: [ID!]!) {
        nodes(ids: $ids) { id ... on ResourceOperation { catenaId connection { catenaId } } }
      }`,
      { ids: duplicated },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.nodes.map((n) => n?.catenaId)).toEqual([...ops, ...ops.slice(0, 10)].map((op) => op.id));
    expect(gw.count(ROUTES.getOperation)).toBe(ops.length);
    expect(gw.count(ROUTES.getConnection)).toBe(new Set(ops.map((op) => op.connection_id)).size);
  });

  it('does not reuse loaded data across requests', async () => {
    const connection = gw.sim.fixtures.connections[0];
    const query = `query($id: UUID!) { connection(id: $id) { catenaId } }`;
    gw.resetCounts();
    await gw.gql(query, { id: connection?.id });
    await gw.gql(query, { id: connection?.id });
    expect(gw.count(ROUTES.getConnection)).toBe(2);
  });
});
