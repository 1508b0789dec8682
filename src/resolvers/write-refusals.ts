/**
 * Catena's refusals of a write as the gateway's typed write results: its 422 issues as input
 * paths, 404/409/429/403 and a TSP's rejection as their union members; and whether a failed call
 * may have been carried out anyway (what an idempotency key then records as uncertain).
 */
import { WRITES, type WriteName } from '../catena/bodies.ts';
import {
  CatenaConflictError,
  CatenaConnectionError,
  CatenaForbiddenError,
  CatenaInvalidResponseError,
  CatenaNotFoundError,
  CatenaRateLimitedError,
  CatenaTimeoutError,
  CatenaTspRejectedError,
  CatenaValidationError,
} from '../catena/errors.ts';
import {
  ConflictError,
  type FieldError,
  ForbiddenError,
  InputValidationError,
  NotFoundError,
  RateLimitedError,
  TspRejectedError,
  WriteError,
} from './write-errors.ts';
import { inputPath } from './write-input.ts';

/** Catena's 422 path (`stops.0.stop_type`, FastAPI's `body.x`, `query.is_sync`, `path.id`) as a GraphQL path. */
export function graphqlPath(name: WriteName, catenaPath: string): string[] {
  const parts = catenaPath.split('.').filter(Boolean);
  if (parts[0] === 'path') return ['id'];
  if (parts[0] === 'query') return parts[1] === 'is_sync' ? ['mode'] : ['input'];
  if (parts[0] === 'body') parts.shift();
  return ['input', ...inputPath(WRITES[name].fields, parts)];
}

/** Whether a failed call may have been carried out by Catena anyway. */
export function mayHaveWritten(error: unknown): boolean {
  // A typed outcome means Catena answered 4xx: it wrote nothing.
  if (error instanceof WriteError) return false;
  if (error instanceof CatenaTimeoutError || error instanceof CatenaInvalidResponseError) return true;
  if (error instanceof CatenaConnectionError) return error.requestMayHaveBeenSent;
  const status = (error as { status?: unknown }).status;
  return typeof status === 'number' ? status >= 500 : true;
}

export function toWriteError(error: unknown, name: WriteName, id: string | undefined): unknown {
  const { resource, operation } = WRITES[name];
  if (error instanceof CatenaValidationError) {
    const fieldErrors: FieldError[] = error.issues.map((issue) => ({
      path: graphqlPath(name, issue.path),
      message: issue.message,
    }));
    return new InputValidationError(
      fieldErrors.length > 0 ? fieldErrors : [{ path: ['input'], message: 'Catena refused the input' }],
    );
  }
  if (error instanceof CatenaNotFoundError) {
    return new NotFoundError(
      operation === 'update'
        ? `Catena has no ${resource} ${id} on this connection, or no such connection.`
        : 'Catena has no such connection.',
    );
  }
  if (error instanceof CatenaConflictError) {
    return new ConflictError(`Catena refused the ${resource} as a conflict with an existing record.`);
  }
  if (error instanceof CatenaRateLimitedError) return new RateLimitedError(error.retryAfterSeconds ?? null);
  if (error instanceof CatenaTspRejectedError) return new TspRejectedError(error.operation);
  if (error instanceof CatenaForbiddenError) {
    return new ForbiddenError(
      'Catena does not allow this write through this connection.',
      'UPSTREAM_FORBIDDEN',
    );
  }
  return error;
}
