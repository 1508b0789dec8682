/**
 * Catena's enumerations, written once. The client's zod schemas, the simulator and the GraphQL
 * enums are all derived from these arrays. Values are exactly as Catena spells them on the wire.
 * Sources: the OpenAPI documents in shared/seeds (TspEnum, ResourceEnum, ...) and api-facts.md.
 */

/** TspEnum: every telematics provider Catena integrates (seeds 001/002). */
// biome-ignore format: a long enum reads better packed than one value per line
export const TSP_SOURCES = [
  'ada', 'ai_eld', 'air_eld', 'alfa_eld', 'alpha_eld', 'als', 'anytrek_pro', 'anytrek_classic', 'apex_eld',
  'apollo', 'apollocloud', 'ascend', 'att', 'awaregps', 'azuga', 'bigroad', 'bluehorse_eld', 'blueinktech',
  'bouncie', 'budgetgps', 'catena_simulator', 'captain_eld', 'carrier_lynx', 'club_eld',
  'counting_trucks_eld', 'cyntrx', 'digital_eld', 'dragon_eld', 'drive_hos', 'drive_hos_v2', 'driver_tech',
  'dsg_elogs', 'dynamic_eld', 'eighteighteight_eld', 'eld_88', 'eld_books', 'eld_mandate',
  'eld_mandate_prime', 'eroad', 'eva_eld', 'evo_eld', 'expressway_eld', 'extreme_eld', 'ezlogz', 'ez_lynk',
  'factor_eld', 'firstgate', 'fleetcomplete', 'fleetcompletehub', 'fleethunt', 'fleetpulse', 'fleetsharp',
  'fleetup', 'fm', 'forwardthinking', 'forza_eld', 'geotab', 'gpsinsight', 'gpstab', 'gpstrackit',
  'grand_eld', 'greenlight', 'groundhog', 'hcss', 'hos247', 'hutch', 'intellishift', 'ironman_eld', 'isaac',
  'jjkeller', 'kinexaiot', 'knight_eld', 'konexial', 'lioneight', 'linxup', 'loop_eld', 'lucid_eld',
  'luna_eld', 'lytx', 'lytxv3', 'mapon', 'matrack', 'maven', 'mdm_eld', 'mobilefleet', 'moonlight_eld',
  'motion_eld', 'motive', 'my_drivebook', 'my_logs_eld', 'nero', 'netradyne', 'new_eld_world',
  'nextgen_eld', 'nextraq', 'omnitracs', 'onestep', 'ontime_eld', 'optima', 'orbcomm', 'orient_eld',
  'panda_eld', 'payd', 'peak_eld', 'peoplenet', 'phillips_connect', 'phoenix', 'pop_eld', 'prologs',
  'proride_eld', 'qualitylogs_eld', 'randmcnally', 'rastrac', 'raven', 'redfox', 'regulog_eld', 'ridehub',
  'roadeazy', 'rock_eld', 'rollingtrans', 'routemate', 'royal_eld', 'safelane', 'samsara', 'selectivedrive',
  'simba_eld', 'skybitz', 'smart_elds', 'sparkle_eld', 'spireon', 'sun_eld', 'surfsight', 'swift',
  'switchboard', 'synergy_eld', 'teletracnavman', 'teletracnavman_director', 'telogis', 'tenna',
  'thermo_king', 'think', 'tive', 'topcompliance_eld', 'traccar', 'trackease_eld', 'trackpro', 'traclog',
  'transflo', 'trimble', 'truckford', 'truckspy', 'truckx', 'trueroad_eld', 'tt', 'txt_eld', 'us_fast_eld',
  'verizon_connect', 'vista_eld', 'vistracks', 'vlog_eld', 'vulcansols_eld', 'wialon', 'webfleet',
  'xplore_eld', 'zigzag_eld', 'zms_eld', 'zonar', 'zubie',
] as const;
export type TspSource = (typeof TSP_SOURCES)[number];

/** ResourceEnum (seeds 001/002). */
// biome-ignore format: a long enum reads better packed than one value per line
export const RESOURCES = [
  'asset', 'driver_association', 'driver_vehicle_association', 'driver_event_log', 'driver_safety_event',
  'dvir_log', 'dvir_log_defect', 'engine_log', 'engine_status', 'fuel_transaction', 'fleet_info',
  'hos_availability', 'hos_daily_snapshot', 'hos_event', 'hos_event_annotation', 'hos_event_attachment',
  'hos_violation', 'ifta_summary', 'location_segment', 'message', 'group_message', 'user', 'vehicle',
  'vehicle_location', 'vehicle_sensor', 'vehicle_region_segment', 'trailer', 'trailer_association',
  'trailer_vehicle_association', 'trailer_location', 'trailer_status', 'workflow',
] as const;
export type Resource = (typeof RESOURCES)[number];

export const OPERATION_TYPES = ['create', 'update'] as const;
export type OperationType = (typeof OPERATION_TYPES)[number];

export const OPERATION_STATUSES = ['pending', 'success', 'failed'] as const;
export type OperationStatus = (typeof OPERATION_STATUSES)[number];

export const OPERATION_LOG_STATUSES = ['success', 'failed'] as const;
export type OperationLogStatus = (typeof OPERATION_LOG_STATUSES)[number];

export const OPERATION_ERROR_TYPES = ['auth', 'validation', 'network', 'tsp'] as const;
export type OperationErrorType = (typeof OPERATION_ERROR_TYPES)[number];

/**
 * ConnectionStatusEnum, the narrow set (api-facts §1.3). The live API may send values of the wider
 * shared StatusEnum; readers must tolerate them.
 */
export const CONNECTION_STATUSES = ['active', 'failed', 'cancelled', 'paused', 'stale', 'deleted'] as const;
export type ConnectionStatus = (typeof CONNECTION_STATUSES)[number];

export const SHARE_LEVELS = ['read', 'read_write'] as const;
export type ShareLevel = (typeof SHARE_LEVELS)[number];

// Write-body enums (api-facts §2.2, seed 003).
// biome-ignore format: a long enum reads better packed than one value per line
export const VEHICLE_STATUSES = [
  'IN_SERVICE', 'OUT_OF_SERVICE', 'IN_REPAIR', 'IN_TRANSIT', 'IN_USE', 'IN_STORAGE', 'STANDING', 'SPARE',
] as const;
// biome-ignore format: a long enum reads better packed than one value per line
export const ENGINE_TYPES = [
  'GASOLINE', 'DIESEL', 'ETHANOL', 'METHANOL', 'PROPANE', 'LPG', 'CNG', 'LNG', 'HYDROGEN', 'ELECTRICITY',
  'HYBRID',
] as const;
export const USER_STATUSES = ['ACTIVE', 'INACTIVE'] as const;
export const HOS_COMPLIANCE_TYPES = ['exempt', 'non_exempt'] as const;
export const HOS_TRACKING_METHODS = ['manual', 'automatic'] as const;
export const MESSAGE_PRIORITIES = ['low', 'medium', 'high'] as const;
export const DVIR_LOG_TYPES = ['pre_trip', 'post_trip', 'mechanic', 'unknown'] as const;
// biome-ignore format: a long enum reads better packed than one value per line
export const DVIR_DEFECTS = [
  'fluid_levels', 'battery', 'belts_hoses', 'radiator', 'frame_assembly', 'front_axle', 'starter',
  'transmission', 'oil_pressure', 'defroster_heater', 'lights_front', 'windshield_clean',
  'windshield_wiper_fluid', 'windshield_wipers', 'brakes', 'brake_check', 'clutch', 'mirrors', 'horn',
  'safety_equipment', 'trip_recorder', 'air_conditioner', 'doors', 'stop_arm_control', 'steering_wheel',
  'emergency_door_buzzer', 'entrance_steps', 'interior_floor', 'windows', 'exhaust', 'fifth_wheel',
  'landing_gear', 'suspension', 'alignment', 'rims', 'tires', 'tire_chains', 'stop_arm', 'muffler', 'roof',
  'wheels', 'wheels_rims', 'suspension_under', 'scratches', 'air_compressor', 'air_lines',
  'brake_connections', 'coupling_devices', 'reflectors', 'lights_rear', 'rear_end', 'tire_chains_rear',
  'brake_accessories', 'drive_line', 'engine', 'fuel_tanks', 'lights_general', 'other', 'unset',
  'first_aid_kit',
] as const;
export const ODOMETER_UNITS = ['miles', 'meters', 'kilo_meters'] as const;
export const FUEL_VOLUME_UNITS = ['CUBIC_METER', 'LITER', 'US_GALLON', 'IMPERIAL_GALLON'] as const;
export const WORKFLOW_STATUSES = ['PLANNED', 'ACTIVE', 'COMPLETED', 'CANCELLED'] as const;
export const DISTANCE_UNITS = ['m', 'km', 'mi', 'ft', 'nmi'] as const;
// biome-ignore format: a long enum reads better packed than one value per line
export const STOP_TYPES = [
  'PICKUP', 'DELIVERY', 'TRANSFER', 'YARD', 'FUEL', 'REST', 'INSPECTION', 'MAINTENANCE', 'WAITING',
  'OFFICE', 'OTHER',
] as const;
// biome-ignore format: a long enum reads better packed than one value per line
export const STOP_ACTIVITIES = [
  'START_TRIP', 'END_TRIP', 'ARRIVE', 'DEPART', 'PICKUP', 'DELIVERY', 'DRIVING', 'ON_DUTY', 'OFF_DUTY',
  'SLEEPER', 'LOADING', 'UNLOADING', 'HOOK_DROP', 'YARD_MOVE', 'PERSONAL_CONVEYANCE', 'WAITING',
  'BREAKDOWN', 'ACCIDENT', 'INSPECTION', 'DVIR', 'FUEL', 'OFFICE_WORK', 'OTHER',
] as const;

// Notifications service (api-facts §4).
export const WEBHOOK_STATUSES = ['active', 'inactive', 'stale'] as const;
export type WebhookStatus = (typeof WEBHOOK_STATUSES)[number];

export const RESOURCE_OPERATION_EVENTS = [
  'resource_operation.created',
  'resource_operation.succeeded',
  'resource_operation.failed',
] as const;
export type ResourceOperationEventName = (typeof RESOURCE_OPERATION_EVENTS)[number];
