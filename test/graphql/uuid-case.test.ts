/**
 * A UUID is a value, not a spelling: every root field, filter and subscription that takes one
 * answers the same for `3E89F4F2-…` as for `3e89f4f2-…`, and Catena records whose ids come
 * upper-case (a webhook) reach the subscribers of the lower-case spelling, and the other way round.
 */
import { randomUUID } from 'node:crypto';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterEach, describe, expect, it } from 'vitest';
import type { ResourceOperation } from '../../src/catena/schemas.ts';
import { writableConnection, writeCases } from '../fixtures/write-bodies.ts';
import { useGateway } from '../helpers/gateway.ts';
import { createTrailer, graphqlInput, write } from '../helpers/mutations.ts';
import { disposeClients, next, sseClient, stream, wsClient } from '../helpers/subscriptions.ts';
import { waitFor } from '../helpers/wait-for.ts';
import { deliver, envelope } from '../helpers/webhooks.ts';

const gw = useGateway({ processingMs: 300 }, {}, { deliverWebhooks: true });
afterEach(disposeClients);

const SPELLINGS = { lower: (id: string) => id.toLowerCase(), upper: (id: string) => id.toUpperCase() };
type Spell = (id: string) => string;

/** The seeded connection, one of its operations and the TSP and fleet it belongs to. */
function seed() {
  const connection = writableConnection(gw.sim.fixtures);
  const operation = gw.sim.fixtures.operations.find((o) => o.connectionId === connection.id);
  if (!operation) throw new Error('the seed has no operation on the writable connection');
  return { connection, operation };
}

/** Each query with UUIDs, as a function of how the ids are spelled. */
const QUERIES: Record<string, (spell: Spell) => [string, Record<string, unknown>]> = {
  connection: (spell) => [
    'query C($id: UUID!) { connection(id: $id) { catenaId fleetRef tspId } }',
    { id: spell(seed().connection.id) },
  ],
  'connection, literal argument': (spell) => [
    `{ connection(id: "${spell(seed().connection.id)}") { catenaId fleetRef } }`,
    {},
  ],
  resourceOperation: (spell) => [
    'query O($c: UUID!, $id: UUID!) { resourceOperation(connectionId: $c, id: $id) { catenaId connectionId status } }',
    { c: spell(seed().connection.id), id: spell(seed().operation.id) },
  ],
  'resourceOperations(filter: { connectionId })': (spell) => [
    `query L($c: UUID!, $from: DateTime!) {
      resourceOperations(first: 5, filter: { connectionId: $c, from: $from }) { edges { node { catenaId connectionId } } }
    }`,
    { c: spell(seed().connection.id), from: new Date(Date.now() - 40 * 86_400_000).toISOString() },
  ],
  'connections(filter: { tspId, fleetIds })': (spell) => {
    const { connection } = seed();
    const detail = gw.sim.fixtures.connections.find((c) => c.id === connection.id);
    return [
      'query Cs($tsp: UUID, $fleets: [UUID!]) { connections(first: 5, filter: { tspId: $tsp, fleetIds: $fleets }) { edges { node { catenaId } } } }',
      { tsp: spell(detail?.tspId ?? ''), fleets: detail?.fleetId ? [spell(detail.fleetId)] : undefined },
    ];
  },
  'node(id:) with the ids inside the global id re-spelled': (spell) => [
    'query N($id: ID!) { node(id: $id) { id ... on ResourceOperation { catenaId connectionId } } }',
    {
      id: encodeGlobalID('ResourceOperation', `${spell(seed().connection.id)}:${spell(seed().operation.id)}`),
    },
  ],
  'nodes(ids:)': (spell) => [
    'query Ns($ids: [ID!]!) { nodes(ids: $ids) { id ... on Connection { catenaId } } }',
    { ids: [encodeGlobalID('Connection', spell(seed().connection.id))] },
  ],
};

describe('UUID arguments in either case', () => {
  for (const [name, build] of Object.entries(QUERIES)) {
    it(`${name}: the same answer, with lower-case ids`, async () => {
      const lower = await gw.gql(...build(SPELLINGS.lower));
      const upper = await gw.gql(...build(SPELLINGS.upper));
      expect(lower.errors).toBeUndefined();
      expect(JSON.stringify(lower.data)).not.toMatch(/null|\[\]/);
      expect(upper).toEqual(lower);
      expect(JSON.stringify(upper.data)).not.toMatch(/[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}/);
    });
  }

  it('writes take upper-case connection and record ids, and answer lower-case ones', async () => {
    const connection = writableConnection(gw.sim.fixtures);
    const cases = writeCases(gw.sim.fixtures, connection, 'uuid case');
    const { id, body } = cases.updateVehicle;
    const input = graphqlInput('updateVehicle', { ...body, connection_id: connection.id.toUpperCase() });
    const res = await write(gw, 'updateVehicle', { id: id?.toUpperCase(), input });
    expect(res.data?.result).toMatchObject({
      __typename: 'UpdateVehicleSuccess',
      operation: { connectionId: connection.id.toLowerCase() },
    });
  });
});

const STATUS = `subscription S($c: UUID!, $id: UUID!) { operationStatus(connectionId: $c, id: $id) { catenaId status } }`;
const EVENTS = `subscription E($filter: ResourceOperationEventFilter, $after: ID) {
  resourceOperationEvents(filter: $filter, after: $after) { eventId type operation { catenaId connectionId } }
}`;
type Status = { operationStatus: { catenaId: string; status: string } };
type Events = {
  resourceOperationEvents: {
    eventId: string;
    type: string;
    operation: { catenaId: string; connectionId: string };
  };
};

describe('subscriptions with UUIDs in either case', () => {
  for (const transport of ['ws', 'sse'] as const) {
    const client = () => (transport === 'ws' ? wsClient(gw.url) : sseClient(gw.url));

    it(`operationStatus over ${transport}: both spellings follow the write to SUCCESS`, async () => {
      const op = await createTrailer(gw, 'uuid case');
      const followers = Object.values(SPELLINGS).map((spell) =>
        stream<Status>(client(), STATUS, { c: spell(op.connectionId), id: spell(op.id) }),
      );
      for (const follower of followers) {
        const statuses: string[] = [];
        for (;;) {
          const result = await next(follower, 10_000);
          expect(result.errors).toBeUndefined();
          expect(result.data?.operationStatus.catenaId).toBe(op.id.toLowerCase());
          statuses.push(result.data?.operationStatus.status ?? '');
          if (statuses.at(-1) !== 'PENDING') break;
        }
        expect(statuses.at(-1)).toBe('SUCCESS');
      }
    });

    it(`resourceOperationEvents over ${transport}: connectionIds, operationIds and after in either case`, async () => {
      const op = await createTrailer(gw, 'uuid case');
      const subscribers = Object.values(SPELLINGS).flatMap((spell) => [
        stream<Events>(client(), EVENTS, { filter: { connectionIds: [spell(op.connectionId)] } }),
        stream<Events>(client(), EVENTS, { filter: { operationIds: [spell(op.id)] } }),
      ]);
      // The CREATED event went by before these subscribed; SUCCEEDED comes to each of them.
      const seen = [];
      for (const subscriber of subscribers) {
        let event = (await next(subscriber, 10_000)).data?.resourceOperationEvents;
        while (event && (event.operation.catenaId !== op.id || event.type !== 'SUCCEEDED'))
          event = (await next(subscriber, 10_000)).data?.resourceOperationEvents;
        seen.push(event);
      }
      expect(new Set(seen.map((e) => e?.eventId)).size).toBe(1);
      const eventId = seen[0]?.eventId ?? '';

      // Resuming after an event, by either spelling of its id, replays the same events.
      const later = await createTrailer(gw, 'uuid case');
      const replays = [];
      for (const spell of Object.values(SPELLINGS)) {
        const resumed = stream<Events>(client(), EVENTS, {
          filter: { operationIds: [later.id] },
          after: spell(eventId),
        });
        const first = await next(resumed, 10_000);
        expect(first.errors).toBeUndefined();
        replays.push(first.data?.resourceOperationEvents.eventId);
      }
      expect(replays[0]).toBeDefined();
      expect(replays[1]).toBe(replays[0]);
    });
  }

  it('a webhook whose record spells its ids upper-case reaches lower-case subscribers, lower-case', async () => {
    const [base] = (await gw.app.catena.listResourceOperations({ size: 1 })).items as ResourceOperation[];
    if (!base) throw new Error('no operation');
    const id = randomUUID();
    const events = stream<Events>(wsClient(gw.url), EVENTS, { filter: { operationIds: [id] } });
    await waitFor(async () => {
      const text = await (await fetch(`${gw.url}/metrics`)).text();
      return /catena_gateway_subscriptions_active\{transport="ws"\} [1-9]/.test(text);
    });
    const record = {
      ...base,
      id: id.toUpperCase(),
      connection_id: base.connection_id.toUpperCase(),
      partner_id: base.partner_id.toUpperCase(),
      status: 'pending',
      updated_at: new Date().toISOString(),
    };
    expect((await deliver(gw.url, envelope('resource_operation.created', [record]))).status).toBe(202);
    const event = (await next(events)).data?.resourceOperationEvents;
    expect(event?.operation).toEqual({ catenaId: id, connectionId: base.connection_id.toLowerCase() });
    // The same delivery again, spelled lower-case, is the same state: not a second event.
    const again = { ...record, id, connection_id: base.connection_id.toLowerCase() };
    expect((await deliver(gw.url, envelope('resource_operation.created', [again]))).status).toBe(202);
    const succeeded = { ...again, status: 'success', updated_at: new Date(Date.now() + 1000).toISOString() };
    expect((await deliver(gw.url, envelope('resource_operation.succeeded', [succeeded]))).status).toBe(202);
    expect((await next(events)).data?.resourceOperationEvents.type).toBe('SUCCEEDED');
  });
});
