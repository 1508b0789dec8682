/**
 * Every operation the console sends, typed by codegen (`npm run codegen`) from the committed
 * schema.graphql into ./generated. The write form's mutation is the one document built at run
 * time, for the write chosen (write-request.ts); what it selects is FollowedOperation, typed here.
 */
import { graphql } from './generated/gql.ts';

export const OperationRowFragment = graphql(`
  fragment OperationRow on ResourceOperation {
    catenaId
    connectionId
    fleetRef
    sourceName
    resource
    operationType
    status
    createdAt
    updatedAt
    logs {
      errorType
    }
  }
`);

export const OperationsQuery = graphql(`
  query ConsoleOperations($filter: ResourceOperationFilter, $after: String) {
    resourceOperations(first: 100, after: $after, filter: $filter) {
      edges {
        node {
          ...OperationRow
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const ConnectionsQuery = graphql(`
  query ConsoleConnections($after: String) {
    connections(first: 100, after: $after) {
      edges {
        node {
          catenaId
          fleetRef
          sourceName
          status
          description
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const OperationQuery = graphql(`
  query ConsoleOperation($connectionId: UUID!, $id: UUID!) {
    resourceOperation(connectionId: $connectionId, id: $id) {
      ...OperationRow
      partnerId
      resourceId
      sourceId
      deletedAt
      payload
      connection {
        catenaId
        fleetRef
        sourceName
        status
        description
      }
      logs {
        id
        status
        errorType
        errorDetails
        responseStatusCode
        responseHeaders
        createdAt
      }
    }
  }
`);

export const EventsSubscription = graphql(`
  subscription ConsoleEvents($after: ID, $filter: ResourceOperationEventFilter) {
    resourceOperationEvents(after: $after, filter: $filter) {
      eventId
      type
      occurredAt
      operation {
        ...OperationRow
      }
    }
  }
`);

/** An operation the page wrote, as the write form shows it: the row, the record, each attempt. */
export const FollowedOperationFragment = graphql(`
  fragment FollowedOperation on ResourceOperation {
    ...OperationRow
    resourceId
    logs {
      status
      errorType
      errorDetails
      responseStatusCode
      createdAt
    }
  }
`);

export const FollowSubscription = graphql(`
  subscription ConsoleFollow($connectionId: UUID!, $id: UUID!) {
    operationStatus(connectionId: $connectionId, id: $id) {
      ...FollowedOperation
    }
  }
`);
