/**
 * The enumerations of Catena's write bodies, each with the GraphQL enum it becomes: its name (the
 * key) and description are said here, once, beside its values, so a write field says
 * `oneOf(VehicleStatus)` and every layer (Catena's body model, the input validator, the GraphQL
 * enum) reads the rest from it. GraphQL members are the values upper-cased; the wire keeps
 * Catena's spelling.
 */
import * as catena from './enums.ts';

/** A write-body enumeration: the GraphQL enum's name and description, and Catena's values. */
export interface WriteEnum<V extends string = string> {
  readonly name: string;
  readonly description: string;
  readonly values: readonly [V, ...V[]];
}

type Named<T> = { readonly [K in keyof T]: T[K] & { readonly name: K } };

/** Gives each enum its key for a name, so the name is written once. */
function named<const T extends Record<string, Omit<WriteEnum, 'name'>>>(table: T): Named<T> {
  return Object.fromEntries(Object.entries(table).map(([name, e]) => [name, { ...e, name }])) as Named<T>;
}

export const WRITE_ENUMS = named({
  VehicleStatus: { description: 'Whether a vehicle is in service.', values: catena.VEHICLE_STATUSES },
  EngineType: { description: 'Engine or fuel type.', values: catena.ENGINE_TYPES },
  UserStatus: { description: 'Whether a user is active at the TSP.', values: catena.USER_STATUSES },
  HosComplianceType: { description: 'Hours-of-service exemption.', values: catena.HOS_COMPLIANCE_TYPES },
  HosTrackingMethod: {
    description: 'How hours of service are tracked.',
    values: catena.HOS_TRACKING_METHODS,
  },
  MessagePriority: { description: 'Priority of a message to drivers.', values: catena.MESSAGE_PRIORITIES },
  DvirLogType: { description: 'When the inspection happened.', values: catena.DVIR_LOG_TYPES },
  DvirDefect: { description: 'A defect found in a vehicle inspection.', values: catena.DVIR_DEFECTS },
  OdometerUnit: { description: 'Unit of an odometer reading.', values: catena.ODOMETER_UNITS },
  FuelVolumeUnit: { description: 'Unit of a fuel volume.', values: catena.FUEL_VOLUME_UNITS },
  WorkflowStatus: { description: 'Where a workflow stands.', values: catena.WORKFLOW_STATUSES },
  DistanceUnit: { description: 'Unit of a distance.', values: catena.DISTANCE_UNITS },
  StopType: { description: 'What a workflow stop is for.', values: catena.STOP_TYPES },
  StopActivity: { description: 'What happens at a workflow stop.', values: catena.STOP_ACTIVITIES },
});
