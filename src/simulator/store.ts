/**
 * The simulator's in-memory Catena: fleets, connections, the TSP-side records writes refer to
 * (users, vehicles, trailers, workflows, ...) and resource operations, plus the wire views of them.
 */
import type { ConnectionState, ResourceKind, ShareLevel, Tsp } from './model/enums.ts';
import { compareKeys, type SortKey } from './pagination.ts';
import type { ResourceOperation } from './types.ts';

export interface FleetRecord {
  id: string;
  ref: string | null;
  name: string;
}

export interface ConnectionRecord {
  id: string;
  created_at: string;
  updated_at: string;
  fleet_id: string;
  fleet_ref: string | null;
  tsp_id: string;
  source_name: Tsp;
  status: ConnectionState;
  description: string;
  share_level: ShareLevel;
  credentials: Record<string, string>;
  /** Credential members Catena masks as "*****" on read. */
  secretFields: readonly string[];
}

/** A record living in the TSP, addressable by its Catena id (`id`) and TSP id (`sourceId`). */
export interface EntityRecord {
  id: string;
  sourceId: string;
  connectionId: string;
  resource: ResourceKind;
  name: string;
  attributes: Record<string, unknown>;
}

export interface StoreData {
  partnerId: string;
  partnerName: string;
  fleets: FleetRecord[];
  connections: ConnectionRecord[];
  entities: EntityRecord[];
  operations: ResourceOperation[];
}

export interface Store {
  readonly partnerId: string;
  readonly partnerName: string;
  fleets(): readonly FleetRecord[];
  connections(): readonly ConnectionRecord[];
  connection(id: string): ConnectionRecord | undefined;
  /** The entity of that kind on that connection, or undefined (ids of other connections do not count). */
  entityOn(connectionId: string, resource: ResourceKind, id: string): EntityRecord | undefined;
  findEntity(
    connectionId: string,
    resource: ResourceKind,
    match: (entity: EntityRecord) => boolean,
  ): EntityRecord | undefined;
  putEntity(entity: EntityRecord): void;
  /** A fresh array of every entity. */
  entities(): EntityRecord[];
  /** Sorted by (created_at, id) ascending. */
  operations(): readonly ResourceOperation[];
  operation(id: string): ResourceOperation | undefined;
  putOperation(operation: ResourceOperation): void;
  reset(data: StoreData): void;
}

export const operationKey = (op: ResourceOperation): SortKey => [op.created_at, op.id];

export function createStore(initial: StoreData): Store {
  let data = initial;
  let connectionsById = new Map<string, ConnectionRecord>();
  let entities = new Map<string, EntityRecord>();
  let operations: ResourceOperation[] = [];
  let operationsById = new Map<string, ResourceOperation>();

  const load = (next: StoreData) => {
    data = next;
    connectionsById = new Map(next.connections.map((c) => [c.id, c]));
    entities = new Map(next.entities.map((e) => [e.id, e]));
    operations = [...next.operations].sort((a, b) => compareKeys(operationKey(a), operationKey(b)));
    operationsById = new Map(operations.map((op) => [op.id, op]));
  };
  load(initial);

  return {
    get partnerId() {
      return data.partnerId;
    },
    get partnerName() {
      return data.partnerName;
    },
    fleets: () => data.fleets,
    connections: () => data.connections,
    connection: (id) => connectionsById.get(id.toLowerCase()),
    entityOn(connectionId, resource, id) {
      const entity = entities.get(id.toLowerCase());
      return entity && entity.connectionId === connectionId && entity.resource === resource
        ? entity
        : undefined;
    },
    findEntity(connectionId, resource, match) {
      for (const entity of entities.values()) {
        if (entity.connectionId === connectionId && entity.resource === resource && match(entity))
          return entity;
      }
      return undefined;
    },
    putEntity(entity) {
      entities.set(entity.id, entity);
    },
    entities: () => [...entities.values()],
    operations: () => operations,
    operation: (id) => operationsById.get(id.toLowerCase()),
    putOperation(op) {
      if (operationsById.has(op.id)) {
        operationsById.set(op.id, op);
        operations = operations.map((existing) => (existing.id === op.id ? op : existing));
        return;
      }
      operationsById.set(op.id, op);
      const key = operationKey(op);
      // New operations are almost always the newest: scan from the end.
      let index = operations.length;
      while (index > 0) {
        const previous = operations[index - 1];
        if (previous === undefined || compareKeys(operationKey(previous), key) <= 0) break;
        index--;
      }
      operations.splice(index, 0, op);
    },
    reset: load,
  };
}

/** ConnectionRead: credentials with secret members masked. */
export function connectionView(connection: ConnectionRecord) {
  const credentials: Record<string, string> = {};
  for (const [name, value] of Object.entries(connection.credentials)) {
    credentials[name] = connection.secretFields.includes(name) ? '*****' : value;
  }
  return {
    id: connection.id,
    created_at: connection.created_at,
    updated_at: connection.updated_at,
    fleet_id: connection.fleet_id,
    fleet_ref: connection.fleet_ref,
    tsp_id: connection.tsp_id,
    source_name: connection.source_name,
    credentials,
    status: connection.status,
    description: connection.description,
  };
}

/** ResourceOperationRead (GET and list), a deep copy. */
export function operationReadView(op: ResourceOperation) {
  return {
    id: op.id,
    created_at: op.created_at,
    updated_at: op.updated_at,
    partner_id: op.partner_id,
    connection_id: op.connection_id,
    fleet_ref: op.fleet_ref,
    source_name: op.source_name,
    resource: op.resource,
    resource_id: op.resource_id,
    source_id: op.source_id,
    operation_type: op.operation_type,
    status: op.status,
    payload: structuredClone(op.payload),
    logs: structuredClone(op.logs),
  };
}

/** The write response model, key for key as seed 003 shows it. */
export function writeResponseView(op: ResourceOperation) {
  return {
    partner_id: op.partner_id,
    connection_id: op.connection_id,
    resource: op.resource,
    operation_type: op.operation_type,
    payload: structuredClone(op.payload),
    id: op.id,
    created_at: op.created_at,
    updated_at: op.updated_at,
    deleted_at: op.deleted_at,
    resource_id: op.resource_id,
    source_id: op.source_id,
    status: op.status,
    logs: structuredClone(op.logs),
  };
}

/**
 * The shorter write answer some of Catena's write pages show (see `WriteAnswerShape`): no
 * `resource` or `operation_type`, and logs without `status` and `error_type`.
 */
export function shortWriteResponseView(op: ResourceOperation) {
  const { resource: _resource, operation_type: _type, logs, ...rest } = writeResponseView(op);
  return { ...rest, logs: logs.map(({ status: _status, error_type: _error, ...log }) => log) };
}

/** A `resource_operation.*` webhook record: the write model plus fleet_ref and source_name. */
export function webhookRecordView(op: ResourceOperation) {
  return { ...writeResponseView(op), fleet_ref: op.fleet_ref, source_name: op.source_name };
}
