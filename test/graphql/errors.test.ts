import { request } from 'undici';
import { beforeEach, describe, expect, it } from 'vitest';
import type { FaultSpec } from '../../src/simulator/types.ts';
import { type GraphQLResponse, ROUTES, useGateway } from '../helpers/gateway.ts';

const gw = useGateway({}, { CATENA_TIMEOUT_MS: '300' });

const route = (key: string) => key.slice(key.indexOf(' ') + 1);
const fail = (key: string, spec: Partial<FaultSpec> & Pick<FaultSpec, 'kind'>) =>
  gw.sim.control.addFault({
    method: 'GET',
    route: route(key),
    times: Number.POSITIVE_INFINITY,
    ...spec,
  } as FaultSpec);

const UNKNOWN_UUID = '00000000-0000-4000-8000-000000000000';
const LIST = '{ resourceOperations(first: 5) { edges { node { catenaId } } } }';

/** Nothing of Catena's own wording, addresses or our internals may reach a client. */
function expectMasked(res: GraphQLResponse) {
  const text = JSON.stringify(res.errors);
  expect(text).not.toMatch(/Catena answered|127\.0\.0\.1|http:|\/v2\/|stack|Error:|at .*\.ts/);
  for (const error of res.errors ?? [])
    expect(Object.keys(error.extensions ?? {})).not.toContain('stacktrace');
}

beforeEach(() => {
  gw.sim.control.clearFaults();
});

describe('upstream failures', () => {
  it('answers null, with no error, for ids Catena does not know', async () => {
    const res = await gw.gql(
      `query($c: UUID!, $o: UUID!) { connection(id: $c) { catenaId } resourceOperation(connectionId: $c, id: $o) { catenaId } }`,
      { c: UNKNOWN_UUID, o: UNKNOWN_UUID },
    );
    expect(res).toMatchObject({ status: 200, data: { connection: null, resourceOperation: null } });
    expect(res.errors).toBeUndefined();
  });

  it.each([
    ['unavailable (503)', 'UPSTREAM_UNAVAILABLE', { kind: 'status', status: 503 }],
    ['failing (500)', 'UPSTREAM_UNAVAILABLE', { kind: 'status', status: 500 }],
    ['unreachable (dropped connections)', 'UPSTREAM_UNAVAILABLE', { kind: 'drop' }],
    ['slow (past the timeout)', 'UPSTREAM_TIMEOUT', { kind: 'delay', delayMs: 1_000 }],
    ['timing out itself (504)', 'UPSTREAM_TIMEOUT', { kind: 'status', status: 504 }],
    ['rate limiting (429)', 'UPSTREAM_RATE_LIMITED', { kind: 'status', status: 429, retryAfterSeconds: 90 }],
    ['refusing the gateway (403)', 'UPSTREAM_FORBIDDEN', { kind: 'status', status: 403 }],
  ] as const)('turns Catena %s into %s, masked', async (_, code, spec) => {
    fail(ROUTES.listOperations, spec);
    const res = await gw.gql(LIST);
    expect(res.data).toBeNull();
    expect(res.errors).toHaveLength(1);
    expect(res.errors?.[0]).toMatchObject({ path: ['resourceOperations'], extensions: { code } });
    if (code === 'UPSTREAM_RATE_LIMITED') expect(res.errors?.[0]?.extensions?.retryAfterSeconds).toBe(90);
    expectMasked(res);
  });

  it('reports failing Catena authentication as UPSTREAM_AUTH_FAILED and is not ready', async () => {
    gw.sim.control.addFault({
      kind: 'status',
      status: 401,
      route: route(ROUTES.token),
      times: Number.POSITIVE_INFINITY,
    });
    gw.sim.control.revokeTokens();
    const res = await gw.gql(LIST);
    expect(res.errors?.[0]?.extensions?.code).toBe('UPSTREAM_AUTH_FAILED');
    expectMasked(res);
    const ready = await request(`${gw.url}/ready`);
    await ready.body.dump();
    expect(ready.statusCode).toBe(503);
    gw.sim.control.clearFaults();
    const again = await request(`${gw.url}/ready`);
    await again.body.dump();
    expect(again.statusCode).toBe(200);
  });

  it('keeps the data that could be read when part of a query fails', async () => {
    const [op] = (await gw.app.catena.listResourceOperations({ size: 1 })).items;
    fail(ROUTES.getOperation, { kind: 'status', status: 503 });
    const res = await gw.gql(
      `query($c: UUID!, $o: UUID!) {
        connections(first: 2) { edges { node { catenaId } } }
        broken: resourceOperation(connectionId: $c, id: $o) { catenaId }
      }`,
      { c: op?.connection_id, o: op?.id },
    );
    expect(res.data).toMatchObject({ broken: null, connections: { edges: expect.any(Array) } });
    expect(res.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([
      [['broken'], 'UPSTREAM_UNAVAILABLE'],
    ]);
  });

  it('keeps every operation of a page when their connections cannot be read', async () => {
    fail(ROUTES.getConnection, { kind: 'status', status: 503 });
    const res = await gw.gql<{
      resourceOperations: { edges: { node: { catenaId: string; connection: null } }[] };
    }>('{ resourceOperations(first: 3) { edges { node { catenaId connection { catenaId } } } } }');
    const edges = res.data?.resourceOperations.edges ?? [];
    expect(edges).toHaveLength(3);
    expect(edges.every((e) => e.node.connection === null)).toBe(true);
    expect(res.errors?.length).toBe(3);
    expect(res.errors?.every((e) => e.extensions?.code === 'UPSTREAM_UNAVAILABLE')).toBe(true);
  });
});

describe('client errors', () => {
  it('answers invalid GraphQL with the standard validation error', async () => {
    const res = await gw.gql('{ connections { nope } }');
    expect(res.errors?.[0]?.message).toMatch(/Cannot query field "nope"/);
  });

  it('answers a malformed UUID argument with a clear message', async () => {
    const res = await gw.gql('{ connection(id: "not-a-uuid") { catenaId } }');
    expect(res.errors?.[0]?.message).toMatch(/UUID/);
  });

  it('answers null for global ids that do not decode or name nothing', async () => {
    const res = await gw.gql('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', {
      ids: [
        'garbage',
        Buffer.from('Connection:nope').toString('base64'),
        Buffer.from('Other:1').toString('base64'),
      ],
    });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ nodes: [null, null, null] });
  });
});
