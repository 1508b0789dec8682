/**
 * Prometheus metrics (`GET /metrics`). GraphQL operations by name, type and outcome with latency
 * (operation-metrics.ts), then the gateway's own: Catena calls by route and
 * status with latency and retries, webhook deliveries by outcome, dedupe hits, published events by
 * source, active subscriptions by transport, pub/sub lag, idempotency outcomes.
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { CallEvent } from '../catena/transport.ts';
import { useOperationMetrics } from './operation-metrics.ts';

const SECONDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** What the gauges read at scrape time. */
export interface MetricsSources {
  /** Active subscriptions by transport. */
  subscriptions: Readonly<Record<string, number>>;
  /** Operations watched for missed webhooks. */
  poller: { readonly watching: number };
  /** Open `ResourceOperation.settled` waits. */
  waits: { readonly count: number };
}

export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'catena_gateway_' });
  let sources: MetricsSources | undefined;

  const upstreamRequests = new Counter({
    name: 'catena_gateway_upstream_requests_total',
    help: 'Catena API attempts, by method, route and HTTP status (or error code).',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  const upstreamDuration = new Histogram({
    name: 'catena_gateway_upstream_request_duration_seconds',
    help: 'Latency of Catena API attempts.',
    labelNames: ['method', 'route'],
    buckets: SECONDS,
    registers: [registry],
  });
  const upstreamRetries = new Counter({
    name: 'catena_gateway_upstream_retries_total',
    help: 'Catena API calls retried, by method and route.',
    labelNames: ['method', 'route'],
    registers: [registry],
  });
  const webhookDeliveries = new Counter({
    name: 'catena_gateway_webhook_deliveries_total',
    help: 'Catena webhook deliveries, by HTTP answer (202, 400, 401, 413, 503, ...).',
    labelNames: ['status'],
    registers: [registry],
  });
  const events = new Counter({
    name: 'catena_gateway_events_published_total',
    help: 'Operation events published, by source (webhook, write, poll) and type.',
    labelNames: ['source', 'type'],
    registers: [registry],
  });
  const duplicates = new Counter({
    name: 'catena_gateway_dedupe_hits_total',
    help: 'Operation states not published again because they were published before.',
    registers: [registry],
  });
  const lag = new Histogram({
    name: 'catena_gateway_pubsub_lag_seconds',
    help: 'From publishing an event to handing it to a subscriber.',
    buckets: SECONDS,
    registers: [registry],
  });
  const idempotency = new Counter({
    name: 'catena_gateway_idempotency_total',
    help: 'Writes with an idempotency key, by result (new, replayed, conflict).',
    labelNames: ['result'],
    registers: [registry],
  });
  const clientMistakes = new Counter({
    name: 'catena_gateway_client_mistakes_total',
    help: 'Errors the client caused (aborted, not_found, bad_input, refused), logged at debug only.',
    labelNames: ['kind'],
    registers: [registry],
  });
  new Gauge({
    name: 'catena_gateway_subscriptions_active',
    help: 'Active subscriptions, by transport.',
    labelNames: ['transport'],
    registers: [registry],
    collect() {
      this.reset();
      for (const [transport, count] of Object.entries(sources?.subscriptions ?? {}))
        this.set({ transport }, count);
    },
  });
  new Gauge({
    name: 'catena_gateway_polled_operations',
    help: 'Pending operations watched and polled for missed webhooks.',
    registers: [registry],
    collect() {
      this.set(sources?.poller.watching ?? 0);
    },
  });
  new Gauge({
    name: 'catena_gateway_settled_waits',
    help: 'Open ResourceOperation.settled waits (requests held until an operation settles).',
    registers: [registry],
    collect() {
      this.set(sources?.waits.count ?? 0);
    },
  });

  return {
    registry,
    /** GraphQL operations by name, type and outcome with latency, and `GET /metrics` (Yoga plugin). */
    yogaPlugin: () => useOperationMetrics({ registry, buckets: SECONDS }),
    setSources(s: MetricsSources) {
      sources = s;
    },
    upstreamCall(event: CallEvent) {
      upstreamRequests.inc({
        method: event.method,
        route: event.route,
        status: String(event.status ?? event.error),
      });
      upstreamDuration.observe({ method: event.method, route: event.route }, event.durationMs / 1000);
    },
    upstreamRetry: (method: string, route: string) => upstreamRetries.inc({ method, route }),
    webhookDelivery: (status: number) => webhookDeliveries.inc({ status: String(status) }),
    published: (source: string, type: string) => events.inc({ source, type }),
    duplicate: () => duplicates.inc(),
    delivered: (publishedAt: number) => lag.observe(Math.max(0, Date.now() - publishedAt) / 1000),
    idempotency: (result: 'new' | 'replayed' | 'conflict') => idempotency.inc({ result }),
    clientMistake: (kind: string) => clientMistakes.inc({ kind }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
