/**
 * What Yoga reports as an error but is the client's doing: an unknown id, refused input, a request
 * the client aborted. Such events are counted and logged at debug, so that error-level logs stay
 * for the gateway's own failures (a load test that cuts its connections used to leave thousands of
 * "This operation was aborted" error lines).
 */
import { GraphQLError } from 'graphql';

export type ClientMistake = 'aborted' | 'not_found' | 'bad_input' | 'refused';

/** Codes of errors the client caused (see README, error codes). */
const CLIENT_CODES: Record<string, ClientMistake> = {
  NOT_FOUND: 'not_found',
  BAD_USER_INPUT: 'bad_input',
  GRAPHQL_PARSE_FAILED: 'bad_input',
  GRAPHQL_VALIDATION_FAILED: 'bad_input',
  BAD_REQUEST: 'bad_input',
  QUERY_TOO_COMPLEX: 'refused',
  RESUME_POINT_UNAVAILABLE: 'bad_input',
  UNAUTHENTICATED: 'refused',
  FORBIDDEN: 'refused',
  RATE_LIMITED: 'refused',
  CSRF: 'refused',
};

function isAbort(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const { name, code } = e as { name?: unknown; code?: unknown };
    // A Catena call the gateway itself gave up on (its timeout) is the gateway's failure.
    if (typeof code === 'string' && code.startsWith('CATENA_')) return false;
    if (name === 'AbortError' || code === 'ABORT_ERR' || code === 'UND_ERR_ABORTED') return true;
    e = e instanceof GraphQLError ? e.originalError : (e as { cause?: unknown }).cause;
  }
  return false;
}

/** The kind of client mistake among the things Yoga logs, if it is one. */
export function clientMistake(args: readonly unknown[]): ClientMistake | undefined {
  for (const arg of args) {
    if (isAbort(arg)) return 'aborted';
    // A resolver's ClientError (src/errors.ts) arrives wrapped, its code on the original error.
    const original = arg instanceof GraphQLError ? arg.originalError : undefined;
    for (const code of [
      arg instanceof GraphQLError ? arg.extensions?.code : undefined,
      (original as { code?: unknown } | undefined)?.code,
    ]) {
      if (typeof code === 'string' && CLIENT_CODES[code]) return CLIENT_CODES[code];
    }
  }
  if (args.some((a) => typeof a === 'string' && a.includes('This operation was aborted'))) return 'aborted';
  return undefined;
}
