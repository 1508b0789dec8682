/**
 * Refusing an operation after validation and before it runs: the scope check, the cost and
 * argument limits and the rate limit all decide here, with the request's variables, on HTTP, SSE
 * and graphql-ws alike. One helper answers queries and subscriptions the same way (a result, not a
 * throw, so graphql-ws answers the subscription alone and keeps its socket).
 */
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLError,
  type GraphQLSchema,
  getOperationAST,
  Kind,
  type OperationDefinitionNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { subscriptionRefusal } from '../errors.ts';

/** What envelop hands `onExecute` and `onSubscribe` (Yoga and graphql-ws alike). */
export type OperationArgs = {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  variableValues?: Record<string, unknown> | null;
  contextValue?: unknown;
};

/** The operation a request runs (graphql's own choice by `operationName`) and the fragments. */
export function operationToRun(
  args: Pick<OperationArgs, 'document' | 'operationName'>,
): { operation: OperationDefinitionNode; fragments: Record<string, FragmentDefinitionNode> } | undefined {
  const operation = getOperationAST(args.document, args.operationName);
  if (!operation) return undefined;
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of args.document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  return { operation, fragments };
}

type Check = (args: OperationArgs) => GraphQLError | undefined | Promise<GraphQLError | undefined>;

/**
 * A plugin refusing an operation about to run when `check` finds why. Checked at execution, not in
 * validation: validation results are cached per document text, while these checks depend on the
 * request (its variables, its viewer). A synchronous check costs no promise.
 */
export function refuseBeforeRunning(check: Check): Plugin {
  const run = (args: unknown, refuse: (error: GraphQLError) => void) => {
    const refusal = check(args as OperationArgs);
    if (refusal instanceof Promise) return refusal.then((error) => error && refuse(error));
    if (refusal) refuse(refusal);
  };
  return {
    onExecute: ({ args, setResultAndStopExecution }) =>
      run(args, (error) => setResultAndStopExecution({ errors: [error] })),
    onSubscribe: ({ args, setResultAndStopExecution }) =>
      run(args, (error) => setResultAndStopExecution(subscriptionRefusal([error]))),
  };
}
