/**
 * Limits on the shape of a GraphQL document, checked while it is parsed and validated, so a hostile
 * query is refused before anything runs (and before any call to Catena), on HTTP, SSE and
 * graphql-ws alike (graphql-ws goes through Yoga's envelope too).
 *
 * graphql-armor's plugins count tokens, depth, aliases and directives; src/security/cost.ts counts
 * what page sizes make a query cost. Every refusal is a GraphQL error with
 * `extensions.code: QUERY_TOO_COMPLEX` and `extensions.limit` naming the limit.
 */
import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { GraphQLError, NoSchemaIntrospectionCustomRule, type ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { type OperationArgs, operationToRun, refuseBeforeRunning } from './before-running.ts';
import { operationCost } from './cost.ts';

/**
 * The limits, each with a margin over the largest legitimate document (GraphiQL's examples, the
 * test suite's documents; measured by test/security/abuse.test.ts):
 */
export const QUERY_LIMITS = {
  /** Lexical tokens. The GraphiQL "Writes" tab (12 mutations) has ~1,060. */
  tokens: 5_000,
  /** Field nesting. The deepest legitimate document nests 8 (connections → … → logs → field). */
  depth: 12,
  /** Aliased fields. Legitimate documents alias a handful at most. */
  aliases: 30,
  /** Directives (`@include`, `@skip`, …). */
  directives: 20,
  /** See cost.ts: a 1,000-item page of operations with their connection and logs costs ~4,000. */
  cost: 10_000,
} as const;

export type QueryLimit = keyof typeof QUERY_LIMITS;
export type QueryLimits = Record<QueryLimit, number>;

/** A document over a limit: `QUERY_TOO_COMPLEX`, the limit's name and its value. */
export function tooComplex(limit: QueryLimit, max: number, message: string): GraphQLError {
  return new GraphQLError(message.replace(/^Syntax Error: /, ''), {
    extensions: { code: 'QUERY_TOO_COMPLEX', limit, max },
  });
}

/** Armor's errors carry no code: report ours instead, in the validation result. */
const reporting = (limit: QueryLimit, max: number) => ({
  n: max,
  propagateOnRejection: false,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) => {
      const coded = tooComplex(limit, max, error.message);
      // Only the token limit has no validation context: it stops the parser itself.
      if (!context) throw coded;
      context.reportError(coded);
    },
  ],
});

/** The cost of the operation about to run, with this request's variables, over `max`. */
function costRefusal(max: number, args: OperationArgs): GraphQLError | undefined {
  const run = operationToRun(args);
  if (!run) return undefined;
  const cost = operationCost({ schema: args.schema, ...run, variables: args.variableValues ?? undefined });
  if (cost <= max) return undefined;
  const error = tooComplex('cost', max, `Query cost limit of ${max} exceeded, found ${cost}.`);
  return new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status: 400 } } });
}

export function useQueryLimits(limits: QueryLimits): Plugin[] {
  return [
    maxTokensPlugin(reporting('tokens', limits.tokens)),
    maxDepthPlugin({ ...reporting('depth', limits.depth), ignoreIntrospection: true }),
    // `__typename` is not exempt: 500 aliased `__typename`s are as much work to answer as any.
    maxAliasesPlugin({ ...reporting('aliases', limits.aliases), allowList: [] }),
    maxDirectivesPlugin(reporting('directives', limits.directives)),
    refuseBeforeRunning((args) => costRefusal(limits.cost, args)),
  ];
}

/**
 * Production: no introspection, and no "Did you mean …?" in validation errors, which would hand out
 * the schema field by field. GraphQL's own rule is used rather than Yoga's plugin, which keys on the
 * HTTP request and so would let introspection through over graphql-ws.
 */
export function useSchemaHiding(): Plugin[] {
  return [
    {
      onValidate({ addValidationRule }) {
        addValidationRule(NoSchemaIntrospectionCustomRule);
      },
    },
    blockFieldSuggestionsPlugin({ mask: '' }),
  ];
}
