/**
 * Every code a client can see, as `extensions.code` of a GraphQL error or as `code` of a write's
 * error result (the `Error` interface): the gateway's own and those of the libraries it answers
 * through (Yoga, graphql-js, the persisted-operations plugin). One meaning each; README.md ("Error
 * codes") says it, and test/docs/error-codes.test.ts fails when a code the source or those
 * libraries can send is missing here or there. The Catena client's codes (`CATENA_*`,
 * src/catena/errors.ts) are internal: src/errors.ts turns them into `UPSTREAM_*` codes.
 */
export const ERROR_CODES = [
  // The request: how it is sent, what it is, who sends it.
  'BAD_REQUEST',
  'LENGTH_REQUIRED',
  'PAYLOAD_TOO_LARGE',
  'CSRF',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'RATE_LIMITED',
  'TOO_MANY_WAITS',
  // The document and its arguments.
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'OPERATION_RESOLUTION_FAILURE',
  'QUERY_TOO_COMPLEX',
  'PERSISTED_QUERY_NOT_IN_LIST',
  'PERSISTED_QUERY_ID_REQUIRED',
  'CANNOT_SEND_PQ_ID_AND_BODY',
  'BAD_USER_INPUT',
  // What the gateway looked for or needs.
  'NOT_FOUND',
  'RESUME_POINT_UNAVAILABLE',
  'SERVICE_UNAVAILABLE',
  // Catena, as the gateway saw it.
  'UPSTREAM_UNAVAILABLE',
  'UPSTREAM_TIMEOUT',
  'UPSTREAM_RATE_LIMITED',
  'UPSTREAM_AUTH_FAILED',
  'UPSTREAM_FORBIDDEN',
  'UPSTREAM_INVALID_RESPONSE',
  'UPSTREAM_ERROR',
  'INTERNAL_SERVER_ERROR',
  // Write results only (also NOT_FOUND, FORBIDDEN, UPSTREAM_FORBIDDEN and UPSTREAM_RATE_LIMITED).
  'INPUT_VALIDATION',
  'CONFLICT',
  'TSP_REJECTED',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
