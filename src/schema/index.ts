/**
 * Assembles the schema: each import adds its types and root fields to the builder. `@defer` and
 * `@stream` are declared in it (graphql-js 16 does not know them), so that schema.graphql and
 * introspection tell clients and their codegen that incremental delivery is there.
 */
import { GraphQLDeferDirective, GraphQLStreamDirective } from '@graphql-tools/utils';
import { lexicographicSortSchema, specifiedDirectives } from 'graphql';
import { builder } from './builder.ts';
import './connection.ts';
import './operation-log.ts';
import './resource-operation.ts';
import './node.ts';
import './mutations.ts';
import './subscriptions.ts';

export const schema = lexicographicSortSchema(
  builder.toSchema({ directives: [...specifiedDirectives, GraphQLDeferDirective, GraphQLStreamDirective] }),
);
