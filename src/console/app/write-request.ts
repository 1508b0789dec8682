/**
 * A write as the console sends it: the mutation document for one of the writes (every argument a
 * variable), and the variables from the form's text, parsed and checked before anything is sent.
 */
import type { FormField, WriteForm } from '../schema-facts.ts';

/** A form field with the key its value is kept under: `arg.<name>` or `input.<name>`. */
export type KeyedField = FormField & { key: string };

export function writeFields(write: WriteForm): KeyedField[] {
  return [
    ...write.args.map((f) => ({ ...f, key: `arg.${f.name}` })),
    ...write.input.map((f) => ({ ...f, key: `input.${f.name}` })),
  ];
}

const ROW_FIELDS = `catenaId connectionId fleetRef sourceName resource operationType status createdAt updatedAt
  resourceId logs { status errorType errorDetails responseStatusCode createdAt }`;

/** The mutation for one write, every argument a variable. */
export function writeDocument(write: WriteForm): string {
  const args = write.args.map((a) => `$${a.name}: ${a.type}`);
  const pass = write.args.map((a) => `${a.name}: $${a.name}`);
  return `mutation ConsoleWrite($input: ${write.inputType}!${args.map((a) => `, ${a}`).join('')}) {
  write: ${write.mutation}(input: $input${pass.map((p) => `, ${p}`).join('')}) {
    __typename
    ... on ${write.successType} { operation { ${ROW_FIELDS} } }
    ... on Error { code message }
    ... on InputValidationError { fieldErrors { path message } }
  }
}`;
}

/** A field's typed text as the value to send; undefined when left empty; throws when it does not parse. */
export function parseValue(field: FormField, text: string): unknown {
  if (text.trim() === '') return undefined;
  switch (field.kind) {
    case 'int': {
      const n = Number(text);
      if (!Number.isInteger(n)) throw new Error(`${field.name}: a whole number`);
      return n;
    }
    case 'float': {
      const n = Number(text);
      if (!Number.isFinite(n)) throw new Error(`${field.name}: a number`);
      return n;
    }
    case 'boolean':
      return text === 'true';
    case 'json':
      try {
        return JSON.parse(text);
      } catch {
        throw new Error(
          `${field.name}: JSON, e.g. ${field.type.startsWith('[') ? '["a", "b"]' : '{ "key": "value" }'}`,
        );
      }
    default:
      return text;
  }
}

/** The variables of `writeDocument(write)` from the form's texts by key; throws the first problem. */
export function writeVariables(write: WriteForm, texts: Record<string, string>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  const variables: Record<string, unknown> = { input };
  for (const field of writeFields(write)) {
    const value = parseValue(field, texts[field.key] ?? '');
    if (value === undefined && field.required) throw new Error(`${field.name} is required`);
    if (value === undefined) continue;
    if (field.key.startsWith('input.')) input[field.name] = value;
    else variables[field.name] = value;
  }
  return variables;
}
