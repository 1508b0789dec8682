/**
 * The simulator's writes against Catena's published Telematics OpenAPI (the Go SDK's newest stored
 * version, and the Update Workflow page for workflows; test/fixtures/catena-openapi): its model of
 * every request body field by field, what it refuses (derived from the published schema and
 * checked with Ajv first), and every answer (202, 200, 502) validated as a ResourceOperation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WRITE_NAMES, WRITES, type WriteName } from '../../src/catena/bodies.ts';
import type { Simulator } from '../../src/simulator/index.ts';
import {
  LOG_ERROR_KINDS,
  LOG_STATES,
  OPERATION_KINDS,
  OPERATION_STATES,
  RESOURCE_KINDS,
  TSPS,
} from '../../src/simulator/model/enums.ts';
import { WRITE_ENDPOINTS, type WriteEndpoint } from '../../src/simulator/model/writes.ts';
import { writableConnection, writeCases } from '../fixtures/write-bodies.ts';
import { createValidator, type Json, type Spec } from './openapi.ts';
import { compareFields, jsonType, type Shape, simulatorShape } from './shapes.ts';
import { type createApi, pathOf, startSimulator } from './support.ts';

const openapi = createValidator();

interface Published {
  spec: Spec;
  schemaName: string;
  operation: Json;
}

/** The published operation of an endpoint; create_workflow is described by the update page. */
function published(endpoint: WriteEndpoint): Published {
  const spec: Spec = endpoint.resource === 'workflow' ? 'workflows' : 'telematics';
  const path = spec === 'workflows' ? '/v2/telematics/workflows/{id}' : endpoint.path;
  const operation =
    openapi.docs[spec].paths[path]?.[spec === 'workflows' ? 'patch' : endpoint.method.toLowerCase()];
  if (!operation) throw new Error(`no published operation for ${endpoint.method} ${endpoint.path}`);
  const body = operation.requestBody as { content: { 'application/json': { schema: { $ref: string } } } };
  const schemaName = body.content['application/json'].schema.$ref.split('/').pop() ?? '';
  return { spec, schemaName, operation };
}

function publishedFields({ spec, schemaName }: Published): Record<string, Shape> {
  const resolve = (ref: string) => openapi.schemaOf(spec, ref.split('/').pop() ?? '');
  return jsonType(openapi.schemaOf(spec, schemaName), resolve).fields ?? {};
}

const SIDES = { left: 'the simulator', right: 'the OpenAPI', bounds: true };

const FUEL_IDS =
  "the current fuel-transaction doc page's example sends neither id, and the older body named TSP-side " +
  'ids instead (api-facts §2.2): the simulator tolerates every reading (model/writes.ts, README)';

/** Where the simulator knowingly departs from the newest OpenAPI, and why. */
const DEVIATIONS: Record<string, string> = {
  'create_fuel_transaction.driver_id: required the simulator=false the OpenAPI=true': FUEL_IDS,
  'create_fuel_transaction.driver_id: nullable the simulator=true the OpenAPI=false': FUEL_IDS,
  'create_fuel_transaction.vehicle_id: required the simulator=false the OpenAPI=true': FUEL_IDS,
  'create_fuel_transaction.vehicle_id: nullable the simulator=true the OpenAPI=false': FUEL_IDS,
};
const deviates = (operationId: string, field: string) =>
  Object.keys(DEVIATIONS).some((d) => d.startsWith(`${operationId}.${field}:`));

function gatewayName(endpoint: WriteEndpoint): WriteName {
  const name = WRITE_NAMES.find((n) => {
    const { method, path } = pathOf(n, '{id}');
    return method === endpoint.method && path === endpoint.path;
  });
  if (!name) throw new Error(`no gateway write for ${endpoint.operationId}`);
  return name;
}

describe("the simulator's model of the write bodies against the published OpenAPI", () => {
  it.each(WRITE_ENDPOINTS.map((e) => [e.operationId, e] as const))(
    '%s: every published field, as published; nothing else but the documented older fields',
    (_id, endpoint) => {
      const model = Object.fromEntries(
        Object.entries(endpoint.body)
          .filter(([, field]) => field.legacy === undefined)
          .map(([name, field]) => [name, simulatorShape(field)]),
      );
      const differences = compareFields('', model, publishedFields(published(endpoint)), SIDES).map(
        (d) => `${endpoint.operationId}.${d}`,
      );
      expect(differences.filter((d) => DEVIATIONS[d] === undefined)).toEqual([]);
    },
  );

  it('lists no deviation that is no longer there', () => {
    const all = WRITE_ENDPOINTS.flatMap((endpoint) => {
      const model = Object.fromEntries(
        Object.entries(endpoint.body)
          .filter(([, field]) => field.legacy === undefined)
          .map(([name, field]) => [name, simulatorShape(field)]),
      );
      return compareFields('', model, publishedFields(published(endpoint)), SIDES).map(
        (d) => `${endpoint.operationId}.${d}`,
      );
    });
    expect(Object.keys(DEVIATIONS).filter((d) => !all.includes(d))).toEqual([]);
  });

  it('has the write operations the OpenAPI declares, and no other', () => {
    const declared = [
      ...Object.entries(openapi.docs.telematics.paths).flatMap(([path, ops]) =>
        Object.keys(ops)
          .filter((m) => m === 'post' || m === 'patch')
          .map((m) => `${m.toUpperCase()} ${path}`),
      ),
      'PATCH /v2/telematics/workflows/{id}',
    ];
    const modelled = WRITE_ENDPOINTS.filter((e) => e.operationId !== 'create_workflow').map(
      (e) => `${e.method} ${e.path}`,
    );
    expect(modelled.sort()).toEqual(declared.sort());
    for (const endpoint of WRITE_ENDPOINTS.filter((e) => e.resource !== 'workflow')) {
      expect(published(endpoint).operation.operationId).toBe(endpoint.operationId);
    }
  });
});

describe('the simulator over HTTP, judged by the published schemas', () => {
  let sim: Simulator;
  let api: ReturnType<typeof createApi>;

  beforeAll(async () => {
    ({ sim, api } = await startSimulator({ processingMs: 60_000 }));
  });
  afterAll(() => sim.stop());

  const cases = () => writeCases(sim.fixtures, writableConnection(sim.fixtures), 'contract test');
  const send = (name: WriteName, body: unknown, query: Record<string, string> = {}) => {
    const { method, path } = pathOf(name, cases()[name].id);
    return api.call<Json>(method, path, { json: body, query });
  };

  /** Bodies the published schema refuses, one broken field each, with the refusal expected. */
  function brokenBodies(endpoint: WriteEndpoint, valid: Json): [string, Json, string, string][] {
    const fields = publishedFields(published(endpoint));
    const out: [string, Json, string, string][] = [];
    for (const [name, shape] of Object.entries(fields)) {
      if (shape.required && !deviates(endpoint.operationId, name)) {
        const { [name]: _dropped, ...rest } = valid;
        out.push([`${name} left out`, rest, name, 'missing']);
      }
      if (shape.kind === 'enum')
        out.push([`${name} not a member`, { ...valid, [name]: 'NOT_A_MEMBER' }, name, 'enum']);
      if (shape.kind === 'integer')
        out.push([`${name} a fraction`, { ...valid, [name]: 1.5 }, name, 'int_type']);
      if (shape.format === 'uuid' && name !== 'connection_id')
        out.push([`${name} not a UUID`, { ...valid, [name]: 'nope' }, name, 'uuid_parsing']);
      if (shape.pattern)
        out.push([`${name} off its pattern`, { ...valid, [name]: '!' }, name, 'string_pattern_mismatch']);
      if (shape.kind === 'boolean')
        out.push([`${name} not a boolean`, { ...valid, [name]: 'yes!' }, name, 'bool_type']);
    }
    out.push(['an undocumented field', { ...valid, no_such_field: 'x' }, 'no_such_field', 'extra_forbidden']);
    return out;
  }

  it.each(WRITE_ENDPOINTS.map((e) => [e.operationId, e] as const))(
    '%s: accepts the test body the schema accepts, refuses each body it refuses, with the field named',
    async (_id, endpoint) => {
      const name = gatewayName(endpoint);
      const { spec, schemaName } = published(endpoint);
      const valid = cases()[name].body;
      expect(openapi.check(spec, schemaName, valid)).toEqual([]);
      const broken = brokenBodies(endpoint, valid);
      expect(broken.length).toBeGreaterThan(1);
      for (const [what, body, path, errorType] of broken) {
        // The extra field is our strictness, not the schema's (additional properties are allowed there).
        if (errorType !== 'extra_forbidden')
          expect(openapi.check(spec, schemaName, body), what).not.toEqual([]);
        const res = await send(name, body);
        expect(res.status, what).toBe(422);
        openapi.expectValid('telematics', 'UnprocessableEntity', res.body);
        expect(res.body.detail, what).toContainEqual(
          expect.objectContaining({ path, error_type: errorType }),
        );
      }
      const accepted = await send(name, valid);
      expect(accepted.status).toBe(202);
    },
  );

  it.each(WRITE_NAMES)(
    '%s answers 202, 200 and 502 with a ResourceOperation, declared fields only',
    async (name) => {
      const connection = writableConnection(sim.fixtures);
      const answers = [
        [202, await send(name, cases()[name].body)],
        [200, await send(name, cases()[name].body, { is_sync: 'true' })],
        [
          502,
          await send(name, writeCases(sim.fixtures, connection, 'simulate-failure')[name].body, {
            is_sync: 'true',
          }),
        ],
      ] as const;
      const responses = published(endpointOf(name)).operation.responses as Json;
      for (const [status, res] of answers) {
        expect(res.status).toBe(status);
        if (endpointOf(name).resource !== 'workflow')
          expect(Object.keys(responses)).toContain(String(status));
        openapi.expectValid('telematics', 'ResourceOperation', res.body);
        expect(openapi.undeclared('telematics', 'ResourceOperation', res.body)).toEqual([]);
        for (const log of res.body.logs as Json[]) {
          openapi.expectValid('telematics', 'ResourceOperationLog', log);
          expect(openapi.undeclared('telematics', 'ResourceOperationLog', log)).toEqual([]);
        }
        expect(res.body).toMatchObject({
          resource: WRITES[name].resource,
          operation_type: WRITES[name].operation,
        });
      }
    },
  );
});

function endpointOf(name: WriteName): WriteEndpoint {
  const { method, path } = pathOf(name, '{id}');
  const endpoint = WRITE_ENDPOINTS.find((e) => e.method === method && e.path === path);
  if (!endpoint) throw new Error(`no endpoint for ${name}`);
  return endpoint;
}

describe('the read-side enums the simulator uses', () => {
  const integrations = openapi.docs.integrations.components.schemas;
  const valuesOf = (name: string) => (integrations[name] as { enum: string[] }).enum;

  it.each([
    ['TspEnum', TSPS],
    ['ResourceEnum', RESOURCE_KINDS],
    ['ResourceOperationTypeEnum', OPERATION_KINDS],
    ['ResourceOperationStatusEnum', OPERATION_STATES],
    ['ResourceOperationLogStatusEnum', LOG_STATES],
    ['ResourceOperationErrorTypeEnum', LOG_ERROR_KINDS],
  ] as const)('%s: the same values, in the same order, as the resource-operation pages', (name, values) => {
    expect([...values]).toEqual(valuesOf(name));
  });
});
