import type { OperationLog } from '../catena/schemas.ts';
import { builder } from './builder.ts';
import { OperationErrorType, OperationLogStatus } from './enums.ts';

export const OperationLogRef = builder.objectRef<OperationLog>('OperationLog');

OperationLogRef.implement({
  description: 'One attempt Catena made to carry a resource operation out at the TSP.',
  fields: (t) => ({
    id: t.id({ description: "Catena's id of the log entry.", resolve: (log) => log.id }),
    createdAt: t.field({ type: 'DateTime', resolve: (log) => log.created_at }),
    updatedAt: t.field({ type: 'DateTime', resolve: (log) => log.updated_at }),
    resourceOperationId: t.field({ type: 'UUID', resolve: (log) => log.resource_operation_id }),
    status: t.field({
      type: OperationLogStatus.ref,
      resolve: (log, _, ctx) => OperationLogStatus.fromCatena(log.status, ctx),
    }),
    errorType: t.field({
      type: OperationErrorType.ref,
      nullable: true,
      resolve: (log, _, ctx) => (log.error_type ? OperationErrorType.fromCatena(log.error_type, ctx) : null),
    }),
    errorDetails: t.string({ nullable: true, resolve: (log) => log.error_details ?? null }),
    responseStatusCode: t.int({
      nullable: true,
      description: 'The HTTP status the TSP answered with, when it answered.',
      resolve: (log) => log.response_status_code ?? null,
    }),
    responseHeaders: t.field({
      type: 'JSONObject',
      nullable: true,
      description: "The TSP's rate-limit and request-id headers (Catena redacts the rest).",
      resolve: (log) => log.response_headers ?? null,
    }),
  }),
});
