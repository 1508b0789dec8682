/**
 * The language the write tables (bodies.ts) are written in. A body field is declared once, as
 * plain data: its wire name (the table key), what its value is (`kind`), whether Catena requires
 * it, refuses null for it or takes a list of it, and what GraphQL calls it when camelCase will not
 * do. Every layer derives its part from that declaration and nothing else:
 * - Catena's own constraints on the body, as zod, and the client's body types: here;
 * - the gateway's stricter validator and the mapping to the wire: src/resolvers/write-input.ts;
 * - the GraphQL input types and their descriptions: src/schema/write-inputs.ts.
 * Each layer is a `Layer`: an entry per `ValueKind`, so a new kind does not compile until every
 * layer says what it means.
 */
import { z } from 'zod';
import type { WriteEnum } from './write-enums.ts';

/** What a field's value is. The kind alone fixes its GraphQL type, its checks and its wire form. */
export type ValueKind =
  | 'text' // a String, not blank, at most 255 characters
  | 'longText' // the same, at most 4,000 (notes, messages, comments, instructions)
  | 'catenaId' // the Catena id (UUID) of another record, as a String
  | 'connectionId' // the connection a write goes through, as the UUID scalar
  | 'dateTime' // a DateTime, sent as an ISO 8601 string in UTC
  | 'date' // YYYY-MM-DD
  | 'email'
  | 'alpha3' // an ISO 3166-1 alpha-3 country code
  | 'year' // 1900 to 2100 (Catena checks 4 digits)
  | 'nonNegativeInt'
  | 'nonNegativeNumber'
  | 'positiveNumber' // Catena refuses 0
  | 'boolean'
  | 'geoPoint'; // a GeoPointInput { longitude latitude }, sent as a GeoJSON Point

interface FieldFlags {
  /** Catena requires it: GraphQL non-null. An optional field takes null, which clears it. */
  readonly required?: boolean;
  /** `false`: optional, but Catena refuses null (it defaults a value that is left out). */
  readonly nullable?: boolean;
  readonly list?: boolean;
  /** The fewest items Catena takes in the list. */
  readonly minItems?: number;
  /** For a nonNegativeInt: the least value Catena itself takes, where it says one. */
  readonly min?: number;
  /** The GraphQL field name, where it is not the camelCase of the wire name. */
  readonly graphqlName?: string;
  /** The GraphQL description, where the kind's own (src/schema/write-inputs.ts) is not enough. */
  readonly description?: string;
}

/** One body field. */
export type WriteField = FieldFlags &
  (
    | { readonly kind: ValueKind }
    | { readonly kind: 'enum'; readonly enum: WriteEnum }
    | { readonly kind: 'object'; readonly object: WriteObject }
  );

/** A nested body object (a workflow's stops), with the name of its GraphQL input type. */
export interface WriteObject {
  readonly name: string;
  readonly fields: FieldTable;
}

/** A body: wire (snake_case) name -> field. */
export type FieldTable = Readonly<Record<string, WriteField>>;

export const text = { kind: 'text' } as const;
export const longText = { kind: 'longText' } as const;
export const catenaId = { kind: 'catenaId' } as const;
/** Every write names its connection: Catena routes the body to that connection's TSP. */
export const connectionId = { kind: 'connectionId', required: true } as const;
export const dateTime = { kind: 'dateTime' } as const;
export const date = { kind: 'date' } as const;
export const email = { kind: 'email' } as const;
export const alpha3 = { kind: 'alpha3' } as const;
export const year = { kind: 'year' } as const;
export const nonNegativeInt = { kind: 'nonNegativeInt' } as const;
export const nonNegativeNumber = { kind: 'nonNegativeNumber' } as const;
export const positiveNumber = { kind: 'positiveNumber' } as const;
export const boolean = { kind: 'boolean' } as const;
export const geoPoint = { kind: 'geoPoint' } as const;

export const oneOf = <const E extends WriteEnum>(declared: E) => ({ kind: 'enum', enum: declared }) as const;
export const object = <const T extends FieldTable>(name: string, fields: T) =>
  ({ kind: 'object', object: { name, fields } }) as const;
export const required = <const F extends WriteField>(field: F) => ({ ...field, required: true }) as const;
export const listOf = <const F extends WriteField>(field: F, minItems?: number) =>
  ({ ...field, list: true, minItems }) as const;

export const camelCase = (wire: string) => wire.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** The field's name in GraphQL inputs and paths. */
export const graphqlName = (wire: string, field: WriteField) => field.graphqlName ?? camelCase(wire);

/**
 * What one layer makes of a field's value: an entry for every kind (the compiler holds the table
 * complete), and what it makes of an enum and of a nested object.
 */
export interface Layer<T> {
  kinds: Record<ValueKind, T>;
  enum(declared: WriteEnum): T;
  object(declared: WriteObject): T;
}

/** The layer's value for `field` (for one item, if it is a list). */
export function derive<T>(layer: Layer<T>, field: WriteField): T {
  switch (field.kind) {
    case 'enum':
      return layer.enum(field.enum);
    case 'object':
      return layer.object(field.object);
    default:
      return layer.kinds[field.kind];
  }
}

/** A field's zod schema with its presence: required, optional but never null, or optional and nullable. */
export function withPresence(field: WriteField, schema: z.ZodType): z.ZodType {
  if (field.required) return schema;
  return field.nullable === false ? schema.optional() : schema.nullish();
}

/** A GeoJSON Point, as Catena takes a location: `[longitude, latitude]`. */
export interface GeoJsonPoint {
  type: 'Point';
  coordinates: [number, number];
}

/** The wire type of each kind. */
interface WireValues {
  text: string;
  longText: string;
  catenaId: string;
  connectionId: string;
  dateTime: string;
  date: string;
  email: string;
  alpha3: string;
  year: number;
  nonNegativeInt: number;
  nonNegativeNumber: number;
  positiveNumber: number;
  boolean: boolean;
  geoPoint: GeoJsonPoint;
}

type WireValue<F> = F extends { kind: 'enum'; enum: { values: readonly (infer V)[] } }
  ? V
  : F extends { kind: 'object'; object: { fields: infer T extends FieldTable } }
    ? WireBody<T>
    : F extends { kind: infer K extends ValueKind }
      ? WireValues[K]
      : never;
type WireItem<F> = F extends { list: true } ? WireValue<F>[] : WireValue<F>;
type RequiredKey<T> = { [K in keyof T]: T[K] extends { required: true } ? K : never }[keyof T];
type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** The JSON body a table describes: required fields present, the others absent or (mostly) null. */
export type WireBody<T extends FieldTable> = Simplify<
  { -readonly [K in RequiredKey<T>]: WireItem<T[K]> } & {
    -readonly [K in Exclude<keyof T, RequiredKey<T>>]?:
      | WireItem<T[K]>
      | (T[K] extends { nullable: false } ? never : null);
  }
>;

const int = z.number().int();
/** Catena's own checks (the gateway's stricter ones are in src/resolvers/write-input.ts). */
const CATENA: Layer<z.ZodType> = {
  kinds: {
    text: z.string(),
    longText: z.string(),
    catenaId: z.guid(),
    connectionId: z.guid(),
    dateTime: z.iso.datetime({ offset: true }),
    date: z.iso.date(),
    email: z.email(),
    alpha3: z.string().regex(/^\w{3}$/, 'must be a 3-letter country code'),
    year: int.min(1000).max(9999),
    nonNegativeInt: int,
    nonNegativeNumber: z.number(),
    positiveNumber: z.number().positive(),
    boolean: z.boolean(),
    geoPoint: z.object({
      type: z.literal('Point'),
      coordinates: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]),
    }),
  },
  enum: (declared) => z.enum(declared.values),
  object: (declared) => catenaSchema(declared.fields),
};

function catenaField(field: WriteField): z.ZodType {
  const value =
    field.kind === 'nonNegativeInt' && field.min !== undefined ? int.min(field.min) : derive(CATENA, field);
  const item = field.list ? (field.minItems ? z.array(value).min(field.minItems) : z.array(value)) : value;
  return withPresence(field, item);
}

/**
 * Catena's own constraints on a body (types, formats, patterns, enums, required fields), in wire
 * names: the model that test/simulator/cross-check.test.ts holds against the simulator's.
 */
export function catenaSchema(table: FieldTable) {
  return z.object(Object.fromEntries(Object.entries(table).map(([wire, f]) => [wire, catenaField(f)])));
}
