/**
 * Example operations shown as GraphiQL tabs (and checked against the schema by the tests, so they
 * never rot).
 */
export interface Example {
  /** The tab's title as GraphiQL shows it: the name of the document's first operation. */
  name: string;
  query: string;
  variables?: Record<string, unknown>;
}

type ExampleSource = Omit<Example, 'name'>;

/** GraphiQL titles a tab with the name of its first operation. */
export function tabName(query: string): string {
  const match = /^\s*(?:query|mutation|subscription)\s+(\w+)/m.exec(query);
  if (!match?.[1]) throw new Error(`an example's first operation has no name: ${query.slice(0, 80)}`);
  return match[1];
}

/** Real ids to prefill the write examples with (embedded mode knows the simulator's seed). */
export interface ExampleIds {
  connectionId: string;
  driverId: string;
  otherUserId: string;
  vehicleId: string;
  trailerId: string;
  workflowId: string;
}

const PLACEHOLDER_IDS: ExampleIds = {
  connectionId: '00000000-0000-4000-8000-000000000001',
  driverId: '00000000-0000-4000-8000-000000000002',
  otherUserId: '00000000-0000-4000-8000-000000000003',
  vehicleId: '00000000-0000-4000-8000-000000000004',
  trailerId: '00000000-0000-4000-8000-000000000005',
  workflowId: '00000000-0000-4000-8000-000000000006',
};

const WRITE_RESULT = `__typename
    ... on Error { code message }
    ... on InputValidationError { fieldErrors { path message } }
    ... on TspRejectedError { operation { status logs { errorType errorDetails } } }`;

const writes = (Name: string) => `{
    ... on ${Name}Success { operation { id catenaId status resource } }
    ${WRITE_RESULT}
  }`;

const WRITES_DOCUMENT = `# One mutation per Catena write: pick one with the run button's menu.
# ASYNC (default) answers a PENDING operation; SYNC answers the TSP's outcome.
# Put "simulate-failure" in a text field to see the simulator's TSP refuse it.

mutation CreateVehicle($connectionId: UUID!) {
  createVehicle(input: { connectionId: $connectionId, vehicleName: "Truck 42", vin: "1FTFW1E50NFA12345",
      modelYear: 2024, licensePlateCountry: "USA", status: IN_SERVICE, engineType: DIESEL },
    idempotencyKey: "create-truck-42") ${writes('CreateVehicle')}
}

mutation UpdateVehicle($connectionId: UUID!, $vehicleId: UUID!) {
  updateVehicle(id: $vehicleId, input: { connectionId: $connectionId, status: IN_REPAIR, notes: "brakes" }, mode: SYNC)
    ${writes('UpdateVehicle')}
}

mutation CreateTrailer($connectionId: UUID!) {
  createTrailer(input: { connectionId: $connectionId, trailerName: "Reefer 7", trailerLength: 53, trailerType: "reefer" })
    ${writes('CreateTrailer')}
}

mutation UpdateTrailer($connectionId: UUID!, $trailerId: UUID!) {
  updateTrailer(id: $trailerId, input: { connectionId: $connectionId, isActive: false })
    ${writes('UpdateTrailer')}
}

mutation CreateUser($connectionId: UUID!) {
  createUser(input: { connectionId: $connectionId, username: "ada.driver", firstName: "Ada", lastName: "Lovelace",
      isDriver: true, status: ACTIVE, licenseCountry: "USA", licenseExpiration: "2030-01-31" })
    ${writes('CreateUser')}
}

mutation UpdateUser($connectionId: UUID!, $driverId: UUID!) {
  updateUser(id: $driverId, input: { connectionId: $connectionId, phoneNumber: "+1 555 0100" })
    ${writes('UpdateUser')}
}

mutation SendMessage($connectionId: UUID!, $driverId: String!, $otherUserId: String!) {
  sendMessage(input: { connectionId: $connectionId, senderId: $otherUserId, recipientId: $driverId,
      messageText: "Load 1234 is ready at dock 5", priority: HIGH })
    ${writes('SendMessage')}
}

mutation SendGroupMessage($connectionId: UUID!, $driverId: String!, $otherUserId: String!) {
  sendGroupMessage(input: { connectionId: $connectionId, senderId: $otherUserId, recipientIds: [$driverId],
      messageText: "Storm warning on I-80" })
    ${writes('SendGroupMessage')}
}

mutation CreateDvirLog($connectionId: UUID!, $driverId: String!, $vehicleIdText: String) {
  createDvirLog(input: { connectionId: $connectionId, driverId: $driverId, vehicleId: $vehicleIdText,
      logType: PRE_TRIP, defects: [BRAKES, TIRES], driverComment: "Left rear tire low" })
    ${writes('CreateDvirLog')}
}

mutation CreateFuelTransaction($connectionId: UUID!, $driverId: String) {
  createFuelTransaction(input: { connectionId: $connectionId, fuelVolume: 120.5, fuelVolumeUnit: US_GALLON,
      driverId: $driverId, fuelType: DIESEL, totalCost: 455.2, currency: "USD",
      location: { longitude: -87.62, latitude: 41.88 } })
    ${writes('CreateFuelTransaction')}
}

mutation CreateWorkflow($connectionId: UUID!) {
  createWorkflow(input: { connectionId: $connectionId, sourceWorkflowId: "route-77", workflowStatus: PLANNED,
      stops: [{ sequenceNumber: 1, stopType: PICKUP, activities: [ARRIVE, LOADING], locationName: "Dock 5" }] })
    ${writes('CreateWorkflow')}
}

mutation UpdateWorkflow($connectionId: UUID!, $workflowId: UUID!) {
  updateWorkflow(id: $workflowId, input: { connectionId: $connectionId, workflowStatus: ACTIVE })
    ${writes('UpdateWorkflow')}
}`;

const READ_EXAMPLES: ExampleSource[] = [
  {
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

/** The GraphiQL tabs; `ids` fills the write examples' variables. */
export function examples(ids: ExampleIds = PLACEHOLDER_IDS): Example[] {
  const sources: ExampleSource[] = [
    ...READ_EXAMPLES,
    { query: WRITES_DOCUMENT, variables: { ...ids, vehicleIdText: ids.vehicleId } },
    { query: FOLLOW, variables: { connectionId: ids.connectionId, id: 'paste the catenaId' } },
    { query: WRITE_AND_AWAIT, variables: { connectionId: ids.connectionId } },
    { query: LIVE_EVENTS },
  ];
  return sources.map((source) => ({ name: tabName(source.query), ...source }));
}

const LIVE_EVENTS = `# Every operation event as it happens. Leave this running, then run a write in the Writes tab:
# CREATED at once, then SUCCEEDED or FAILED when Catena has tried the TSP. Resume with after: <eventId>.
subscription LiveEvents {
  resourceOperationEvents {
    eventId
    type
    occurredAt
    operation { catenaId connectionId resource status connection { fleetRef sourceName } }
  }
}`;

const WRITE_AND_AWAIT = `# Write and await the outcome in one request: the answer comes at once (PENDING), then the
# deferred part with the outcome, once Catena has tried the TSP (put simulate-failure in the notes
# to see a failure's logs).
mutation WriteAndAwait($connectionId: UUID!) {
  createTrailer(input: { connectionId: $connectionId, trailerName: "Awaited trailer", notes: "from GraphiQL" }) {
    ... on CreateTrailerSuccess {
      operation {
        catenaId
        status
        ... @defer { settled(timeoutSeconds: 30) { status resourceId logs { status errorType errorDetails } } }
      }
    }
    ... on Error { code message }
  }
}`;

const FOLLOW = `# Write, then follow that one operation to its end (run WriteToFollow, then FollowOperation with the
# catenaId it answered as $id).
mutation WriteToFollow($connectionId: UUID!) {
  createTrailer(input: { connectionId: $connectionId, trailerName: "Followed trailer" }) {
    ... on CreateTrailerSuccess { operation { catenaId connectionId status } }
    ... on Error { code message }
  }
}

subscription FollowOperation($connectionId: UUID!, $id: UUID!) {
  operationStatus(connectionId: $connectionId, id: $id) {
    status
    updatedAt
    resourceId
    sourceId
    logs { status errorType errorDetails }
  }
}`;
