/**
 * Size limits on every argument value of queries and subscriptions, checked when an operation is
 * about to run, so an over-long filter is refused with `BAD_USER_INPUT` before anything is sent to
 * Catena (a 300,000-character `sourceId` used to reach Catena, which answered 431). The rule is
 * by type, so an argument added later is bounded too: every String or ID value (an argument, an
 * input field or a list item) at most MAX_TEXT characters, a Relay cursor (`after`/`before` beside
 * `first`/`last`) at most MAX_CURSOR, every list at most MAX_LIST items. A number argument may
 * declare its bounds (`extensions.range`). Other scalars (UUID, DateTime) and enums are bounded by
 * their own parsing.
 *
 * The arguments of the mutations themselves are not checked here: each write validates its
 * `input` and `idempotencyKey` against Catena's body tables and answers an InputValidationError
 * result (src/resolvers/write-input.ts, writes.ts). Fields selected below a mutation are checked.
 */
import {
  type DirectiveNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLArgument,
  type GraphQLCompositeType,
  GraphQLError,
  type GraphQLInputType,
  type GraphQLSchema,
  getNamedType,
  isCompositeType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  valueFromAST,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { MAX_FILTER_VALUES } from '../catena/arguments.ts';
import { MAX_TEXT } from '../resolvers/write-input.ts';
import { type OperationArgs, operationToRun, refuseBeforeRunning } from './before-running.ts';

/**
 * Catena documents no maximum length for the strings it filters by (`source_id`, `fleet_refs`
 * items) nor for its cursors. Text is bounded as the write bodies' text is (MAX_TEXT, 255): far
 * above any TSP id or fleet reference. Lists take at most Catena's 100 repeated filter values.
 */
const MAX_LIST = MAX_FILTER_VALUES;
/**
 * The gateway's cursors carry up to two of Catena's (a page's and the next) and the walk's window:
 * 320 to 470 characters with the simulator's cursors of ~140. 4,096 leaves room for Catena cursors
 * of ~1,400 characters each; the whole URL is bounded again by the client (MAX_URL_OCTETS).
 */
export const MAX_CURSOR = 4096;

const TEXT_SCALARS = new Set(['String', 'ID']);

interface Refusal {
  /** The argument at fault, without list indexes: `filter.fleetRefs`. */
  argument: string;
  message: string;
  node: FieldNode | DirectiveNode;
}

interface Oversize {
  argument: string;
  /** Where, with list indexes: `filter.fleetRefs[3]`. */
  at: string;
  problem: string;
}

type Variables = Record<string, unknown> | null | undefined;

/** The first value in `value` (of `type`) over its limit. */
function oversized(
  value: unknown,
  type: GraphQLInputType,
  argument: string,
  at: string,
  maxText: number,
): Oversize | undefined {
  if (value === null || value === undefined) return undefined;
  if (isNonNullType(type)) return oversized(value, type.ofType, argument, at, maxText);
  if (isListType(type)) {
    // A single value stands for a list of one (GraphQL input coercion).
    const items = Array.isArray(value) ? value : [value];
    if (items.length > MAX_LIST) return { argument, at, problem: `takes at most ${MAX_LIST} values` };
    for (const [i, item] of items.entries()) {
      const found = oversized(item, type.ofType, argument, `${at}[${i}]`, maxText);
      if (found) return found;
    }
    return undefined;
  }
  if (isInputObjectType(type)) {
    if (typeof value !== 'object') return undefined;
    for (const field of Object.values(type.getFields())) {
      const name = field.name;
      const found = oversized(
        (value as Record<string, unknown>)[name],
        field.type,
        `${argument}.${name}`,
        `${at}.${name}`,
        MAX_TEXT,
      );
      if (found) return found;
    }
    return undefined;
  }
  return TEXT_SCALARS.has(type.name) && typeof value === 'string' && value.length > maxText
    ? { argument, at, problem: `must be at most ${maxText} characters` }
    : undefined;
}

/** A number argument's declared bounds (`extensions.range`, e.g. `settled(timeoutSeconds:)`). */
function outOfRange(def: GraphQLArgument, value: unknown): string | undefined {
  const range = def.extensions?.range as { min: number; max: number } | undefined;
  if (!range || typeof value !== 'number') return undefined;
  return value < range.min || value > range.max
    ? `${def.name} must be from ${range.min} to ${range.max}`
    : undefined;
}

function checkArguments(
  defs: readonly GraphQLArgument[],
  node: FieldNode | DirectiveNode,
  variables: Variables,
): Refusal | undefined {
  if (!node.arguments?.length) return undefined;
  const paged = defs.some((a) => a.name === 'first' || a.name === 'last');
  for (const given of node.arguments) {
    const def = defs.find((a) => a.name === given.name.value);
    if (!def) continue;
    const max = paged && (def.name === 'after' || def.name === 'before') ? MAX_CURSOR : MAX_TEXT;
    const value = valueFromAST(given.value, def.type, variables ?? undefined);
    const range = outOfRange(def, value);
    if (range) return { argument: def.name, message: range, node };
    const found = oversized(value, def.type, def.name, def.name, max);
    if (found) return { argument: found.argument, message: `${found.at} ${found.problem}`, node };
  }
  return undefined;
}

function fieldOf(parent: GraphQLCompositeType, name: string) {
  return isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
}

/** The first over-long argument value of `operation`, visiting each fragment once. */
function findOversizedArgument(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode | undefined>,
  variables: Variables,
): Refusal | undefined {
  const visited = new Set<string>();
  const directives = (nodes: readonly DirectiveNode[] | undefined) => {
    for (const node of nodes ?? []) {
      const def = schema.getDirective(node.name.value);
      const found = def && checkArguments(def.args, node, variables);
      if (found) return found;
    }
    return undefined;
  };
  const walk = (set: SelectionSetNode, parent: GraphQLCompositeType, root: boolean): Refusal | undefined => {
    for (const selection of set.selections) {
      const found = directives(selection.directives);
      if (found) return found;
      if (selection.kind === Kind.FIELD) {
        const field = fieldOf(parent, selection.name.value);
        if (!field) continue;
        const refused =
          root && operation.operation === 'mutation'
            ? undefined
            : checkArguments(field.args, selection, variables);
        if (refused) return refused;
        const type = getNamedType(field.type);
        const below =
          selection.selectionSet && isCompositeType(type) && walk(selection.selectionSet, type, false);
        if (below) return below;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition && schema.getType(selection.typeCondition.name.value);
        const below = walk(
          selection.selectionSet,
          condition && isCompositeType(condition) ? condition : parent,
          root,
        );
        if (below) return below;
      } else {
        const name = selection.name.value;
        const fragment = fragments[name];
        const type = fragment && schema.getType(fragment.typeCondition.name.value);
        if (!fragment || !type || !isCompositeType(type) || visited.has(name)) continue;
        visited.add(name);
        const below = walk(fragment.selectionSet, type, root);
        if (below) return below;
      }
    }
    return undefined;
  };
  const root = schema.getRootType(operation.operation);
  return root ? (directives(operation.directives) ?? walk(operation.selectionSet, root, true)) : undefined;
}

function refusal(args: OperationArgs): GraphQLError | undefined {
  const run = operationToRun(args);
  const found = run && findOversizedArgument(args.schema, run.operation, run.fragments, args.variableValues);
  if (!found) return undefined;
  return new GraphQLError(found.message, {
    nodes: [found.node],
    extensions: { code: 'BAD_USER_INPUT', argument: found.argument, http: { status: 400 } },
  });
}

/** Refuses an operation with an over-long argument value before it runs (HTTP, SSE, graphql-ws). */
export const useArgumentLimits = (): Plugin => refuseBeforeRunning(refusal);
