/**
 * `buildApp(config)`: the gateway as one object that can start and stop: Yoga (GraphQL over HTTP
 * and SSE, GraphiQL, /health, /ready), graphql-ws on the same port and path, and the Catena webhook
 * receiver, on a node:http server whose sockets it tracks, so `stop()` is clean. It never reads
 * `process.env`.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { SpanProcessor } from '@opentelemetry/sdk-trace-node';
import { createYoga } from 'graphql-yoga';
import { createAuthenticator, useScopes } from './auth/index.ts';
import type { Viewer } from './auth/viewer.ts';
import { type CatenaClient, createCatenaClient } from './catena/client.ts';
import { routeOf } from './catena/transport.ts';
import type { Config } from './config.ts';
import { createContext, type GatewayContext, type GatewayServices } from './context.ts';
import { toClientError } from './errors.ts';
import { createGraphiQLRenderer, graphiqlOptions } from './graphiql.ts';
import { createMemoryIdempotencyStore } from './idempotency/memory.ts';
import { createRedisIdempotencyStore } from './idempotency/redis.ts';
import type { IdempotencyStore } from './idempotency/store.ts';
import { createLogger, type Logger } from './logger.ts';
import { clientMistake } from './observability/client-mistakes.ts';
import { createMetrics } from './observability/metrics.ts';
import { readinessCheck, useReadiness } from './observability/readiness.ts';
import { createTracing } from './observability/tracing.ts';
import { createRedisClients } from './redis.ts';
import { type ExampleIds, examples } from './schema/examples.ts';
import { schema } from './schema/index.ts';
import { createSecurity, type SecurityOptions } from './security/index.ts';
import { useActiveSubscriptions } from './subscriptions/active-subscriptions.ts';
import { attachGraphQLWs, type GraphQLWs } from './subscriptions/graphql-ws.ts';
import {
  createRedisDedupeStore,
  createRedisEventLog,
  createRedisLatestStateStore,
  createRedisPollLock,
} from './subscriptions/redis.ts';
import { createRedisEventFeed } from './subscriptions/redis-event-feed.ts';
import { createEventServices, type EventServicesOptions } from './subscriptions/services.ts';
import { useSharedSubscriptions } from './subscriptions/shared-subscriptions.ts';
import { lastEventIdOf, useSseEventIds } from './subscriptions/sse-event-ids.ts';
import { useSingleConnectionSse } from './subscriptions/sse-single-connection.ts';
import { createWebhookReceiver, type WebhookReceiverOptions } from './subscriptions/webhook-receiver.ts';

/** The Catena endpoints the app talks to, resolved (embedded mode knows them only at start). */
export interface ResolvedCatena {
  apiUrl: string;
  tokenUrl: string;
}

export interface AppOptions {
  logger?: Logger;
  /** Where idempotency keys live; in memory (one replica) by default. */
  idempotency?: IdempotencyStore;
  /** Distributed stores and polling settings for the event side (see EventServicesOptions). */
  events?: Omit<EventServicesOptions, 'catena' | 'logger'>;
  /** Limits of the webhook receiver (see WebhookReceiverOptions). */
  webhooks?: Pick<WebhookReceiverOptions, 'maxWireBytes' | 'maxBytes' | 'toleranceMs' | 'deadlineMs'>;
  /** Real ids for the GraphiQL write examples (embedded mode passes the simulator's seed). */
  exampleIds?: ExampleIds;
  /** How long `stop()` lets in-flight requests finish before closing their sockets. */
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

const SAFE_REQUEST_ID = /^[\w.:-]{1,128}$/;
const WEBHOOK_PATH = '/webhooks/catena';

/** What a transport hands the context factory. */
interface ServerContext {
  transport?: 'ws';
  /** Set by graphql-ws, which authenticates once per connection. */
  viewer?: Viewer;
}

export function buildApp(
  config: Config & { catena: Config['catena'] & ResolvedCatena },
  options: AppOptions = {},
): App {
  const logger = options.logger ?? createLogger(config.logLevel);
  const metrics = createMetrics();
  const tracing = createTracing(config.tracing, options.spanProcessor);
  const catena = createCatenaClient({
    apiUrl: config.catena.apiUrl,
    tokenUrl: config.catena.tokenUrl,
    clientId: config.catena.clientId,
    clientSecret: config.catena.clientSecret,
    timeoutMs: config.catena.timeoutMs,
    onRetry: (event) => {
      metrics.upstreamRetry(event.method, routeOf(event.path));
      logger.warn(
        { method: event.method, path: event.path, attempt: event.attempt, delayMs: event.delayMs },
        'retrying Catena call',
      );
    },
    onCall: (event) => metrics.upstreamCall(event),
  });
  // With REDIS_URL, every replica shares pub/sub, dedupe, latest states, the event log, poll locks
  // and idempotency keys; without it, all of that lives in this process.
  const redis = config.redisUrl ? createRedisClients(config.redisUrl, logger) : undefined;
  const prefix = config.redisKeyPrefix;
  const idempotency =
    options.idempotency ??
    (redis ? createRedisIdempotencyStore(redis.command, { prefix }) : createMemoryIdempotencyStore());
  // Every replica follows the event stream itself: no pub/sub step that could skip an event.
  const feed = redis && createRedisEventFeed({ reader: redis.reader, prefix, logger });
  const events = createEventServices({
    catena,
    logger,
    observe: { published: metrics.published, duplicate: metrics.duplicate },
    ...(redis && feed
      ? {
          eventTarget: feed.eventTarget,
          publish: 'appended' as const,
          delivered: feed.delivered,
          dedupe: createRedisDedupeStore(redis.command, prefix),
          states: createRedisLatestStateStore(redis.command, prefix),
          log: createRedisEventLog(redis.command, prefix),
          pollLock: createRedisPollLock(redis.command, prefix, randomUUID()),
        }
      : {}),
    ...options.events,
  });
  const services: GatewayServices = {
    catena,
    idempotency,
    hub: events.hub,
    poller: events.poller,
    directory: events.directory,
    logger,
    metrics,
    activeSubscriptions: { http: 0, sse: 0, ws: 0 },
  };
  metrics.setSources({
    subscriptions: () => ({ ...services.activeSubscriptions }),
    polling: () => events.poller.watching,
  });
  const receiveWebhook = createWebhookReceiver({
    secrets: config.webhookSecrets,
    hub: events.hub,
    dedupe: events.dedupe,
    logger,
    onAnswer: metrics.webhookDelivery,
    ...options.webhooks,
  });

  // Loading keys or a JWKS may fail (a bad keys file): start() then fails with the reason.
  const authenticator = createAuthenticator(config.auth);
  authenticator.catch(() => undefined);

  const security = createSecurity(config.security, {
    redis: redis?.command,
    prefix,
    logger,
    ...options.security,
  });
  const yoga = createYoga<ServerContext, GatewayContext>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    healthCheckEndpoint: '/health',
    cors: security.yogaOptions.cors,
    batching: security.yogaOptions.batching,
    multipart: security.yogaOptions.multipart,
    maxRequestBodySize: security.yogaOptions.maxRequestBodySize,
    parserAndValidationCache: security.yogaOptions.parserAndValidationCache,
    context: async ({ request, viewer, transport }) => {
      const given = request?.headers.get('x-request-id');
      return createContext({
        services,
        transport:
          transport ?? (request?.headers.get('accept')?.includes('text/event-stream') ? 'sse' : 'http'),
        // graphql-ws authenticated at connection_init; HTTP and SSE carry an Authorization header.
        viewer: viewer ?? (await (await authenticator).authenticate(request?.headers.get('authorization'))),
        requestId: given && SAFE_REQUEST_ID.test(given) ? given : randomUUID(),
        signal: request?.signal,
        lastEventId: lastEventIdOf(request),
      });
    },
    maskedErrors: { maskError: (error) => toClientError(error) },
    renderGraphiQL: createGraphiQLRenderer(),
    graphiql: security.yogaOptions.graphiql && graphiqlOptions(examples(options.exampleIds)),
    logging: {
      debug: (...args) => logger.debug(args.map(String).join(' ')),
      info: (...args) => logger.info(args.map(String).join(' ')),
      warn: (...args) => logger.warn(args.map(String).join(' ')),
      error: (...args) => {
        const mistake = clientMistake(args);
        if (mistake === undefined) return logger.error(args.map(String).join(' '));
        metrics.clientMistake(mistake);
        logger.debug({ clientMistake: mistake }, args.map(String).join(' '));
      },
    },
    plugins: [
      metrics.yogaPlugin(),
      ...tracing.plugins,
      useSseEventIds(),
      useScopes(),
      useReadiness(
        readinessCheck({
          catena: (signal) => catena.verifyCredentials(signal),
          redis: redis && { ping: redis.ping, client: redis.command },
          logger,
        }),
      ),
      ...security.plugins,
      // The distinct-connections mode of GraphQL over SSE stays on /graphql.
      useSingleConnectionSse(authenticator),
      useActiveSubscriptions(),
      // Last, so the execution it shares is the one every other plugin has set up.
      useSharedSubscriptions(),
    ],
  });

  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let ws: GraphQLWs | undefined;
  let url: string | undefined;

  const route = (req: IncomingMessage) => (req.url ?? '/').split('?')[0];

  return {
    catena,
    services,
    logger,
    fetch: (input, init = {}) => Promise.resolve(yoga.fetch(input, init)),
    stats: () => ({
      subscribers: events.hub.listeners,
      polling: events.poller.watching,
      websockets: ws?.clients ?? 0,
    }),
    get url() {
      if (!url) throw new Error('the gateway has not started');
      return url;
    },
    async start(port = config.server.port, host = config.server.host) {
      const auth = await authenticator;
      const listening = createServer((req, res) => {
        if (route(req) === WEBHOOK_PATH) void receiveWebhook(req, res);
        else if (!security.guardRequest(req, res)) void yoga(req, res);
      });
      server = listening;
      listening.on('connection', (socket) => {
        sockets.add(socket);
        socket.once('close', () => sockets.delete(socket));
      });

      ws = attachGraphQLWs(yoga, listening, {
        path: '/graphql',
        keepAliveMs: options.keepAliveMs ?? 12_000,
        maxMessageBytes: config.security.maxBodyBytes,
        authenticate: (authorization) => auth.authenticate(authorization),
        onInternalError: (error) => logger.error({ err: error }, 'a graphql-ws socket or subscribe failed'),
        onClientMistake: (error) => {
          metrics.clientMistake('refused');
          logger.debug({ clientMistake: 'refused', err: error }, 'a WebSocket client broke the protocol');
        },
      });

      await new Promise<void>((resolve, reject) => {
        listening.once('error', reject);
        listening.listen(port, host, () => {
          listening.off('error', reject);
          resolve();
        });
      });
      const address = listening.address() as AddressInfo;
      url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
      return url;
    },
    async stop() {
      const closing = server;
      server = undefined;
      // WebSocket clients are told the server is going away (1001) and reconnect elsewhere.
      await ws?.close();
      if (closing) {
        const closed = new Promise<void>((resolve) => closing.close(() => resolve()));
        // Keep-alive sockets go idle as their in-flight requests finish: close each as it does.
        const sweep = setInterval(() => closing.closeIdleConnections(), 25);
        closing.closeIdleConnections();
        const grace = setTimeout(() => {
          for (const socket of sockets) socket.destroy();
        }, options.shutdownGraceMs ?? 10_000);
        await closed;
        clearInterval(sweep);
        clearTimeout(grace);
      }
      await events.close();
      await feed?.close();
      await yoga.dispose();
      await idempotency.close();
      await redis?.close();
      await tracing.shutdown();
      await catena.close();
    },
  };
}
