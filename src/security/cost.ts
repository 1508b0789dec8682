/**
 * A query's cost: roughly how many objects it may make the gateway fetch, with page sizes taken
 * into account. graphql-armor's cost limit counts fields but ignores `first`/`last`, so
 * `connections(first: 1000) { … resourceOperations(first: 1000) … }` looks cheap to it, and
 * graphql-query-complexity re-walks every fragment spread, so a fragment bomb costs it exponential
 * time. This walk counts page sizes and visits each fragment once per page size.
 *
 * The model: a leaf field costs 0, an object field 1. A field with `first`/`last` arguments (a Relay
 * connection; 50 when neither is given, as the resolvers default) sets the page size that the next
 * list field below it (`edges`, `nodes`) is multiplied by; `nodes(ids:)` is multiplied by the number
 * of ids. Other lists count once (their length is Catena's, not the client's choice). Inline
 * fragments and spreads on abstract types are added up, which overestimates, never under. A field
 * may declare what it costs beyond that in `extensions.cost` (`ResourceOperation.settled`, which
 * holds the request open, costs 500: a page of them is refused, one write awaiting its outcome is not).
 */

import type { GraphQLSchema } from 'graphql';
import {
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
  valueFromASTUntyped,
} from 'graphql';

/** The page size of a connection field given neither `first` nor `last` (src/resolvers/pagination.ts). */
export const DEFAULT_PAGE_SIZE = 50;

export interface CostInput {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: Record<string, FragmentDefinitionNode | undefined>;
  variables?: Record<string, unknown>;
}

/** The cost of one operation (see the module comment for the model). */
export function operationCost({ schema, operation, fragments, variables = {} }: CostInput): number {
  const root =
    operation.operation === 'query'
      ? schema.getQueryType()
      : operation.operation === 'mutation'
        ? schema.getMutationType()
        : schema.getSubscriptionType();
  if (!root) return 0;
  // A fragment's cost depends only on the page size pending when it is spread, so each
  // (fragment, page size) pair is computed once: this is what keeps fragment bombs linear.
  const memo = new Map<string, number>();
  const visiting = new Set<string>();

  const argument = (value: ValueNode | undefined): unknown =>
    value === undefined
      ? undefined
      : value.kind === Kind.VARIABLE
        ? variables[value.name.value]
        : valueFromASTUntyped(value, variables);

  const selectionCost = (set: SelectionSetNode, parent: GraphQLCompositeType, pending?: number): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const field = fieldOf(parent, selection.name.value);
        if (!field || !selection.selectionSet) continue;
        const type = getNamedType(field.type);
        if (!isCompositeType(type)) continue;
        const args = new Map(selection.arguments?.map((a) => [a.name.value, argument(a.value)]));
        const isPage = field.args.some((a) => a.name === 'first' || a.name === 'last');
        const pageSize = isPage
          ? (count(args.get('first') ?? args.get('last')) ?? DEFAULT_PAGE_SIZE)
          : undefined;
        const isList = isListType(getNullableType(field.type));
        const ids = args.get('ids');
        const times = isList ? (Array.isArray(ids) ? ids.length : (pending ?? 1)) : 1;
        const below = pageSize ?? (isList ? undefined : pending);
        total += times * (1 + extraCost(field) + selectionCost(selection.selectionSet, type, below));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition && schema.getType(selection.typeCondition.name.value);
        const type = condition && isCompositeType(condition) ? condition : parent;
        total += selectionCost(selection.selectionSet, type, pending);
      } else {
        const name = selection.name.value;
        const fragment = fragments[name];
        const type = fragment && schema.getType(fragment.typeCondition.name.value);
        // Unknown fragments, bad type conditions and cycles are refused by GraphQL's own rules.
        if (!fragment || !type || !isCompositeType(type) || visiting.has(name)) continue;
        const key = `${name}:${pending ?? ''}`;
        let cost = memo.get(key);
        if (cost === undefined) {
          visiting.add(name);
          cost = selectionCost(fragment.selectionSet, type, pending);
          visiting.delete(name);
          memo.set(key, cost);
        }
        total += cost;
      }
    }
    return total;
  };
  return selectionCost(operation.selectionSet, root);
}

/** What a field declares it costs beyond being fetched (`extensions.cost`: `settled` holds a wait open). */
function extraCost(field: GraphQLField<unknown, unknown>): number {
  const cost = field.extensions?.cost;
  return typeof cost === 'number' ? cost : 0;
}

function fieldOf(parent: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
  return isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
}

function count(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}
