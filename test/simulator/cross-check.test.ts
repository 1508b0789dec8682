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
import { type Field, type FieldType, WRITE_ENDPOINTS } from '../../src/simulator/model/writes.ts';

/** One field reduced to what both models must agree on. */
interface Shape {
  kind: string;
  required: boolean;
  nullable: boolean;
  format?: string;
  pattern?: string;
  values?: string[];
  items?: Omit<Shape, 'required' | 'nullable'>;
  fields?: Record<string, Shape>;
}

type Json = Record<string, unknown>;

// --- the gateway's tables, read through zod's public JSON Schema export --------------------------

function fromJsonSchema(node: Json, required: boolean): Shape {
  let nullable = false;
  let schema = node;
  if (Array.isArray(node.anyOf)) {
    const members = node.anyOf as Json[];
    nullable = members.some((m) => m.type === 'null');
    const rest = members.filter((m) => m.type !== 'null');
    schema = rest.length === 1 ? (rest[0] as Json) : { kind: 'union', anyOf: rest };
  } else if (Array.isArray(node.type)) {
    const types = node.type as string[];
    nullable = types.includes('null');
    schema = { ...node, type: types.find((t) => t !== 'null') };
  }
  return { ...jsonType(schema), required, nullable };
}

function jsonType(schema: Json): Omit<Shape, 'required' | 'nullable'> {
  if (Array.isArray(schema.enum)) return { kind: 'enum', values: (schema.enum as string[]).slice().sort() };
  if (schema.const !== undefined) return { kind: 'enum', values: [String(schema.const)] };
  switch (schema.type) {
    case 'string': {
      const format = schema.format as string | undefined;
      // zod writes its own regex beside every format; only a hand-written pattern is a fact.
      const pattern = format === undefined ? (schema.pattern as string | undefined) : undefined;
      return {
        kind: 'string',
        ...(format ? { format } : {}),
        ...(pattern ? { pattern } : {}),
      };
    }
    case 'integer':
    case 'number':
    case 'boolean':
      return { kind: schema.type };
    case 'array': {
      if (Array.isArray(schema.prefixItems)) return { kind: 'array', items: { kind: 'number' } };
      return { kind: 'array', items: jsonType(schema.items as Json) };
    }
    case 'object': {
      const required = new Set((schema.required as string[] | undefined) ?? []);
      const properties = schema.properties as Record<string, Json>;
      return {
        kind: 'object',
        fields: Object.fromEntries(
          Object.entries(properties).map(([name, p]) => [name, fromJsonSchema(p, required.has(name))]),
        ),
      };
    }
    default:
      throw new Error(`no mapping for JSON Schema ${JSON.stringify(schema).slice(0, 120)}`);
  }
}

function gatewayShape(name: WriteName): Record<string, Shape> {
  const json = z.toJSONSchema(WRITES[name].body, { io: 'input' }) as Json;
  const shape = jsonType(json);
  return shape.fields ?? {};
}

// --- the simulator's model ------------------------------------------------------------------------

function simulatorType(field: FieldType): Omit<Shape, 'required' | 'nullable'> {
  switch (field.type) {
    case 'string':
      return {
        kind: 'string',
        ...(field.format ? { format: field.format } : {}),
        ...(field.pattern ? { pattern: field.pattern } : {}),
      };
    case 'enum':
      return { kind: 'enum', values: [...field.values].sort() };
    case 'array':
      return { kind: 'array', items: simulatorType(field.items) };
    case 'object':
      return {
        kind: 'object',
        fields: Object.fromEntries(Object.entries(field.fields).map(([n, f]) => [n, simulatorShape(f)])),
      };
    default:
      return { kind: field.type };
  }
}

function simulatorShape(field: Field): Shape {
  const required = field.required === true;
  return { ...simulatorType(field), required, nullable: !required && field.nullable !== false };
}

// --- the comparison -------------------------------------------------------------------------------

function compare(path: string, gateway: Shape | undefined, simulator: Shape | undefined, out: string[]) {
  if (!gateway || !simulator) {
    out.push(`${path}: ${gateway ? 'only the gateway sends it' : 'only the simulator knows it'}`);
    return;
  }
  for (const aspect of ['kind', 'required', 'nullable', 'format', 'pattern'] as const) {
    if (gateway[aspect] !== simulator[aspect]) {
      out.push(`${path}: ${aspect} gateway=${gateway[aspect]} simulator=${simulator[aspect]}`);
    }
  }
  if (gateway.kind !== simulator.kind) return;
  if (gateway.values || simulator.values) {
    const g = new Set(gateway.values);
    const s = new Set(simulator.values);
    const onlyG = [...g].filter((v) => !s.has(v));
    const onlyS = [...s].filter((v) => !g.has(v));
    if (onlyG.length > 0) out.push(`${path}: values only the gateway has: ${onlyG.join(', ')}`);
    if (onlyS.length > 0) out.push(`${path}: values only the simulator has: ${onlyS.join(', ')}`);
  }
  if (gateway.items && simulator.items) {
    compare(
      `${path}[]`,
      { ...gateway.items, required: true, nullable: false },
      { ...simulator.items, required: true, nullable: false },
      out,
    );
  }
  if (gateway.fields && simulator.fields) compareFields(path, gateway.fields, simulator.fields, out);
}

function compareFields(
  path: string,
  gateway: Record<string, Shape>,
  simulator: Record<string, Shape>,
  out: string[],
) {
  const names = [...new Set([...Object.keys(gateway), ...Object.keys(simulator)])].sort();
  for (const name of names) compare(path ? `${path}.${name}` : name, gateway[name], simulator[name], out);
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
  const out: string[] = [];
  compareFields('', gatewayShape(name), simulator, out);
  return out.map((d) => `${name}.${d}`);
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
  'createTrailer.license_plate_country: pattern gateway=^\\w{3}$ simulator=undefined': TRAILER_COUNTRY,
  'updateTrailer.license_plate_country: pattern gateway=^\\w{3}$ simulator=undefined': TRAILER_COUNTRY,
  'createUser.user_email: format gateway=email simulator=undefined': EMAIL,
  'updateUser.user_email: format gateway=email simulator=undefined': EMAIL,
  'createUser.default_time_zone: kind gateway=string simulator=enum': TIMEZONE_AND_RULESET,
  'updateUser.default_time_zone: kind gateway=string simulator=enum': TIMEZONE_AND_RULESET,
  'createUser.hos_ruleset_code: kind gateway=string simulator=enum': TIMEZONE_AND_RULESET,
  'updateUser.hos_ruleset_code: kind gateway=string simulator=enum': TIMEZONE_AND_RULESET,
  'createFuelTransaction.total_cost: kind gateway=number simulator=decimal':
    'the gateway takes a number; Catena also accepts the number written as a string',
  'createFuelTransaction.latitude: only the simulator knows it': LAT_LONG,
  'createFuelTransaction.longitude: only the simulator knows it': LAT_LONG,
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
    const out: string[] = [];
    const gateway = jsonType(json).fields ?? {};
    const status = gateway.status;
    if (status?.values) status.values = status.values.filter((v) => v !== 'SPARE');
    const connection = gateway.connection_id;
    if (connection) connection.required = false;
    compareFields('', gateway, simulator, out);
    expect(out).toEqual([
      'connection_id: required gateway=false simulator=true',
      'status: values only the simulator has: SPARE',
      'vehicle_nam: only the gateway sends it',
      'vehicle_name: only the simulator knows it',
    ]);
  });
});
