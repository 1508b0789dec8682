/**
 * Request-body checks derived from the write model (model/writes.ts): one zod schema per body,
 * built once, refusing what Catena's OpenAPI refuses (types, formats, patterns, enums, required
 * fields, nulls where a field is not nullable) and also any field Catena does not document, so a
 * misspelt field fails in tests instead of vanishing. (Whether the live Catena ignores or refuses
 * unknown fields is unconfirmed; README, Catena fidelity.)
 */
import { z } from 'zod';
import type { Field, Fields, FieldType } from './model/writes.ts';

// Catena ids are UUIDs of any version; `guid` checks the 8-4-4-4-12 shape only.
function typeSchema(field: FieldType): z.ZodType {
  switch (field.type) {
    case 'string': {
      if (field.format === 'uuid') return z.guid();
      if (field.format === 'date-time') return z.iso.datetime({ offset: true, local: false });
      if (field.format === 'date') return z.iso.date();
      return field.pattern === undefined ? z.string() : z.string().regex(new RegExp(field.pattern));
    }
    case 'integer':
      return z.int();
    case 'number': {
      let schema = z.number();
      if (field.minimum !== undefined) schema = schema.min(field.minimum);
      if (field.maximum !== undefined) schema = schema.max(field.maximum);
      return schema;
    }
    case 'decimal':
      return z.union([z.number(), z.string().regex(/^(?!^[-+.]*$)[+-]?0*\d*\.?\d*$/)]);
    case 'boolean':
      return z.boolean();
    case 'enum':
      return z.enum(field.values as [string, ...string[]]);
    case 'array':
      return z.array(typeSchema(field.items));
    case 'object':
      return objectSchema(field.fields);
  }
}

function fieldSchema(field: Field): z.ZodType {
  const schema = typeSchema(field);
  if (field.required) return schema;
  return field.nullable === false ? schema.optional() : schema.nullish();
}

export function objectSchema(fields: Fields): z.ZodObject {
  return z.strictObject(
    Object.fromEntries(Object.entries(fields).map(([name, f]) => [name, fieldSchema(f)])),
  );
}
