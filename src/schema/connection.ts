import type { Connection } from '../catena/schemas.ts';
import { getConnection, listConnections } from '../resolvers/connections.ts';
import { builder } from './builder.ts';
import { ConnectionStatus, TspSource } from './enums.ts';

export const ConnectionRef = builder.objectRef<Connection>('Connection');

builder.node(ConnectionRef, {
  description:
    "A Catena connection: one fleet's link to one telematics provider. Its credentials are never exposed.",
  id: { resolve: (c) => c.id },
  isTypeOf: (value) => typeof value === 'object' && value !== null && 'tsp_id' in value,
  fields: (t) => ({
    catenaId: t.field({ type: 'UUID', description: "Catena's id of the connection.", resolve: (c) => c.id }),
    createdAt: t.field({ type: 'DateTime', resolve: (c) => c.created_at }),
    updatedAt: t.field({ type: 'DateTime', resolve: (c) => c.updated_at }),
    fleetId: t.field({ type: 'UUID', nullable: true, resolve: (c) => c.fleet_id ?? null }),
    fleetRef: t.string({
      nullable: true,
      description: "The partner's own reference for the fleet.",
      resolve: (c) => c.fleet_ref ?? null,
    }),
    tspId: t.field({ type: 'UUID', resolve: (c) => c.tsp_id }),
    sourceName: t.field({
      type: TspSource.ref,
      resolve: (c, _, ctx) => TspSource.fromCatena(c.source_name, ctx),
    }),
    status: t.field({
      type: ConnectionStatus.ref,
      resolve: (c, _, ctx) => ConnectionStatus.fromCatena(c.status, ctx),
    }),
    description: t.string({ nullable: true, resolve: (c) => c.description ?? null }),
  }),
});

export const ConnectionFilter = builder.inputType('ConnectionFilter', {
  fields: (t) => ({
    tspId: t.field({ type: 'UUID', description: 'Only connections to this TSP.' }),
    fleetIds: t.field({ type: ['UUID'], description: 'Only these Catena fleets (at most 100).' }),
    fleetRefs: t.stringList({ description: 'Only fleets with these references (at most 100).' }),
  }),
});

const ConnectionConnection = builder.connectionObject(
  { type: ConnectionRef, name: 'ConnectionConnection' },
  { name: 'ConnectionEdge' },
);

builder.queryFields((t) => ({
  connection: t.field({
    type: ConnectionRef,
    nullable: true,
    description: 'A connection by its Catena id; null when Catena does not know it.',
    args: { id: t.arg({ type: 'UUID', required: true }) },
    resolve: (_, { id }, ctx) => getConnection(ctx, id),
  }),
  connections: t.connection(
    {
      type: ConnectionRef,
      description: 'Connections, oldest first, filtered by TSP and fleet.',
      args: { filter: t.arg({ type: ConnectionFilter }) },
      resolve: (_, args, ctx) => listConnections(ctx, args),
    },
    ConnectionConnection,
  ),
}));
