/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** The state of a fleet-to-TSP connection. */
export type ConnectionStatus =
  | 'ACTIVE'
  | 'CANCELLED'
  | 'DELETED'
  | 'FAILED'
  | 'PAUSED'
  | 'STALE'
  /** A value Catena sent that this gateway version does not know yet. */
  | 'UNKNOWN';

/** Why an attempt failed. */
export type OperationErrorType =
  | 'AUTH'
  | 'NETWORK'
  | 'TSP'
  /** A value Catena sent that this gateway version does not know yet. */
  | 'UNKNOWN'
  | 'VALIDATION';

/** How one attempt ended. */
export type OperationLogStatus =
  | 'FAILED'
  | 'SUCCESS'
  /** A value Catena sent that this gateway version does not know yet. */
  | 'UNKNOWN';

/** Where a resource operation is: PENDING until Catena has tried the TSP, then SUCCESS or FAILED. */
export type OperationStatus =
  | 'FAILED'
  | 'PENDING'
  | 'SUCCESS'
  /** A value Catena sent that this gateway version does not know yet. */
  | 'UNKNOWN';

/** What a write does to its record. */
export type OperationType =
  | 'CREATE'
  /** A value Catena sent that this gateway version does not know yet. */
  | 'UNKNOWN'
  | 'UPDATE';

/** A kind of telematics record (Catena ResourceEnum). */
export type Resource =
  | 'ASSET'
  | 'DRIVER_ASSOCIATION'
  | 'DRIVER_EVENT_LOG'
  | 'DRIVER_SAFETY_EVENT'
  | 'DRIVER_VEHICLE_ASSOCIATION'
  | 'DVIR_LOG'
  | 'DVIR_LOG_DEFECT'
  | 'ENGINE_LOG'
  | 'ENGINE_STATUS'
  | 'FLEET_INFO'
  | 'FUEL_TRANSACTION'
  | 'GROUP_MESSAGE'
  | 'HOS_AVAILABILITY'
  | 'HOS_DAILY_SNAPSHOT'
  | 'HOS_EVENT'
  | 'HOS_EVENT_ANNOTATION'
  | 'HOS_EVENT_ATTACHMENT'
  | 'HOS_VIOLATION'
  | 'IFTA_SUMMARY'
  | 'LOCATION_SEGMENT'
  | 'MESSAGE'
  | 'TRAILER'
  | 'TRAILER_ASSOCIATION'
  | 'TRAILER_LOCATION'
  | 'TRAILER_STATUS'
  | 'TRAILER_VEHICLE_ASSOCIATION'
  /** A value Catena sent that this gateway version does not know yet. */
  | 'UNKNOWN'
  | 'USER'
  | 'VEHICLE'
  | 'VEHICLE_LOCATION'
  | 'VEHICLE_REGION_SEGMENT'
  | 'VEHICLE_SENSOR'
  | 'WORKFLOW';

/** Every list narrows the events; a missing or empty list does not. */
export type ResourceOperationEventFilter = {
  connectionIds?: Array<string> | null | undefined;
  fleetRefs?: Array<string> | null | undefined;
  operationIds?: Array<string> | null | undefined;
  resources?: Array<Resource> | null | undefined;
  statuses?: Array<OperationStatus> | null | undefined;
  types?: Array<ResourceOperationEventType> | null | undefined;
};

/** Which Catena event: resource_operation.created, .succeeded or .failed. */
export type ResourceOperationEventType =
  | 'CREATED'
  | 'FAILED'
  | 'SUCCEEDED';

export type ResourceOperationFilter = {
  connectionId?: string | null | undefined;
  /** At most 100. */
  fleetRefs?: Array<string> | null | undefined;
  /** Created at or after; default 24 hours ago. */
  from?: string | null | undefined;
  operationType?: OperationType | null | undefined;
  resource?: Resource | null | undefined;
  /** The TSP's id of the record; needs resource. */
  sourceId?: string | null | undefined;
  sourceName?: TspSource | null | undefined;
  /** Created before; default now; at most 45 days after from. */
  to?: string | null | undefined;
};

/** A telematics provider (Catena TspEnum). */
export type TspSource =
  | 'ADA'
  | 'AIR_ELD'
  | 'AI_ELD'
  | 'ALFA_ELD'
  | 'ALPHA_ELD'
  | 'ALS'
  | 'ANYTREK_CLASSIC'
  | 'ANYTREK_PRO'
  | 'APEX_ELD'
  | 'APOLLO'
  | 'APOLLOCLOUD'
  | 'ASCEND'
  | 'ATT'
  | 'AWAREGPS'
  | 'AZUGA'
  | 'BIGROAD'
  | 'BLUEHORSE_ELD'
  | 'BLUEINKTECH'
  | 'BOUNCIE'
  | 'BUDGETGPS'
  | 'CAPTAIN_ELD'
  | 'CARRIER_LYNX'
  | 'CATENA_SIMULATOR'
  | 'CLUB_ELD'
  | 'COUNTING_TRUCKS_ELD'
  | 'CYNTRX'
  | 'DIGITAL_ELD'
  | 'DRAGON_ELD'
  | 'DRIVER_TECH'
  | 'DRIVE_HOS'
  | 'DRIVE_HOS_V2'
  | 'DSG_ELOGS'
  | 'DYNAMIC_ELD'
  | 'EIGHTEIGHTEIGHT_ELD'
  | 'ELD_88'
  | 'ELD_BOOKS'
  | 'ELD_MANDATE'
  | 'ELD_MANDATE_PRIME'
  | 'EROAD'
  | 'EVA_ELD'
  | 'EVO_ELD'
  | 'EXPRESSWAY_ELD'
  | 'EXTREME_ELD'
  | 'EZLOGZ'
  | 'EZ_LYNK'
  | 'FACTOR_ELD'
  | 'FIRSTGATE'
  | 'FLEETCOMPLETE'
  | 'FLEETCOMPLETEHUB'
  | 'FLEETHUNT'
  | 'FLEETPULSE'
  | 'FLEETSHARP'
  | 'FLEETUP'
  | 'FM'
  | 'FORWARDTHINKING'
  | 'FORZA_ELD'
  | 'GEOTAB'
  | 'GPSINSIGHT'
  | 'GPSTAB'
  | 'GPSTRACKIT'
  | 'GRAND_ELD'
  | 'GREENLIGHT'
  | 'GROUNDHOG'
  | 'HCSS'
  | 'HOS247'
  | 'HUTCH'
  | 'INTELLISHIFT'
  | 'IRONMAN_ELD'
  | 'ISAAC'
  | 'JJKELLER'
  | 'KINEXAIOT'
  | 'KNIGHT_ELD'
  | 'KONEXIAL'
  | 'LINXUP'
  | 'LIONEIGHT'
  | 'LOOP_ELD'
  | 'LUCID_ELD'
  | 'LUNA_ELD'
  | 'LYTX'
  | 'LYTXV3'
  | 'MAPON'
  | 'MATRACK'
  | 'MAVEN'
  | 'MDM_ELD'
  | 'MOBILEFLEET'
  | 'MOONLIGHT_ELD'
  | 'MOTION_ELD'
  | 'MOTIVE'
  | 'MY_DRIVEBOOK'
  | 'MY_LOGS_ELD'
  | 'NERO'
  | 'NETRADYNE'
  | 'NEW_ELD_WORLD'
  | 'NEXTGEN_ELD'
  | 'NEXTRAQ'
  | 'OMNITRACS'
  | 'ONESTEP'
  | 'ONTIME_ELD'
  | 'OPTIMA'
  | 'ORBCOMM'
  | 'ORIENT_ELD'
  | 'PANDA_ELD'
  | 'PAYD'
  | 'PEAK_ELD'
  | 'PEOPLENET'
  | 'PHILLIPS_CONNECT'
  | 'PHOENIX'
  | 'POP_ELD'
  | 'PROLOGS'
  | 'PRORIDE_ELD'
  | 'QUALITYLOGS_ELD'
  | 'RANDMCNALLY'
  | 'RASTRAC'
  | 'RAVEN'
  | 'REDFOX'
  | 'REGULOG_ELD'
  | 'RIDEHUB'
  | 'ROADEAZY'
  | 'ROCK_ELD'
  | 'ROLLINGTRANS'
  | 'ROUTEMATE'
  | 'ROYAL_ELD'
  | 'SAFELANE'
  | 'SAMSARA'
  | 'SELECTIVEDRIVE'
  | 'SIMBA_ELD'
  | 'SKYBITZ'
  | 'SMART_ELDS'
  | 'SPARKLE_ELD'
  | 'SPIREON'
  | 'SUN_ELD'
  | 'SURFSIGHT'
  | 'SWIFT'
  | 'SWITCHBOARD'
  | 'SYNERGY_ELD'
  | 'TELETRACNAVMAN'
  | 'TELETRACNAVMAN_DIRECTOR'
  | 'TELOGIS'
  | 'TENNA'
  | 'THERMO_KING'
  | 'THINK'
  | 'TIVE'
  | 'TOPCOMPLIANCE_ELD'
  | 'TRACCAR'
  | 'TRACKEASE_ELD'
  | 'TRACKPRO'
  | 'TRACLOG'
  | 'TRANSFLO'
  | 'TRIMBLE'
  | 'TRUCKFORD'
  | 'TRUCKSPY'
  | 'TRUCKX'
  | 'TRUEROAD_ELD'
  | 'TT'
  | 'TXT_ELD'
  /** A value Catena sent that this gateway version does not know yet. */
  | 'UNKNOWN'
  | 'US_FAST_ELD'
  | 'VERIZON_CONNECT'
  | 'VISTA_ELD'
  | 'VISTRACKS'
  | 'VLOG_ELD'
  | 'VULCANSOLS_ELD'
  | 'WEBFLEET'
  | 'WIALON'
  | 'XPLORE_ELD'
  | 'ZIGZAG_ELD'
  | 'ZMS_ELD'
  | 'ZONAR'
  | 'ZUBIE';

export type OperationRowFragment = { catenaId: string, connectionId: string, fleetRef: string | null, sourceName: TspSource | null, resource: Resource, operationType: OperationType, status: OperationStatus, createdAt: string, updatedAt: string, logs: Array<{ errorType: OperationErrorType | null }> };

export type ConsoleOperationsQueryVariables = Exact<{
  filter?: ResourceOperationFilter | null | undefined;
  after?: string | null | undefined;
}>;


export type ConsoleOperationsQuery = { resourceOperations: { edges: Array<{ node: { catenaId: string, connectionId: string, fleetRef: string | null, sourceName: TspSource | null, resource: Resource, operationType: OperationType, status: OperationStatus, createdAt: string, updatedAt: string, logs: Array<{ errorType: OperationErrorType | null }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ConsoleConnectionsQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type ConsoleConnectionsQuery = { connections: { edges: Array<{ node: { catenaId: string, fleetRef: string | null, sourceName: TspSource, status: ConnectionStatus, description: string | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ConsoleOperationQueryVariables = Exact<{
  connectionId: string;
  id: string;
}>;


export type ConsoleOperationQuery = { resourceOperation: { partnerId: string, resourceId: string | null, sourceId: string | null, deletedAt: string | null, payload: Record<string, unknown>, catenaId: string, connectionId: string, fleetRef: string | null, sourceName: TspSource | null, resource: Resource, operationType: OperationType, status: OperationStatus, createdAt: string, updatedAt: string, connection: { catenaId: string, fleetRef: string | null, sourceName: TspSource, status: ConnectionStatus, description: string | null } | null, logs: Array<{ id: string, status: OperationLogStatus, errorType: OperationErrorType | null, errorDetails: string | null, responseStatusCode: number | null, responseHeaders: Record<string, unknown> | null, createdAt: string }> } | null };

export type ConsoleEventsSubscriptionVariables = Exact<{
  after?: string | null | undefined;
  filter?: ResourceOperationEventFilter | null | undefined;
}>;


export type ConsoleEventsSubscription = { resourceOperationEvents: { eventId: string, type: ResourceOperationEventType, occurredAt: string, operation: { catenaId: string, connectionId: string, fleetRef: string | null, sourceName: TspSource | null, resource: Resource, operationType: OperationType, status: OperationStatus, createdAt: string, updatedAt: string, logs: Array<{ errorType: OperationErrorType | null }> } } };

export type FollowedOperationFragment = { resourceId: string | null, catenaId: string, connectionId: string, fleetRef: string | null, sourceName: TspSource | null, resource: Resource, operationType: OperationType, status: OperationStatus, createdAt: string, updatedAt: string, logs: Array<{ status: OperationLogStatus, errorType: OperationErrorType | null, errorDetails: string | null, responseStatusCode: number | null, createdAt: string }> };

export type ConsoleFollowSubscriptionVariables = Exact<{
  connectionId: string;
  id: string;
}>;


export type ConsoleFollowSubscription = { operationStatus: { resourceId: string | null, catenaId: string, connectionId: string, fleetRef: string | null, sourceName: TspSource | null, resource: Resource, operationType: OperationType, status: OperationStatus, createdAt: string, updatedAt: string, logs: Array<{ status: OperationLogStatus, errorType: OperationErrorType | null, errorDetails: string | null, responseStatusCode: number | null, createdAt: string }> } };

export const OperationRowFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OperationRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ResourceOperation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"catenaId"}},{"kind":"Field","name":{"kind":"Name","value":"connectionId"}},{"kind":"Field","name":{"kind":"Name","value":"fleetRef"}},{"kind":"Field","name":{"kind":"Name","value":"sourceName"}},{"kind":"Field","name":{"kind":"Name","value":"resource"}},{"kind":"Field","name":{"kind":"Name","value":"operationType"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"logs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"errorType"}}]}}]}}]} as unknown as DocumentNode<OperationRowFragment, unknown>;
export const FollowedOperationFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FollowedOperation"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ResourceOperation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OperationRow"}},{"kind":"Field","name":{"kind":"Name","value":"resourceId"}},{"kind":"Field","name":{"kind":"Name","value":"logs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"errorType"}},{"kind":"Field","name":{"kind":"Name","value":"errorDetails"}},{"kind":"Field","name":{"kind":"Name","value":"responseStatusCode"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OperationRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ResourceOperation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"catenaId"}},{"kind":"Field","name":{"kind":"Name","value":"connectionId"}},{"kind":"Field","name":{"kind":"Name","value":"fleetRef"}},{"kind":"Field","name":{"kind":"Name","value":"sourceName"}},{"kind":"Field","name":{"kind":"Name","value":"resource"}},{"kind":"Field","name":{"kind":"Name","value":"operationType"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"logs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"errorType"}}]}}]}}]} as unknown as DocumentNode<FollowedOperationFragment, unknown>;
export const ConsoleOperationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleOperations"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ResourceOperationFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resourceOperations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OperationRow"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OperationRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ResourceOperation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"catenaId"}},{"kind":"Field","name":{"kind":"Name","value":"connectionId"}},{"kind":"Field","name":{"kind":"Name","value":"fleetRef"}},{"kind":"Field","name":{"kind":"Name","value":"sourceName"}},{"kind":"Field","name":{"kind":"Name","value":"resource"}},{"kind":"Field","name":{"kind":"Name","value":"operationType"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"logs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"errorType"}}]}}]}}]} as unknown as DocumentNode<ConsoleOperationsQuery, ConsoleOperationsQueryVariables>;
export const ConsoleConnectionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleConnections"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"connections"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"catenaId"}},{"kind":"Field","name":{"kind":"Name","value":"fleetRef"}},{"kind":"Field","name":{"kind":"Name","value":"sourceName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleConnectionsQuery, ConsoleConnectionsQueryVariables>;
export const ConsoleOperationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleOperation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"connectionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UUID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UUID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resourceOperation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"connectionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"connectionId"}}},{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OperationRow"}},{"kind":"Field","name":{"kind":"Name","value":"partnerId"}},{"kind":"Field","name":{"kind":"Name","value":"resourceId"}},{"kind":"Field","name":{"kind":"Name","value":"sourceId"}},{"kind":"Field","name":{"kind":"Name","value":"deletedAt"}},{"kind":"Field","name":{"kind":"Name","value":"payload"}},{"kind":"Field","name":{"kind":"Name","value":"connection"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"catenaId"}},{"kind":"Field","name":{"kind":"Name","value":"fleetRef"}},{"kind":"Field","name":{"kind":"Name","value":"sourceName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"logs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"errorType"}},{"kind":"Field","name":{"kind":"Name","value":"errorDetails"}},{"kind":"Field","name":{"kind":"Name","value":"responseStatusCode"}},{"kind":"Field","name":{"kind":"Name","value":"responseHeaders"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OperationRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ResourceOperation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"catenaId"}},{"kind":"Field","name":{"kind":"Name","value":"connectionId"}},{"kind":"Field","name":{"kind":"Name","value":"fleetRef"}},{"kind":"Field","name":{"kind":"Name","value":"sourceName"}},{"kind":"Field","name":{"kind":"Name","value":"resource"}},{"kind":"Field","name":{"kind":"Name","value":"operationType"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"logs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"errorType"}}]}}]}}]} as unknown as DocumentNode<ConsoleOperationQuery, ConsoleOperationQueryVariables>;
export const ConsoleEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ConsoleEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ResourceOperationEventFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resourceOperationEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"operation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OperationRow"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OperationRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ResourceOperation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"catenaId"}},{"kind":"Field","name":{"kind":"Name","value":"connectionId"}},{"kind":"Field","name":{"kind":"Name","value":"fleetRef"}},{"kind":"Field","name":{"kind":"Name","value":"sourceName"}},{"kind":"Field","name":{"kind":"Name","value":"resource"}},{"kind":"Field","name":{"kind":"Name","value":"operationType"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"logs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"errorType"}}]}}]}}]} as unknown as DocumentNode<ConsoleEventsSubscription, ConsoleEventsSubscriptionVariables>;
export const ConsoleFollowDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ConsoleFollow"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"connectionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UUID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UUID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operationStatus"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"connectionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"connectionId"}}},{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"FollowedOperation"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OperationRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ResourceOperation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"catenaId"}},{"kind":"Field","name":{"kind":"Name","value":"connectionId"}},{"kind":"Field","name":{"kind":"Name","value":"fleetRef"}},{"kind":"Field","name":{"kind":"Name","value":"sourceName"}},{"kind":"Field","name":{"kind":"Name","value":"resource"}},{"kind":"Field","name":{"kind":"Name","value":"operationType"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"logs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"errorType"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FollowedOperation"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ResourceOperation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OperationRow"}},{"kind":"Field","name":{"kind":"Name","value":"resourceId"}},{"kind":"Field","name":{"kind":"Name","value":"logs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"errorType"}},{"kind":"Field","name":{"kind":"Name","value":"errorDetails"}},{"kind":"Field","name":{"kind":"Name","value":"responseStatusCode"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<ConsoleFollowSubscription, ConsoleFollowSubscriptionVariables>;