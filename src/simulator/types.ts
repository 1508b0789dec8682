/**
 * The simulator's public surface: what tests, benchmarks and the embedded gateway code against.
 */
import type {
  ConnectionState,
  LogErrorKind,
  LogState,
  OperationKind,
  OperationState,
  ResourceKind,
  ShareLevel,
  Tsp,
} from './model/enums.ts';

/** Options of {@link createSimulator}. Every field is optional; defaults in brackets. */
export interface SimulatorOptions {
  /** The only client id the token endpoint accepts ['dev']. */
  clientId?: string;
  /** The only client secret the token endpoint accepts ['dev']. */
  clientSecret?: string;
  /** If set, a pre-registered active `resource_operation.*` subscription delivers to this URL. */
  webhookUrl?: string;
  /** Secret of that pre-registered subscription ['dev-webhook-secret']. */
  webhookSecret?: string;
  /** Added to every Catena API response, not to `/_simulator` control routes [0]. */
  latencyMs?: number;
  /** How long an async operation stays `pending` [1500]. */
  processingMs?: number;
  /** Lifetime of issued access tokens [3600]. */
  tokenTtlSeconds?: number;
  /** A delivery attempt not answered by then counts as a timeout [3000]. */
  webhookTimeoutMs?: number;
  /** Delays before each retry; the event goes to the DLQ after the last one [500, 1500, 3000]. */
  webhookRetryDelaysMs?: number[];
  /** No circuit-breaker evaluation during a webhook's first milliseconds after create/update [15 min]. */
  breakerGraceMs?: number;
}

export interface Simulator {
  /** Listens (default port 0, host 127.0.0.1) and resolves the base URL. */
  start(port?: number, host?: string): Promise<string>;
  /** Closes the server and cancels every timer and in-flight webhook delivery. */
  stop(): Promise<void>;
  /** Base URL; throws before `start()`. */
  readonly url: string;
  /** The token endpoint at Catena's own Keycloak path (`TOKEN_PATH`). */
  readonly tokenUrl: string;
  readonly fixtures: SimulatorFixtures;
  readonly control: SimulatorControl;
}

/**
 * How write answers look: `full`, the operation model with every field (seed 003, the OpenAPI); or
 * `short`, as some of Catena's write pages show their sync examples (update-vehicle,
 * create-fuel-transaction, create-dvir-log): without `resource`, `operation_type`, and the logs'
 * `status` and `error_type`.
 */
export type WriteAnswerShape = 'full' | 'short';

export interface KnobsPatch {
  latencyMs?: number;
  processingMs?: number;
  tokenTtlSeconds?: number;
  webhookDeliveryPaused?: boolean;
  /** ['full'] */
  writeAnswerShape?: WriteAnswerShape;
}

export interface SimulatorControl {
  configure(patch: KnobsPatch): void;
  /** Returns the fault id. */
  addFault(fault: FaultSpec): string;
  clearFaults(): void;
  /** Key: `${METHOD} ${fastify route pattern}`; Catena routes only (also those answered by a fault). */
  requestCounts(): Record<string, number>;
  resetRequestCounts(): void;
  /** Every token issued so far is refused (401) from now on. */
  revokeTokens(): void;
  /** Same as POST /v2/notifications/webhooks; returns the subscription ids. */
  registerWebhook(input: { url: string; secret: string; eventName?: string }): string[];
  /** Bulk-adds past operations, round-robin over the connections, oldest first; returns them. */
  seedOperations(spec: SeedOperationsSpec): ResourceOperation[];
  /** Every webhook delivery attempt, oldest first. */
  deliveries(): DeliveryRecord[];
  /**
   * Sets a subscription's status as Catena itself does (its circuit breaker makes it `stale`, which
   * the API's PATCH may not); false if unknown.
   */
  setWebhookStatus(id: string, status: 'active' | 'inactive' | 'stale'): boolean;
  /** Changes a connection as its fleet or Catena would (its description or status); false if unknown. */
  updateConnection(id: string, patch: { description?: string; status?: ConnectionState }): boolean;
  /** Back to the seed state: store, counters, faults, knobs, subscriptions. */
  reset(): void;
}

export interface SeedOperationsSpec {
  count: number;
  connectionIds?: string[];
  status?: OperationState;
}

export type FaultSpec = {
  /** HTTP method to match; absent = any. */
  method?: string;
  /** Fastify route pattern to match exactly (as in `requestCounts()` keys); absent = any Catena route. */
  route?: string;
  /** How many matching requests it applies to [1]; `Number.POSITIVE_INFINITY` allowed. */
  times?: number;
} & (
  | { kind: 'status'; status: number; retryAfterSeconds?: number }
  | { kind: 'drop'; phase?: 'before' | 'after' }
  | { kind: 'delay'; delayMs: number; phase?: 'before' | 'after' }
);

export interface DeliveryRecord {
  webhookId: string;
  eventId: string;
  eventName: string;
  /** The `X-Delivery-Attempt` sent. */
  attempt: number;
  url: string;
  /** Response status, when the receiver answered. */
  status?: number;
  /** Transport error or timeout, when it did not. */
  error?: string;
  /** When the attempt finished (ISO 8601). */
  at: string;
  operationId?: string;
}

export interface OperationLogRecord {
  id: string;
  created_at: string;
  updated_at: string;
  resource_operation_id: string;
  status: LogState;
  error_type: LogErrorKind | null;
  error_details: string | null;
  response_status_code: number | null;
  response_headers: Record<string, string> | null;
}

/** A resource operation as the Integrations service reads it (ResourceOperationRead + deleted_at). */
export interface ResourceOperation {
  id: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  partner_id: string;
  connection_id: string;
  fleet_ref: string | null;
  source_name: Tsp;
  resource: ResourceKind;
  operation_type: OperationKind;
  status: OperationState;
  payload: Record<string, unknown>;
  resource_id: string | null;
  source_id: string | null;
  logs: OperationLogRecord[];
}

export interface FleetFixture {
  id: string;
  ref: string | null;
  name: string;
}

export interface ConnectionFixture {
  id: string;
  fleetId: string;
  fleetRef: string | null;
  tspId: string;
  sourceName: Tsp;
  status: ConnectionState;
  shareLevel: ShareLevel;
  description: string;
}

export interface EntityFixture {
  id: string;
  sourceId: string;
  connectionId: string;
  name: string;
}
export interface UserFixture extends EntityFixture {
  username: string;
}
export interface EquipmentFixture extends EntityFixture {
  vin: string;
}

export interface SimulatorFixtures {
  partnerId: string;
  partnerName: string;
  fleets: FleetFixture[];
  connections: ConnectionFixture[];
  users: UserFixture[];
  vehicles: EquipmentFixture[];
  trailers: EquipmentFixture[];
  workflows: EntityFixture[];
  /** Ids of the seeded past operations, oldest first. */
  operations: { id: string; connectionId: string; resource: ResourceKind; status: OperationState }[];
}
