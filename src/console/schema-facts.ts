/**
 * What the console knows of the schema, read at build time from the committed schema.graphql (the
 * console must not need introspection, which production turns off): the enums its filters offer,
 * and each write mutation with its arguments and its input's fields, as a form renders and sends them.
 */
import {
  type GraphQLArgument,
  type GraphQLEnumType,
  type GraphQLInputField,
  type GraphQLSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
} from 'graphql';

/** How a form shows one value: a text box, a number, a yes/no choice, a list of values, or JSON. */
export type FieldKind = 'text' | 'int' | 'float' | 'boolean' | 'enum' | 'json';

export interface FormField {
  name: string;
  /** The GraphQL type as written in a variable definition, e.g. `UUID!`. */
  type: string;
  kind: FieldKind;
  required: boolean;
  description: string | null;
  /** The values of an enum. */
  values?: string[];
}

export interface WriteForm {
  /** The mutation field, e.g. `createTrailer`. */
  mutation: string;
  description: string | null;
  /** The result union's success member, e.g. `CreateTrailerSuccess`. */
  successType: string;
  /** The arguments besides `input` (`id`, `mode`, `idempotencyKey`). */
  args: FormField[];
  /** The input object's type name and fields. */
  inputType: string;
  input: FormField[];
}

const NUMERIC: Record<string, FieldKind> = { Int: 'int', Float: 'float', Boolean: 'boolean' };

function field(item: GraphQLArgument | GraphQLInputField): FormField {
  const named = getNamedType(item.type);
  const list = isListType(isNonNullType(item.type) ? item.type.ofType : item.type);
  const kind: FieldKind =
    list || isInputObjectType(named)
      ? 'json'
      : isEnumType(named)
        ? 'enum'
        : (NUMERIC[named.name] ?? (named.name === 'JSONObject' ? 'json' : 'text'));
  return {
    name: item.name,
    type: String(item.type),
    kind,
    required: isNonNullType(item.type) && item.defaultValue === undefined,
    description: item.description ?? null,
    ...(kind === 'enum' && isEnumType(named) ? { values: named.getValues().map((v) => v.name) } : {}),
  };
}

/** Every mutation whose result union has a `…Success` member holding an `operation`: the writes. */
export function writeForms(schema: GraphQLSchema): WriteForm[] {
  const mutation = schema.getMutationType();
  if (!mutation) return [];
  const forms: WriteForm[] = [];
  for (const write of Object.values(mutation.getFields())) {
    const result = getNamedType(write.type);
    if (!isUnionType(result)) continue;
    const success = result.getTypes().find((t) => t.name.endsWith('Success') && 'operation' in t.getFields());
    const inputArg = write.args.find((a) => a.name === 'input');
    const inputType = inputArg && getNamedType(inputArg.type);
    if (!success || !isObjectType(success) || !inputType || !isInputObjectType(inputType)) continue;
    forms.push({
      mutation: write.name,
      description: write.description ?? null,
      successType: success.name,
      args: write.args.filter((a) => a.name !== 'input').map(field),
      inputType: inputType.name,
      input: Object.values(inputType.getFields()).map(field),
    });
  }
  return forms.sort((a, b) => a.mutation.localeCompare(b.mutation));
}

/** The enums the console's filters and badges use. */
const ENUMS = ['Resource', 'TspSource', 'OperationStatus', 'OperationErrorType', 'OperationType'] as const;
export type ConsoleEnum = (typeof ENUMS)[number];

export interface SchemaFacts {
  writes: WriteForm[];
  enums: Record<ConsoleEnum, string[]>;
}

export function schemaFacts(schema: GraphQLSchema): SchemaFacts {
  const enums = {} as Record<ConsoleEnum, string[]>;
  for (const name of ENUMS) {
    const type = schema.getType(name);
    if (!isEnumType(type)) throw new Error(`schema.graphql has no enum ${name}`);
    enums[name] = (type as GraphQLEnumType).getValues().map((v) => v.name);
  }
  return { writes: writeForms(schema), enums };
}
