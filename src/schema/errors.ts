import {
  ConflictError,
  type FieldError,
  ForbiddenError,
  InputValidationError,
  NotFoundError,
  RateLimitedError,
  TspRejectedError,
  type WriteError,
} from '../resolvers/write-errors.ts';
import { builder } from './builder.ts';
import { ResourceOperationRef } from './resource-operation.ts';

export const ErrorInterface = builder.interfaceRef<WriteError>('Error').implement({
  description: 'An expected reason a write did not happen. `code` is stable; `message` is for people.',
  fields: (t) => ({
    message: t.exposeString('message'),
    code: t.exposeString('code'),
  }),
});

const FieldErrorRef = builder.objectRef<FieldError>('FieldError').implement({
  description: 'One invalid value of a mutation.',
  fields: (t) => ({
    path: t.exposeStringList('path', {
      description: 'Where it is, e.g. ["input", "stops", "0", "stopType"].',
    }),
    message: t.exposeString('message'),
  }),
});

const errorType = <T extends WriteError>(
  type: abstract new (...args: never[]) => T,
  name: string,
  description: string,
) => ({
  name,
  description,
  interfaces: [ErrorInterface],
  isTypeOf: (value: unknown) => value instanceof type,
});

builder.objectType(InputValidationError, {
  ...errorType(
    InputValidationError,
    'InputValidationError',
    'The input is invalid; nothing was sent to the TSP.',
  ),
  fields: (t) => ({ fieldErrors: t.field({ type: [FieldErrorRef], resolve: (e) => e.fieldErrors }) }),
});

builder.objectType(NotFoundError, {
  ...errorType(NotFoundError, 'NotFoundError', 'The record to update, or the connection, does not exist.'),
  fields: () => ({}),
});

builder.objectType(ConflictError, {
  ...errorType(
    ConflictError,
    'ConflictError',
    'Catena refused the write as a conflict, or an idempotency key was reused with another input.',
  ),
  fields: () => ({}),
});

builder.objectType(RateLimitedError, {
  ...errorType(RateLimitedError, 'RateLimitedError', 'Catena is rate limiting; nothing was written.'),
  fields: (t) => ({
    retryAfterSeconds: t.int({ nullable: true, resolve: (e) => e.retryAfterSeconds }),
  }),
});

builder.objectType(TspRejectedError, {
  ...errorType(
    TspRejectedError,
    'TspRejectedError',
    'A SYNC write the TSP refused; the failed operation says why.',
  ),
  fields: (t) => ({ operation: t.field({ type: ResourceOperationRef, resolve: (e) => e.operation }) }),
});

builder.objectType(ForbiddenError, {
  ...errorType(ForbiddenError, 'ForbiddenError', 'The write is not allowed through this connection.'),
  fields: () => ({}),
});
