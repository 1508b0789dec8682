import { readFileSync } from 'node:fs';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import {
  type ExecutionResult,
  execute,
  type GraphQLAbstractType,
  isAbstractType,
  isInterfaceType,
  isObjectType,
  parse,
  printSchema,
  validate,
} from 'graphql';
import type { MockAgent } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContext } from '../../src/context.ts';
import { examples } from '../../src/schema/examples.ts';
import { schema } from '../../src/schema/index.ts';
import { ConnectionByIdDocument, OperationsWithLogsDocument } from '../generated/graphql.ts';
import { createMockCatena, MOCK_ORIGIN, type MockCatena } from '../helpers/mock-catena.ts';
import { testServices } from '../helpers/services.ts';

describe('the schema', () => {
  it('is what the committed schema.graphql says (run `npm run codegen` after changing it)', () => {
    expect(readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8')).toBe(printSchema(schema));
  });

  it('is what the committed possible-types.json says of its interfaces and unions (`npm run codegen`)', () => {
    const committed = JSON.parse(readFileSync(new URL('../../possible-types.json', import.meta.url), 'utf8'));
    const expected = Object.fromEntries(
      Object.values(schema.getTypeMap())
        .filter((type) => isAbstractType(type) && !type.name.startsWith('__'))
        .map((type) => [
          type.name,
          schema
            .getPossibleTypes(type as GraphQLAbstractType)
            .map((t) => t.name)
            .sort(),
        ])
        .sort(([a], [b]) => String(a).localeCompare(String(b))),
    );
    expect(Object.keys(expected).length).toBeGreaterThan(10);
    expect(committed).toEqual({ possibleTypes: expected });
  });

  it.each(examples().map((e) => [e.name, e.query]))('accepts the GraphiQL example "%s"', (_, query) => {
    expect(validate(schema, parse(query))).toEqual([]);
  });

  it('never exposes connection credentials', () => {
    const fields = Object.values(schema.getTypeMap()).flatMap((type) =>
      isObjectType(type) || isInterfaceType(type) ? Object.keys(type.getFields()) : [],
    );
    expect(fields.length).toBeGreaterThan(20);
    expect(fields.filter((name) => /credential|secret|token/i.test(name))).toEqual([]);
  });
});

// Executes the schema directly over a Catena that answers through undici's MockAgent with values
// this gateway does not know, as a future Catena may.
const ORIGIN = MOCK_ORIGIN;
const CONNECTION = '0b6f8f3e-6f55-4b8e-9d55-2f0d3c8a1e11';
const OPERATION = '6a2d7c1b-3e4f-4a5b-8c6d-7e8f9a0b1c2d';
const stamp = '2026-11-20T10:00:00Z';

/** Executes a typed document straight against the schema (no HTTP). */
async function run<R, V extends Record<string, unknown>>(
  document: TypedDocumentNode<R, V>,
  variableValues: V,
  contextValue: ReturnType<typeof createContext>,
): Promise<ExecutionResult<R>> {
  return (await execute({ schema, document, variableValues, contextValue })) as ExecutionResult<R>;
}

describe('executing against a drifted Catena', () => {
  let agent: MockAgent;
  let mock: MockCatena;
  let context: ReturnType<typeof createContext>;

  beforeEach(() => {
    mock = createMockCatena();
    agent = mock.agent;
    context = createContext({ services: testServices(mock.client) });
  });

  afterEach(async () => {
    await mock.close();
  });

  it('resolves enum values it does not know to UNKNOWN instead of failing the query, logging each once', async () => {
    const warned: unknown[] = [];
    const logger = { ...context.logger, warn: (entry: unknown) => void warned.push(entry) };
    const logged = { ...context, logger } as typeof context;
    for (const attempt of [1, 2]) {
      agent
        .get(ORIGIN)
        .intercept({ path: `/v2/integrations/connections/${CONNECTION}`, method: 'GET' })
        .reply(200, {
          id: CONNECTION,
          created_at: stamp,
          updated_at: stamp,
          fleet_id: null,
          fleet_ref: 'acme',
          tsp_id: CONNECTION,
          source_name: 'tsp_from_2027',
          credentials: { api_key: '*****' },
          status: 'suspended',
          description: null,
        });
      const result = await run(
        ConnectionByIdDocument,
        { id: CONNECTION },
        { ...logged, loaders: createContext({ services: testServices(mock.client) }).loaders },
      );
      expect(result.errors, `read ${attempt}`).toBeUndefined();
      expect(result.data?.connection).toMatchObject({
        sourceName: 'UNKNOWN',
        status: 'UNKNOWN',
        fleetRef: 'acme',
      });
    }
    // Through the request's logger, once per value however often Catena sends it.
    expect(warned).toEqual([
      { enum: 'TspSource', value: 'tsp_from_2027' },
      { enum: 'ConnectionStatus', value: 'suspended' },
    ]);
  });

  it('reads the logs by id, once per operation, when the list answer leaves them out', async () => {
    const operation = (resource: string, status: string) => ({
      id: OPERATION,
      created_at: stamp,
      updated_at: stamp,
      partner_id: CONNECTION,
      connection_id: CONNECTION,
      source_name: 'samsara',
      resource,
      operation_type: 'create',
      status,
      payload: {},
    });
    const pool = agent.get(ORIGIN);
    pool
      .intercept({ path: /^\/v2\/integrations\/connections\/resource-operations/, method: 'GET' })
      .reply(200, { items: [operation('hitch', 'cancelled')], next_page: null });
    pool
      .intercept({ path: `/v2/integrations/connections/${CONNECTION}/resource-operations/${OPERATION}` })
      .reply(200, {
        ...operation('hitch', 'cancelled'),
        logs: [
          {
            id: OPERATION,
            created_at: stamp,
            updated_at: stamp,
            resource_operation_id: OPERATION,
            status: 'failed',
            error_type: 'quota',
            error_details: 'over quota',
          },
        ],
      })
      .times(1);
    const result = await run(OperationsWithLogsDocument, { first: 5 }, context);
    expect(result.errors).toBeUndefined();
    const node = result.data?.resourceOperations.edges[0]?.node;
    expect(node).toMatchObject({ resource: 'UNKNOWN', status: 'UNKNOWN', operationType: 'CREATE' });
    expect(node?.logs).toEqual([{ status: 'FAILED', errorType: 'UNKNOWN', errorDetails: 'over quota' }]);
    agent.assertNoPendingInterceptors();
  });
});
