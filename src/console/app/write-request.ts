/**
 * A write as the console sends it: the mutation document for one of the writes (every argument a
 * variable), and the variables from the form's text, parsed and checked before anything is sent.
 */
import { gql, type TypedDocumentNode } from '@urql/core';
import type { FormField, WriteForm } from '../schema-facts.ts';
import { FollowedOperationFragment } from './documents.ts';
import type { FollowedOperationFragment as FollowedOperation } from './generated/graphql.ts';

/** A form field with the key its value is kept under: `arg.<name>` or `input.<name>`. */
export type KeyedField = FormField & { key: string };

export function writeFields(write: WriteForm): KeyedField[] {
  return [
    ...write.args.map((f) => ({ ...f, key: `arg.${f.name}` })),
    ...write.input.map((f) => ({ ...f, key: `input.${f.name}` })),
  ];
}

/** What a write answers: the operation (as the form follows it) or the refusal. */
export type WriteAnswer =
  | { __typename: string; operation: FollowedOperation }
  | {
      __typename: string;
      operation?: undefined;
      code?: string;
      message?: string;
      fieldErrors?: { path: string[]; message: string }[];
    };

/** The mutation for one write, every argument a variable; the operation selected as FollowedOperation. */
export function writeDocument(write: WriteForm): TypedDocumentNode<{ write: WriteAnswer }> {
  const args = write.args.map((a) => `, $${a.name}: ${a.type}`).join('');
  const pass = write.args.map((a) => `, ${a.name}: $${a.name}`).join('');
  const source = `mutation ConsoleWrite($input: ${write.inputType}!${args}) {
  write: ${write.mutation}(input: $input${pass}) {
    __typename
    ... on ${write.successType} { operation { ...FollowedOperation } }
    ... on Error { code message }
    ... on InputValidationError { fieldErrors { path message } }
  }
}`;
  // urql's gql adds the fragment's definitions (and those it spreads) to the document.
  return gql`${source}${FollowedOperationFragment}`;
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
