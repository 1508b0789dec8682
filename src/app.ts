/**
 * `buildApp(config)`: the gateway as one object that can start and stop. It only assembles: the
 * Catena client, the event side (in memory or on Redis), Yoga (yoga.ts) and the HTTP server with
 * graphql-ws and the webhook receiver (server.ts). It never reads `process.env`.
 */
import type { App, AppOptions } from './app-types.ts';
import { createAuthenticator } from './auth/index.ts';
import { createCatenaClient } from './catena/client.ts';
import type { ResolvedConfig } from './config.ts';
import type { GatewayServices } from './context.ts';
import { createIdempotencyStore } from './idempotency/index.ts';
import { createLogger } from './logger.ts';
import { createMetrics } from './observability/metrics.ts';
import { readinessCheck, useReadiness } from './observability/readiness.ts';
import { createTracing } from './observability/tracing.ts';
import { upstreamObservers } from './observability/upstream.ts';
import { createRedisClients } from './redis.ts';
import { createSecurity } from './security/index.ts';
import { createGatewayServer } from './server.ts';
import { createEventServices } from './subscriptions/services.ts';
import { createWebhookReceiver } from './subscriptions/webhook-receiver.ts';
import { createGatewayYoga } from './yoga.ts';

export type { App, AppOptions, AppStats } from './app-types.ts';

export function buildApp(config: ResolvedConfig, options: AppOptions = {}): App {
  const logger = options.logger ?? createLogger(config.logLevel);
  const metrics = createMetrics();
  const tracing = createTracing(config.tracing, options.spanProcessor);
  const catena = createCatenaClient({ ...config.catena, ...upstreamObservers(metrics, logger) });
  // With REDIS_URL every replica shares the event side and idempotency keys; without, all is in-process.
  const redis = config.redisUrl ? createRedisClients(config.redisUrl, logger) : undefined;
  const prefix = config.redisKeyPrefix;
  const idempotency = options.idempotency ?? createIdempotencyStore(redis?.command, prefix);
  const events = createEventServices({
    catena,
    logger,
    redis: redis && { clients: redis, prefix },
    observe: { published: metrics.published, duplicate: metrics.duplicate },
    ...options.events,
  });
  const { hub, poller, directory } = events;
  // Loading keys or a JWKS may fail (a bad keys file): start() then fails with the reason.
  const authenticator = createAuthenticator(config.auth);
  authenticator.catch(() => undefined);
  const security = createSecurity(config.security, {
    redis: redis?.command,
    prefix,
    logger,
    ...options.security,
  });
  const activeSubscriptions = { http: 0, sse: 0, ws: 0 };
  const services: GatewayServices = {
    catena,
    idempotency,
    hub,
    poller,
    directory,
    logger,
    metrics,
    activeSubscriptions,
    waits: security.waits,
  };
  metrics.setSources({ subscriptions: activeSubscriptions, poller, waits: security.waits });
  const ready = readinessCheck({ catena, redis, logger });
  const yoga = createGatewayYoga({
    services,
    authenticator,
    security,
    metrics,
    logger,
    observability: [metrics.yogaPlugin(), ...tracing.plugins, useReadiness(ready)],
    exampleIds: options.exampleIds,
  });
  const server = createGatewayServer({
    yoga,
    guardRequest: security.guardRequest,
    receiveWebhook: createWebhookReceiver({
      secrets: config.webhookSecrets,
      hub,
      dedupe: events.dedupe,
      logger,
      onAnswer: metrics.webhookDelivery,
      ...options.webhooks,
    }),
    authenticator,
    keepAliveMs: options.keepAliveMs ?? 12_000,
    maxMessageBytes: config.security.maxBodyBytes,
    shutdownGraceMs: options.shutdownGraceMs ?? 10_000,
    metrics,
    logger,
  });

  let url: string | undefined;
  return {
    catena,
    services,
    logger,
    fetch: (input, init = {}) => Promise.resolve(yoga.fetch(input, init)),
    stats: () => ({ subscribers: hub.listeners, polling: poller.watching, websockets: server.websockets }),
    get url() {
      if (!url) throw new Error('the gateway has not started');
      return url;
    },
    async start(port = config.server.port, host = config.server.host) {
      url = await server.start(port, host);
      return url;
    },
    async stop() {
      await server.stop();
      await events.close();
      await yoga.dispose();
      await idempotency.close();
      await redis?.close();
      await tracing.shutdown();
      await catena.close();
    },
  };
}
