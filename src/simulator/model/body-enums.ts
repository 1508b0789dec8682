/**
 * The enumerations of Catena's write bodies. From the Telematics OpenAPI of Catena's Go SDK
 * (VehicleStatusEnum, EngineType, ...; test/fixtures/catena-openapi/telematics.json) and, for the
 * workflow body it lacks, from the Update Workflow page (seed 003) and the workflow read model
 * (api-facts §2.2: StopTypeEnum, StopActivityEnum).
 */

/** VehicleStatusEnum. */
// biome-ignore format: a long enum reads better packed than one value per line
export const VEHICLE_STATUSES = [
  'IN_SERVICE', 'OUT_OF_SERVICE', 'IN_REPAIR', 'IN_TRANSIT', 'IN_USE', 'IN_STORAGE', 'STANDING', 'SPARE',
] as const;
/** EngineType (also a fuel transaction's `fuel_type`). */
// biome-ignore format: a long enum reads better packed than one value per line
export const ENGINE_TYPES = [
  'GASOLINE', 'DIESEL', 'ETHANOL', 'METHANOL', 'PROPANE', 'LPG', 'CNG', 'LNG', 'HYDROGEN', 'ELECTRICITY',
  'HYBRID',
] as const;
/** UserStatusEnum. */
export const USER_STATUSES = ['ACTIVE', 'INACTIVE'] as const;
/** HosComplianceTypeEnum. */
export const HOS_COMPLIANCE_TYPES = ['exempt', 'non_exempt'] as const;
/** HosTrackingMethodEnum. */
export const HOS_TRACKING_METHODS = ['manual', 'automatic'] as const;
/** MessagePriorityEnum. */
export const MESSAGE_PRIORITIES = ['low', 'medium', 'high'] as const;
/** DvirLogTypeEnum. */
export const DVIR_LOG_TYPES = ['pre_trip', 'post_trip', 'mechanic', 'unknown'] as const;
/** DvirDefectEnum (60 values). */
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
/** DistanceUnitEnum (a DVIR's and a fuel transaction's `odometer_unit`). */
export const DISTANCE_UNITS = ['miles', 'meters', 'kilo_meters'] as const;
/** FuelVolumeUnitEnum. */
export const FUEL_VOLUME_UNITS = ['CUBIC_METER', 'LITER', 'US_GALLON', 'IMPERIAL_GALLON'] as const;
/** A workflow's `workflow_status` (seed 003). */
export const WORKFLOW_STATUSES = ['PLANNED', 'ACTIVE', 'COMPLETED', 'CANCELLED'] as const;
/** StopTypeEnum. */
// biome-ignore format: a long enum reads better packed than one value per line
export const STOP_TYPES = [
  'PICKUP', 'DELIVERY', 'TRANSFER', 'YARD', 'FUEL', 'REST', 'INSPECTION', 'MAINTENANCE', 'WAITING',
  'OFFICE', 'OTHER',
] as const;
/** StopActivityEnum. */
// biome-ignore format: a long enum reads better packed than one value per line
export const STOP_ACTIVITIES = [
  'START_TRIP', 'END_TRIP', 'ARRIVE', 'DEPART', 'PICKUP', 'DELIVERY', 'DRIVING', 'ON_DUTY', 'OFF_DUTY',
  'SLEEPER', 'LOADING', 'UNLOADING', 'HOOK_DROP', 'YARD_MOVE', 'PERSONAL_CONVEYANCE', 'WAITING',
  'BREAKDOWN', 'ACCIDENT', 'INSPECTION', 'DVIR', 'FUEL', 'OFFICE_WORK', 'OTHER',
] as const;
