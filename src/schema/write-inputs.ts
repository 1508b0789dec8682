/**
 * The mutations' input types, derived from the write tables (src/catena/bodies.ts) so that the
 * GraphQL inputs and Catena's bodies cannot drift apart: a field per declaration, typed and
 * described by its kind, named camelCase unless the table names it; each enum and nested input is
 * made once, from its own declaration (its name and description are said there).
 */
import type { InputFieldRef, InputObjectRef, InputType } from '@pothos/core';
import { WRITES, type WriteName } from '../catena/bodies.ts';
import type { WriteEnum } from '../catena/write-enums.ts';
import {
  derive,
  type FieldTable,
  graphqlName,
  type Layer,
  type WriteField,
  type WriteObject,
} from '../catena/write-fields.ts';
import { type BuilderTypes, builder } from './builder.ts';

type Shape = Record<string, unknown>;
type FieldBuilder = PothosSchemaTypes.InputFieldBuilder<BuilderTypes, 'InputObject'>;

const GeoPointInput = builder.inputType('GeoPointInput', {
  description: 'A point on the map (sent to Catena as a GeoJSON Point).',
  fields: (t) => ({
    longitude: t.float({ required: true }),
    latitude: t.float({ required: true }),
  }),
});

interface GraphQLFieldType {
  type: InputType<BuilderTypes>;
  /** What a field of this kind says of itself, unless it has its own description. */
  description?: string;
}

/** The GraphQL type of each kind of value; enums and nested objects are made once each. */
const GRAPHQL: Layer<GraphQLFieldType> = {
  kinds: {
    text: { type: 'String' },
    longText: { type: 'String' },
    catenaId: { type: 'String', description: 'A Catena id (UUID).' },
    connectionId: { type: 'UUID' },
    dateTime: { type: 'DateTime', description: 'Sent to Catena in UTC.' },
    date: { type: 'String', description: 'A date, YYYY-MM-DD.' },
    email: { type: 'String' },
    alpha3: { type: 'String', description: 'ISO 3166-1 alpha-3 country code, e.g. USA.' },
    year: { type: 'Int' },
    nonNegativeInt: { type: 'Int' },
    nonNegativeNumber: { type: 'Float' },
    positiveNumber: { type: 'Float' },
    boolean: { type: 'Boolean' },
    geoPoint: { type: GeoPointInput },
  },
  enum: (declared) => ({ type: enumRef(declared) }),
  object: (declared) => ({ type: objectRef(declared) }),
};

const enumRefs = new Map<WriteEnum, ReturnType<typeof builder.enumType>>();

function enumRef(declared: WriteEnum) {
  const known = enumRefs.get(declared);
  if (known) return known;
  const ref = builder.enumType(declared.name, {
    description: declared.description,
    values: Object.fromEntries(declared.values.map((value) => [value.toUpperCase(), { value }])),
  });
  enumRefs.set(declared, ref);
  return ref;
}

const objectRefs = new Map<WriteObject, InputObjectRef<BuilderTypes, Shape>>();

function objectRef(declared: WriteObject) {
  const known = objectRefs.get(declared);
  if (known) return known;
  const ref = writeInputType(declared.name, declared.fields);
  objectRefs.set(declared, ref);
  return ref;
}

function inputField(
  t: FieldBuilder,
  field: WriteField,
): InputFieldRef<BuilderTypes, NonNullable<unknown> | null | undefined> {
  const { type, description } = derive(GRAPHQL, field);
  const required = field.required ?? false;
  return t.field({
    type: field.list ? [type] : type,
    required: field.list ? { list: required, items: true } : required,
    description: field.description ?? description,
  });
}

/** An input type with a field per declaration of `table`: any table, the real ones or a test's. */
export function writeInputType(name: string, table: FieldTable, description?: string) {
  return builder.inputRef<Shape>(name).implement({
    description,
    fields: (t) =>
      Object.fromEntries(
        Object.entries(table).map(([wire, field]) => [graphqlName(wire, field), inputField(t, field)]),
      ),
  });
}

const capitalize = (name: string) => `${name[0]?.toUpperCase()}${name.slice(1)}`;

/** `CreateVehicleInput` etc.: `connectionId` plus Catena's body fields in camelCase. */
export function writeInputRef(name: WriteName) {
  return writeInputType(
    `${capitalize(name)}Input`,
    WRITES[name].fields,
    'Catena body fields in camelCase; connectionId picks the fleet and TSP. Use null to clear a field.',
  );
}
