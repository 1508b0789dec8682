import { WRITES, type WriteName } from '../../src/catena/bodies.ts';
import { type FieldTable, graphqlName, type WriteField } from '../../src/catena/write-fields.ts';
import type { WriteMode } from '../../src/resolvers/writes.ts';
import { writableConnection, writeCases } from '../fixtures/write-bodies.ts';
import type { GraphQLResponse, TestGateway } from './gateway.ts';

/** A Catena wire body as the mutation's GraphQL input (the inverse of the gateway's mapping). */
export function graphqlInput(name: WriteName, body: Record<string, unknown>): Record<string, unknown> {
  return fromWire(WRITES[name].fields, body);
}

function fromWire(table: FieldTable, body: Record<string, unknown>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [wire, field] of Object.entries(table)) {
    const value = body[wire];
    if (value === undefined) continue;
    const one = (v: unknown) => (v === null ? null : fromWireValue(field, v));
    input[graphqlName(wire, field)] = field.list && Array.isArray(value) ? value.map(one) : one(value);
  }
  return input;
}

function fromWireValue(field: WriteField, value: unknown): unknown {
  if (field.kind === 'enum') return String(value).toUpperCase();
  if (field.kind === 'object') return fromWire(field.object.fields, value as Record<string, unknown>);
  if (field.kind === 'geoPoint') {
    const [longitude, latitude] = (value as { coordinates: [number, number] }).coordinates;
    return { longitude, latitude };
  }
  return value;
}

const capitalize = (name: string) => `${name[0]?.toUpperCase()}${name.slice(1)}`;
const OPERATION =
  'id catenaId status resource operationType connectionId sourceId resourceId logs { status errorType }';

/** The mutation document for `name`, selecting every result type. */
export function mutationDocument(name: WriteName): string {
  const Name = capitalize(name);
  const update = WRITES[name].operation === 'update';
  return `mutation Write(${update ? '$id: UUID!, ' : ''}$input: ${Name}Input!, $mode: WriteMode, $key: String) {
    result: ${name}(${update ? 'id: $id, ' : ''}input: $input, mode: $mode, idempotencyKey: $key) {
      __typename
      ... on ${Name}Success { operation { ${OPERATION} } }
      ... on Error { message code }
      ... on InputValidationError { fieldErrors { path message } }
      ... on RateLimitedError { retryAfterSeconds }
      ... on TspRejectedError { operation { ${OPERATION} } }
    }
  }`;
}

export interface WriteResult {
  __typename: string;
  message?: string;
  code?: string;
  operation?: {
    id: string;
    catenaId: string;
    status: string;
    resource: string;
    operationType: string;
    connectionId: string;
    sourceId: string | null;
    resourceId: string | null;
    logs: { status: string; errorType: string | null }[];
  };
  fieldErrors?: { path: string[]; message: string }[];
  retryAfterSeconds?: number | null;
}

export interface WriteCall {
  id?: string;
  input: Record<string, unknown>;
  mode?: WriteMode;
  key?: string;
}

export async function write(
  gw: Pick<TestGateway, 'gql'>,
  name: WriteName,
  call: WriteCall,
): Promise<GraphQLResponse<{ result: WriteResult }>> {
  return gw.gql<{ result: WriteResult }>(mutationDocument(name), {
    id: call.id,
    input: call.input,
    mode: call.mode,
    key: call.key,
  });
}

/** The simulator route a write goes to, as its request counters name it. */
export function writeRoute(name: WriteName): string {
  const spec = WRITES[name];
  return spec.operation === 'update' ? `PATCH ${spec.path}/:id` : `POST ${spec.path}`;
}

/**
 * An async createTrailer through the gateway on `connection` (by default the seed's writable one):
 * the ids of its operation, PENDING. `marker` goes in the notes (`simulate-failure`, ...).
 */
export async function createTrailer(
  gw: Pick<TestGateway, 'gql' | 'sim'>,
  marker = 'gateway test',
  connection = writableConnection(gw.sim.fixtures),
): Promise<{ connectionId: string; id: string }> {
  const { body } = writeCases(gw.sim.fixtures, connection, marker).createTrailer;
  const res = await write(gw, 'createTrailer', { input: graphqlInput('createTrailer', body) });
  const op = res.data?.result.operation;
  if (!op) throw new Error(JSON.stringify(res));
  return { connectionId: connection.id, id: op.catenaId };
}
