/**
 * Catena's enumerations as its documents spell them, the simulator's own copy. The first group comes
 * from the OpenAPI blocks of the resource-operation pages (Integrations service: TspEnum,
 * ResourceEnum, ResourceOperation*Enum), the rest from api-facts §1, §2.2 and §4 and the
 * Telematics / Notifications OpenAPI of Catena's Go SDK (test/fixtures/catena-openapi). The
 * gateway keeps its own list; test/simulator/cross-check.test.ts compares the two.
 */

/** TspEnum. */
// biome-ignore format: a long enum reads better packed than one value per line
export const TSPS = [
  'ada', 'ai_eld', 'air_eld', 'alfa_eld', 'alpha_eld', 'als', 'anytrek_pro', 'anytrek_classic', 'apex_eld',
  'apollo', 'apollocloud', 'ascend', 'att', 'awaregps', 'azuga', 'bigroad', 'bluehorse_eld', 'blueinktech',
  'bouncie', 'budgetgps', 'catena_simulator', 'captain_eld', 'carrier_lynx', 'club_eld', 'counting_trucks_eld',
  'cyntrx', 'digital_eld', 'dragon_eld', 'drive_hos', 'drive_hos_v2', 'driver_tech', 'dsg_elogs',
  'dynamic_eld', 'eighteighteight_eld', 'eld_88', 'eld_books', 'eld_mandate', 'eld_mandate_prime', 'eroad',
  'eva_eld', 'evo_eld', 'expressway_eld', 'extreme_eld', 'ezlogz', 'ez_lynk', 'factor_eld', 'firstgate',
  'fleetcomplete', 'fleetcompletehub', 'fleethunt', 'fleetpulse', 'fleetsharp', 'fleetup', 'fm',
  'forwardthinking', 'forza_eld', 'geotab', 'gpsinsight', 'gpstab', 'gpstrackit', 'grand_eld', 'greenlight',
  'groundhog', 'hcss', 'hos247', 'hutch', 'intellishift', 'ironman_eld', 'isaac', 'jjkeller', 'kinexaiot',
  'knight_eld', 'konexial', 'lioneight', 'linxup', 'loop_eld', 'lucid_eld', 'luna_eld', 'lytx', 'lytxv3',
  'mapon', 'matrack', 'maven', 'mdm_eld', 'mobilefleet', 'moonlight_eld', 'motion_eld', 'motive',
  'my_drivebook', 'my_logs_eld', 'nero', 'netradyne', 'new_eld_world', 'nextgen_eld', 'nextraq', 'omnitracs',
  'onestep', 'ontime_eld', 'optima', 'orbcomm', 'orient_eld', 'panda_eld', 'payd', 'peak_eld', 'peoplenet',
  'phillips_connect', 'phoenix', 'pop_eld', 'prologs', 'proride_eld', 'qualitylogs_eld', 'randmcnally',
  'rastrac', 'raven', 'redfox', 'regulog_eld', 'ridehub', 'roadeazy', 'rock_eld', 'rollingtrans', 'routemate',
  'royal_eld', 'safelane', 'samsara', 'selectivedrive', 'simba_eld', 'skybitz', 'smart_elds', 'sparkle_eld',
  'spireon', 'sun_eld', 'surfsight', 'swift', 'switchboard', 'synergy_eld', 'teletracnavman',
  'teletracnavman_director', 'telogis', 'tenna', 'thermo_king', 'think', 'tive', 'topcompliance_eld',
  'traccar', 'trackease_eld', 'trackpro', 'traclog', 'transflo', 'trimble', 'truckford', 'truckspy', 'truckx',
  'trueroad_eld', 'tt', 'txt_eld', 'us_fast_eld', 'verizon_connect', 'vista_eld', 'vistracks', 'vlog_eld',
  'vulcansols_eld', 'wialon', 'webfleet', 'xplore_eld', 'zigzag_eld', 'zms_eld', 'zonar', 'zubie',
] as const;
export type Tsp = (typeof TSPS)[number];

/** ResourceEnum. */
// biome-ignore format: a long enum reads better packed than one value per line
export const RESOURCE_KINDS = [
  'asset', 'driver_association', 'driver_vehicle_association', 'driver_event_log', 'driver_safety_event',
  'dvir_log', 'dvir_log_defect', 'engine_log', 'engine_status', 'fuel_transaction', 'fleet_info',
  'hos_availability', 'hos_daily_snapshot', 'hos_event', 'hos_event_annotation', 'hos_event_attachment',
  'hos_violation', 'ifta_summary', 'location_segment', 'message', 'group_message', 'user', 'vehicle',
  'vehicle_location', 'vehicle_sensor', 'vehicle_region_segment', 'trailer', 'trailer_association',
  'trailer_vehicle_association', 'trailer_location', 'trailer_status', 'workflow',
] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/** ResourceOperationTypeEnum. */
export const OPERATION_KINDS = ['create', 'update'] as const;
export type OperationKind = (typeof OPERATION_KINDS)[number];

/** ResourceOperationStatusEnum. */
export const OPERATION_STATES = ['pending', 'success', 'failed'] as const;
export type OperationState = (typeof OPERATION_STATES)[number];

/** ResourceOperationLogStatusEnum. */
export const LOG_STATES = ['success', 'failed'] as const;
export type LogState = (typeof LOG_STATES)[number];

/** ResourceOperationErrorTypeEnum. */
export const LOG_ERROR_KINDS = ['auth', 'validation', 'network', 'tsp'] as const;
export type LogErrorKind = (typeof LOG_ERROR_KINDS)[number];

/**
 * ConnectionStatusEnum, the narrow set of api-facts §1.3 (which of it and the shared StatusEnum is
 * live is unconfirmed; the simulator only ever sends these).
 */
export const CONNECTION_STATES = ['active', 'failed', 'cancelled', 'paused', 'stale', 'deleted'] as const;
export type ConnectionState = (typeof CONNECTION_STATES)[number];

/** ShareLevelEnum. */
export const SHARE_LEVELS = ['read', 'read_write'] as const;
export type ShareLevel = (typeof SHARE_LEVELS)[number];
