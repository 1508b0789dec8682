import type { ResourceOperation } from '../catena/schemas.ts';
import { getConnection } from '../resolvers/connections.ts';
import {
  getResourceOperation,
  listResourceOperations,
  operationLogs,
} from '../resolvers/resource-operations.ts';
import { SETTLED_COST, SETTLED_TIMEOUT_SECONDS, settled } from '../resolvers/settled.ts';
import { type BuilderTypes, builder } from './builder.ts';
import { ConnectionRef } from './connection.ts';
import { OperationStatus, OperationType, Resource, TspSource } from './enums.ts';
import { OperationLogRef } from './operation-log.ts';

export const ResourceOperationRef = builder.objectRef<ResourceOperation>('ResourceOperation');

/** The node id carries the connection id too: Catena reads an operation by (connection, id). */
export const operationNodeId = (op: Pick<ResourceOperation, 'connection_id' | 'id'>) =>
  `${op.connection_id}:${op.id}`;

builder.node(ResourceOperationRef, {
  description: 'A write Catena carries out at a TSP: PENDING, then SUCCESS or FAILED, one log per attempt.',
  id: { resolve: operationNodeId },
  isTypeOf: (value) => typeof value === 'object' && value !== null && 'operation_type' in value,
  fields: (t) => ({
    catenaId: t.field({ type: 'UUID', description: "Catena's id of the operation.", resolve: (op) => op.id }),
    createdAt: t.field({ type: 'DateTime', resolve: (op) => op.created_at }),
    updatedAt: t.field({ type: 'DateTime', resolve: (op) => op.updated_at }),
    deletedAt: t.field({ type: 'DateTime', nullable: true, resolve: (op) => op.deleted_at ?? null }),
    partnerId: t.field({ type: 'UUID', resolve: (op) => op.partner_id }),
    connectionId: t.field({ type: 'UUID', resolve: (op) => op.connection_id }),
    connection: t.field({
      type: ConnectionRef,
      nullable: true,
      description: 'The connection the write goes through (batched: one read per distinct connection).',
      resolve: (op, _, ctx) => getConnection(ctx, op.connection_id),
    }),
    fleetRef: t.string({ nullable: true, resolve: (op) => op.fleet_ref ?? null }),
    sourceName: t.field({
      type: TspSource.ref,
      nullable: true,
      resolve: (op, _, ctx) => (op.source_name ? TspSource.fromCatena(op.source_name, ctx) : null),
    }),
    resource: t.field({ type: Resource.ref, resolve: (op, _, ctx) => Resource.fromCatena(op.resource, ctx) }),
    operationType: t.field({
      type: OperationType.ref,
      resolve: (op, _, ctx) => OperationType.fromCatena(op.operation_type, ctx),
    }),
    status: t.field({
      type: OperationStatus.ref,
      resolve: (op, _, ctx) => OperationStatus.fromCatena(op.status, ctx),
    }),
    payload: t.field({
      type: 'JSONObject',
      description: 'What Catena sends to the TSP, including the TSP ids it resolved.',
      resolve: (op) => op.payload,
    }),
    resourceId: t.field({
      type: 'UUID',
      nullable: true,
      description: "Catena's id of the record written; null until SUCCESS.",
      resolve: (op) => op.resource_id ?? null,
    }),
    sourceId: t.string({
      nullable: true,
      description: "The TSP's id of the record written; null until SUCCESS.",
      resolve: (op) => op.source_id ?? null,
    }),
    logs: t.field({
      type: [OperationLogRef],
      description: 'One entry per attempt, oldest first.',
      resolve: (op, _, ctx) => operationLogs(ctx, op),
    }),
    settled: t.field({
      type: ResourceOperationRef,
      description:
        'This operation once it is SUCCESS or FAILED, or as it is when timeoutSeconds (1-120) have passed. ' +
        'Meant for @defer: a write answers at once and its outcome follows in the same response, e.g. ' +
        '`operation { status ... @defer { settled { status resourceId logs { errorType } } } }`. ' +
        "Each wait costs 500 (at most 19 in one document), counts against the rate limit and holds one of the credential's open waits.",
      args: {
        timeoutSeconds: t.arg.int({
          defaultValue: SETTLED_TIMEOUT_SECONDS.default,
          description: `Seconds to wait, ${SETTLED_TIMEOUT_SECONDS.min} to ${SETTLED_TIMEOUT_SECONDS.max}.`,
          // Refused before anything runs (security/argument-limits.ts): a write is not sent first.
          extensions: { range: SETTLED_TIMEOUT_SECONDS },
        }),
      },
      extensions: { cost: SETTLED_COST },
      resolve: (op, args, ctx) => settled(ctx, op, args.timeoutSeconds),
    }),
  }),
});

const ResourceOperationConnection = builder.connectionObject(
  { type: ResourceOperationRef, name: 'ResourceOperationConnection' },
  { name: 'ResourceOperationEdge' },
);

/** The filter fields both operation lists take. */
const commonFilterFields = (t: PothosSchemaTypes.InputFieldBuilder<BuilderTypes, 'InputObject'>) => ({
  resource: t.field({ type: Resource.ref }),
  operationType: t.field({ type: OperationType.ref }),
  sourceId: t.string({ description: "The TSP's id of the record; needs resource." }),
  from: t.field({ type: 'DateTime', description: 'Created at or after; default 24 hours ago.' }),
  to: t.field({ type: 'DateTime', description: 'Created before; default now; at most 45 days after from.' }),
});

export const ResourceOperationFilter = builder.inputType('ResourceOperationFilter', {
  fields: (t) => ({
    ...commonFilterFields(t),
    connectionId: t.field({ type: 'UUID' }),
    sourceName: t.field({ type: TspSource.ref }),
    fleetRefs: t.stringList({ description: 'At most 100.' }),
  }),
});

export const ConnectionResourceOperationFilter = builder.inputType('ConnectionResourceOperationFilter', {
  fields: (t) => commonFilterFields(t),
});

builder.queryFields((t) => ({
  resourceOperation: t.field({
    type: ResourceOperationRef,
    nullable: true,
    description: 'An operation by connection and Catena id; null when Catena does not know it.',
    args: {
      connectionId: t.arg({ type: 'UUID', required: true }),
      id: t.arg({ type: 'UUID', required: true }),
    },
    resolve: (_, { connectionId, id }, ctx) => getResourceOperation(ctx, connectionId, id),
  }),
  resourceOperations: t.connection(
    {
      type: ResourceOperationRef,
      description: 'Resource operations, oldest first; by default those of the last 24 hours.',
      args: { filter: t.arg({ type: ResourceOperationFilter }) },
      resolve: (_, args, ctx) => listResourceOperations(ctx, args),
    },
    ResourceOperationConnection,
  ),
}));

builder.objectField(ConnectionRef, 'resourceOperations', (t) =>
  t.connection(
    {
      type: ResourceOperationRef,
      description: 'The operations written through this connection, oldest first.',
      args: { filter: t.arg({ type: ConnectionResourceOperationFilter }) },
      resolve: (connection, args, ctx) =>
        listResourceOperations(ctx, { ...args, filter: { ...args.filter, connectionId: connection.id } }),
    },
    ResourceOperationConnection,
  ),
);
