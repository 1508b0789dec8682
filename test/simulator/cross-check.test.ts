/**
 * The gateway's model of Catena's write bodies (src/catena/bodies.ts) against the simulator's own
 * (src/simulator/model/writes.ts), written separately from Catena's documents. Field by field:
 * wire names, kinds, formats, patterns, enum values, required and nullable. Every difference fails
 * unless it is listed below with its reason; a listed difference that is gone fails too, so the
 * list stays true.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { WRITES, type WriteName } from '../../src/catena/bodies.ts';
import { WRITE_ENDPOINTS } from '../../src/simulator/model/writes.ts';
import { compareFields, jsonType, type Shape, simulatorShape } from './shapes.ts';

type Json = Record<string, unknown>;

const SIDES = { left: 'the gateway', right: 'the simulator' };

function gatewayShape(name: WriteName): Record<string, Shape> {
  const json = z.toJSONSchema(WRITES[name].body, { io: 'input' }) as Json;
  return jsonType(json).fields ?? {};
}

function endpointOf(name: WriteName) {
  const spec = WRITES[name];
  const method = spec.operation === 'create' ? 'POST' : 'PATCH';
  const path = spec.operation === 'create' ? spec.path : `${spec.path}/{id}`;
  const endpoint = WRITE_ENDPOINTS.find((e) => e.method === method && e.path === path);
  if (!endpoint) throw new Error(`the simulator has no ${method} ${path}`);
  return endpoint;
}

function differences(name: WriteName): string[] {
  const endpoint = endpointOf(name);
  const simulator = Object.fromEntries(Object.entries(endpoint.body).map(([n, f]) => [n, simulatorShape(f)]));
  return compareFields('', gatewayShape(name), simulator, SIDES).map((d) => `${name}.${d}`);
}

const EMAIL = 'the gateway checks the address before calling Catena; Catena types it as a plain string';
const TIMEZONE_AND_RULESET =
  "Catena's lists (134 HOS rulesets, 169 time zones; names like America/New_York cannot be GraphQL " +
  "enum members) are sent as strings; Catena's 422 comes back as an InputValidationError on the field";
const TRAILER_COUNTRY =
  'the gateway asks for the alpha-3 code it asks for on vehicles and users; the newest OpenAPI has no ' +
  'pattern here (its description says alpha-2): unconfirmed, README Catena fidelity';
const LAT_LONG =
  'the gateway sends the GeoJSON `location` of the older fuel body (which the simulator still accepts); ' +
  'the newest OpenAPI names latitude/longitude instead: unconfirmed, README Catena fidelity';

/** Differences that are meant, each with its reason. */
const INTENDED: Record<string, string> = {
  'createTrailer.license_plate_country: pattern the gateway=^\\w{3}$ the simulator=undefined':
    TRAILER_COUNTRY,
  'updateTrailer.license_plate_country: pattern the gateway=^\\w{3}$ the simulator=undefined':
    TRAILER_COUNTRY,
  'createUser.user_email: format the gateway=email the simulator=undefined': EMAIL,
  'updateUser.user_email: format the gateway=email the simulator=undefined': EMAIL,
  'createUser.default_time_zone: kind the gateway=string the simulator=enum': TIMEZONE_AND_RULESET,
  'updateUser.default_time_zone: kind the gateway=string the simulator=enum': TIMEZONE_AND_RULESET,
  'createUser.hos_ruleset_code: kind the gateway=string the simulator=enum': TIMEZONE_AND_RULESET,
  'updateUser.hos_ruleset_code: kind the gateway=string the simulator=enum': TIMEZONE_AND_RULESET,
  'createFuelTransaction.total_cost: kind the gateway=number the simulator=decimal':
    'the gateway takes a number; Catena also accepts the number written as a string',
  'createFuelTransaction.latitude: only the simulator has it': LAT_LONG,
  'createFuelTransaction.longitude: only the simulator has it': LAT_LONG,
};

const NAMES = Object.keys(WRITES) as WriteName[];

describe("the gateway's write tables against the simulator's model of Catena", () => {
  it('pairs every gateway write with exactly one simulator endpoint, of the same resource and operation', () => {
    const paired = NAMES.map((name) => endpointOf(name));
    expect(new Set(paired.map((e) => e.operationId)).size).toBe(WRITE_ENDPOINTS.length);
    for (const name of NAMES) {
      expect(endpointOf(name)).toMatchObject({
        resource: WRITES[name].resource,
        operation: WRITES[name].operation,
      });
    }
  });

  it.each(NAMES)('%s: every field agrees, or its difference is listed as intended', (name) => {
    const unexplained = differences(name).filter((d) => INTENDED[d] === undefined);
    expect(unexplained, 'differences with no reason in INTENDED').toEqual([]);
  });

  it('lists no intended difference that is no longer there', () => {
    const all = new Set(NAMES.flatMap(differences));
    expect(Object.keys(INTENDED).filter((d) => !all.has(d))).toEqual([]);
  });

  it('catches a misspelt field, a dropped enum value and a lost required flag', () => {
    const broken = WRITES.createVehicle.body.extend({ vehicle_nam: z.string().nullish() }).omit({
      vehicle_name: true,
    });
    const json = z.toJSONSchema(broken, { io: 'input' }) as Json;
    const endpoint = endpointOf('createVehicle');
    const simulator = Object.fromEntries(
      Object.entries(endpoint.body).map(([n, f]) => [n, simulatorShape(f)]),
    );
    const gateway = jsonType(json).fields ?? {};
    const status = gateway.status;
    if (status?.values) status.values = status.values.filter((v) => v !== 'SPARE');
    const connection = gateway.connection_id;
    if (connection) connection.required = false;
    expect(compareFields('', gateway, simulator, SIDES)).toEqual([
      'connection_id: required the gateway=false the simulator=true',
      'status: values only the simulator has: SPARE',
      'vehicle_nam: only the gateway has it',
      'vehicle_name: only the simulator has it',
    ]);
  });
});
