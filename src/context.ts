/**
 * The one context factory. HTTP requests, SSE and WebSocket subscriptions (and every subscription
 * event) all end here; it knows nothing of transports.
 */
import { randomUUID } from 'node:crypto';
import type { CallOptions, CatenaClient } from './catena/client.ts';
import { createLoaders, type Loaders } from './catena/loaders.ts';

export interface GatewayContext {
  catena: CatenaClient;
  loaders: Loaders;
  /** Propagated to Catena as `X-Request-Id`. */
  requestId: string;
  /** Options every Catena call of this request passes on. */
  call: CallOptions;
}

export interface ContextInput {
  catena: CatenaClient;
  requestId?: string;
  signal?: AbortSignal;
}

export function createContext({ catena, requestId = randomUUID(), signal }: ContextInput): GatewayContext {
  const call: CallOptions = { requestId, signal };
  return { catena, loaders: createLoaders(catena, call), requestId, call };
}
