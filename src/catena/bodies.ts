/**
 * The twelve Catena write bodies, as Catena publishes them (api-facts §2.2, seed 003), in wire
 * (snake_case) names. One field table per resource: the client types its write methods from it,
 * the simulator validates with it, and the GraphQL inputs derive their camelCase fields from it.
 *
 * These are Catena's own constraints (types, enums, patterns, required fields). The gateway's
 * stricter input rules (length limits, ISO code lists) live with the GraphQL inputs.
 *
 * Every optional field is also nullable, as in Catena's OpenAPI ("opt" in api-facts).
 */
import { z } from 'zod';
import {
  DISTANCE_UNITS,
  DVIR_DEFECTS,
  DVIR_LOG_TYPES,
  ENGINE_TYPES,
  FUEL_VOLUME_UNITS,
  HOS_COMPLIANCE_TYPES,
  HOS_TRACKING_METHODS,
  MESSAGE_PRIORITIES,
  ODOMETER_UNITS,
  type OperationType,
  type Resource,
  STOP_ACTIVITIES,
  STOP_TYPES,
  USER_STATUSES,
  VEHICLE_STATUSES,
  WORKFLOW_STATUSES,
} from './enums.ts';

const uuid = z.guid();
const str = z.string().nullish();
const bool = z.boolean().nullish();
const int = z.number().int().nullish();
const num = z.number().nullish();

/**
 * Field kinds used in several tables. The GraphQL layer recognises these exact instances to give
 * them their GraphQL type and the gateway's stricter rules (e.g. a real ISO-3166 code list).
 */
export const FIELD = {
  /** ISO-3166-1 alpha-3 as Catena checks it (`^\w{3}$`). */
  alpha3: z
    .string()
    .regex(/^\w{3}$/, 'must be a 3-letter country code')
    .nullish(),
  year: z.number().int().min(1000).max(9999).nullish(),
  dateTime: z.iso.datetime({ offset: true }).nullish(),
  date: z.iso.date().nullish(),
  geoPoint: z
    .object({
      type: z.literal('Point'),
      coordinates: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]),
    })
    .nullish(),
  /** A Catena id of another record (Catena resolves it to the TSP's id). */
  catenaId: z.guid().nullish(),
  requiredCatenaId: z.guid(),
} as const;
const { alpha3, year, dateTime, date, geoPoint, catenaId, requiredCatenaId } = FIELD;

/** Fields shared by vehicles and trailers. */
const equipmentFields = {
  oem: str,
  model_type: str,
  model_year: year,
  vin: str,
  license_plate_region: str,
  license_plate_country: alpha3,
  license_plate_number: str,
  is_active: bool,
  notes: str,
  eld_id: str,
  eld_serial_number: str,
  eld_device_type: str,
  eld_product_id: str,
  total_axles: int,
  external_id: str,
};

export const vehicleFields = {
  connection_id: uuid,
  vehicle_name: str,
  ...equipmentFields,
  engine_vin: str,
  status: z.enum(VEHICLE_STATUSES).nullish(),
  speed_unit: str,
  odometer_unit: str,
  fuel_unit: str,
  fuel_capacity: str,
  engine_type: z.enum(ENGINE_TYPES).nullish(),
};

export const trailerFields = {
  connection_id: uuid,
  trailer_name: str,
  ...equipmentFields,
  status: str,
  trailer_length: num,
  trailer_type: str,
};

export const userFields = {
  connection_id: uuid,
  username: str,
  is_active: bool,
  status: z.enum(USER_STATUSES).nullish(),
  is_driver: bool,
  user_designation: str,
  user_email: z.email().nullish(),
  first_name: str,
  last_name: str,
  phone_number: str,
  country_code: alpha3,
  license_country: alpha3,
  license_region: str,
  license_number: str,
  license_expiration: date,
  employee_number: str,
  carrier_number: str,
  notes: str,
  hos_ruleset_code: str,
  allow_yard_move: bool,
  allow_personal_conveyance: bool,
  allow_adverse_driving: bool,
  default_time_zone: str,
  hos_compliance_type: z.enum(HOS_COMPLIANCE_TYPES).nullish(),
  hos_tracking_method: z.enum(HOS_TRACKING_METHODS).nullish(),
};

export const messageFields = {
  connection_id: uuid,
  sender_id: requiredCatenaId,
  recipient_id: requiredCatenaId,
  message_text: str,
  priority: z.enum(MESSAGE_PRIORITIES).nullish(),
  reply_to_message_id: catenaId,
};

export const groupMessageFields = {
  connection_id: uuid,
  sender_id: requiredCatenaId,
  recipient_ids: z.array(requiredCatenaId).min(1),
  message_text: str,
  priority: z.enum(MESSAGE_PRIORITIES).nullish(),
};

/** The current DVIR body, with Catena ids (the older `source_*` form is superseded). */
export const dvirLogFields = {
  connection_id: uuid,
  driver_id: requiredCatenaId,
  vehicle_id: catenaId,
  trailer_id: catenaId,
  occurred_at: dateTime,
  /** Not nullable: Catena defaults it to `unknown` when it is left out, and refuses null. */
  log_type: z.enum(DVIR_LOG_TYPES).optional(),
  inspected_by: str,
  defect_count: z.number().int().min(0).nullish(),
  defects: z.array(z.enum(DVIR_DEFECTS)).nullish(),
  is_safety_critical: bool,
  driver_comment: str,
  certify_comment: str,
  odometer: num,
  odometer_unit: z.enum(ODOMETER_UNITS).nullish(),
};

/**
 * Fuel transactions: which id form is live is unconfirmed (api-facts §6.6), so both the documented
 * TSP-side `source_*` ids and the Catena ids of the newest OpenAPI are accepted. `fuel_volume_unit`
 * is required by both OpenAPI versions (one doc page's minimal example leaves it out).
 */
export const fuelTransactionFields = {
  connection_id: uuid,
  fuel_volume: z.number().positive(),
  fuel_volume_unit: z.enum(FUEL_VOLUME_UNITS),
  fleet_ref: str,
  driver_id: catenaId,
  vehicle_id: catenaId,
  co_driver_id: catenaId,
  source_driver_id: str,
  source_vehicle_id: str,
  source_co_driver_id: str,
  location: geoPoint,
  location_string: str,
  odometer: num,
  odometer_unit: z.enum(ODOMETER_UNITS).nullish(),
  transaction_time: dateTime,
  transaction_jurisdiction: str,
  fuel_type: z.enum(ENGINE_TYPES).nullish(),
  fuel_vendor: str,
  total_cost: num,
  currency: str,
};

export const workflowStopFields = {
  source_stop_id: str,
  sequence_number: int,
  stop_type: z.enum(STOP_TYPES).nullish(),
  location_name: str,
  activities: z.array(z.enum(STOP_ACTIVITIES)).nullish(),
  location: geoPoint,
  instructions: str,
  scheduled_arrival: dateTime,
  scheduled_departure: dateTime,
  actual_arrival: dateTime,
  actual_departure: dateTime,
};

/** Workflow body field names as seed 003 gives them exactly; used for create and update alike. */
export const workflowFields = {
  connection_id: uuid,
  source_workflow_id: str,
  source_driver_id: str,
  source_vehicle_id: str,
  workflow_status: z.enum(WORKFLOW_STATUSES).nullish(),
  started_at: dateTime,
  ended_at: dateTime,
  total_distance: num,
  total_distance_unit: z.enum(DISTANCE_UNITS).nullish(),
  instructions: str,
  stops: z.array(z.object(workflowStopFields)).nullish(),
};

const vehicleCreate = z.object({ ...vehicleFields, fleet_ref: str });
const vehicleUpdate = z.object(vehicleFields);
const trailerCreate = z.object({ ...trailerFields, fleet_ref: str });
const trailerUpdate = z.object(trailerFields);
const userBody = z.object(userFields);
const workflowBody = z.object(workflowFields);

export interface WriteSpec {
  resource: Resource;
  operation: OperationType;
  /** Collection path; updates append `/{id}`. */
  path: string;
  body: z.ZodObject;
}

/** Every Catena write, keyed by the gateway's mutation name (contract §3). */
export const WRITES = {
  createVehicle: {
    resource: 'vehicle',
    operation: 'create',
    path: '/v2/telematics/vehicles',
    body: vehicleCreate,
  },
  updateVehicle: {
    resource: 'vehicle',
    operation: 'update',
    path: '/v2/telematics/vehicles',
    body: vehicleUpdate,
  },
  createTrailer: {
    resource: 'trailer',
    operation: 'create',
    path: '/v2/telematics/trailers',
    body: trailerCreate,
  },
  updateTrailer: {
    resource: 'trailer',
    operation: 'update',
    path: '/v2/telematics/trailers',
    body: trailerUpdate,
  },
  createUser: { resource: 'user', operation: 'create', path: '/v2/telematics/users', body: userBody },
  updateUser: { resource: 'user', operation: 'update', path: '/v2/telematics/users', body: userBody },
  sendMessage: {
    resource: 'message',
    operation: 'create',
    path: '/v2/telematics/messages',
    body: z.object(messageFields),
  },
  sendGroupMessage: {
    resource: 'group_message',
    operation: 'create',
    path: '/v2/telematics/group-messages',
    body: z.object(groupMessageFields),
  },
  createDvirLog: {
    resource: 'dvir_log',
    operation: 'create',
    path: '/v2/telematics/dvir-logs',
    body: z.object(dvirLogFields),
  },
  createFuelTransaction: {
    resource: 'fuel_transaction',
    operation: 'create',
    path: '/v2/telematics/fuel-transactions',
    body: z.object(fuelTransactionFields),
  },
  createWorkflow: {
    resource: 'workflow',
    operation: 'create',
    path: '/v2/telematics/workflows',
    body: workflowBody,
  },
  updateWorkflow: {
    resource: 'workflow',
    operation: 'update',
    path: '/v2/telematics/workflows',
    body: workflowBody,
  },
} as const satisfies Record<string, WriteSpec>;

export type WriteName = keyof typeof WRITES;
export const WRITE_NAMES = Object.keys(WRITES) as WriteName[];
/** The JSON body a write sends to Catena. */
export type WriteBody<N extends WriteName> = z.input<(typeof WRITES)[N]['body']>;
export type UpdateWriteName = {
  [N in WriteName]: (typeof WRITES)[N]['operation'] extends 'update' ? N : never;
}[WriteName];
export type CreateWriteName = Exclude<WriteName, UpdateWriteName>;
