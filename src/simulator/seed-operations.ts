/**
 * Past operations for the seed and `control.seedOperations`: a plausible body per write, run
 * through the same id resolution and settlement as live writes.
 */
import { tspSourceId, uuidFromName, vinFromName } from './ids.ts';
import { writeEndpoint } from './model/writes.ts';
import { decideOutcome, pendingOperation, settle } from './outcome.ts';
import { entityName, resolvePayload } from './payload.ts';
import type { ConnectionRecord, EntityRecord } from './store.ts';
import type { ResourceOperation } from './types.ts';

export interface PastOperationInput {
  index: number;
  key: string;
  /** Catena's operationId of the write. */
  writeName: string;
  connection: ConnectionRecord;
  partnerId: string;
  created: number;
  entities: EntityRecord[];
  lookupOn: (
    connectionId: string,
  ) => (resource: EntityRecord['resource'], id: string) => EntityRecord | undefined;
  /** Forces the outcome; pending leaves the operation unsettled. */
  status?: ResourceOperation['status'];
}

/** A finished operation as if it had gone through the write path `created` ms ago. */
export function pastOperation(input: PastOperationInput): ResourceOperation {
  const { index, key, writeName, connection, entities } = input;
  const spec = writeEndpoint(writeName);
  const on = (resource: EntityRecord['resource']) =>
    entities.filter((e) => e.connectionId === connection.id && e.resource === resource);
  const users = on('user');
  const [u0, u1, u2] = [users[0], users[1], users[2]];
  const pick = (resource: EntityRecord['resource']) => on(resource)[index % 2];
  const body = sampleBody(writeName, index, {
    u0: u0?.id,
    u1: u1?.id,
    u2: u2?.id,
    vehicle: pick('vehicle')?.id,
    trailer: pick('trailer')?.id,
  });
  if (spec.operation === 'create' && writeName === 'create_vehicle') body.fleet_ref = connection.fleet_ref;
  const target = spec.operation === 'update' ? pick(spec.resource) : undefined;
  const { payload } = resolvePayload(writeName, body, input.lookupOn(connection.id), target);
  let logSeq = 0;
  const pending = pendingOperation({
    id: uuidFromName(`operation:${key}`),
    createdAt: new Date(input.created).toISOString(),
    partnerId: input.partnerId,
    connection,
    spec,
    payload,
  });
  if (input.status === 'pending') return pending;
  const forced =
    input.status === 'failed' ? 'tsp_failure' : input.status === 'success' ? 'success' : undefined;
  const outcome =
    forced ??
    (index % 9 === 4
      ? 'tsp_failure'
      : index % 13 === 7
        ? 'validation_failure'
        : decideOutcome(payload, connection.status));
  const resourceId = target?.id ?? uuidFromName(`created:${key}`);
  const sourceId = target?.sourceId ?? tspSourceId(connection.source_name, `created:${key}`);
  if (outcome === 'success' && target === undefined) {
    entities.push({
      id: resourceId,
      sourceId,
      connectionId: connection.id,
      resource: spec.resource,
      name: entityName(payload),
      attributes: payload,
    });
  }
  return settle(pending, {
    outcome,
    at: input.created + 1800 + (index % 5) * 250,
    resourceId,
    sourceId,
    newId: () => uuidFromName(`log:${key}:${logSeq++}`),
  });
}

interface Refs {
  u0?: string | undefined;
  u1?: string | undefined;
  u2?: string | undefined;
  vehicle?: string | undefined;
  trailer?: string | undefined;
}

function sampleBody(writeName: string, i: number, refs: Refs): Record<string, unknown> {
  switch (writeName) {
    case 'create_vehicle':
      return {
        vehicle_name: `Truck 9${i}`,
        vin: vinFromName(`op:${i}`),
        oem: 'Freightliner',
        model_year: 2022,
        status: 'IN_SERVICE',
      };
    case 'update_vehicle':
      return { license_plate_number: `TX-${4100 + i}`, license_plate_region: 'TX', status: 'IN_SERVICE' };
    case 'create_trailer':
      return {
        trailer_name: `Reefer ${i}`,
        vin: vinFromName(`op-trailer:${i}`),
        trailer_type: 'reefer',
        trailer_length: 53,
      };
    case 'update_trailer':
      return { notes: 'Annual inspection done', is_active: true };
    case 'create_user':
      return {
        username: `new.driver${i}`,
        first_name: 'New',
        last_name: `Driver ${i}`,
        is_driver: true,
        status: 'ACTIVE',
      };
    case 'update_user':
      return { phone_number: `+1555010${String(i).padStart(2, '0')}`, allow_yard_move: true };
    case 'create_message':
      return {
        sender_id: refs.u0,
        recipient_id: refs.u1,
        message_text: `Load ${1000 + i} is ready at dock 4`,
        priority: 'medium',
      };
    case 'create_group_message':
      return {
        sender_id: refs.u0,
        recipient_ids: [refs.u1, refs.u2],
        message_text: 'Yard closes at 18:00 today',
        priority: 'low',
      };
    case 'create_dvir_log':
      return {
        driver_id: refs.u1,
        vehicle_id: refs.vehicle,
        log_type: 'pre_trip',
        defect_count: 0,
        inspected_by: 'driver',
      };
    case 'create_fuel_transaction':
      return {
        fuel_volume: 120.5,
        fuel_volume_unit: 'US_GALLON',
        driver_id: refs.u0,
        vehicle_id: refs.vehicle,
        total_cost: 431.2,
        currency: 'USD',
      };
    case 'create_workflow':
      return {
        source_workflow_id: `job-${i}`,
        workflow_status: 'PLANNED',
        instructions: 'Call ahead before arrival',
      };
    case 'update_workflow':
      return { workflow_status: 'ACTIVE' };
    default:
      throw new Error(`no sample body for ${writeName}`);
  }
}
