/**
 * The one context factory. HTTP requests, SSE and WebSocket subscriptions (and every subscription
 * event) all end here; it knows nothing of transports.
 */
import { randomUUID } from 'node:crypto';
import type { CallOptions, CatenaClient } from './catena/client.ts';
import { createLoaders, type Loaders } from './catena/loaders.ts';
import type { IdempotencyStore } from './idempotency/store.ts';

export interface GatewayContext {
  catena: CatenaClient;
  loaders: Loaders;
  /** Propagated to Catena as `X-Request-Id`. */
  requestId: string;
  /** Options every Catena call of this request passes on. */
  call: CallOptions;
  /** Who is calling; scopes idempotency keys. `anonymous` while client authentication is off. */
  viewerId: string;
  idempotency: IdempotencyStore;
}

export interface ContextInput {
  catena: CatenaClient;
  idempotency: IdempotencyStore;
  viewerId?: string;
  requestId?: string;
  signal?: AbortSignal;
}

export function createContext({
  catena,
  idempotency,
  viewerId = 'anonymous',
  requestId = randomUUID(),
  signal,
}: ContextInput): GatewayContext {
  const call: CallOptions = { requestId, signal };
  return { catena, loaders: createLoaders(catena, call), requestId, call, viewerId, idempotency };
}
