/**
 * Catena's twelve write endpoints as its documents describe them, written as plain data: method,
 * path, resource, operation, and every body field with its type, whether it is required, and its
 * limits. The simulator validates with it (validate.ts derives the checks) and reads no other
 * model of Catena.
 *
 * Sources, newest first where they disagree:
 * - the Telematics OpenAPI of Catena's Go SDK at its newest stored version (2026-05 examples;
 *   test/fixtures/catena-openapi/telematics.json): every body but the workflows';
 * - the Update Workflow page (seed 003, test/fixtures/catena-openapi/telematics-workflows.json),
 *   used for create too, as Catena's create-workflow page describes the same fields;
 * - api-facts §2.2 for fields an older document version has and the newest has not. These are
 *   marked `legacy`: accepted (which reading is live is unconfirmed) and listed in README.
 *
 * Optional fields are nullable unless `nullable: false` (OpenAPI `anyOf [X, null]` vs a plain type).
 */
import {
  DISTANCE_UNITS,
  DVIR_DEFECTS,
  DVIR_LOG_TYPES,
  ENGINE_TYPES,
  FUEL_VOLUME_UNITS,
  HOS_COMPLIANCE_TYPES,
  HOS_TRACKING_METHODS,
  MESSAGE_PRIORITIES,
  STOP_ACTIVITIES,
  STOP_TYPES,
  USER_STATUSES,
  VEHICLE_STATUSES,
  WORKFLOW_STATUSES,
} from './body-enums.ts';
import type { OperationKind, ResourceKind } from './enums.ts';
import { HOS_RULESET_CODES, TIMEZONE_CODES } from './user-codes.ts';

export type FieldType =
  | { type: 'string'; format?: 'uuid' | 'date-time' | 'date'; pattern?: string }
  | { type: 'integer' }
  | { type: 'number'; minimum?: number; maximum?: number }
  /** A number, or a string holding one (`total_cost`: OpenAPI `anyOf [number, string(pattern)]`). */
  | { type: 'decimal' }
  | { type: 'boolean' }
  | { type: 'enum'; values: readonly string[] }
  | { type: 'array'; items: FieldType }
  | { type: 'object'; fields: Fields };

export type Field = FieldType & {
  required?: boolean;
  /** Optional fields are nullable unless this says otherwise. */
  nullable?: boolean;
  /** Accepted from an older document version (see the file comment). */
  legacy?: string;
};

export type Fields = Readonly<Record<string, Field>>;

export interface WriteEndpoint {
  /** Catena's operationId. */
  operationId: string;
  method: 'POST' | 'PATCH';
  /** As in the OpenAPI; updates end in `/{id}`. */
  path: string;
  resource: ResourceKind;
  operation: OperationKind;
  body: Fields;
}

const text: Field = { type: 'string' };
const uuid: Field = { type: 'string', format: 'uuid' };
const integer: Field = { type: 'integer' };
const number: Field = { type: 'number' };
const boolean: Field = { type: 'boolean' };
const dateTime: Field = { type: 'string', format: 'date-time' };
const alpha3: Field = { type: 'string', pattern: '^\\w{3}$' };
const oneOf = (values: readonly string[]): Field => ({ type: 'enum', values });
const connection: Field = { ...uuid, required: true };
const requiredUuid: Field = { ...uuid, required: true };

/** VehicleCreate / VehicleUpdate: 24 properties, identical in the OpenAPI. */
const vehicle: Fields = {
  connection_id: connection,
  vehicle_name: text,
  oem: text,
  model_type: text,
  model_year: integer,
  vin: text,
  engine_vin: text,
  license_plate_region: text,
  license_plate_country: alpha3,
  license_plate_number: text,
  is_active: boolean,
  status: oneOf(VEHICLE_STATUSES),
  notes: text,
  eld_id: text,
  eld_serial_number: text,
  eld_device_type: text,
  eld_product_id: text,
  total_axles: integer,
  external_id: text,
  speed_unit: text,
  odometer_unit: text,
  fuel_unit: text,
  fuel_capacity: text,
  engine_type: oneOf(ENGINE_TYPES),
};

/** TrailerCreate / TrailerUpdate: 20 properties; `license_plate_country` has no pattern here. */
const trailer: Fields = {
  connection_id: connection,
  trailer_name: text,
  oem: text,
  model_type: text,
  model_year: integer,
  vin: text,
  license_plate_region: text,
  license_plate_country: text,
  license_plate_number: text,
  is_active: boolean,
  status: text,
  notes: text,
  eld_id: text,
  eld_serial_number: text,
  eld_device_type: text,
  eld_product_id: text,
  total_axles: integer,
  external_id: text,
  trailer_length: number,
  trailer_type: text,
};

/** UserCreate / UserUpdate: 25 properties, identical. */
const user: Fields = {
  connection_id: connection,
  username: text,
  is_active: boolean,
  status: oneOf(USER_STATUSES),
  is_driver: boolean,
  user_designation: text,
  user_email: text,
  first_name: text,
  last_name: text,
  phone_number: text,
  country_code: alpha3,
  license_country: alpha3,
  license_region: text,
  license_number: text,
  license_expiration: { type: 'string', format: 'date' },
  employee_number: text,
  carrier_number: text,
  notes: text,
  hos_ruleset_code: oneOf(HOS_RULESET_CODES),
  allow_yard_move: boolean,
  allow_personal_conveyance: boolean,
  allow_adverse_driving: boolean,
  default_time_zone: oneOf(TIMEZONE_CODES),
  hos_compliance_type: oneOf(HOS_COMPLIANCE_TYPES),
  hos_tracking_method: oneOf(HOS_TRACKING_METHODS),
};

const message: Fields = {
  connection_id: connection,
  sender_id: requiredUuid,
  recipient_id: requiredUuid,
  message_text: text,
  priority: oneOf(MESSAGE_PRIORITIES),
  reply_to_message_id: uuid,
};

const groupMessage: Fields = {
  connection_id: connection,
  sender_id: requiredUuid,
  recipient_ids: { type: 'array', items: { type: 'string', format: 'uuid' }, required: true },
  message_text: text,
  priority: oneOf(MESSAGE_PRIORITIES),
};

/** DvirLogCreate: Catena ids; `log_type` is not nullable (it defaults to `unknown` when left out). */
const dvirLog: Fields = {
  connection_id: connection,
  driver_id: requiredUuid,
  vehicle_id: uuid,
  trailer_id: uuid,
  occurred_at: dateTime,
  log_type: { ...oneOf(DVIR_LOG_TYPES), nullable: false },
  inspected_by: text,
  defect_count: integer,
  defects: { type: 'array', items: { type: 'enum', values: DVIR_DEFECTS } },
  is_safety_critical: boolean,
  driver_comment: text,
  certify_comment: text,
  odometer: number,
  odometer_unit: oneOf(DISTANCE_UNITS),
};

const geoPoint: FieldType = {
  type: 'object',
  fields: {
    type: { type: 'enum', values: ['Point'], required: true },
    coordinates: { type: 'array', items: { type: 'number' }, required: true },
  },
};

const OLDER_FUEL = 'the older fuel-transaction body (api-facts §2.2): TSP-side ids, a GeoJSON location';

/**
 * FuelTransactionCreate. The newest OpenAPI requires `driver_id` and `vehicle_id` (Catena ids);
 * the current doc page's minimal example sends neither, and the older body named TSP-side ids
 * instead, so both stay optional and both forms are accepted.
 */
const fuelTransaction: Fields = {
  connection_id: connection,
  driver_id: uuid,
  vehicle_id: uuid,
  co_driver_id: uuid,
  latitude: { type: 'number', minimum: -90, maximum: 90 },
  longitude: { type: 'number', minimum: -180, maximum: 180 },
  location_string: text,
  odometer: number,
  odometer_unit: oneOf(DISTANCE_UNITS),
  transaction_time: dateTime,
  transaction_jurisdiction: text,
  fuel_type: oneOf(ENGINE_TYPES),
  fuel_vendor: text,
  total_cost: { type: 'decimal' },
  currency: text,
  fuel_volume: { type: 'number', required: true },
  fuel_volume_unit: { ...oneOf(FUEL_VOLUME_UNITS), required: true },
  fleet_ref: { ...text, legacy: OLDER_FUEL },
  source_driver_id: { ...text, legacy: OLDER_FUEL },
  source_vehicle_id: { ...text, legacy: OLDER_FUEL },
  source_co_driver_id: { ...text, legacy: OLDER_FUEL },
  location: { ...geoPoint, legacy: OLDER_FUEL },
};

/** WorkflowStopCreate, named as the workflow read model names a stop (api-facts §2.2). */
const workflowStop: FieldType = {
  type: 'object',
  fields: {
    source_stop_id: text,
    sequence_number: integer,
    stop_type: oneOf(STOP_TYPES),
    location_name: text,
    activities: { type: 'array', items: { type: 'enum', values: STOP_ACTIVITIES } },
    location: geoPoint,
    instructions: text,
    scheduled_arrival: dateTime,
    scheduled_departure: dateTime,
    actual_arrival: dateTime,
    actual_departure: dateTime,
  },
};

/** The Update Workflow page's body (seed 003), field for field. */
const workflow: Fields = {
  connection_id: connection,
  source_workflow_id: text,
  source_driver_id: text,
  source_vehicle_id: text,
  workflow_status: oneOf(WORKFLOW_STATUSES),
  started_at: dateTime,
  ended_at: dateTime,
  total_distance: number,
  total_distance_unit: oneOf(['m', 'km', 'mi', 'ft', 'nmi']),
  instructions: text,
  stops: { type: 'array', items: workflowStop },
};

const UNCONFIRMED_TRAILER =
  'api-facts §2.2: whether the live trailer create body has fleet_ref is unconfirmed; the newest OpenAPI has not';
const ONLY_IN_DOCS = 'the create-vehicle page lists it; the newest OpenAPI has no fleet_ref on vehicles';

/** Every write, in the order of Catena's write guide. */
export const WRITE_ENDPOINTS: readonly WriteEndpoint[] = [
  {
    operationId: 'create_vehicle',
    method: 'POST',
    path: '/v2/telematics/vehicles',
    resource: 'vehicle',
    operation: 'create',
    body: { ...vehicle, fleet_ref: { ...text, legacy: ONLY_IN_DOCS } },
  },
  {
    operationId: 'update_vehicle',
    method: 'PATCH',
    path: '/v2/telematics/vehicles/{id}',
    resource: 'vehicle',
    operation: 'update',
    body: vehicle,
  },
  {
    operationId: 'create_trailer',
    method: 'POST',
    path: '/v2/telematics/trailers',
    resource: 'trailer',
    operation: 'create',
    body: { ...trailer, fleet_ref: { ...text, legacy: UNCONFIRMED_TRAILER } },
  },
  {
    operationId: 'update_trailer',
    method: 'PATCH',
    path: '/v2/telematics/trailers/{id}',
    resource: 'trailer',
    operation: 'update',
    body: trailer,
  },
  {
    operationId: 'create_user',
    method: 'POST',
    path: '/v2/telematics/users',
    resource: 'user',
    operation: 'create',
    body: user,
  },
  {
    operationId: 'update_user',
    method: 'PATCH',
    path: '/v2/telematics/users/{id}',
    resource: 'user',
    operation: 'update',
    body: user,
  },
  {
    operationId: 'create_message',
    method: 'POST',
    path: '/v2/telematics/messages',
    resource: 'message',
    operation: 'create',
    body: message,
  },
  {
    operationId: 'create_group_message',
    method: 'POST',
    path: '/v2/telematics/group-messages',
    resource: 'group_message',
    operation: 'create',
    body: groupMessage,
  },
  {
    operationId: 'create_dvir_log',
    method: 'POST',
    path: '/v2/telematics/dvir-logs',
    resource: 'dvir_log',
    operation: 'create',
    body: dvirLog,
  },
  {
    operationId: 'create_fuel_transaction',
    method: 'POST',
    path: '/v2/telematics/fuel-transactions',
    resource: 'fuel_transaction',
    operation: 'create',
    body: fuelTransaction,
  },
  {
    operationId: 'create_workflow',
    method: 'POST',
    path: '/v2/telematics/workflows',
    resource: 'workflow',
    operation: 'create',
    body: workflow,
  },
  {
    operationId: 'update_workflow',
    method: 'PATCH',
    path: '/v2/telematics/workflows/{id}',
    resource: 'workflow',
    operation: 'update',
    body: workflow,
  },
];

export function writeEndpoint(operationId: string): WriteEndpoint {
  const endpoint = WRITE_ENDPOINTS.find((e) => e.operationId === operationId);
  if (!endpoint) throw new Error(`no Catena write ${operationId}`);
  return endpoint;
}
