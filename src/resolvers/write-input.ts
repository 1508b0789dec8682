/**
 * A write's input, on the gateway's side. From a write table (src/catena/bodies.ts) it derives the
 * zod schema that checks a mutation's `input` by the gateway's rules, stricter than Catena's (real
 * ISO-3166 codes, sensible years and lengths, non-negative quantities, non-blank text), and whose
 * output is the body Catena takes: wire names, date-times as ISO strings, points as GeoJSON. The
 * rules across fields, which a table cannot say, are here too. Nothing here knows a field by name:
 * it is all derived, so a field added to a table is validated and mapped with no change here.
 */
import countries from 'i18n-iso-countries';
import { z } from 'zod';
import { WRITES, type WriteName } from '../catena/bodies.ts';
import {
  camelCase,
  derive,
  type FieldTable,
  type GeoJsonPoint,
  graphqlName,
  type Layer,
  type WriteField,
  withPresence,
} from '../catena/write-fields.ts';
import { type FieldError, InputValidationError } from './write-errors.ts';

export const MAX_TEXT = 255;
export const MAX_LONG_TEXT = 4000;
export const MAX_LIST = 100;
const ALPHA3 = new Set(Object.keys(countries.getAlpha3Codes()));

// Blank text is refused everywhere: `null` is how a field is cleared.
const textOf = (max: number) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .refine((v) => v.trim().length > 0, 'must not be empty');
const between = (min: number, max: number, message = `must be from ${min} to ${max}`) =>
  z.number().min(min, message).max(max, message);
const YEAR = 'must be a year from 1900 to 2100';

/** The gateway's checks; each one's output is the value as Catena takes it. */
const GATEWAY: Layer<z.ZodType> = {
  kinds: {
    text: textOf(MAX_TEXT),
    longText: textOf(MAX_LONG_TEXT),
    catenaId: z.guid('must be a Catena id (UUID)'),
    // The UUID scalar has checked it.
    connectionId: z.string(),
    dateTime: z.date().transform((d) => d.toISOString()),
    date: z.iso.date('must be a date (YYYY-MM-DD)'),
    email: z.email('must be an email address').max(254),
    alpha3: z.string().refine((v) => ALPHA3.has(v), 'must be an ISO 3166-1 alpha-3 country code, e.g. USA'),
    year: z.number().int().min(1900, YEAR).max(2100, YEAR),
    nonNegativeInt: z.number().int().min(0, 'must be 0 or more'),
    nonNegativeNumber: z.number().min(0, 'must be 0 or more'),
    positiveNumber: z.number().positive('must be more than 0'),
    boolean: z.boolean(),
    geoPoint: z
      .object({ longitude: between(-180, 180), latitude: between(-90, 90) })
      .transform(
        ({ longitude, latitude }): GeoJsonPoint => ({ type: 'Point', coordinates: [longitude, latitude] }),
      ),
  },
  enum: (declared) => z.enum(declared.values),
  object: (declared) => inputSchema(declared.fields),
};

function fieldSchema(field: WriteField): z.ZodType {
  const value = derive(GATEWAY, field);
  const minItems = field.minItems ?? 0;
  const item = field.list
    ? z
        .array(value)
        .min(minItems, minItems === 1 ? 'must not be empty' : `must have at least ${minItems} items`)
        .max(MAX_LIST, `must have at most ${MAX_LIST} items`)
    : value;
  return withPresence(field, item);
}

/**
 * Checks a GraphQL input value (GraphQL names) by the gateway's rules; its output is Catena's
 * body for it (wire names; a field left out stays out, a null stays null to clear the field).
 */
export function inputSchema(table: FieldTable) {
  const fields = Object.entries(table).map(([wire, field]) => ({
    wire,
    name: graphqlName(wire, field),
    field,
  }));
  return z
    .object(Object.fromEntries(fields.map(({ name, field }) => [name, fieldSchema(field)])))
    .transform((value) => {
      const body: Record<string, unknown> = {};
      for (const { wire, name } of fields) if (value[name] !== undefined) body[wire] = value[name];
      return body;
    });
}

/** Catena's path in a body (`stops.0.stop_type`) as the GraphQL input's (`stops.0.stopType`). */
export function inputPath(table: FieldTable, wireParts: string[]): string[] {
  let fields: FieldTable | undefined = table;
  return wireParts.map((part) => {
    if (/^\d+$/.test(part)) return part;
    const field: WriteField | undefined = fields?.[part];
    fields = field?.kind === 'object' ? field.object.fields : undefined;
    // A field Catena names that the table does not know: its likely GraphQL name.
    return field ? graphqlName(part, field) : camelCase(part);
  });
}

/** A rule across fields, over the GraphQL input (GraphQL names and values). */
export type CrossFieldRule = (input: Record<string, unknown>) => FieldError | undefined;

const startsBeforeEnd: CrossFieldRule = (input) => {
  const { startedAt, endedAt } = input as { startedAt?: Date | null; endedAt?: Date | null };
  return startedAt && endedAt && startedAt > endedAt
    ? { path: ['endedAt'], message: 'must not be before startedAt' }
    : undefined;
};
const uniqueStops: CrossFieldRule = (input) => {
  const stops = (input.stops as { sequenceNumber?: number | null }[] | null | undefined) ?? [];
  const numbers = stops.map((s) => s.sequenceNumber).filter((n) => n !== null && n !== undefined);
  return new Set(numbers).size === numbers.length
    ? undefined
    : { path: ['stops'], message: 'sequenceNumber must be unique among the stops' };
};
const uniqueRecipients: CrossFieldRule = (input) => {
  const ids = (input.recipientIds as string[] | undefined) ?? [];
  return new Set(ids).size === ids.length
    ? undefined
    : { path: ['recipientIds'], message: 'must not repeat a recipient' };
};

/** Rules across fields that Catena's tables cannot express. */
const CROSS_FIELD_RULES: Partial<Record<WriteName, CrossFieldRule[]>> = {
  createWorkflow: [startsBeforeEnd, uniqueStops],
  updateWorkflow: [startsBeforeEnd, uniqueStops],
  sendGroupMessage: [uniqueRecipients],
};

export interface WriteInput {
  /** Validates a mutation's `input` and returns Catena's body; throws `InputValidationError`. */
  toBody(input: Record<string, unknown>): Record<string, unknown>;
}

export interface WriteInputOptions {
  /** An update must change at least one field besides its connection. */
  update?: boolean;
  rules?: readonly CrossFieldRule[];
}

const refusal = (errors: FieldError[]) =>
  new InputValidationError(errors.map((e) => ({ path: ['input', ...e.path], message: e.message })));

/** The input of a write whose body `table` declares: any table, the real ones or a test's. */
export function createWriteInput(table: FieldTable, options: WriteInputOptions = {}): WriteInput {
  const schema = inputSchema(table);
  return {
    toBody(input) {
      const result = schema.safeParse(input);
      if (!result.success) {
        throw refusal(result.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })));
      }
      // Cross-field rules read values the fields' own checks have passed.
      const errors = (options.rules ?? []).flatMap((rule) => rule(input) ?? []);
      const body = result.data;
      const changes = Object.entries(table).some(([wire, f]) => f.kind !== 'connectionId' && wire in body);
      if (errors.length === 0 && options.update && !changes) {
        errors.push({ path: [], message: 'must change at least one field' });
      }
      if (errors.length > 0) throw refusal(errors);
      return body;
    },
  };
}

const inputs = new Map<WriteName, WriteInput>();

/** The input of the write `name`, derived from its table on first use. */
export function writeInput(name: WriteName): WriteInput {
  let known = inputs.get(name);
  if (!known) {
    const { fields, operation } = WRITES[name];
    known = createWriteInput(fields, { update: operation === 'update', rules: CROSS_FIELD_RULES[name] });
    inputs.set(name, known);
  }
  return known;
}
