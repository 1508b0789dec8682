/**
 * What `buildApp` takes and gives: its options beyond the configuration, and the app it returns.
 */
import type { SpanProcessor } from '@opentelemetry/sdk-trace-node';
import type { CatenaClient } from './catena/client.ts';
import type { GatewayServices } from './context.ts';
import type { IdempotencyStore } from './idempotency/index.ts';
import type { Logger } from './logger.ts';
import type { ExampleIds } from './schema/examples.ts';
import type { SecurityOptions } from './security/index.ts';
import type { EventServicesOptions } from './subscriptions/services.ts';
import type { WebhookReceiverOptions } from './subscriptions/webhook-receiver.ts';

export interface AppOptions {
  logger?: Logger;
  /** Where idempotency keys live; in memory, or on Redis with REDIS_URL, by default. */
  idempotency?: IdempotencyStore;
  /** Stores and polling settings of the event side that replace the chosen ones (tests). */
  events?: Omit<EventServicesOptions, 'catena' | 'logger'>;
  /** Limits of the webhook receiver (see WebhookReceiverOptions). */
  webhooks?: Pick<WebhookReceiverOptions, 'maxWireBytes' | 'maxBytes' | 'toleranceMs' | 'deadlineMs'>;
  /** Real ids for the GraphiQL write examples (embedded mode passes the simulator's seed). */
  exampleIds?: ExampleIds;
  /** How long `stop()` lets in-flight requests finish before closing their sockets [10 s]. */
  shutdownGraceMs?: number;
  /** Collects trace spans (tests); otherwise config.tracing decides. */
  spanProcessor?: SpanProcessor;
  /** WebSocket keep-alive ping interval [12 s]. */
  keepAliveMs?: number;
  /** Abuse protection beyond config.security: the rate limit's window (tests shorten it), query limits. */
  security?: Pick<SecurityOptions, 'rateLimitWindowMs' | 'limits'>;
}

export interface AppStats {
  /** Event streams listening (one per active subscription). */
  subscribers: number;
  /** Pending operations watched for missed webhooks. */
  polling: number;
  /** Open graphql-ws connections. */
  websockets: number;
}

export interface App {
  /** Listens and resolves the base URL, e.g. `http://127.0.0.1:4000`. */
  start(port?: number, host?: string): Promise<string>;
  /** Stops accepting, lets in-flight requests finish (up to the grace period), then closes. */
  stop(): Promise<void>;
  readonly url: string;
  readonly catena: CatenaClient;
  readonly services: GatewayServices;
  readonly logger: Logger;
  stats(): AppStats;
  /** In-process requests, for tests (`app.fetch('http://gateway/graphql', ...)`). */
  fetch: (input: string, init?: RequestInit) => Promise<Response>;
}
