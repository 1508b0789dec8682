/**
 * Mutation inputs, derived from Catena's write-body tables (src/catena/bodies.ts) so that no field
 * list is written twice: each wire field `license_plate_country` becomes the input field
 * `licensePlateCountry`, with a GraphQL shape, the gateway's validator and the mapping back to the
 * wire. The gateway is stricter than Catena: real ISO-3166 codes, sensible years and lengths,
 * non-negative quantities, non-blank required strings, a few cross-field rules.
 */
import countries from 'i18n-iso-countries';
import { z } from 'zod';
import { FIELD, WRITES, type WriteName } from '../catena/bodies.ts';
import { InputValidationError } from './write-errors.ts';

export type ScalarKind = 'String' | 'Int' | 'Float' | 'Boolean' | 'UUID' | 'DateTime';

export type FieldShape =
  | { kind: 'scalar'; scalar: ScalarKind }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'geoPoint' }
  | { kind: 'object'; wire: string; fields: InputField[] };

export interface InputField {
  wire: string;
  name: string;
  required: boolean;
  list: boolean;
  shape: FieldShape;
  description?: string;
  /** Validates the GraphQL value (camelCase); optional fields accept null and absence. */
  validator: z.ZodType;
}

export const MAX_TEXT = 255;
export const MAX_LONG_TEXT = 4000;
export const MAX_LIST = 100;
const LONG_TEXT = new Set(['notes', 'message_text', 'instructions', 'driver_comment', 'certify_comment']);
const ALPHA3 = new Set(Object.keys(countries.getAlpha3Codes()));

export const camelCase = (wire: string) => wire.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

interface Described {
  shape: FieldShape;
  validator: z.ZodType;
  description?: string;
}

function notBlank(schema: z.ZodString) {
  return schema.refine((v) => v.trim().length > 0, 'must not be empty');
}

function describeString(wire: string, schema: z.ZodType): Described {
  const format = (schema as unknown as { format?: string }).format;
  if (format === 'guid') {
    return wire === 'connection_id'
      ? { shape: { kind: 'scalar', scalar: 'UUID' }, validator: z.string() }
      : {
          shape: { kind: 'scalar', scalar: 'String' },
          validator: z.guid('must be a Catena id (UUID)'),
          description: 'A Catena id (UUID).',
        };
  }
  if (format === 'datetime') {
    return {
      shape: { kind: 'scalar', scalar: 'DateTime' },
      validator: z.date(),
      description: 'Sent to Catena in UTC.',
    };
  }
  if (format === 'date') {
    return {
      shape: { kind: 'scalar', scalar: 'String' },
      validator: z.iso.date('must be a date (YYYY-MM-DD)'),
      description: 'A date, YYYY-MM-DD.',
    };
  }
  if (format === 'email') {
    return {
      shape: { kind: 'scalar', scalar: 'String' },
      validator: z.email('must be an email address').max(254),
    };
  }
  const max = LONG_TEXT.has(wire) ? MAX_LONG_TEXT : MAX_TEXT;
  const text = z.string().max(max, `must be at most ${max} characters`);
  // Blank text is refused everywhere: `null` is how a field is cleared.
  return { shape: { kind: 'scalar', scalar: 'String' }, validator: notBlank(text) };
}

/** Describes one wire field; throws at start-up for a zod construct the mapping does not know. */
function describe(wire: string, original: z.ZodType): Described {
  if (original === FIELD.alpha3) {
    return {
      shape: { kind: 'scalar', scalar: 'String' },
      validator: z
        .string()
        .refine((v) => ALPHA3.has(v), 'must be an ISO 3166-1 alpha-3 country code, e.g. USA'),
      description: 'ISO 3166-1 alpha-3 country code, e.g. USA.',
    };
  }
  if (original === FIELD.year) {
    return {
      shape: { kind: 'scalar', scalar: 'Int' },
      validator: z
        .number()
        .int()
        .min(1900, 'must be a year from 1900 to 2100')
        .max(2100, 'must be a year from 1900 to 2100'),
    };
  }
  if (original === FIELD.geoPoint) {
    return {
      shape: { kind: 'geoPoint' },
      validator: z.object({
        longitude: z.number().min(-180, 'must be from -180 to 180').max(180, 'must be from -180 to 180'),
        latitude: z.number().min(-90, 'must be from -90 to 90').max(90, 'must be from -90 to 90'),
      }),
    };
  }
  const inner = unwrap(original);
  switch (inner.type) {
    case 'string':
      return describeString(wire, inner);
    case 'number':
      return (inner as z.ZodNumber).isInt
        ? {
            shape: { kind: 'scalar', scalar: 'Int' },
            validator: z.number().int().min(0, 'must be 0 or more'),
          }
        : {
            shape: { kind: 'scalar', scalar: 'Float' },
            validator:
              (inner as z.ZodNumber).minValue !== null && (inner as z.ZodNumber).minValue !== undefined
                ? z.number().positive('must be more than 0')
                : z.number().min(0, 'must be 0 or more'),
          };
    case 'boolean':
      return { shape: { kind: 'scalar', scalar: 'Boolean' }, validator: z.boolean() };
    case 'enum': {
      const values = (inner as z.ZodEnum).options as string[];
      return { shape: { kind: 'enum', values }, validator: z.enum(values as [string, ...string[]]) };
    }
    case 'object': {
      const fields = describeFields((inner as z.ZodObject).shape);
      return { shape: { kind: 'object', wire, fields }, validator: objectValidator(fields) };
    }
    default:
      throw new Error(`write field ${wire}: no GraphQL mapping for zod type "${inner.type}"`);
  }
}

/** Whether null is a value of the field (Catena refuses null for a few optional fields). */
function isNullable(schema: z.ZodType): boolean {
  for (
    let s = schema;
    s.type === 'optional' || s.type === 'nullable';
    s = (s as z.ZodOptional).unwrap() as z.ZodType
  ) {
    if (s.type === 'nullable') return true;
  }
  return false;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  while (s.type === 'optional' || s.type === 'nullable') s = (s as z.ZodOptional).unwrap() as z.ZodType;
  return s;
}

/** Describes every field of a Catena body table. */
export function describeFields(table: Record<string, z.ZodType>): InputField[] {
  return Object.entries(table).map(([wire, original]) => {
    const required = original.type !== 'optional';
    const inner = unwrap(original);
    const list = inner.type === 'array' && original !== FIELD.geoPoint;
    const element = list ? ((inner as z.ZodArray).element as z.ZodType) : original;
    const described = describe(wire, element);
    let validator = described.validator;
    if (list) {
      const min = (inner as z.ZodArray)._zod.def.checks?.length ? 1 : 0;
      validator = z
        .array(validator)
        .min(min, 'must not be empty')
        .max(MAX_LIST, `must have at most ${MAX_LIST} items`);
    }
    if (!required) validator = isNullable(original) ? validator.nullish() : validator.optional();
    return {
      wire,
      name: camelCase(wire),
      required,
      list,
      shape: described.shape,
      description: described.description,
      validator,
    };
  });
}

function objectValidator(fields: InputField[]) {
  return z.object(Object.fromEntries(fields.map((f) => [f.name, f.validator])));
}

/** GraphQL value -> Catena wire value, for one described field list. */
export function toWire(fields: InputField[], value: Record<string, unknown>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of fields) {
    const v = value[field.name];
    if (v === undefined) continue;
    body[field.wire] =
      v === null
        ? null
        : field.list
          ? (v as unknown[]).map((item) => convert(field, item))
          : convert(field, v);
  }
  return body;
}

function convert(field: InputField, value: unknown): unknown {
  const { shape } = field;
  if (shape.kind === 'scalar' && shape.scalar === 'DateTime') return (value as Date).toISOString();
  if (shape.kind === 'geoPoint') {
    const point = value as { longitude: number; latitude: number };
    return { type: 'Point', coordinates: [point.longitude, point.latitude] };
  }
  if (shape.kind === 'object') return toWire(shape.fields, value as Record<string, unknown>);
  return value;
}

type Rule = (input: Record<string, unknown>) => { path: string[]; message: string } | undefined;

const startsBeforeEnd: Rule = (input) => {
  const { startedAt, endedAt } = input as { startedAt?: Date | null; endedAt?: Date | null };
  return startedAt && endedAt && startedAt > endedAt
    ? { path: ['endedAt'], message: 'must not be before startedAt' }
    : undefined;
};
const uniqueStops: Rule = (input) => {
  const stops = (input.stops as { sequenceNumber?: number | null }[] | null | undefined) ?? [];
  const numbers = stops.map((s) => s.sequenceNumber).filter((n) => n !== null && n !== undefined);
  return new Set(numbers).size === numbers.length
    ? undefined
    : { path: ['stops'], message: 'sequenceNumber must be unique among the stops' };
};
const uniqueRecipients: Rule = (input) => {
  const ids = (input.recipientIds as string[] | undefined) ?? [];
  return new Set(ids).size === ids.length
    ? undefined
    : { path: ['recipientIds'], message: 'must not repeat a recipient' };
};

/** Rules across fields that Catena's tables cannot express. */
const RULES: Partial<Record<WriteName, Rule[]>> = {
  createWorkflow: [startsBeforeEnd, uniqueStops],
  updateWorkflow: [startsBeforeEnd, uniqueStops],
  sendGroupMessage: [uniqueRecipients],
};

export interface WriteInput {
  fields: InputField[];
  /** Validates a mutation's `input` and returns Catena's body; throws `InputValidationError`. */
  toBody(input: Record<string, unknown>): Record<string, unknown>;
}

function createWriteInput(name: WriteName): WriteInput {
  const spec = WRITES[name];
  const fields = describeFields(spec.body.shape as Record<string, z.ZodType>);
  const validator = objectValidator(fields);
  return {
    fields,
    toBody(input) {
      const result = validator.safeParse(input);
      const errors = result.success
        ? (RULES[name] ?? []).flatMap((rule) => rule(input) ?? [])
        : result.error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message }));
      if (
        errors.length === 0 &&
        spec.operation === 'update' &&
        fields.every((f) => f.wire === 'connection_id' || input[f.name] === undefined)
      ) {
        errors.push({ path: [], message: 'must change at least one field' });
      }
      if (errors.length > 0) {
        throw new InputValidationError(
          errors.map((e) => ({ path: ['input', ...e.path], message: e.message })),
        );
      }
      return toWire(fields, input);
    },
  };
}

export const WRITE_INPUTS = Object.fromEntries(
  (Object.keys(WRITES) as WriteName[]).map((name) => [name, createWriteInput(name)]),
) as Record<WriteName, WriteInput>;
