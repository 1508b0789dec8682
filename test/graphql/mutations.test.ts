import { beforeEach, describe, expect, it } from 'vitest';
import { WRITE_NAMES, WRITES, type WriteName } from '../../src/catena/bodies.ts';
import { exampleIdsFrom } from '../../src/embedded.ts';
import { examples } from '../../src/schema/examples.ts';
import type { FaultSpec } from '../../src/simulator/types.ts';
import { writableConnection, writeCases } from '../fixtures/write-bodies.ts';
import { useGateway } from '../helpers/gateway.ts';
import { graphqlInput, type WriteCall, write, writeRoute } from '../helpers/mutations.ts';
import { waitFor } from '../helpers/wait-for.ts';

const gw = useGateway({ processingMs: 40 });
const UNKNOWN_UUID = '00000000-0000-4000-8000-000000000000';
const UPDATES = WRITE_NAMES.filter((name) => WRITES[name].operation === 'update');

/** A valid call of `name` against the writable seed connection (or `connectionId`). */
function validCall(name: WriteName, marker = 'gateway test', connectionId?: string): WriteCall {
  const connection = connectionId
    ? gw.sim.fixtures.connections.find((c) => c.id === connectionId)
    : writableConnection(gw.sim.fixtures);
  const { id, body } = writeCases(gw.sim.fixtures, connection, marker)[name];
  return { id, input: graphqlInput(name, body) };
}

const routeOf = (name: WriteName) => writeRoute(name).slice(writeRoute(name).indexOf(' ') + 1);
const fault = (name: WriteName, spec: Partial<FaultSpec> & Pick<FaultSpec, 'kind'>) =>
  gw.sim.control.addFault({
    method: WRITES[name].operation === 'update' ? 'PATCH' : 'POST',
    route: routeOf(name),
    ...spec,
  } as FaultSpec);

beforeEach(() => {
  gw.sim.control.clearFaults();
  gw.resetCounts();
});

describe.each(WRITE_NAMES)('%s', (name) => {
  it('writes ASYNC: a PENDING operation at once, SUCCESS later', async () => {
    const res = await write(gw, name, validCall(name));
    expect(res.errors).toBeUndefined();
    const { result } = res.data ?? {};
    expect(result?.__typename).toBe(`${name[0]?.toUpperCase()}${name.slice(1)}Success`);
    expect(result?.operation).toMatchObject({
      status: 'PENDING',
      resource: WRITES[name].resource.toUpperCase(),
      operationType: WRITES[name].operation.toUpperCase(),
      resourceId: null,
    });
    expect(gw.count(writeRoute(name))).toBe(1);
    const op = result?.operation;
    const done = await waitFor(async () => {
      const read = await gw.gql<{
        resourceOperation: { status: string; resourceId: string; logs: unknown[] };
      }>(
        'query($c: UUID!, $id: UUID!) { resourceOperation(connectionId: $c, id: $id) { status resourceId logs { status } } }',
        { c: op?.connectionId, id: op?.catenaId },
      );
      const current = read.data?.resourceOperation;
      return current?.status !== 'PENDING' && current;
    });
    expect(done).toMatchObject({ status: 'SUCCESS', logs: [{ status: 'SUCCESS' }] });
    expect(done.resourceId).toBeTruthy();
  });

  it('writes SYNC: the TSP outcome at once', async () => {
    const res = await write(gw, name, { ...validCall(name), mode: 'SYNC' });
    expect(res.data?.result.operation).toMatchObject({ status: 'SUCCESS', logs: [{ status: 'SUCCESS' }] });
    expect(res.data?.result.operation?.sourceId).toBeTruthy();
  });

  it('answers TspRejectedError with the failed operation when the TSP refuses a SYNC write', async () => {
    const res = await write(gw, name, { ...validCall(name, 'simulate-failure'), mode: 'SYNC' });
    expect(res.data?.result).toMatchObject({ __typename: 'TspRejectedError', code: 'TSP_REJECTED' });
    expect(res.data?.result.operation?.status).toBe('FAILED');
    expect(res.data?.result.operation?.logs.at(-1)).toEqual({ status: 'FAILED', errorType: 'TSP' });
  });

  it('refuses invalid input with InputValidationError and sends nothing', async () => {
    const call = validCall(name);
    const res = await write(gw, name, { ...call, input: { ...call.input, ...invalidFields(name) } });
    expect(res.errors).toBeUndefined();
    const result = res.data?.result;
    expect(result).toMatchObject({ __typename: 'InputValidationError', code: 'INPUT_VALIDATION' });
    expect(result?.fieldErrors?.length).toBeGreaterThan(0);
    expect(result?.fieldErrors?.every((e) => e.path[0] === 'input' && e.message.length > 0)).toBe(true);
    expect(gw.count(writeRoute(name))).toBe(0);
  });

  it('answers ForbiddenError for a read-only connection', async () => {
    const readOnly = gw.sim.fixtures.connections.find((c) => c.shareLevel === 'read');
    const res = await write(gw, name, validCall(name, 'gateway test', readOnly?.id));
    expect(res.data?.result).toMatchObject({ __typename: 'ForbiddenError', code: 'UPSTREAM_FORBIDDEN' });
  });

  it('answers RateLimitedError with the advice, after one upstream call', async () => {
    fault(name, { kind: 'status', status: 429, retryAfterSeconds: 60 });
    const res = await write(gw, name, validCall(name));
    expect(res.data?.result).toMatchObject({
      __typename: 'RateLimitedError',
      code: 'UPSTREAM_RATE_LIMITED',
      retryAfterSeconds: 60,
    });
    expect(gw.count(writeRoute(name))).toBe(1);
  });

  it('fails with a masked UPSTREAM_UNAVAILABLE error when Catena breaks, without a second write', async () => {
    fault(name, { kind: 'status', status: 503, times: Number.POSITIVE_INFINITY });
    const res = await write(gw, name, validCall(name));
    expect(res.data).toBeNull();
    expect(res.errors?.[0]).toMatchObject({
      message: 'Catena is unavailable; retry later.',
      extensions: { code: 'UPSTREAM_UNAVAILABLE' },
    });
    expect(gw.count(writeRoute(name))).toBe(1);
  });
});

/** A few values the gateway itself refuses, per mutation. */
function invalidFields(name: WriteName): Record<string, unknown> {
  switch (name) {
    case 'createVehicle':
    case 'updateVehicle':
      return { modelYear: 1850, licensePlateCountry: 'XYZ', vin: '' };
    case 'createTrailer':
    case 'updateTrailer':
      return { trailerLength: -3, licensePlateCountry: 'usa' };
    case 'createUser':
    case 'updateUser':
      return { countryCode: 'ZZZ', licenseExpiration: '2030-02-30', userEmail: 'not-an-email' };
    case 'sendMessage':
      return { senderId: 'not-a-uuid', messageText: 'x'.repeat(5000) };
    case 'sendGroupMessage':
      return { recipientIds: [] };
    case 'createDvirLog':
      return { driverId: 'nope', defectCount: -1 };
    case 'createFuelTransaction':
      return { fuelVolume: 0, location: { longitude: 200, latitude: 0 } };
    case 'createWorkflow':
    case 'updateWorkflow':
      return { startedAt: '2026-01-02T00:00:00Z', endedAt: '2026-01-01T00:00:00Z', totalDistance: -1 };
  }
}

describe('refusals that depend on Catena', () => {
  it.each(UPDATES)('%s of an unknown id is NotFoundError', async (name) => {
    const res = await write(gw, name, { ...validCall(name), id: UNKNOWN_UUID });
    expect(res.data?.result).toMatchObject({ __typename: 'NotFoundError', code: 'NOT_FOUND' });
  });

  it('answers NotFoundError for an unknown connection', async () => {
    const call = validCall('createTrailer');
    const res = await write(gw, 'createTrailer', {
      ...call,
      input: { ...call.input, connectionId: UNKNOWN_UUID },
    });
    expect(res.data?.result).toMatchObject({ __typename: 'NotFoundError' });
  });

  it.each([
    ['createVehicle', 'vin', (f: typeof gw.sim.fixtures) => f.vehicles],
    ['createUser', 'username', (f: typeof gw.sim.fixtures) => f.users],
  ] as const)('%s of an existing %s is ConflictError', async (name, field, records) => {
    const connection = writableConnection(gw.sim.fixtures);
    const record = records(gw.sim.fixtures).find((r) => r.connectionId === connection.id);
    const existing = record as unknown as Record<string, string>;
    const call = validCall(name);
    const res = await write(gw, name, { ...call, input: { ...call.input, [field]: existing[field] } });
    expect(res.data?.result).toMatchObject({ __typename: 'ConflictError', code: 'CONFLICT' });
  });

  it.each([
    ['sendMessage', 'recipientId', ['input', 'recipientId']],
    ['createDvirLog', 'vehicleId', ['input', 'vehicleId']],
    ['createFuelTransaction', 'driverId', ['input', 'driverId']],
  ] as const)("%s maps Catena's 422 on %s to the GraphQL input path", async (name, field, path) => {
    const call = validCall(name);
    const res = await write(gw, name, { ...call, input: { ...call.input, [field]: UNKNOWN_UUID } });
    expect(res.data?.result.__typename).toBe('InputValidationError');
    expect(res.data?.result.fieldErrors?.map((e) => e.path)).toContainEqual(path);
    expect(gw.count(writeRoute(name))).toBe(1);
  });

  it('refuses an update that changes nothing, without calling Catena', async () => {
    const call = validCall('updateVehicle');
    const res = await write(gw, 'updateVehicle', {
      ...call,
      input: { connectionId: call.input.connectionId },
    });
    expect(res.data?.result.fieldErrors).toEqual([
      { path: ['input'], message: 'must change at least one field' },
    ]);
    expect(gw.count(writeRoute('updateVehicle'))).toBe(0);
  });

  it('refuses malformed scalars with the standard GraphQL error, sending nothing', async () => {
    const call = validCall('createVehicle');
    const res = await write(gw, 'createVehicle', { ...call, input: { ...call.input, connectionId: 'nope' } });
    expect(res.data).toBeUndefined();
    expect(res.errors?.[0]?.message).toMatch(/connectionId/);
    expect(gw.count(writeRoute('createVehicle'))).toBe(0);
  });

  it('refuses null for a field Catena does not let be null (a DVIR log type), sending nothing', async () => {
    const call = validCall('createDvirLog');
    const res = await write(gw, 'createDvirLog', { ...call, input: { ...call.input, logType: null } });
    expect(res.data?.result.__typename).toBe('InputValidationError');
    expect(res.data?.result.fieldErrors?.map((e) => e.path)).toEqual([['input', 'logType']]);
    expect(gw.count(writeRoute('createDvirLog'))).toBe(0);
  });
});

describe('the GraphiQL write examples', () => {
  it('all succeed as they are against the embedded simulator', async () => {
    const writes = examples(exampleIdsFrom(gw.sim.fixtures)).find((e) => e.name === 'CreateVehicle');
    const names = [...(writes?.query.matchAll(/^mutation (\w+)/gm) ?? [])].map((m) => m[1]);
    expect(names).toHaveLength(WRITE_NAMES.length);
    for (const operationName of names) {
      const res = await fetch(`${gw.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: writes?.query, variables: writes?.variables, operationName }),
      });
      const body = (await res.json()) as { data?: Record<string, { __typename: string }>; errors?: unknown };
      expect(body.errors, operationName).toBeUndefined();
      expect(Object.values(body.data ?? {})[0]?.__typename, operationName).toBe(`${operationName}Success`);
    }
  });
});
