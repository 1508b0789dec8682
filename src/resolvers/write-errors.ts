/**
 * The expected outcomes of a write other than success, as classes the schema turns into result
 * union members (each implements the GraphQL `Error` interface). Messages are the gateway's own,
 * never Catena's wording, except field messages of a Catena 422 (written for API clients).
 */
import type { ResourceOperation } from '../catena/schemas.ts';
import type { ErrorCode } from '../error-codes.ts';

export interface FieldError {
  /** GraphQL path of the offending value, e.g. `["input", "stops", "0", "stopType"]`. */
  path: string[];
  message: string;
}

/** Base of every typed write error; registered with the errors plugin, never the global Error. */
export abstract class WriteError extends Error {
  abstract readonly code: ErrorCode;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class InputValidationError extends WriteError {
  readonly code = 'INPUT_VALIDATION';
  constructor(
    readonly fieldErrors: FieldError[],
    message = fieldErrors.length === 1
      ? `Invalid input at ${fieldErrors[0]?.path.join('.')}: ${fieldErrors[0]?.message}`
      : `The input has ${fieldErrors.length} invalid values`,
  ) {
    super(message);
  }
}

export class NotFoundError extends WriteError {
  readonly code = 'NOT_FOUND';
}

export class ConflictError extends WriteError {
  readonly code = 'CONFLICT';
}

/** Catena's 429 on a write (the gateway's own limit is a `RATE_LIMITED` GraphQL error, not a result). */
export class RateLimitedError extends WriteError {
  readonly code = 'UPSTREAM_RATE_LIMITED';
  constructor(readonly retryAfterSeconds: number | null) {
    super(
      retryAfterSeconds === null
        ? 'Catena is rate limiting writes; retry later.'
        : `Catena is rate limiting writes; retry in ${retryAfterSeconds} s.`,
    );
  }
}

export class TspRejectedError extends WriteError {
  readonly code = 'TSP_REJECTED';
  constructor(readonly operation: ResourceOperation) {
    super('The telematics provider rejected the write; see operation.logs for why.');
  }
}

/** `FORBIDDEN`: the gateway refuses (scope); `UPSTREAM_FORBIDDEN`: Catena does (its 403). */
export class ForbiddenError extends WriteError {
  constructor(
    message: string,
    readonly code: 'FORBIDDEN' | 'UPSTREAM_FORBIDDEN' = 'FORBIDDEN',
  ) {
    super(message);
  }
}

export const WRITE_ERRORS = [
  InputValidationError,
  NotFoundError,
  ConflictError,
  RateLimitedError,
  TspRejectedError,
  ForbiddenError,
] as const;
