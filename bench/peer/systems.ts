/**
 * What each system is asked in each scenario, and one normal form of its answer: ids as Catena's
 * UUIDs, enum values lower-case, snake_case and camelCase names mapped to the same keys. Every call
 * throws on an HTTP error, a GraphQL error or an answer of another type (Mesh answers Catena's
 * error bodies as union members, not as errors), so a system that fails stops the benchmark.
 */
import { type Dispatcher, request } from 'undici';
import { DIRECT, GATEWAY, HIVE } from './report.ts';

export type Kind = 'by-id' | 'page' | 'write';

/** One request; resolves to its answer in normal form. */
export type Call = () => Promise<unknown>;

export interface Target {
  /** The operation read by id. */
  connectionId: string;
  operationId: string;
}

interface Http {
  agent: Dispatcher;
  token: string;
}

/** `n`-th VIN of the run: 17 characters, unique across systems and repeats. */
let vins = 0;
const nextVin = () => `BENCH${String(++vins).padStart(12, '0')}`;

const lower = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : v);

function fail(system: string, what: string, body: unknown): never {
  throw new Error(`${system} answered ${what}: ${JSON.stringify(body).slice(0, 600)}`);
}

async function json(system: string, res: Dispatcher.ResponseData, ok: number[]): Promise<unknown> {
  const body = await res.body.json();
  if (!ok.includes(res.statusCode)) fail(system, `HTTP ${res.statusCode}`, body);
  return body;
}

/** POSTs a GraphQL operation; returns `data` or throws on any error. */
async function graphql(system: string, url: string, agent: Dispatcher, body: string) {
  const res = await request(url, {
    dispatcher: agent,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  const answer = (await json(system, res, [200])) as { data?: Record<string, unknown>; errors?: unknown };
  if (answer.errors !== undefined || answer.data == null) fail(system, 'GraphQL errors', answer);
  return answer.data;
}

/** `value.__typename` must be `typename`; returns `value` as a record. */
function typed(system: string, value: unknown, typename: string): Record<string, unknown> {
  const record = value as Record<string, unknown> | null;
  if (record?.__typename !== typename)
    fail(system, `${String(record?.__typename)} where ${typename} was expected`, value);
  return record;
}

type Row = Record<string, unknown>;
/** Where a schema keeps the connection's and the log's fields. */
interface Names {
  fleetRef: string;
  sourceName: string;
  errorType: string;
}
const byIdForm = (op: Row, id: unknown) => ({
  id,
  status: lower(op.status),
  resource: lower(op.resource),
  logs: (op.logs as Row[]).map((l) => ({ status: lower(l.status) })),
});
const pageItemForm = (op: Row, id: unknown, connection: Row | null, names: Names) => ({
  id,
  status: lower(op.status),
  connection: connection && {
    fleetRef: connection[names.fleetRef],
    sourceName: lower(connection[names.sourceName]),
  },
  logs: (op.logs as Row[]).map((l) => ({
    status: lower(l.status),
    errorType: lower(l[names.errorType]) ?? null,
  })),
});
const writeForm = (op: Row, id: unknown) => ({
  id: typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id) ? 'a uuid' : id,
  status: lower(op.status),
  resource: lower(op.resource),
});

/** Catena's REST API itself, as a REST client would call it: the baseline. */
export function directCalls(apiUrl: string, http: Http, target: Target, page: string): Record<Kind, Call> {
  const headers = { authorization: `Bearer ${http.token}` };
  const get = async (path: string) =>
    json(
      DIRECT,
      await request(`${apiUrl}${path}`, { dispatcher: http.agent, headers }),
      [200],
    ) as Promise<Row>;
  return {
    'by-id': async () => {
      const op = await get(
        `/v2/integrations/connections/${target.connectionId}/resource-operations/${target.operationId}`,
      );
      return byIdForm(op, op.id);
    },
    // The page, then each distinct connection once: what a REST client does for the same data.
    page: async () => {
      const items = (await get(page)).items as Row[];
      const ids = [...new Set(items.map((op) => String(op.connection_id)))];
      const connections = new Map(
        await Promise.all(
          ids.map(async (id) => [id, await get(`/v2/integrations/connections/${id}`)] as const),
        ),
      );
      const names = { fleetRef: 'fleet_ref', sourceName: 'source_name', errorType: 'error_type' };
      return items.map((op) =>
        pageItemForm(op, op.id, connections.get(String(op.connection_id)) ?? null, names),
      );
    },
    write: async () => {
      const res = await request(`${apiUrl}/v2/telematics/vehicles?is_sync=false`, {
        dispatcher: http.agent,
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ connection_id: target.connectionId, vehicle_name: 'bench', vin: nextVin() }),
      });
      const op = (await json(DIRECT, res, [202])) as Row;
      return writeForm(op, op.id);
    },
  };
}

/** Checks `value.__typename` against `typename` and returns `value` (see `typed`). */
type Expect = (value: unknown, typename: string) => Row;

/** A GraphQL server's side of the scenarios: its operations and where its answers keep the data. */
export interface GraphQLSystem {
  system: string;
  /** The names of Catena's fields in this schema. */
  names: { id: string } & Names;
  /** Query with `$c` (connection id) and `$id`; `readById` finds the operation in its data. */
  byId: string;
  readById(data: Row, expect: Expect): Row;
  /** Query for the first 100 operations; `readPage` lists them, each with its connection. */
  page?: string;
  readPage?(data: Row, expect: Expect): { op: Row; connection: Row | null }[];
  /** Mutation with `$c` and `$vin`; `readWrite` finds the operation written. */
  write?: string;
  readWrite?(data: Row, expect: Expect): Row;
}

/** The calls of one GraphQL server, from its description. */
export function graphqlCalls(url: string, agent: Dispatcher, target: Target, spec: GraphQLSystem) {
  const { system, names } = spec;
  const expect: Expect = (value, typename) => typed(system, value, typename);
  const post = (query: string, variables?: Row) =>
    graphql(system, url, agent, JSON.stringify({ query, variables }));
  const byIdVariables = { c: target.connectionId, id: target.operationId };
  const calls: Partial<Record<Kind, Call>> = {
    'by-id': async () => {
      const op = spec.readById(await post(spec.byId, byIdVariables), expect);
      return byIdForm(op, op[names.id]);
    },
  };
  const { page, readPage, write, readWrite } = spec;
  if (page && readPage) {
    calls.page = async () =>
      readPage(await post(page), expect).map(({ op, connection }) =>
        pageItemForm(op, op[names.id], connection, names),
      );
  }
  if (write && readWrite) {
    calls.write = async () => {
      const op = readWrite(await post(write, { c: target.connectionId, vin: nextVin() }), expect);
      return writeForm(op, op[names.id]);
    };
  }
  return calls;
}

/** bench/bare-yoga.ts: one resolver making the same GET; it serves the by-id read only. */
export const BARE_YOGA: GraphQLSystem = {
  system: 'bare graphql-yoga',
  names: { id: 'id', fleetRef: 'fleetRef', sourceName: 'sourceName', errorType: 'errorType' },
  byId: 'query($c: ID!, $id: ID!) { resourceOperation(connectionId: $c, id: $id) { id status resource logs { status } } }',
  readById: (data) => data.resourceOperation as Row,
};

/** catena-gateway (`npm start`). */
export const CATENA_GATEWAY: GraphQLSystem = {
  system: GATEWAY,
  names: { id: 'catenaId', fleetRef: 'fleetRef', sourceName: 'sourceName', errorType: 'errorType' },
  byId: 'query($c: UUID!, $id: UUID!) { resourceOperation(connectionId: $c, id: $id) { catenaId status resource logs { status } } }',
  readById: (data) => data.resourceOperation as Row,
  page: '{ resourceOperations(first: 100) { edges { node { catenaId status connection { fleetRef sourceName } logs { status errorType } } } } }',
  readPage: (data) =>
    ((data.resourceOperations as Row).edges as { node: Row }[]).map(({ node }) => ({
      op: node,
      connection: node.connection as Row | null,
    })),
  write:
    'mutation($c: UUID!, $vin: String!) { createVehicle(input: { connectionId: $c, vehicleName: "bench", vin: $vin }) { __typename ... on CreateVehicleSuccess { operation { catenaId status resource } } } }',
  readWrite: (data, expect) => expect(data.createVehicle, 'CreateVehicleSuccess').operation as Row,
};

/** Mesh's name for Catena's `_CursorPage[TypeVar]Customized[ResourceOperationRead]`. */
const MESH_PAGE =
  '_CursorPage_LEFT_SQUARE_BRACE_TypeVar_RIGHT_SQUARE_BRACE_Customized_LEFT_SQUARE_BRACE_ResourceOperationRead_RIGHT_SQUARE_BRACE_';

/**
 * Hive Gateway over the Mesh supergraph: Catena's operations, types and names as its OpenAPI has
 * them; every answer is a union of the success type and Catena's error bodies.
 */
export const HIVE_GATEWAY: GraphQLSystem = {
  system: HIVE,
  names: { id: 'id', fleetRef: 'fleet_ref', sourceName: 'source_name', errorType: 'error_type' },
  byId: 'query($c: UUID!, $id: UUID!) { get_resource_operation(connection_id: $c, resource_operation_id: $id) { __typename ... on ResourceOperationRead { id status resource logs { status } } } }',
  readById: (data, expect) => expect(data.get_resource_operation, 'ResourceOperationRead'),
  page: `{ list_resource_operations(size: 100) { __typename ... on ${MESH_PAGE} { items { id status connection { __typename ... on ConnectionRead { fleet_ref source_name } } logs { status error_type } } } } }`,
  readPage: (data, expect) =>
    (expect(data.list_resource_operations, MESH_PAGE).items as Row[]).map((op) => ({
      op,
      connection: expect(op.connection, 'ConnectionRead'),
    })),
  write:
    'mutation($c: UUID!, $vin: String!) { create_vehicle(is_sync: false, input: { connection_id: $c, vehicle_name: "bench", vin: $vin }) { __typename ... on ResourceOperation { id status resource } } }',
  readWrite: (data, expect) => expect(data.create_vehicle, 'ResourceOperation'),
};
