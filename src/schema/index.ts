/** Assembles the schema: each import adds its types and root fields to the builder. */
import { lexicographicSortSchema } from 'graphql';
import { builder } from './builder.ts';
import './connection.ts';
import './operation-log.ts';
import './resource-operation.ts';
import './node.ts';
import './mutations.ts';
import './subscriptions.ts';

export const schema = lexicographicSortSchema(builder.toSchema());
