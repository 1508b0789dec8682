/**
 * Deterministic outcomes of a write (contract §4): any string in the payload containing
 * `simulate-validation-failure` fails with a `validation` log, `simulate-failure` with three `tsp`
 * attempt logs; a write through a connection that is not `active` (the seed's stale one) fails
 * with an `auth` log, as its TSP credentials no longer work; anything else succeeds with one log
 * carrying the TSP's 200/201.
 */
import type { WriteEndpoint } from './model/writes.ts';
import type { ConnectionRecord } from './store.ts';
import type { OperationLogRecord, ResourceOperation } from './types.ts';

export type Outcome = 'success' | 'tsp_failure' | 'validation_failure' | 'auth_failure';

function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) strings(item, out);
  else if (value !== null && typeof value === 'object')
    for (const item of Object.values(value)) strings(item, out);
  return out;
}

export function decideOutcome(payload: Record<string, unknown>, connectionStatus = 'active'): Outcome {
  if (connectionStatus !== 'active') return 'auth_failure';
  const all = strings(payload);
  if (all.some((s) => s.includes('simulate-validation-failure'))) return 'validation_failure';
  if (all.some((s) => s.includes('simulate-failure'))) return 'tsp_failure';
  return 'success';
}

export interface SettleInput {
  outcome: Outcome;
  at: number;
  /** Set on success: the Catena id and TSP id of the created or updated record. */
  resourceId?: string;
  sourceId?: string;
  newId: () => string;
}

/** The operation after the TSP answered: final status, ids and one log per attempt. */
export function settle(op: ResourceOperation, input: SettleInput): ResourceOperation {
  const log = (
    offsetMs: number,
    fields: Omit<OperationLogRecord, 'id' | 'created_at' | 'updated_at' | 'resource_operation_id'>,
  ): OperationLogRecord => {
    const at = new Date(input.at - offsetMs).toISOString();
    return { id: input.newId(), created_at: at, updated_at: at, resource_operation_id: op.id, ...fields };
  };
  const headers = () => ({ 'X-Request-Id': input.newId() });
  const updated_at = new Date(input.at).toISOString();

  if (input.outcome === 'success') {
    return {
      ...op,
      updated_at,
      status: 'success',
      resource_id: input.resourceId ?? null,
      source_id: input.sourceId ?? null,
      logs: [
        ...op.logs,
        log(0, {
          status: 'success',
          error_type: null,
          error_details: null,
          response_status_code: op.operation_type === 'create' ? 201 : 200,
          response_headers: headers(),
        }),
      ],
    };
  }
  if (input.outcome === 'validation_failure' || input.outcome === 'auth_failure') {
    const validation = input.outcome === 'validation_failure';
    return {
      ...op,
      updated_at,
      status: 'failed',
      logs: [
        ...op.logs,
        log(0, {
          status: 'failed',
          error_type: validation ? 'validation' : 'auth',
          error_details: validation
            ? `${op.source_name} rejected the ${op.resource}: payload failed validation (simulate-validation-failure)`
            : `${op.source_name} refused the connection's credentials (the connection is not active)`,
          response_status_code: validation ? 400 : 401,
          response_headers: headers(),
        }),
      ],
    };
  }
  const attempts: [number, string][] = [
    [500, 'Internal Server Error'],
    [503, 'Service Unavailable'],
    [503, 'Service Unavailable'],
  ];
  return {
    ...op,
    updated_at,
    status: 'failed',
    logs: [
      ...op.logs,
      ...attempts.map(([code, reason], index) =>
        log((attempts.length - 1 - index) * 2, {
          status: 'failed',
          error_type: 'tsp',
          error_details: `${op.source_name} API responded ${code} ${reason} (attempt ${index + 1} of ${attempts.length})`,
          response_status_code: code,
          response_headers: { ...headers(), 'Retry-After': '1' },
        }),
      ),
    ],
  };
}

export interface PendingOperationInput {
  id: string;
  /** ISO 8601. */
  createdAt: string;
  partnerId: string;
  connection: ConnectionRecord;
  spec: Pick<WriteEndpoint, 'resource' | 'operation'>;
  payload: Record<string, unknown>;
}

/** A freshly accepted write: pending, no result ids, no attempts yet. */
export function pendingOperation(input: PendingOperationInput): ResourceOperation {
  return {
    id: input.id,
    created_at: input.createdAt,
    updated_at: input.createdAt,
    deleted_at: null,
    partner_id: input.partnerId,
    connection_id: input.connection.id,
    fleet_ref: input.connection.fleet_ref,
    source_name: input.connection.source_name,
    resource: input.spec.resource,
    operation_type: input.spec.operation,
    status: 'pending',
    payload: input.payload,
    resource_id: null,
    source_id: null,
    logs: [],
  };
}
