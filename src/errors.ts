/**
 * What a GraphQL client may learn about a failure. Expected outcomes of mutations are typed results
 * in the schema; everything else is thrown and goes through `toClientError` when Yoga masks
 * errors: our own input errors keep their message, Catena failures become a fixed, safe message
 * with a stable `extensions.code`, and anything unexpected becomes INTERNAL_SERVER_ERROR.
 * No upstream message, URL, status line or stack reaches the client.
 */
import { GraphQLError } from 'graphql';
import {
  CatenaArgumentError,
  CatenaAuthError,
  CatenaBadGatewayError,
  CatenaConnectionError,
  CatenaError,
  CatenaForbiddenError,
  CatenaGatewayTimeoutError,
  CatenaInvalidResponseError,
  CatenaRateLimitedError,
  CatenaTimeoutError,
  CatenaUnauthorizedError,
  CatenaUnavailableError,
} from './catena/errors.ts';
import type { ErrorCode } from './error-codes.ts';

/** The codes of the gateway's own refusals and of Catena's failures, from the one catalogue. */
export type ClientErrorCode = Extract<
  ErrorCode,
  | 'BAD_USER_INPUT'
  | 'RATE_LIMITED'
  | 'TOO_MANY_WAITS'
  | 'NOT_FOUND'
  | 'RESUME_POINT_UNAVAILABLE'
  | 'SERVICE_UNAVAILABLE'
  | 'UPSTREAM_UNAVAILABLE'
  | 'UPSTREAM_TIMEOUT'
  | 'UPSTREAM_RATE_LIMITED'
  | 'UPSTREAM_AUTH_FAILED'
  | 'UPSTREAM_FORBIDDEN'
  | 'UPSTREAM_INVALID_RESPONSE'
  | 'UPSTREAM_ERROR'
  | 'INTERNAL_SERVER_ERROR'
>;

/** A request the gateway refuses itself, with a message meant for the client. */
export class ClientError extends Error {
  constructor(
    readonly code: ClientErrorCode,
    message: string,
    /** The argument at fault, e.g. `first` or `filter.fleetRefs`. */
    readonly argument?: string,
    /** More for the client, in `extensions` (e.g. `retryAfterSeconds`). */
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.name = 'ClientError';
  }
}

/** Bad arguments (cursor, page size, filter): `BAD_USER_INPUT`. */
export class UserInputError extends ClientError {
  constructor(message: string, argument?: string) {
    super('BAD_USER_INPUT', message, argument);
    this.name = 'UserInputError';
  }
}

interface Mapped {
  code: ClientErrorCode;
  message: string;
  extensions?: Record<string, unknown>;
}

function mapCatenaError(error: CatenaError): Mapped {
  if (error instanceof CatenaArgumentError) {
    return { code: 'BAD_USER_INPUT', message: error.message, extensions: { argument: error.argument } };
  }
  if (error instanceof CatenaRateLimitedError) {
    return {
      code: 'UPSTREAM_RATE_LIMITED',
      message: 'Catena is rate limiting the gateway; retry later.',
      extensions: error.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: error.retryAfterSeconds },
    };
  }
  if (error instanceof CatenaTimeoutError || error instanceof CatenaGatewayTimeoutError) {
    return { code: 'UPSTREAM_TIMEOUT', message: 'Catena did not answer in time.' };
  }
  if (
    error instanceof CatenaConnectionError ||
    error instanceof CatenaUnavailableError ||
    error instanceof CatenaBadGatewayError ||
    (error.status !== undefined && error.status >= 500)
  ) {
    return { code: 'UPSTREAM_UNAVAILABLE', message: 'Catena is unavailable; retry later.' };
  }
  if (error instanceof CatenaAuthError || error instanceof CatenaUnauthorizedError) {
    return { code: 'UPSTREAM_AUTH_FAILED', message: 'The gateway could not authenticate with Catena.' };
  }
  if (error instanceof CatenaForbiddenError) {
    return { code: 'UPSTREAM_FORBIDDEN', message: 'Catena does not allow the gateway to do this.' };
  }
  if (error instanceof CatenaInvalidResponseError) {
    return { code: 'UPSTREAM_INVALID_RESPONSE', message: 'Catena sent an answer the gateway cannot read.' };
  }
  return { code: 'UPSTREAM_ERROR', message: 'Catena refused the request.' };
}

/**
 * A GraphQL error without the internals a library put in its extensions: Yoga's JSON body parser
 * adds `originalError` (the parser's name and message, whatever NODE_ENV says), and a stack trace
 * may come as `stacktrace`. Its message, code and HTTP status stay ("POST body sent invalid JSON.",
 * BAD_REQUEST, 400): Yoga keeps a `spec` error's status for application/json only while such an
 * `originalError` is there, so `spec` goes with it.
 */
function withoutInternals(error: GraphQLError): GraphQLError {
  const { originalError, stacktrace, ...extensions } = error.extensions ?? {};
  if (originalError === undefined && stacktrace === undefined) return error;
  const http = extensions.http as { spec?: boolean } | undefined;
  if (http?.spec) {
    const { spec: _, ...status } = http;
    extensions.http = status;
  }
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions,
  });
}

/** The error a client sees for `error` (located errors keep their path and locations). */
export function toClientError(error: unknown): GraphQLError {
  const original = error instanceof GraphQLError && error.originalError ? error.originalError : error;
  const base = error instanceof GraphQLError ? error : undefined;
  const options = { nodes: base?.nodes, source: base?.source, positions: base?.positions, path: base?.path };

  if (original instanceof ClientError) {
    return new GraphQLError(original.message, {
      ...options,
      extensions: {
        code: original.code,
        ...(original.argument ? { argument: original.argument } : {}),
        ...original.details,
      },
    });
  }
  if (original instanceof CatenaError) {
    const mapped = mapCatenaError(original);
    return new GraphQLError(mapped.message, {
      ...options,
      extensions: { code: mapped.code, ...mapped.extensions },
    });
  }
  if (original instanceof GraphQLError) return withoutInternals(base ?? original);
  return new GraphQLError('Unexpected error.', { ...options, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
}

/**
 * The result a plugin sets to refuse a subscription before it starts. `data: null` is there for
 * graphql-sse's single-connection handler, which recognises a result only by its `data` key and
 * otherwise takes it for execution arguments.
 */
export function subscriptionRefusal(errors: readonly GraphQLError[]) {
  return { data: null, errors };
}
