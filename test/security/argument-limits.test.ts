/**
 * Every string and list a client passes is bounded before anything is asked of Catena: query and
 * subscription arguments by the argument limits (BAD_USER_INPUT), the writes' inputs and keys by
 * their own validation (InputValidationError), and every Catena call's URL by the client. Calls are
 * counted twice: by the simulator (what reached its routes, token requests included) and by the
 * gateway's own count of Catena attempts (GET /metrics), which also sees a request a server refuses
 * before routing it (a 431 for headers too large).
 */
import {
  type GraphQLFormattedError,
  type GraphQLInputType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isInputObjectType,
  isListType,
  isObjectType,
  isScalarType,
} from 'graphql';
import { request } from 'undici';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WRITE_NAMES, type WriteName } from '../../src/catena/bodies.ts';
import { MAX_LONG_TEXT } from '../../src/resolvers/write-input.ts';
import { schema } from '../../src/schema/index.ts';
import { MAX_CURSOR } from '../../src/security/argument-limits.ts';
import { writeCases } from '../fixtures/write-bodies.ts';
import { post, upstreamCalls } from '../helpers/abuse.ts';
import { apiKeysFile } from '../helpers/auth.ts';
import { ROUTES, useGateway } from '../helpers/gateway.ts';
import { graphqlInput, mutationDocument } from '../helpers/mutations.ts';
import { disposeClients, wsClient } from '../helpers/subscriptions.ts';

const ACME = 'acme-logistics';
const keys = apiKeysFile([
  { id: 'admin', scopes: ['read', 'write', 'subscribe'] },
  { id: 'acme-writer', scopes: ['read', 'write', 'subscribe'], fleetRefs: [ACME] },
]);
const gw = useGateway({}, { GATEWAY_AUTH: 'api-key', GATEWAY_API_KEYS_FILE: keys.path });
const as = (id: string) => ({ authorization: `Bearer ${keys.keys[id]}` });

/** Catena attempts the gateway made, by its own count. */
async function attempts(): Promise<number> {
  const res = await request(`${gw.url}/metrics`);
  const text = await res.body.text();
  const counts = [...text.matchAll(/^catena_gateway_upstream_requests_total\{[^}]*\} (\d+)$/gm)];
  return counts.reduce((sum, m) => sum + Number(m[1]), 0);
}

/** Runs `act` and says how many Catena calls it caused, by both counts. */
async function callsDuring<T>(act: () => Promise<T>): Promise<{ answer: T; calls: number }> {
  gw.resetCounts();
  const before = await attempts();
  const answer = await act();
  return { answer, calls: upstreamCalls(gw) + (await attempts()) - before };
}

const gql = (query: string, variables?: Record<string, unknown>, viewer = 'admin') =>
  post(gw.url, { query, variables }, { accept: 'application/graphql-response+json', ...as(viewer) });

/** A subscription over graphql-ws: the errors of its first result or of its refusal. */
async function subscribe(query: string, variables?: Record<string, unknown>) {
  const client = wsClient(gw.url, { connectionParams: as('admin') });
  try {
    for await (const result of client.iterate({ query, variables })) return result.errors;
    return undefined;
  } catch (errors) {
    return errors as readonly GraphQLFormattedError[];
  }
}

const TEXT = 'x'.repeat(256);
const CURSOR = 'x'.repeat(MAX_CURSOR + 1);
const UUIDS = Array.from({ length: 101 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
const refs = (n: number) => Array.from({ length: n }, (_, i) => `fleet-${i}`);
let acmeConnection: string;

beforeAll(() => {
  const connection = gw.sim.fixtures.connections.find(
    (c) => c.fleetRef === ACME && c.shareLevel === 'read_write' && c.status === 'active',
  );
  if (!connection) throw new Error('the seed has no writable Acme connection');
  acmeConnection = connection.id;
});
afterEach(disposeClients);

interface Case {
  name: string;
  /** The schema positions it exercises: `Type.field` of an input, `Type.field(arg:)` of an argument. */
  covers: string[];
  query: string;
  variables?: () => Record<string, unknown>;
  argument: string;
  subscription?: boolean;
}

const OPS =
  'query($filter: ResourceOperationFilter, $after: String, $before: String, $last: Int) { resourceOperations(filter: $filter, after: $after, before: $before, last: $last) { edges { cursor } } }';
const CONNECTIONS =
  'query($filter: ConnectionFilter, $after: String, $before: String, $last: Int) { connections(filter: $filter, after: $after, before: $before, last: $last) { edges { cursor } } }';
const CONNECTION_OPS = `query($id: UUID!, $filter: ConnectionResourceOperationFilter, $after: String, $before: String, $last: Int) {
  connection(id: $id) { resourceOperations(filter: $filter, after: $after, before: $before, last: $last) { edges { cursor } } }
}`;
const EVENTS =
  'subscription($filter: ResourceOperationEventFilter, $after: ID) { resourceOperationEvents(filter: $filter, after: $after) { eventId } }';
const EVENT_LISTS: Record<string, unknown> = {
  connectionIds: UUIDS[0],
  operationIds: UUIDS[0],
  resources: 'VEHICLE',
  statuses: 'PENDING',
  fleetRefs: 'fleet',
  types: 'CREATED',
};

const cases: Case[] = [
  {
    name: 'a 300,000-character sourceId',
    covers: ['ResourceOperationFilter.sourceId'],
    query: OPS,
    variables: () => ({ filter: { resource: 'VEHICLE', sourceId: 'x'.repeat(300_000) } }),
    argument: 'filter.sourceId',
  },
  {
    name: 'a 256-character fleet ref',
    covers: ['ResourceOperationFilter.fleetRefs'],
    query: OPS,
    variables: () => ({ filter: { fleetRefs: [ACME, TEXT] } }),
    argument: 'filter.fleetRefs',
  },
  {
    name: '101 fleet refs',
    covers: ['ResourceOperationFilter.fleetRefs'],
    query: OPS,
    variables: () => ({ filter: { fleetRefs: refs(101) } }),
    argument: 'filter.fleetRefs',
  },
  {
    name: 'an over-long after cursor',
    covers: ['Query.resourceOperations(after:)'],
    query: OPS,
    variables: () => ({ after: CURSOR }),
    argument: 'after',
  },
  {
    name: 'an over-long before cursor',
    covers: ['Query.resourceOperations(before:)'],
    query: OPS,
    variables: () => ({ before: CURSOR, last: 1 }),
    argument: 'before',
  },
  {
    name: "a connection's operations by a 256-character sourceId (the connection is not even read)",
    covers: ['ConnectionResourceOperationFilter.sourceId'],
    query: CONNECTION_OPS,
    variables: () => ({ id: acmeConnection, filter: { resource: 'VEHICLE', sourceId: TEXT } }),
    argument: 'filter.sourceId',
  },
  {
    name: "a connection's operations after an over-long cursor",
    covers: ['Connection.resourceOperations(after:)'],
    query: CONNECTION_OPS,
    variables: () => ({ id: acmeConnection, after: CURSOR }),
    argument: 'after',
  },
  {
    name: "a connection's operations before an over-long cursor",
    covers: ['Connection.resourceOperations(before:)'],
    query: CONNECTION_OPS,
    variables: () => ({ id: acmeConnection, before: CURSOR, last: 1 }),
    argument: 'before',
  },
  {
    name: 'connections by a 256-character fleet ref',
    covers: ['ConnectionFilter.fleetRefs'],
    query: CONNECTIONS,
    variables: () => ({ filter: { fleetRefs: [TEXT] } }),
    argument: 'filter.fleetRefs',
  },
  {
    name: 'connections of 101 fleets',
    covers: ['ConnectionFilter.fleetIds'],
    query: CONNECTIONS,
    variables: () => ({ filter: { fleetIds: UUIDS } }),
    argument: 'filter.fleetIds',
  },
  {
    name: 'connections after an over-long cursor',
    covers: ['Query.connections(after:)'],
    query: CONNECTIONS,
    variables: () => ({ after: CURSOR }),
    argument: 'after',
  },
  {
    name: 'connections before an over-long cursor',
    covers: ['Query.connections(before:)'],
    query: CONNECTIONS,
    variables: () => ({ before: CURSOR, last: 1 }),
    argument: 'before',
  },
  {
    name: 'a 256-character global id, written in the document',
    covers: ['Query.node(id:)'],
    query: `{ node(id: "${TEXT}") { id } }`,
    argument: 'id',
  },
  {
    name: 'a 256-character id among nodes',
    covers: ['Query.nodes(ids:)'],
    query: 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }',
    variables: () => ({ ids: [TEXT] }),
    argument: 'ids',
  },
  {
    name: 'a 256-character sourceId below a mutation (nothing is written)',
    covers: [],
    query: `mutation($input: CreateTrailerInput!, $filter: ConnectionResourceOperationFilter) {
      createTrailer(input: $input) {
        ... on CreateTrailerSuccess { operation { connection { resourceOperations(filter: $filter) { edges { cursor } } } } }
      }
    }`,
    variables: () => ({
      input: { connectionId: acmeConnection, trailerName: 'never written' },
      filter: { resource: 'TRAILER', sourceId: TEXT },
    }),
    argument: 'filter.sourceId',
  },
  {
    name: 'resuming live events after a 256-character event id',
    covers: ['Subscription.resourceOperationEvents(after:)'],
    query: EVENTS,
    variables: () => ({ after: TEXT }),
    argument: 'after',
    subscription: true,
  },
  {
    name: 'live events of a 256-character fleet ref',
    covers: ['ResourceOperationEventFilter.fleetRefs'],
    query: EVENTS,
    variables: () => ({ filter: { fleetRefs: [TEXT] } }),
    argument: 'filter.fleetRefs',
    subscription: true,
  },
  ...Object.entries(EVENT_LISTS).map(
    ([field, item]): Case => ({
      name: `live events filtered by 101 ${field}`,
      covers: [`ResourceOperationEventFilter.${field}`],
      query: EVENTS,
      variables: () => ({ filter: { [field]: Array.from({ length: 101 }, () => item) } }),
      argument: `filter.${field}`,
      subscription: true,
    }),
  ),
];

/**
 * Every String or ID position and every list a query or subscription takes, as schema coordinates.
 * A mutation's own arguments are the writes' (tested below); fields below a mutation are here.
 */
function boundedPositions(s: GraphQLSchema): Set<string> {
  const found = new Set<string>();
  const visit = (type: GraphQLInputType, coordinate: string, seen: Set<string>) => {
    const nullable = getNullableType(type);
    if (isListType(nullable)) found.add(coordinate);
    const named = getNamedType(type);
    if (isScalarType(named) && (named.name === 'String' || named.name === 'ID')) found.add(coordinate);
    if (!isInputObjectType(named) || seen.has(named.name)) return;
    for (const field of Object.values(named.getFields()))
      visit(field.type, `${named.name}.${field.name}`, new Set([...seen, named.name]));
  };
  for (const type of Object.values(s.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || type === s.getMutationType()) continue;
    for (const field of Object.values(type.getFields()))
      for (const arg of field.args) visit(arg.type, `${type.name}.${field.name}(${arg.name}:)`, new Set());
  }
  return found;
}

describe('arguments over their limits, refused before any Catena call', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    const { answer, calls } = await callsDuring(async () =>
      c.subscription
        ? { status: 0, errors: await subscribe(c.query, c.variables?.()) }
        : gql(c.query, c.variables?.()).then((a) => ({
            status: a.status,
            errors: a.body?.errors,
            text: a.text,
          })),
    );
    expect(calls, 'calls to Catena').toBe(0);
    if (!c.subscription) expect(answer.status).toBe(400);
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: c.argument });
    expect(answer.errors?.[0]?.message).toMatch(/at most (\d+ characters|100 values)/);
  });

  it('covers every string and list a query or subscription takes', () => {
    const covered = new Set(cases.flatMap((c) => c.covers));
    expect([...boundedPositions(schema)].filter((p) => !covered.has(p)).sort()).toEqual([]);
  });

  it('takes values at the limits, and answers them', async () => {
    const res = await gql(OPS, {
      filter: { resource: 'VEHICLE', sourceId: 'x'.repeat(255), fleetRefs: [...refs(99), ACME] },
    });
    expect(res.body?.errors).toBeUndefined();
    expect(res.body?.data).toEqual({ resourceOperations: { edges: [] } });
  });

  it('refuses a filter that would make a Catena URL over 8,000 octets (100 refs of 255), naming it', async () => {
    const longRefs = Array.from({ length: 100 }, (_, i) => `${i}`.padEnd(255, 'r'));
    const { answer, calls } = await callsDuring(() => gql(OPS, { filter: { fleetRefs: longRefs } }));
    expect(calls, 'calls to Catena').toBe(0);
    expect(answer.body?.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/fleetRefs makes the request too long for Catena/),
      extensions: { code: 'BAD_USER_INPUT', argument: 'fleetRefs' },
    });
  });
});

/** Every String field of a write's input (nested lists of inputs too), as paths below `input`. */
function stringFields(typeName: string): { path: string[]; list: boolean }[] {
  const type = schema.getType(typeName);
  if (!isInputObjectType(type)) throw new Error(`${typeName} is not an input type`);
  return Object.values(type.getFields()).flatMap((field) => {
    const named = getNamedType(field.type);
    const list = isListType(getNullableType(field.type));
    if (isInputObjectType(named))
      return stringFields(named.name).map((f) => ({ ...f, path: [field.name, '0', ...f.path] }));
    return named.name === 'String' ? [{ path: list ? [field.name, '0'] : [field.name], list }] : [];
  });
}

/** `input` with every String field (and one item of each list of strings or inputs) set to `text`. */
function withEvery(
  input: Record<string, unknown>,
  fields: { path: string[]; list: boolean }[],
  text: string,
) {
  const copy = structuredClone(input);
  for (const { path, list } of fields) {
    const names = path.filter((p) => p !== '0');
    let target = copy as Record<string, unknown>;
    for (const name of names.slice(0, -1)) {
      const items = (target[name] as Record<string, unknown>[] | undefined) ?? [];
      target[name] = [items[0] ?? {}];
      target = (target[name] as Record<string, unknown>[])[0] as Record<string, unknown>;
    }
    const last = names[names.length - 1] ?? '';
    target[last] = list ? [text] : text;
  }
  return copy;
}

const capitalize = (name: string) => `${name[0]?.toUpperCase()}${name.slice(1)}`;

describe('writes refuse over-long input and keys before any Catena call, the connection lookup included', () => {
  const writeAs = (name: WriteName, variables: Record<string, unknown>) =>
    gql(mutationDocument(name), variables, 'acme-writer');
  const validCall = (name: WriteName) => {
    const call = writeCases(
      gw.sim.fixtures,
      gw.sim.fixtures.connections.find((c) => c.id === acmeConnection),
    )[name];
    return { id: call.id, input: graphqlInput(name, call.body) };
  };

  it('refuses a 300-character idempotencyKey of a valid write', async () => {
    const { answer, calls } = await callsDuring(() =>
      writeAs('createTrailer', { ...validCall('createTrailer'), key: 'k'.repeat(300) }),
    );
    expect(calls, 'calls to Catena').toBe(0);
    expect(answer.body?.data?.result).toMatchObject({
      __typename: 'InputValidationError',
      fieldErrors: [{ path: ['idempotencyKey'], message: 'must be 1 to 255 characters' }],
    });
  });

  it.each(WRITE_NAMES)('%s: every string field over its limit, and the key, in one refusal', async (name) => {
    const fields = stringFields(`${capitalize(name)}Input`);
    expect(fields.length).toBeGreaterThan(0);
    const call = validCall(name);
    const input = withEvery(call.input, fields, 'x'.repeat(MAX_LONG_TEXT + 1));
    const { answer, calls } = await callsDuring(() =>
      writeAs(name, { ...call, input, key: 'k'.repeat(300) }),
    );
    expect(calls, 'calls to Catena').toBe(0);
    const result = answer.body?.data?.result as { __typename: string; fieldErrors: { path: string[] }[] };
    expect(result.__typename).toBe('InputValidationError');
    const refused = new Set(result.fieldErrors.map((e) => e.path.join('.')));
    const expected = [...fields.map((f) => ['input', ...f.path].join('.')), 'idempotencyKey'];
    expect(expected.filter((path) => !refused.has(path))).toEqual([]);
  });

  it('looks the connection up for a valid write of a fleet-scoped credential (the counts above see it)', async () => {
    const { answer, calls } = await callsDuring(() =>
      writeAs('createTrailer', { ...validCall('createTrailer'), key: `ok-${Date.now()}` }),
    );
    expect(answer.body?.data?.result).toMatchObject({ __typename: 'CreateTrailerSuccess' });
    expect(gw.count(ROUTES.getConnection)).toBe(1);
    expect(calls).toBeGreaterThanOrEqual(2);
  });
});
