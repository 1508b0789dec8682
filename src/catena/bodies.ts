/**
 * The twelve Catena write bodies, as Catena publishes them (api-facts §2.2, seed 003), in wire
 * (snake_case) names: every field declared once, in the language of write-fields.ts. The client
 * types its write methods from these tables (`WriteBody`), the gateway derives its GraphQL inputs,
 * their validation and the mapping back to the wire from them, and `body` is Catena's own model of
 * each, which the cross-check test holds against the simulator's.
 *
 * Optional fields are also nullable, as in Catena's OpenAPI ("opt" in api-facts), unless a field
 * says `nullable: false`.
 */
import type { OperationType, Resource } from './enums.ts';
import { WRITE_ENUMS } from './write-enums.ts';
import {
  alpha3,
  boolean,
  catenaId,
  catenaSchema,
  connectionId,
  date,
  dateTime,
  email,
  type FieldTable,
  geoPoint,
  listOf,
  longText,
  nonNegativeInt,
  nonNegativeNumber,
  object,
  oneOf,
  positiveNumber,
  required,
  text,
  type WireBody,
  year,
} from './write-fields.ts';

const {
  DistanceUnit,
  DvirDefect,
  DvirLogType,
  EngineType,
  FuelVolumeUnit,
  HosComplianceType,
  HosTrackingMethod,
  MessagePriority,
  OdometerUnit,
  StopActivity,
  StopType,
  UserStatus,
  VehicleStatus,
  WorkflowStatus,
} = WRITE_ENUMS;

/** Fields shared by vehicles and trailers. */
const equipmentFields = {
  oem: text,
  model_type: text,
  model_year: year,
  vin: text,
  license_plate_region: text,
  license_plate_country: alpha3,
  license_plate_number: text,
  is_active: boolean,
  notes: longText,
  eld_id: text,
  eld_serial_number: text,
  eld_device_type: text,
  eld_product_id: text,
  total_axles: nonNegativeInt,
  external_id: text,
} as const satisfies FieldTable;

export const vehicleFields = {
  connection_id: connectionId,
  vehicle_name: text,
  ...equipmentFields,
  engine_vin: text,
  status: oneOf(VehicleStatus),
  speed_unit: text,
  odometer_unit: text,
  fuel_unit: text,
  fuel_capacity: text,
  engine_type: oneOf(EngineType),
} as const satisfies FieldTable;

export const trailerFields = {
  connection_id: connectionId,
  trailer_name: text,
  ...equipmentFields,
  status: text,
  trailer_length: nonNegativeNumber,
  trailer_type: text,
} as const satisfies FieldTable;

export const userFields = {
  connection_id: connectionId,
  username: text,
  is_active: boolean,
  status: oneOf(UserStatus),
  is_driver: boolean,
  user_designation: text,
  user_email: email,
  first_name: text,
  last_name: text,
  phone_number: text,
  country_code: alpha3,
  license_country: alpha3,
  license_region: text,
  license_number: text,
  license_expiration: date,
  employee_number: text,
  carrier_number: text,
  notes: longText,
  hos_ruleset_code: text,
  allow_yard_move: boolean,
  allow_personal_conveyance: boolean,
  allow_adverse_driving: boolean,
  default_time_zone: text,
  hos_compliance_type: oneOf(HosComplianceType),
  hos_tracking_method: oneOf(HosTrackingMethod),
} as const satisfies FieldTable;

export const messageFields = {
  connection_id: connectionId,
  sender_id: required(catenaId),
  recipient_id: required(catenaId),
  message_text: longText,
  priority: oneOf(MessagePriority),
  reply_to_message_id: catenaId,
} as const satisfies FieldTable;

export const groupMessageFields = {
  connection_id: connectionId,
  sender_id: required(catenaId),
  recipient_ids: required(listOf(catenaId, 1)),
  message_text: longText,
  priority: oneOf(MessagePriority),
} as const satisfies FieldTable;

/** The current DVIR body, with Catena ids (the older `source_*` form is superseded). */
export const dvirLogFields = {
  connection_id: connectionId,
  driver_id: required(catenaId),
  vehicle_id: catenaId,
  trailer_id: catenaId,
  occurred_at: dateTime,
  log_type: {
    ...oneOf(DvirLogType),
    nullable: false,
    description: 'Left out, Catena records unknown; null is refused.',
  },
  inspected_by: text,
  defect_count: { ...nonNegativeInt, min: 0 },
  defects: listOf(oneOf(DvirDefect)),
  is_safety_critical: boolean,
  driver_comment: longText,
  certify_comment: longText,
  odometer: nonNegativeNumber,
  odometer_unit: oneOf(OdometerUnit),
} as const satisfies FieldTable;

/**
 * Fuel transactions: which id form is live is unconfirmed (api-facts §6.6), so both the documented
 * TSP-side `source_*` ids and the Catena ids of the newest OpenAPI are accepted. `fuel_volume_unit`
 * is required by both OpenAPI versions (one doc page's minimal example leaves it out).
 */
export const fuelTransactionFields = {
  connection_id: connectionId,
  fuel_volume: required(positiveNumber),
  fuel_volume_unit: required(oneOf(FuelVolumeUnit)),
  fleet_ref: text,
  driver_id: catenaId,
  vehicle_id: catenaId,
  co_driver_id: catenaId,
  source_driver_id: text,
  source_vehicle_id: text,
  source_co_driver_id: text,
  location: geoPoint,
  location_string: text,
  odometer: nonNegativeNumber,
  odometer_unit: oneOf(OdometerUnit),
  transaction_time: dateTime,
  transaction_jurisdiction: text,
  fuel_type: oneOf(EngineType),
  fuel_vendor: text,
  total_cost: nonNegativeNumber,
  currency: text,
} as const satisfies FieldTable;

export const workflowStopFields = {
  source_stop_id: text,
  sequence_number: nonNegativeInt,
  stop_type: oneOf(StopType),
  location_name: text,
  activities: listOf(oneOf(StopActivity)),
  location: geoPoint,
  instructions: longText,
  scheduled_arrival: dateTime,
  scheduled_departure: dateTime,
  actual_arrival: dateTime,
  actual_departure: dateTime,
} as const satisfies FieldTable;

/** Workflow body field names as seed 003 gives them exactly; used for create and update alike. */
export const workflowFields = {
  connection_id: connectionId,
  source_workflow_id: text,
  source_driver_id: text,
  source_vehicle_id: text,
  workflow_status: oneOf(WorkflowStatus),
  started_at: dateTime,
  ended_at: dateTime,
  total_distance: nonNegativeNumber,
  total_distance_unit: oneOf(DistanceUnit),
  instructions: longText,
  stops: listOf(object('WorkflowStopInput', workflowStopFields)),
} as const satisfies FieldTable;

/** A write: what Catena records it as, where it goes, and its body's fields. */
const write = <const R extends Resource, const O extends OperationType, const T extends FieldTable>(
  resource: R,
  operation: O,
  /** The collection under /v2/telematics; updates append `/{id}`. */
  collection: string,
  fields: T,
) => ({ resource, operation, path: `/v2/telematics/${collection}`, fields, body: catenaSchema(fields) });

/** Every Catena write, keyed by the gateway's mutation name (contract §3). */
export const WRITES = {
  createVehicle: write('vehicle', 'create', 'vehicles', { ...vehicleFields, fleet_ref: text }),
  updateVehicle: write('vehicle', 'update', 'vehicles', vehicleFields),
  createTrailer: write('trailer', 'create', 'trailers', { ...trailerFields, fleet_ref: text }),
  updateTrailer: write('trailer', 'update', 'trailers', trailerFields),
  createUser: write('user', 'create', 'users', userFields),
  updateUser: write('user', 'update', 'users', userFields),
  sendMessage: write('message', 'create', 'messages', messageFields),
  sendGroupMessage: write('group_message', 'create', 'group-messages', groupMessageFields),
  createDvirLog: write('dvir_log', 'create', 'dvir-logs', dvirLogFields),
  createFuelTransaction: write('fuel_transaction', 'create', 'fuel-transactions', fuelTransactionFields),
  createWorkflow: write('workflow', 'create', 'workflows', workflowFields),
  updateWorkflow: write('workflow', 'update', 'workflows', workflowFields),
};

export type WriteName = keyof typeof WRITES;
export const WRITE_NAMES = Object.keys(WRITES) as WriteName[];
/** The JSON body a write sends to Catena. */
export type WriteBody<N extends WriteName> = WireBody<(typeof WRITES)[N]['fields']>;
export type UpdateWriteName = {
  [N in WriteName]: (typeof WRITES)[N]['operation'] extends 'update' ? N : never;
}[WriteName];
export type CreateWriteName = Exclude<WriteName, UpdateWriteName>;
