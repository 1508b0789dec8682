/**
 * A credential for fleet A must never see, change or watch fleet B's data: every root field, nested
 * field, mutation and subscription, tried across tenants.
 */
import { encodeGlobalID } from '@pothos/plugin-relay';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ResourceOperation } from '../../src/catena/schemas.ts';
import { writeCases } from '../fixtures/write-bodies.ts';
import { apiKeysFile, gqlAs } from '../helpers/auth.ts';
import { ROUTES, useGateway } from '../helpers/gateway.ts';
import { graphqlInput, mutationDocument } from '../helpers/mutations.ts';
import { next, stream, wsClient } from '../helpers/subscriptions.ts';
import { waitFor } from '../helpers/wait-for.ts';
import { deliver, envelope } from '../helpers/webhooks.ts';

// The seed, by fleet (see README "Catena simulator").
const ACME = 'acme-logistics';
let acmeConnection: string;
let globexConnection: string;
let acmeOp: ResourceOperation;
let globexOp: ResourceOperation;

const placeholder = apiKeysFile([{ id: 'placeholder', scopes: ['read'] }]);
const gw = useGateway(
  { processingMs: 100 },
  { GATEWAY_AUTH: 'api-key', GATEWAY_API_KEYS_FILE: placeholder.path },
);
let keys: Record<string, string>;
let url: string;
const bearer = (id: string) => `Bearer ${keys[id]}`;

/** The real gateway with real keys: a second app on the same simulator, auth on. */
beforeAll(async () => {
  const fixtures = gw.sim.fixtures;
  const acme = fixtures.connections.filter((c) => c.fleetRef === ACME);
  const geotab = fixtures.connections.find((c) => c.sourceName === 'geotab');
  if (!acme[0] || !geotab) throw new Error('seed changed');
  acmeConnection = acme[0].id;
  globexConnection = geotab.id;
  const file = apiKeysFile([
    { id: 'acme', scopes: ['read', 'write', 'subscribe'], fleetRefs: [ACME] },
    { id: 'geotab-only', scopes: ['read', 'write', 'subscribe'], connectionIds: [geotab.id] },
    { id: 'reader', scopes: ['read'] },
    { id: 'admin', scopes: ['read', 'write', 'subscribe'] },
    { id: 'writer', scopes: ['write'] },
  ]);
  keys = file.keys;
  const { buildApp } = await import('../../src/app.ts');
  const { loadConfig } = await import('../../src/config.ts');
  const { createLogger } = await import('../../src/logger.ts');
  const config = loadConfig({ GATEWAY_AUTH: 'api-key', GATEWAY_API_KEYS_FILE: file.path });
  const app = buildApp(
    { ...config, catena: { ...config.catena, apiUrl: gw.sim.url, tokenUrl: gw.sim.tokenUrl } },
    { logger: createLogger('silent') },
  );
  url = await app.start(0, '127.0.0.1');
  gw.sim.control.registerWebhook({ url: `${url}/webhooks/catena`, secret: 'dev-webhook-secret' });
  const ops = (await gw.app.catena.listResourceOperations({ size: 1000 })).items;
  const fleetOf = (op: ResourceOperation) => op.fleet_ref;
  const a = ops.find((op) => fleetOf(op) === ACME);
  const b = ops.find((op) => op.connection_id === globexConnection);
  if (!a || !b) throw new Error('seed changed');
  acmeOp = a;
  globexOp = b;
  return () => app.stop();
});

const opId = (op: ResourceOperation) => encodeGlobalID('ResourceOperation', `${op.connection_id}:${op.id}`);
const connId = (id: string) => encodeGlobalID('Connection', id);

describe('a credential limited to one fleet', () => {
  it("lists only its fleet's connections, and nothing for another fleet's filter", async () => {
    const all = await gqlAs<{ connections: { edges: { node: { fleetRef: string } }[] } }>(
      url,
      bearer('acme'),
      '{ connections(first: 100) { edges { node { fleetRef } } } }',
    );
    const refs = all.data?.connections.edges.map((e) => e.node.fleetRef) ?? [];
    expect(refs.length).toBe(2);
    expect(new Set(refs)).toEqual(new Set([ACME]));
    gw.resetCounts();
    const other = await gqlAs<{ connections: { edges: unknown[] } }>(
      url,
      bearer('acme'),
      '{ connections(first: 100, filter: { fleetRefs: ["globex-freight"] }) { edges { node { id } } } }',
    );
    expect(other.data?.connections.edges).toEqual([]);
    expect(gw.count(ROUTES.listConnections)).toBe(0);
  });

  it("lists only its fleet's operations, with counts and pages that stay right", async () => {
    const query = `{ resourceOperations(first: 1000) { edges { node { catenaId fleetRef connection { fleetRef } } } } }`;
    const mine = await gqlAs<{
      resourceOperations: {
        edges: { node: { catenaId: string; fleetRef: string; connection: { fleetRef: string } } }[];
      };
    }>(url, bearer('acme'), query);
    const nodes = mine.data?.resourceOperations.edges.map((e) => e.node) ?? [];
    const expected = (await gw.app.catena.listResourceOperations({ size: 1000, fleetRefs: [ACME] })).items;
    expect(nodes.map((n) => n.catenaId)).toEqual(expected.map((op) => op.id));
    expect(nodes.every((n) => n.fleetRef === ACME && n.connection.fleetRef === ACME)).toBe(true);
    const asked = await gqlAs<{ resourceOperations: { edges: unknown[] } }>(
      url,
      bearer('acme'),
      'query($c: UUID!) { resourceOperations(first: 10, filter: { connectionId: $c }) { edges { node { id } } } }',
      { c: globexConnection },
    );
    expect(asked.data?.resourceOperations.edges).toEqual([]);
  });

  it.each([
    ['connection(id)', '{ x: connection(id: "$CONN") { catenaId } }'],
    ['resourceOperation', '{ x: resourceOperation(connectionId: "$CONN", id: "$OP") { catenaId } }'],
    ['node(connection id)', '{ x: node(id: "$CONN_GID") { id } }'],
    ['node(operation id)', '{ x: node(id: "$OP_GID") { id } }'],
  ])("reads another fleet's %s as null", async (_, template) => {
    const query = template
      .replace('$CONN_GID', connId(globexConnection))
      .replace('$OP_GID', opId(globexOp))
      .replace('$CONN', globexConnection)
      .replace('$OP', globexOp.id);
    const res = await gqlAs<{ x: unknown }>(url, bearer('acme'), query);
    expect(res.errors).toBeUndefined();
    expect(res.data?.x).toBeNull();
    // The same read with an unrestricted credential finds it: the null is the scope, not the data.
    const admin = await gqlAs<{ x: unknown }>(url, bearer('admin'), query);
    expect(admin.data?.x).not.toBeNull();
  });

  it('answers nodes() with its own and nulls for the rest', async () => {
    const res = await gqlAs<{ nodes: ({ id: string } | null)[] }>(
      url,
      bearer('acme'),
      'query($ids: [ID!]!) { nodes(ids: $ids) { id } }',
      {
        ids: [opId(acmeOp), opId(globexOp), connId(acmeConnection), connId(globexConnection)],
      },
    );
    expect(res.data?.nodes.map((n) => n !== null)).toEqual([true, false, true, false]);
  });

  it('resolves nested fields only within its fleet', async () => {
    const res = await gqlAs<{
      connection: { resourceOperations: { edges: { node: { connection: { fleetRef: string } } }[] } };
    }>(
      url,
      bearer('acme'),
      'query($c: UUID!) { connection(id: $c) { resourceOperations(first: 100) { edges { node { connection { fleetRef } } } } } }',
      { c: acmeConnection },
    );
    const edges = res.data?.connection.resourceOperations.edges ?? [];
    expect(edges.length).toBeGreaterThan(0);
    expect(edges.every((e) => e.node.connection.fleetRef === ACME)).toBe(true);
  });

  it("cannot write through another fleet's connection, but can through its own", async () => {
    const foreign = writeCases(
      gw.sim.fixtures,
      gw.sim.fixtures.connections.find((c) => c.id === globexConnection),
    ).createTrailer;
    gw.resetCounts();
    const refused = await gqlAs<{ result: { __typename: string } }>(
      url,
      bearer('acme'),
      mutationDocument('createTrailer'),
      {
        input: graphqlInput('createTrailer', foreign.body),
      },
    );
    expect(refused.data?.result).toMatchObject({ __typename: 'ForbiddenError' });
    expect(gw.count('POST /v2/telematics/trailers')).toBe(0);
    const own = writeCases(
      gw.sim.fixtures,
      gw.sim.fixtures.connections.find((c) => c.id === acmeConnection),
    ).createTrailer;
    const done = await gqlAs<{ result: { __typename: string } }>(
      url,
      bearer('acme'),
      mutationDocument('createTrailer'),
      {
        input: graphqlInput('createTrailer', own.body),
      },
    );
    expect(done.data?.result.__typename).toBe('CreateTrailerSuccess');
  });

  it("cannot watch another fleet's operation", async () => {
    const client = wsClient(url, { connectionParams: { authorization: bearer('acme') } });
    const iterator = stream(
      client,
      'subscription($c: UUID!, $id: UUID!) { operationStatus(connectionId: $c, id: $id) { status } }',
      {
        c: globexConnection,
        id: globexOp.id,
      },
    );
    const error = await iterator.next().catch((e: unknown) => e);
    expect(JSON.stringify(error)).toContain('NOT_FOUND');
  });

  it('receives only its own events, whatever the filter says', async () => {
    const client = wsClient(url, { connectionParams: { authorization: bearer('acme') } });
    const events = `subscription($f: ResourceOperationEventFilter) { resourceOperationEvents(filter: $f) { operation { catenaId connectionId } } }`;
    const unfiltered = stream<{ resourceOperationEvents: { operation: { connectionId: string } } }>(
      client,
      events,
      {},
    );
    const asksForGlobex = stream<{ resourceOperationEvents: { operation: { connectionId: string } } }>(
      client,
      events,
      {
        f: { connectionIds: [globexConnection] },
      },
    );
    const at = (ms: number) => new Date(Date.now() + ms).toISOString();
    await waitFor(async () => {
      // Deliveries until the (asynchronously started) subscriptions are listening.
      await deliver(
        url,
        envelope('resource_operation.created', [{ ...globexOp, id: crypto.randomUUID(), updated_at: at(1) }]),
      );
      await deliver(
        url,
        envelope('resource_operation.created', [{ ...acmeOp, id: crypto.randomUUID(), updated_at: at(2) }]),
      );
      const got = await next(unfiltered, 300).catch(() => undefined);
      return got?.data?.resourceOperationEvents.operation.connectionId;
    }).then((connectionId) => expect(connectionId).toBe(acmeOp.connection_id));
    expect(
      await next(asksForGlobex, 500).then(
        () => 'leaked',
        () => 'nothing',
      ),
    ).toBe('nothing');
  });
});

describe('a credential limited to one connection', () => {
  it('lists that connection and its operations only', async () => {
    const res = await gqlAs<{
      connections: { edges: { node: { catenaId: string } }[] };
      resourceOperations: { edges: { node: { connectionId: string } }[] };
    }>(
      url,
      bearer('geotab-only'),
      '{ connections(first: 100) { edges { node { catenaId } } } resourceOperations(first: 1000) { edges { node { connectionId } } } }',
    );
    expect(res.data?.connections.edges.map((e) => e.node.catenaId)).toEqual([globexConnection]);
    const ops = res.data?.resourceOperations.edges ?? [];
    expect(ops.length).toBeGreaterThan(0);
    expect(ops.every((e) => e.node.connectionId === globexConnection)).toBe(true);
  });

  it("reads another connection's operation as null", async () => {
    const res = await gqlAs<{ x: unknown }>(
      url,
      bearer('geotab-only'),
      'query($c: UUID!, $id: UUID!) { x: resourceOperation(connectionId: $c, id: $id) { id } }',
      {
        c: acmeOp.connection_id,
        id: acmeOp.id,
      },
    );
    expect(res.data?.x).toBeNull();
  });
});

describe('scopes', () => {
  it('refuses writes without the write scope', async () => {
    const { body } = writeCases(gw.sim.fixtures).createTrailer;
    const res = await gqlAs<{ result: { __typename: string; message: string } }>(
      url,
      bearer('reader'),
      mutationDocument('createTrailer'),
      {
        input: graphqlInput('createTrailer', body),
      },
    );
    expect(res.data?.result).toMatchObject({
      __typename: 'ForbiddenError',
      message: expect.stringMatching(/write scope/),
    });
  });

  it('refuses subscriptions without the subscribe scope', async () => {
    const client = wsClient(url, { connectionParams: { authorization: bearer('reader') } });
    const error = await stream(client, 'subscription { resourceOperationEvents { eventId } }')
      .next()
      .catch((e: unknown) => e);
    expect(JSON.stringify(error)).toContain('FORBIDDEN');
  });

  it('refuses queries without the read scope', async () => {
    const res = await gqlAs(url, bearer('writer'), '{ connections(first: 1) { edges { node { id } } } }');
    expect(res.status).toBe(403);
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
