/**
 * zod schemas of what Catena sends back: the read models, the write-response operation model,
 * cursor pages, error bodies and the token response.
 *
 * Catena's read and write endpoints are provisional (fields may be added, renamed or get new enum
 * values), so every schema here is deliberately tolerant:
 * - unknown object keys are ignored (zod's default `strip`), never an error;
 * - enums are "open": a value we do not know passes through as a string, typed `Open<T>`, so the
 *   layers above can decide what to show (the GraphQL layer maps it to `UNKNOWN`);
 * - optional-and-nullable fields accept both `null` and a missing key.
 * What must hold for the gateway to work at all (ids, timestamps, the status) stays required.
 */
import { z } from 'zod';
import { canonicalUuid } from '../ids.ts';
import {
  CONNECTION_STATUSES,
  OPERATION_ERROR_TYPES,
  OPERATION_LOG_STATUSES,
  OPERATION_STATUSES,
  OPERATION_TYPES,
  RESOURCES,
  TSP_SOURCES,
} from './enums.ts';

/** A known enum value, or any other string Catena may add later. */
export type Open<T extends string> = T | (string & {});

/** An enum that accepts values it does not know (see the file comment). */
export function openEnum<const T extends readonly [string, ...string[]]>(_values: T) {
  return z.string() as unknown as z.ZodType<Open<T[number]>, string>;
}

/** True when `value` is one of the known members of `values`. */
export function isKnown<const T extends readonly string[]>(values: T, value: string): value is T[number] {
  return (values as readonly string[]).includes(value);
}

// Catena ids are UUIDs; `guid` checks the 8-4-4-4-12 shape without insisting on a version nibble.
// Kept lower-case (canonicalUuid), so an id compares and keys the same whoever spelled it; an
// overwrite, not a transform, so it costs no pipe (a page parses ~500 ids).
const id = z.guid().overwrite(canonicalUuid);
/**
 * A JSON object whose content Catena defines and the gateway passes on as it is (an operation's
 * payload, a log's TSP response headers): checked to be an object, not copied key by key.
 */
const jsonObject = z.custom<Record<string, unknown>>(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  'expected an object',
);
const timestamp = z.string().refine((v) => !Number.isNaN(Date.parse(v)), 'expected an ISO 8601 date-time');
const nullableString = z.string().nullish();

export const connectionSchema = z.object({
  id,
  created_at: timestamp,
  updated_at: timestamp,
  fleet_id: id.nullish(),
  fleet_ref: nullableString,
  tsp_id: id,
  source_name: openEnum(TSP_SOURCES),
  /** Per-TSP credentials, secrets masked by Catena. Never exposed by the gateway. */
  credentials: jsonObject.nullish(),
  status: openEnum(CONNECTION_STATUSES),
  description: nullableString,
});
export type Connection = z.infer<typeof connectionSchema>;

export const operationLogSchema = z.object({
  id,
  created_at: timestamp,
  updated_at: timestamp,
  resource_operation_id: id,
  status: openEnum(OPERATION_LOG_STATUSES),
  error_type: openEnum(OPERATION_ERROR_TYPES).nullish(),
  error_details: nullableString,
  response_status_code: z.number().int().nullish(),
  response_headers: jsonObject.nullish(),
});
export type OperationLog = z.infer<typeof operationLogSchema>;

/**
 * The operation model every write answers with (seed 003). `logs` may be absent from list items;
 * callers treat `undefined` as "not loaded", not as "no attempts".
 */
export const writeOperationSchema = z.object({
  id,
  created_at: timestamp,
  updated_at: timestamp,
  deleted_at: timestamp.nullish(),
  partner_id: id,
  connection_id: id,
  fleet_ref: nullableString,
  source_name: openEnum(TSP_SOURCES).nullish(),
  resource: openEnum(RESOURCES),
  operation_type: openEnum(OPERATION_TYPES),
  status: openEnum(OPERATION_STATUSES),
  payload: jsonObject,
  resource_id: id.nullish(),
  source_id: nullableString,
  logs: z.array(operationLogSchema).optional(),
});

/**
 * A write's answer (200, 202, or the 502 of a sync write the TSP refused). Catena's own write pages
 * show some answers without `resource`, `operation_type` and the logs' `status` and `error_type`
 * (the sync examples of update-vehicle, create-fuel-transaction and create-dvir-log), so those are
 * optional here; the caller knows the first two from its request, and {@link completeWriteAnswer}
 * fills every one in.
 */
export const writeAnswerSchema = writeOperationSchema.extend({
  resource: openEnum(RESOURCES).optional(),
  operation_type: openEnum(OPERATION_TYPES).optional(),
  logs: z
    .array(operationLogSchema.extend({ status: openEnum(OPERATION_LOG_STATUSES).optional() }))
    .optional(),
});
export type WriteAnswer = z.infer<typeof writeAnswerSchema>;

/** What a write request already tells of its operation. */
export interface WriteFacts {
  resource: string;
  operation_type: string;
}

/**
 * The full operation model from a write's answer: `resource` and `operation_type` from the request
 * where Catena left them out, and each log's `status` from its TSP status code (or, without one,
 * from whether it names an error, or from the operation's outcome).
 */
export function completeWriteAnswer(answer: WriteAnswer, facts: WriteFacts): ResourceOperation {
  const { logs, ...rest } = answer;
  const logStatus = (log: NonNullable<WriteAnswer['logs']>[number]): OperationLog['status'] => {
    if (log.status !== undefined) return log.status;
    const code = log.response_status_code;
    if (typeof code === 'number') return code < 400 ? 'success' : 'failed';
    if (log.error_type) return 'failed';
    return answer.status === 'failed' ? 'failed' : 'success';
  };
  return {
    ...rest,
    resource: answer.resource ?? facts.resource,
    operation_type: answer.operation_type ?? facts.operation_type,
    ...(logs === undefined ? {} : { logs: logs.map((log) => ({ ...log, status: logStatus(log) })) }),
  };
}

/** ResourceOperationRead (seeds 000-002): the write model plus the connection's `source_name`. */
export const resourceOperationSchema = writeOperationSchema.extend({
  source_name: openEnum(TSP_SOURCES),
});
export type ResourceOperation = z.infer<typeof writeOperationSchema>;

/** Older async-only write answers carried just the operation id (SDK `ResourceOperationAccept`). */
export const operationAcceptSchema = z.object({ id });

export function cursorPageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    current_page: nullableString,
    current_page_backwards: nullableString,
    previous_page: nullableString,
    next_page: nullableString,
    total: z.number().int().nullish(),
  });
}
export interface CursorPage<T> {
  items: T[];
  current_page?: string | null;
  current_page_backwards?: string | null;
  previous_page?: string | null;
  next_page?: string | null;
  total?: number | null;
}

export const connectionPageSchema = cursorPageSchema(connectionSchema);
export const resourceOperationPageSchema = cursorPageSchema(resourceOperationSchema);

/** One entry of a 422 body's `detail[]`. */
export const validationIssueSchema = z.object({
  path: z.string(),
  input: z.unknown().optional(),
  message: z.string(),
  error_type: z.string().optional(),
});
export type CatenaValidationIssue = z.infer<typeof validationIssueSchema>;

/**
 * Any Catena error body: `{code, message, detail}` where `detail` is a string (400-409, 504), a
 * list of validation issues (422), a retry advice (429), or absent (500 sends only `message`).
 */
export const errorBodySchema = z.object({
  code: z.number().int().optional(),
  message: z.string().optional(),
  detail: z
    .union([
      z.string(),
      z.array(validationIssueSchema),
      z.object({ retry_after_seconds: z.number(), message: z.string().optional() }),
      z.null(),
    ])
    .optional(),
});
export type CatenaErrorBody = z.infer<typeof errorBodySchema>;

/** Keycloak's token response (api-facts §5.1). */
export const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().int().positive(),
  token_type: z.string(),
  scope: z.string().optional(),
});

/** Keycloak's error body on the token endpoint. */
export const tokenErrorSchema = z.object({
  error: z.string(),
  error_description: z.string().optional(),
});
