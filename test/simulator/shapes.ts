/**
 * Body fields reduced to what two models of Catena must agree on (kind, required, nullable, format,
 * pattern, enum values, nested items and fields), from JSON Schema (Catena's OpenAPI, or zod's
 * export of the gateway's tables) or from the simulator's model; and a field-by-field comparison
 * that names every difference.
 */
import type { Field, FieldType } from '../../src/simulator/model/writes.ts';

export interface Shape {
  kind: string;
  required: boolean;
  nullable: boolean;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  values?: string[];
  items?: TypeShape;
  /** Absent for an object whose fields the source does not give. */
  fields?: Record<string, Shape>;
}
export type TypeShape = Omit<Shape, 'required' | 'nullable'>;

type Json = Record<string, unknown>;
/** Resolves a local `$ref` of the document the schema comes from. */
export type Resolve = (ref: string) => Json;

const noRefs: Resolve = (ref) => {
  throw new Error(`unexpected $ref ${ref}`);
};

export function fromJsonSchema(node: Json, required: boolean, resolve: Resolve = noRefs): Shape {
  let nullable = false;
  let schema = node;
  if (Array.isArray(node.anyOf)) {
    const members = node.anyOf as Json[];
    nullable = members.some((m) => m.type === 'null');
    const rest = members.filter((m) => m.type !== 'null');
    schema = rest.length === 1 ? (rest[0] as Json) : { anyOf: rest };
  } else if (Array.isArray(node.type)) {
    const types = node.type as string[];
    nullable = types.includes('null');
    schema = { ...node, type: types.find((t) => t !== 'null') };
  }
  return { ...jsonType(schema, resolve), required, nullable };
}

export function jsonType(node: Json, resolve: Resolve = noRefs): TypeShape {
  const schema = typeof node.$ref === 'string' ? { ...resolve(node.$ref), ...node, $ref: undefined } : node;
  if (Array.isArray(schema.anyOf)) {
    const kinds = (schema.anyOf as Json[]).map((m) => jsonType(m, resolve).kind).sort();
    // A number, or a string holding one.
    if (kinds.join() === 'number,string') return { kind: 'decimal' };
    return { kind: `anyOf(${kinds.join(',')})` };
  }
  if (Array.isArray(schema.enum)) return { kind: 'enum', values: (schema.enum as string[]).slice().sort() };
  if (schema.const !== undefined) return { kind: 'enum', values: [String(schema.const)] };
  switch (schema.type) {
    case 'string': {
      const format = schema.format as string | undefined;
      // zod writes its own regex beside every format; only a pattern without a format is a fact.
      const pattern = format === undefined ? (schema.pattern as string | undefined) : undefined;
      return { kind: 'string', ...(format ? { format } : {}), ...(pattern ? { pattern } : {}) };
    }
    case 'number':
      return {
        kind: 'number',
        ...(typeof schema.minimum === 'number' ? { minimum: schema.minimum } : {}),
        ...(typeof schema.maximum === 'number' ? { maximum: schema.maximum } : {}),
      };
    case 'integer':
    case 'boolean':
      return { kind: schema.type };
    case 'array':
      if (Array.isArray(schema.prefixItems)) return { kind: 'array', items: { kind: 'number' } };
      return { kind: 'array', items: jsonType(schema.items as Json, resolve) };
    case 'object': {
      const properties = schema.properties as Record<string, Json> | undefined;
      if (properties === undefined) return { kind: 'object' };
      const required = new Set((schema.required as string[] | undefined) ?? []);
      return {
        kind: 'object',
        fields: Object.fromEntries(
          Object.entries(properties).map(([name, p]) => [
            name,
            fromJsonSchema(p, required.has(name), resolve),
          ]),
        ),
      };
    }
    default:
      throw new Error(`no mapping for JSON Schema ${JSON.stringify(schema).slice(0, 160)}`);
  }
}

export function simulatorType(field: FieldType): TypeShape {
  switch (field.type) {
    case 'string':
      return {
        kind: 'string',
        ...(field.format ? { format: field.format } : {}),
        ...(field.pattern ? { pattern: field.pattern } : {}),
      };
    case 'number':
      return {
        kind: 'number',
        ...(field.minimum !== undefined ? { minimum: field.minimum } : {}),
        ...(field.maximum !== undefined ? { maximum: field.maximum } : {}),
      };
    case 'enum':
      return { kind: 'enum', values: [...field.values].sort() };
    case 'array':
      return { kind: 'array', items: simulatorType(field.items) };
    case 'object':
      return {
        kind: 'object',
        fields: Object.fromEntries(Object.entries(field.fields).map(([n, f]) => [n, simulatorShape(f)])),
      };
    default:
      return { kind: field.type };
  }
}

export function simulatorShape(field: Field): Shape {
  const required = field.required === true;
  return { ...simulatorType(field), required, nullable: !required && field.nullable !== false };
}

export interface CompareOptions {
  /** Compare number bounds too (the gateway's own limits are stricter by design, so off there). */
  bounds?: boolean;
  left: string;
  right: string;
}

const ASPECTS = ['kind', 'required', 'nullable', 'format', 'pattern'] as const;

function compare(path: string, a: Shape | undefined, b: Shape | undefined, o: CompareOptions, out: string[]) {
  if (!a || !b) {
    out.push(`${path}: only ${a ? o.left : o.right} has it`);
    return;
  }
  const aspects = o.bounds ? [...ASPECTS, 'minimum' as const, 'maximum' as const] : ASPECTS;
  for (const aspect of aspects) {
    if (a[aspect] !== b[aspect])
      out.push(`${path}: ${aspect} ${o.left}=${a[aspect]} ${o.right}=${b[aspect]}`);
  }
  if (a.kind !== b.kind) return;
  if (a.values || b.values) {
    const inA = new Set(a.values);
    const inB = new Set(b.values);
    const onlyA = [...inA].filter((v) => !inB.has(v));
    const onlyB = [...inB].filter((v) => !inA.has(v));
    if (onlyA.length > 0) out.push(`${path}: values only ${o.left} has: ${onlyA.join(', ')}`);
    if (onlyB.length > 0) out.push(`${path}: values only ${o.right} has: ${onlyB.join(', ')}`);
  }
  if (a.items && b.items) {
    compare(
      `${path}[]`,
      { ...a.items, required: true, nullable: false },
      { ...b.items, required: true, nullable: false },
      o,
      out,
    );
  }
  // An object whose fields one side does not give is not compared inside.
  if (a.fields && b.fields) compareFields(path, a.fields, b.fields, o, out);
}

/** Every difference between two field tables, one line each, in field order. */
export function compareFields(
  path: string,
  a: Record<string, Shape>,
  b: Record<string, Shape>,
  options: CompareOptions,
  out: string[] = [],
): string[] {
  const names = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  for (const name of names) compare(path ? `${path}.${name}` : name, a[name], b[name], options, out);
  return out;
}
