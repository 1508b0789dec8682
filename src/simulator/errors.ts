/**
 * Catena's error bodies (api-facts §5.4) and the one exception type routes throw to produce them.
 *
 * 422 `detail[].path` convention: body fields are dotted from the body root (`model_year`,
 * `stops.0.stop_type`; the body itself is `body`), query parameters are prefixed `query.`
 * (`query.size`) and path parameters `path.` (`path.connection_id`).
 */
import { STATUS_CODES } from 'node:http';
import type { z } from 'zod';

export interface ValidationDetail {
  path: string;
  /** Always a string, as Catena's OpenAPI requires: non-strings are JSON-encoded. */
  input: string;
  message: string;
  error_type: string;
}

export type CatenaErrorBody =
  | { code: number; message: string; detail: string | null }
  | { code: 422; message: string; detail: ValidationDetail[] | null }
  | { code: 429; message: string; detail: { retry_after_seconds: number; message: string } }
  | { message: string };

/** The simulator's answer to a refused request, thrown by handlers: the error handler sends `status` and `body` (the gateway's own CatenaHttpError is what its client makes of such an answer). */
export class ErrorAnswer extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(`Catena ${status}`);
  }
}

export function reasonPhrase(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}

/** The body Catena sends for `status`; `detail` is used where the shape has a string detail. */
export function errorBody(
  status: number,
  detail: string | null = null,
  retryAfterSeconds = 1,
): CatenaErrorBody {
  if (status === 500) return { message: 'Internal Server Error' };
  if (status === 422) return { code: 422, message: 'Invalid Request Body', detail: null };
  if (status === 429) {
    return {
      code: 429,
      message: 'Too Many Requests',
      detail: {
        retry_after_seconds: retryAfterSeconds,
        message: `Rate limit exceeded. Retry in ${retryAfterSeconds} seconds.`,
      },
    };
  }
  return { code: status, message: reasonPhrase(status), detail };
}

export function httpError(status: number, detail: string | null = null): ErrorAnswer {
  return new ErrorAnswer(status, errorBody(status, detail));
}

export const notFound = (detail = 'Not Found') => httpError(404, detail);
export const forbidden = (detail: string) => httpError(403, detail);
export const conflict = (detail: string) => httpError(409, detail);
export const badRequest = (detail: string) => httpError(400, detail);

export function unauthorized(detail: string): ErrorAnswer {
  return new ErrorAnswer(401, errorBody(401, detail), { 'www-authenticate': 'Bearer' });
}

export function validationError(details: ValidationDetail[]): ErrorAnswer {
  return new ErrorAnswer(422, { code: 422, message: 'Invalid Request Body', detail: details });
}

export function inputString(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  return JSON.stringify(value) ?? '';
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

const TYPE_ERRORS: Record<string, [string, string]> = {
  string: ['string_type', 'Input should be a valid string'],
  int: ['int_type', 'Input should be a valid integer'],
  number: ['float_type', 'Input should be a valid number'],
  boolean: ['bool_type', 'Input should be a valid boolean'],
  object: ['model_type', 'Input should be a valid dictionary or object to extract fields from'],
  array: ['list_type', 'Input should be a valid list'],
};

/** pydantic's enum message: `Input should be 'a', 'b' or 'c'`. */
export function enumMessage(values: readonly unknown[]): string {
  const quoted = values.map((v) => `'${String(v)}'`);
  const last = quoted.pop();
  return `Input should be ${quoted.length > 0 ? `${quoted.join(', ')} or ${last}` : last}`;
}

const FORMAT_ERRORS: Record<string, [string, string]> = {
  guid: ['uuid_parsing', 'Input should be a valid UUID'],
  uuid: ['uuid_parsing', 'Input should be a valid UUID'],
  datetime: ['datetime_from_date_parsing', 'Input should be a valid datetime with a timezone'],
  date: ['date_from_datetime_parsing', 'Input should be a valid date in the format YYYY-MM-DD'],
  email: ['value_error', 'value is not a valid email address'],
  url: ['url_parsing', 'Input should be a valid URL'],
  regex: ['string_pattern_mismatch', 'String should match the expected pattern'],
};

/** pydantic-like `error_type` and message for one zod issue. */
function describeIssue(issue: z.core.$ZodIssue, value: unknown): { type: string; message: string } {
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return { type: 'missing', message: 'Field required' };
      {
        const [type, message] = TYPE_ERRORS[issue.expected] ?? [`${issue.expected}_type`, issue.message];
        return { type, message };
      }
    case 'invalid_value':
      if (value === undefined) return { type: 'missing', message: 'Field required' };
      return { type: 'enum', message: enumMessage(issue.values) };
    case 'invalid_format': {
      const known = FORMAT_ERRORS[issue.format];
      if (issue.format === 'regex' && issue.message && !issue.message.startsWith('Invalid')) {
        return { type: 'string_pattern_mismatch', message: issue.message };
      }
      return known ? { type: known[0], message: known[1] } : { type: 'value_error', message: issue.message };
    }
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const bound = small ? issue.minimum : issue.maximum;
      if (issue.origin === 'string') {
        return {
          type: small ? 'string_too_short' : 'string_too_long',
          message: `String should have at ${small ? 'least' : 'most'} ${bound} characters`,
        };
      }
      if (issue.origin === 'array') {
        return {
          type: small ? 'too_short' : 'too_long',
          message: `List should have at ${small ? 'least' : 'most'} ${bound} items`,
        };
      }
      const strict = issue.inclusive === false;
      const op = small
        ? strict
          ? 'greater_than'
          : 'greater_than_equal'
        : strict
          ? 'less_than'
          : 'less_than_equal';
      return { type: op, message: `Input should be ${op.replaceAll('_', ' ')} ${bound}` };
    }
    default:
      return { type: 'value_error', message: issue.message };
  }
}

/** Catena's 422 details for a failed zod parse of `input`; `prefix` is '' for bodies, else `query.`. */
export function zodDetails(error: z.ZodError, input: unknown, prefix = ''): ValidationDetail[] {
  return error.issues.flatMap((issue) => {
    // pydantic names each field a model forbids, one detail per field.
    if (issue.code === 'unrecognized_keys') {
      const parent = valueAt(input, issue.path);
      return issue.keys.map((key) => ({
        path: `${prefix}${[...issue.path.map(String), key].join('.')}`,
        input: inputString((parent as Record<string, unknown> | undefined)?.[key]),
        message: 'Extra inputs are not permitted',
        error_type: 'extra_forbidden',
      }));
    }
    const value = valueAt(input, issue.path);
    const { type, message } = describeIssue(issue, value);
    const dotted = issue.path.map(String).join('.');
    const parent = issue.path.length > 0 ? valueAt(input, issue.path.slice(0, -1)) : input;
    return [
      {
        path: dotted === '' ? (prefix === '' ? 'body' : prefix.slice(0, -1)) : `${prefix}${dotted}`,
        input: inputString(type === 'missing' ? parent : value),
        message,
        error_type: type,
      },
    ];
  });
}
