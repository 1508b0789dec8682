/**
 * The mutations' input types, built from the field descriptions derived from Catena's body tables
 * (src/resolvers/write-input.ts), so the GraphQL inputs and Catena's bodies cannot drift apart.
 */
import type { InputFieldRef, InputObjectRef } from '@pothos/core';
import type { WriteName } from '../catena/bodies.ts';
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
  STOP_ACTIVITIES,
  STOP_TYPES,
  USER_STATUSES,
  VEHICLE_STATUSES,
  WORKFLOW_STATUSES,
} from '../catena/enums.ts';
import { type InputField, WRITE_INPUTS } from '../resolvers/write-input.ts';
import { type BuilderTypes, builder } from './builder.ts';

type Shape = Record<string, unknown>;
type FieldBuilder = PothosSchemaTypes.InputFieldBuilder<BuilderTypes, 'InputObject'>;

const ENUM_NAMES: [readonly string[], string, string][] = [
  [VEHICLE_STATUSES, 'VehicleStatus', 'Whether a vehicle is in service.'],
  [ENGINE_TYPES, 'EngineType', 'Engine or fuel type.'],
  [USER_STATUSES, 'UserStatus', 'Whether a user is active at the TSP.'],
  [HOS_COMPLIANCE_TYPES, 'HosComplianceType', 'Hours-of-service exemption.'],
  [HOS_TRACKING_METHODS, 'HosTrackingMethod', 'How hours of service are tracked.'],
  [MESSAGE_PRIORITIES, 'MessagePriority', 'Priority of a message to drivers.'],
  [DVIR_LOG_TYPES, 'DvirLogType', 'When the inspection happened.'],
  [DVIR_DEFECTS, 'DvirDefect', 'A defect found in a vehicle inspection.'],
  [ODOMETER_UNITS, 'OdometerUnit', 'Unit of an odometer reading.'],
  [FUEL_VOLUME_UNITS, 'FuelVolumeUnit', 'Unit of a fuel volume.'],
  [WORKFLOW_STATUSES, 'WorkflowStatus', 'Where a workflow stands.'],
  [DISTANCE_UNITS, 'DistanceUnit', 'Unit of a distance.'],
  [STOP_TYPES, 'StopType', 'What a workflow stop is for.'],
  [STOP_ACTIVITIES, 'StopActivity', 'What happens at a workflow stop.'],
];
const NESTED_NAMES: Record<string, string> = { stops: 'WorkflowStopInput' };

const enumRefs = new Map<string, ReturnType<typeof builder.enumType>>();
function enumRef(values: readonly string[]) {
  const key = values.join('|');
  const known = enumRefs.get(key);
  if (known) return known;
  const named = ENUM_NAMES.find(([v]) => v.join('|') === key);
  if (!named) throw new Error(`no GraphQL name for the enum ${key}`);
  const ref = builder.enumType(named[1], {
    description: named[2],
    values: Object.fromEntries(values.map((value) => [value.toUpperCase(), { value }])),
  });
  enumRefs.set(key, ref);
  return ref;
}

const GeoPointInput = builder.inputType('GeoPointInput', {
  description: 'A point on the map (sent to Catena as a GeoJSON Point).',
  fields: (t) => ({
    longitude: t.float({ required: true }),
    latitude: t.float({ required: true }),
  }),
});

const objectRefs = new Map<string, InputObjectRef<BuilderTypes, Shape>>();

function typeOf(field: InputField): unknown {
  const { shape } = field;
  switch (shape.kind) {
    case 'scalar':
      return shape.scalar;
    case 'enum':
      return enumRef(shape.values);
    case 'geoPoint':
      return GeoPointInput;
    case 'object':
      return inputObject(NESTED_NAMES[shape.wire] ?? `${shape.wire}Input`, shape.fields);
  }
}

function inputField(
  t: FieldBuilder,
  field: InputField,
): InputFieldRef<BuilderTypes, NonNullable<unknown> | null | undefined> {
  const type = typeOf(field);
  return t.field({
    type: (field.list ? [type] : type) as 'String',
    required: (field.list ? { list: field.required, items: true } : field.required) as boolean,
    description: field.description,
  });
}

function inputObject(name: string, fields: InputField[], description?: string) {
  const known = objectRefs.get(name);
  if (known) return known;
  const ref = builder.inputRef<Shape>(name).implement({
    description,
    fields: (t) => Object.fromEntries(fields.map((field) => [field.name, inputField(t, field)])),
  });
  objectRefs.set(name, ref);
  return ref;
}

const capitalize = (name: string) => `${name[0]?.toUpperCase()}${name.slice(1)}`;

/** `CreateVehicleInput` etc.: `connectionId` plus Catena's body fields in camelCase. */
export function writeInputRef(name: WriteName) {
  return inputObject(
    `${capitalize(name)}Input`,
    WRITE_INPUTS[name].fields,
    'Catena body fields in camelCase; connectionId picks the fleet and TSP. Use null to clear a field.',
  );
}
