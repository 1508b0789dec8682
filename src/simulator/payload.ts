/**
 * What Catena does to a write body before it reaches the TSP: drop `connection_id`, check that the
 * Catena ids it references exist on that connection, and add the TSP ids they resolve to
 * (`sender_id` -> `source_sender_id`, ...), as the "Automatic ID Translation" guide describes.
 */

import { inputString, type ValidationDetail } from './errors.ts';
import type { ResourceKind } from './model/enums.ts';
import type { EntityRecord } from './store.ts';

interface Reference {
  field: string;
  target: string;
  resource: ResourceKind;
}

/** Keyed by Catena's operationId. */
const REFERENCES: Partial<Record<string, Reference[]>> = {
  create_message: [
    { field: 'sender_id', target: 'source_sender_id', resource: 'user' },
    { field: 'recipient_id', target: 'source_recipient_id', resource: 'user' },
  ],
  create_group_message: [
    { field: 'sender_id', target: 'source_sender_id', resource: 'user' },
    { field: 'recipient_ids', target: 'source_recipient_ids', resource: 'user' },
  ],
  create_dvir_log: [
    { field: 'driver_id', target: 'source_driver_id', resource: 'user' },
    { field: 'vehicle_id', target: 'source_vehicle_id', resource: 'vehicle' },
    { field: 'trailer_id', target: 'source_trailer_id', resource: 'trailer' },
  ],
  create_fuel_transaction: [
    { field: 'driver_id', target: 'source_driver_id', resource: 'user' },
    { field: 'co_driver_id', target: 'source_co_driver_id', resource: 'user' },
    { field: 'vehicle_id', target: 'source_vehicle_id', resource: 'vehicle' },
  ],
};

export type EntityLookup = (resource: ResourceKind, id: string) => EntityRecord | undefined;

export interface ResolvedPayload {
  payload: Record<string, unknown>;
  details: ValidationDetail[];
}

/**
 * Builds the operation payload. `target` is the record an update addresses; its ids are added as
 * `id` and `source_id` because the TSP call needs them.
 */
export function resolvePayload(
  writeName: string,
  body: Record<string, unknown>,
  lookup: EntityLookup,
  target?: EntityRecord,
): ResolvedPayload {
  const { connection_id: _connection, ...payload } = body;
  const details: ValidationDetail[] = [];
  const resolveOne = (path: string, value: unknown, resource: ResourceKind): string | undefined => {
    const entity = typeof value === 'string' ? lookup(resource, value) : undefined;
    if (entity === undefined) {
      details.push({
        path,
        input: inputString(value),
        message: `No ${resource} with this id exists on the connection`,
        error_type: 'value_error',
      });
    }
    return entity?.sourceId;
  };

  for (const reference of REFERENCES[writeName] ?? []) {
    const value = payload[reference.field];
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      const resolved = value.map((item, index) =>
        resolveOne(`${reference.field}.${index}`, item, reference.resource),
      );
      payload[reference.target] = resolved;
    } else {
      payload[reference.target] = resolveOne(reference.field, value, reference.resource);
    }
  }
  if (target !== undefined) {
    payload.id = target.id;
    payload.source_id = target.sourceId;
  }
  return { payload, details };
}

/** The record name a created entity gets, from the fields that name it. */
export function entityName(payload: Record<string, unknown>): string {
  for (const field of ['vehicle_name', 'trailer_name', 'username', 'source_workflow_id', 'message_text']) {
    const value = payload[field];
    if (typeof value === 'string' && value !== '') return value;
  }
  return 'unnamed';
}
