/**
 * The Pothos builder: plugins, scalars and the context type. No types are defined here.
 */
import SchemaBuilder from '@pothos/core';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import { GraphQLScalarType } from 'graphql';
import { DateTimeResolver, JSONObjectResolver, UUIDResolver } from 'graphql-scalars';
import type { GatewayContext } from '../context.ts';
import { canonicalUuid } from '../ids.ts';

export const builder = new SchemaBuilder<{
  Context: GatewayContext;
  DefaultFieldNullability: false;
  DefaultEdgesNullability: { list: false; items: false };
  DefaultNodeNullability: false;
  Scalars: {
    ID: { Input: string; Output: string };
    DateTime: { Input: Date; Output: Date | string };
    UUID: { Input: string; Output: string };
    JSONObject: { Input: Record<string, unknown>; Output: Record<string, unknown> };
  };
}>({
  plugins: [ErrorsPlugin, RelayPlugin],
  defaultFieldNullability: false,
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    edgesFieldOptions: { nullable: { list: false, items: false } },
    nodeFieldOptions: { nullable: false },
    // `node`/`nodes` are defined in schema/node.ts: an id that does not decode is `null`, not an error.
    nodeQueryOptions: false,
    nodesQueryOptions: false,
  },
  errors: { defaultTypes: [] },
});

builder.addScalarType('DateTime', DateTimeResolver);
// graphql-scalars' UUID checks the shape and keeps the spelling; ours also makes it canonical, in
// and out, so `3E89F4F2-…` and `3e89f4f2-…` are one operation to every resolver and subscription.
const canonical = (value: unknown) => canonicalUuid(value as string);
builder.addScalarType(
  'UUID',
  new GraphQLScalarType({
    ...UUIDResolver.toConfig(),
    description: `${UUIDResolver.description} Either case is accepted; the gateway answers lower-case.`,
    serialize: (value) => canonical(UUIDResolver.serialize(value)),
    parseValue: (value) => canonical(UUIDResolver.parseValue(value)),
    parseLiteral: (ast, variables) => canonical(UUIDResolver.parseLiteral(ast, variables)),
  }),
);
builder.addScalarType('JSONObject', JSONObjectResolver);

builder.queryType({});

/** The builder's SchemaTypes, for helpers that build fields programmatically. */
export type BuilderTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
