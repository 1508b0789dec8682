/**
 * Example operations shown as GraphiQL tabs (and checked against the schema by the tests, so they
 * never rot).
 */
export interface Example {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
}

export const EXAMPLES: Example[] = [
  {
    name: 'Connections',
    query: `# Every fleet <-> TSP connection, 10 at a time.
query Connections($after: String) {
  connections(first: 10, after: $after) {
    edges {
      cursor
      node { id catenaId fleetRef sourceName status description }
    }
    pageInfo { hasNextPage endCursor }
  }
}`,
  },
  {
    name: 'Recent operations',
    query: `# The last day's resource operations with their connection and attempt logs.
# Filter by resource, connection, TSP, fleet refs, operation type or a from/to window (<= 45 days).
query RecentOperations($filter: ResourceOperationFilter) {
  resourceOperations(first: 20, filter: $filter) {
    edges {
      node {
        id
        resource
        operationType
        status
        createdAt
        connection { fleetRef sourceName }
        logs { status errorType errorDetails responseStatusCode }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}`,
    variables: { filter: { operationType: 'CREATE' } },
  },
  {
    name: 'Failed operations per connection',
    query: `# Each connection with its latest operations (paged backwards from the newest).
query ConnectionOperations {
  connections(first: 5) {
    edges {
      node {
        fleetRef
        sourceName
        resourceOperations(last: 5) {
          edges { node { resource status logs { errorType errorDetails } } }
        }
      }
    }
  }
}`,
  },
  {
    name: 'Any object by id',
    query: `# Paste a global id from another query.
query Node($id: ID!) {
  node(id: $id) {
    id
    ... on ResourceOperation { status resource payload connection { sourceName } }
    ... on Connection { fleetRef sourceName connectionStatus: status }
  }
}`,
    variables: { id: 'paste an id here' },
  },
];
