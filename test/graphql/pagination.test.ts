import { beforeAll, describe, expect, it } from 'vitest';
import { type GraphQLResponse, ROUTES, useGateway } from '../helpers/gateway.ts';

// Walking every page makes well over 600 operations a minute as one viewer: no rate limit here.
const gw = useGateway({}, { GATEWAY_RATE_LIMIT: '0' });

interface Page {
  edges: { cursor: string; node: { catenaId: string } }[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
}

const OPS = `query Ops($first: Int, $after: String, $last: Int, $before: String, $filter: ResourceOperationFilter) {
  resourceOperations(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
    edges { cursor node { catenaId } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

async function opsPage(variables: Record<string, unknown>): Promise<Page> {
  const res = await gw.gql<{ resourceOperations: Page }>(OPS, variables);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  if (!res.data) throw new Error('no data');
  return res.data.resourceOperations;
}

/** Every id, in Catena's order, read straight from the simulator through the client. */
let expected: string[];
const window = { from: new Date(Date.now() - 2 * 86_400_000).toISOString(), to: new Date().toISOString() };

beforeAll(async () => {
  gw.sim.control.seedOperations({ count: 230 });
  expected = [];
  for await (const op of gw.app.catena.iterateResourceOperations({ ...window, size: 1000 }))
    expected.push(op.id);
  expect(expected.length).toBeGreaterThanOrEqual(260);
});

describe('resourceOperations pagination', () => {
  it.each([1, 7, 100, 1000])(
    'walks forward with first: %i, visiting every item once in order',
    async (first) => {
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      for (;;) {
        const page = await opsPage({ first, after, filter: window });
        seen.push(...page.edges.map((e) => e.node.catenaId));
        expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
        expect(page.pageInfo.startCursor).toBe(page.edges[0]?.cursor ?? null);
        expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
        pages++;
        if (!page.pageInfo.hasNextPage) break;
        expect(page.edges).toHaveLength(first);
        after = page.pageInfo.endCursor;
      }
      expect(seen).toEqual(expected);
      expect(pages).toBe(Math.ceil(expected.length / first));
    },
  );

  it.each([1, 13, 1000])('walks backward with last: %i, visiting every item once in order', async (last) => {
    const seen: string[] = [];
    let before: string | null = null;
    for (;;) {
      const page = await opsPage({ last, before, filter: window });
      seen.unshift(...page.edges.map((e) => e.node.catenaId));
      expect(page.pageInfo.hasNextPage).toBe(before !== null);
      if (!page.pageInfo.hasPreviousPage) break;
      expect(page.edges).toHaveLength(last);
      before = page.pageInfo.startCursor;
    }
    expect(seen).toEqual(expected);
  });

  it("resumes exactly after any edge's cursor, in both directions", async () => {
    const page = await opsPage({ first: 40, filter: window });
    for (const index of [0, 17, 39]) {
      const edge = page.edges[index];
      if (!edge) throw new Error('missing edge');
      const next = await opsPage({ first: 3, after: edge.cursor, filter: window });
      expect(next.edges.map((e) => e.node.catenaId)).toEqual(expected.slice(index + 1, index + 4));
      const previous = await opsPage({ last: 3, before: edge.cursor, filter: window });
      expect(previous.edges.map((e) => e.node.catenaId)).toEqual(
        expected.slice(Math.max(0, index - 3), index),
      );
      expect(previous.pageInfo.hasPreviousPage).toBe(index > 3);
    }
  });

  it('says there is no next page after the last item', async () => {
    const tail = await opsPage({ last: 1, filter: window });
    expect(tail.edges.map((e) => e.node.catenaId)).toEqual(expected.slice(-1));
    const beyond = await opsPage({ first: 5, after: tail.pageInfo.endCursor, filter: window });
    expect(beyond.edges).toEqual([]);
    expect(beyond.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true, endCursor: null });
  });

  it('keeps the default 24-hour window fixed across the pages of one walk', async () => {
    const first = await opsPage({ first: 5 });
    gw.sim.control.seedOperations({ count: 1 });
    const seen = [...first.edges.map((e) => e.node.catenaId)];
    let after = first.pageInfo.endCursor;
    for (;;) {
      const page = await opsPage({ first: 100, after });
      seen.push(...page.edges.map((e) => e.node.catenaId));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
  });
});

describe('connections pagination', () => {
  it('walks connections one at a time and filters by fleet refs', async () => {
    const query = `query C($after: String, $filter: ConnectionFilter) {
      connections(first: 1, after: $after, filter: $filter) {
        edges { node { catenaId fleetRef } } pageInfo { hasNextPage endCursor }
      }
    }`;
    const seen: { catenaId: string; fleetRef: string | null }[] = [];
    let after: string | null = null;
    do {
      type Connections = {
        connections: {
          edges: { node: { catenaId: string; fleetRef: string } }[];
          pageInfo: Page['pageInfo'];
        };
      };
      const variables = { after, filter: { fleetRefs: ['acme-logistics', 'globex-freight'] } };
      const res: GraphQLResponse<Connections> = await gw.gql<Connections>(query, variables);
      const page: Connections['connections'] | undefined = res.data?.connections;
      if (!page) throw new Error(JSON.stringify(res.errors));
      seen.push(...page.edges.map((e) => e.node));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    const wanted = gw.sim.fixtures.connections.filter(
      (c) => c.fleetRef === 'acme-logistics' || c.fleetRef === 'globex-freight',
    );
    expect(seen.map((c) => c.catenaId).sort()).toEqual(wanted.map((c) => c.id).sort());
  });

  it("lists only a connection's own operations under Connection.resourceOperations", async () => {
    const connection = gw.sim.fixtures.connections[0];
    const res = await gw.gql<{
      connection: { resourceOperations: { edges: { node: { connectionId: string } }[] } };
    }>(
      `query($id: UUID!) { connection(id: $id) { resourceOperations(first: 1000) { edges { node { connectionId } } } } }`,
      { id: connection?.id },
    );
    const edges = res.data?.connection.resourceOperations.edges ?? [];
    expect(edges.length).toBeGreaterThan(0);
    expect(edges.every((e) => e.node.connectionId === connection?.id)).toBe(true);
  });
});

describe('arguments refused before any upstream call', () => {
  const day = 86_400_000;
  it.each([
    ['first: 0', { first: 0 }, 'first'],
    ['first: 1001', { first: 1001 }, 'first'],
    ['last: -1', { last: -1 }, 'last'],
    ['first and last', { first: 1, last: 1 }, 'last'],
    ['before with first', { first: 1, before: 'abc' }, 'before'],
    ['a garbage cursor', { first: 1, after: 'not-a-cursor' }, 'after'],
    [
      '101 fleet refs',
      { filter: { fleetRefs: Array.from({ length: 101 }, (_, i) => `f${i}`) } },
      'filter.fleetRefs',
    ],
    [
      'a window over 45 days',
      { filter: { from: new Date(Date.now() - 46 * day).toISOString(), to: new Date().toISOString() } },
      'from',
    ],
    ['sourceId without resource', { filter: { sourceId: 'x' } }, 'sourceId'],
    ['an UNKNOWN filter value', { filter: { resource: 'UNKNOWN' } }, 'filter.resource'],
  ])('refuses %s with BAD_USER_INPUT', async (_, variables, argument) => {
    gw.resetCounts();
    const res = await gw.gql(OPS, variables);
    // Refused as the operation starts (no data at all) or by the field's resolver (data: null).
    expect(res.data ?? null).toBeNull();
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(gw.count(ROUTES.listOperations)).toBe(0);
  });

  it('refuses a cursor from a query with another filter', async () => {
    const page = await opsPage({ first: 2, filter: window });
    const res = await gw.gql(OPS, {
      first: 2,
      after: page.pageInfo.endCursor,
      filter: { resource: 'VEHICLE' },
    });
    expect(res.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/another query/),
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});
