/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment OperationRow on ResourceOperation {\n    catenaId\n    connectionId\n    fleetRef\n    sourceName\n    resource\n    operationType\n    status\n    createdAt\n    updatedAt\n    logs {\n      errorType\n    }\n  }\n": typeof types.OperationRowFragmentDoc,
    "\n  query ConsoleOperations($filter: ResourceOperationFilter, $after: String) {\n    resourceOperations(first: 100, after: $after, filter: $filter) {\n      edges {\n        node {\n          ...OperationRow\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ConsoleOperationsDocument,
    "\n  query ConsoleConnections($after: String) {\n    connections(first: 100, after: $after) {\n      edges {\n        node {\n          catenaId\n          fleetRef\n          sourceName\n          status\n          description\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ConsoleConnectionsDocument,
    "\n  query ConsoleOperation($connectionId: UUID!, $id: UUID!) {\n    resourceOperation(connectionId: $connectionId, id: $id) {\n      ...OperationRow\n      partnerId\n      resourceId\n      sourceId\n      deletedAt\n      payload\n      connection {\n        catenaId\n        fleetRef\n        sourceName\n        status\n        description\n      }\n      logs {\n        id\n        status\n        errorType\n        errorDetails\n        responseStatusCode\n        responseHeaders\n        createdAt\n      }\n    }\n  }\n": typeof types.ConsoleOperationDocument,
    "\n  subscription ConsoleEvents($after: ID, $filter: ResourceOperationEventFilter) {\n    resourceOperationEvents(after: $after, filter: $filter) {\n      eventId\n      type\n      occurredAt\n      operation {\n        ...OperationRow\n      }\n    }\n  }\n": typeof types.ConsoleEventsDocument,
    "\n  fragment FollowedOperation on ResourceOperation {\n    ...OperationRow\n    resourceId\n    logs {\n      status\n      errorType\n      errorDetails\n      responseStatusCode\n      createdAt\n    }\n  }\n": typeof types.FollowedOperationFragmentDoc,
    "\n  subscription ConsoleFollow($connectionId: UUID!, $id: UUID!) {\n    operationStatus(connectionId: $connectionId, id: $id) {\n      ...FollowedOperation\n    }\n  }\n": typeof types.ConsoleFollowDocument,
};
const documents: Documents = {
    "\n  fragment OperationRow on ResourceOperation {\n    catenaId\n    connectionId\n    fleetRef\n    sourceName\n    resource\n    operationType\n    status\n    createdAt\n    updatedAt\n    logs {\n      errorType\n    }\n  }\n": types.OperationRowFragmentDoc,
    "\n  query ConsoleOperations($filter: ResourceOperationFilter, $after: String) {\n    resourceOperations(first: 100, after: $after, filter: $filter) {\n      edges {\n        node {\n          ...OperationRow\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ConsoleOperationsDocument,
    "\n  query ConsoleConnections($after: String) {\n    connections(first: 100, after: $after) {\n      edges {\n        node {\n          catenaId\n          fleetRef\n          sourceName\n          status\n          description\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ConsoleConnectionsDocument,
    "\n  query ConsoleOperation($connectionId: UUID!, $id: UUID!) {\n    resourceOperation(connectionId: $connectionId, id: $id) {\n      ...OperationRow\n      partnerId\n      resourceId\n      sourceId\n      deletedAt\n      payload\n      connection {\n        catenaId\n        fleetRef\n        sourceName\n        status\n        description\n      }\n      logs {\n        id\n        status\n        errorType\n        errorDetails\n        responseStatusCode\n        responseHeaders\n        createdAt\n      }\n    }\n  }\n": types.ConsoleOperationDocument,
    "\n  subscription ConsoleEvents($after: ID, $filter: ResourceOperationEventFilter) {\n    resourceOperationEvents(after: $after, filter: $filter) {\n      eventId\n      type\n      occurredAt\n      operation {\n        ...OperationRow\n      }\n    }\n  }\n": types.ConsoleEventsDocument,
    "\n  fragment FollowedOperation on ResourceOperation {\n    ...OperationRow\n    resourceId\n    logs {\n      status\n      errorType\n      errorDetails\n      responseStatusCode\n      createdAt\n    }\n  }\n": types.FollowedOperationFragmentDoc,
    "\n  subscription ConsoleFollow($connectionId: UUID!, $id: UUID!) {\n    operationStatus(connectionId: $connectionId, id: $id) {\n      ...FollowedOperation\n    }\n  }\n": types.ConsoleFollowDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OperationRow on ResourceOperation {\n    catenaId\n    connectionId\n    fleetRef\n    sourceName\n    resource\n    operationType\n    status\n    createdAt\n    updatedAt\n    logs {\n      errorType\n    }\n  }\n"): (typeof documents)["\n  fragment OperationRow on ResourceOperation {\n    catenaId\n    connectionId\n    fleetRef\n    sourceName\n    resource\n    operationType\n    status\n    createdAt\n    updatedAt\n    logs {\n      errorType\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleOperations($filter: ResourceOperationFilter, $after: String) {\n    resourceOperations(first: 100, after: $after, filter: $filter) {\n      edges {\n        node {\n          ...OperationRow\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleOperations($filter: ResourceOperationFilter, $after: String) {\n    resourceOperations(first: 100, after: $after, filter: $filter) {\n      edges {\n        node {\n          ...OperationRow\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleConnections($after: String) {\n    connections(first: 100, after: $after) {\n      edges {\n        node {\n          catenaId\n          fleetRef\n          sourceName\n          status\n          description\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleConnections($after: String) {\n    connections(first: 100, after: $after) {\n      edges {\n        node {\n          catenaId\n          fleetRef\n          sourceName\n          status\n          description\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleOperation($connectionId: UUID!, $id: UUID!) {\n    resourceOperation(connectionId: $connectionId, id: $id) {\n      ...OperationRow\n      partnerId\n      resourceId\n      sourceId\n      deletedAt\n      payload\n      connection {\n        catenaId\n        fleetRef\n        sourceName\n        status\n        description\n      }\n      logs {\n        id\n        status\n        errorType\n        errorDetails\n        responseStatusCode\n        responseHeaders\n        createdAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleOperation($connectionId: UUID!, $id: UUID!) {\n    resourceOperation(connectionId: $connectionId, id: $id) {\n      ...OperationRow\n      partnerId\n      resourceId\n      sourceId\n      deletedAt\n      payload\n      connection {\n        catenaId\n        fleetRef\n        sourceName\n        status\n        description\n      }\n      logs {\n        id\n        status\n        errorType\n        errorDetails\n        responseStatusCode\n        responseHeaders\n        createdAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ConsoleEvents($after: ID, $filter: ResourceOperationEventFilter) {\n    resourceOperationEvents(after: $after, filter: $filter) {\n      eventId\n      type\n      occurredAt\n      operation {\n        ...OperationRow\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription ConsoleEvents($after: ID, $filter: ResourceOperationEventFilter) {\n    resourceOperationEvents(after: $after, filter: $filter) {\n      eventId\n      type\n      occurredAt\n      operation {\n        ...OperationRow\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FollowedOperation on ResourceOperation {\n    ...OperationRow\n    resourceId\n    logs {\n      status\n      errorType\n      errorDetails\n      responseStatusCode\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  fragment FollowedOperation on ResourceOperation {\n    ...OperationRow\n    resourceId\n    logs {\n      status\n      errorType\n      errorDetails\n      responseStatusCode\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ConsoleFollow($connectionId: UUID!, $id: UUID!) {\n    operationStatus(connectionId: $connectionId, id: $id) {\n      ...FollowedOperation\n    }\n  }\n"): (typeof documents)["\n  subscription ConsoleFollow($connectionId: UUID!, $id: UUID!) {\n    operationStatus(connectionId: $connectionId, id: $id) {\n      ...FollowedOperation\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;