/**
 * The Catena simulator: Catena's token endpoint, Integrations, Telematics-write and Notifications
 * APIs at Catena's own paths, with Catena's bodies, errors, cursor pages and signed gzip webhooks,
 * plus a control surface (`simulator.control`, `/_simulator/*`) for tests and benchmarks.
 */

import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { createTokenService, TOKEN_PATH } from './auth.ts';
import type { ResolvedOptions, SimulatorContext } from './context.ts';
import { createControl, knobsFrom } from './control.ts';
import { createFaultRegistry, createRequestCounter } from './faults.ts';
import { installCatenaHttp } from './http.ts';
import { createOperationProcessor } from './operations.ts';
import { registerConnectionRoutes } from './routes/connections.ts';
import { registerControlRoutes } from './routes/control.ts';
import { registerResourceOperationRoutes } from './routes/resource-operations.ts';
import { registerTokenRoute } from './routes/token.ts';
import { registerWebhookInsightRoutes } from './routes/webhook-insights.ts';
import { registerWebhookRoutes } from './routes/webhooks.ts';
import { registerWriteRoutes } from './routes/writes.ts';
import { createScheduler } from './scheduler.ts';
import { buildSeed } from './seed.ts';
import { createStore } from './store.ts';
import type { Simulator, SimulatorOptions } from './types.ts';
import { createDeliveryEngine } from './webhooks/delivery.ts';
import { createSubscriptionRegistry } from './webhooks/subscriptions.ts';

export type * from './types.ts';

export function resolveOptions(options: SimulatorOptions): ResolvedOptions {
  return {
    clientId: options.clientId ?? 'dev',
    clientSecret: options.clientSecret ?? 'dev',
    webhookUrl: options.webhookUrl,
    webhookSecret: options.webhookSecret ?? 'dev-webhook-secret',
    latencyMs: options.latencyMs ?? 0,
    processingMs: options.processingMs ?? 1500,
    tokenTtlSeconds: options.tokenTtlSeconds ?? 3600,
    webhookTimeoutMs: options.webhookTimeoutMs ?? 3000,
    webhookRetryDelaysMs: options.webhookRetryDelaysMs ?? [500, 1500, 3000],
    breakerGraceMs: options.breakerGraceMs ?? 15 * 60_000,
  };
}

/**
 * Creates a simulator with its deterministic seed; nothing listens until `start()`.
 * Each instance has its own token signing key, store, timers and webhook agent.
 */
export function createSimulator(options: SimulatorOptions = {}): Simulator {
  const resolved = resolveOptions(options);
  const seed = buildSeed(Date.now());
  const store = createStore(seed.data);
  const scheduler = createScheduler();
  const knobs = knobsFrom({ options: resolved });
  const subscriptions = createSubscriptionRegistry(seed.data.partnerId);
  const delivery = createDeliveryEngine({
    registry: subscriptions,
    scheduler,
    timeoutMs: resolved.webhookTimeoutMs,
    retryDelaysMs: resolved.webhookRetryDelaysMs,
    breakerGraceMs: resolved.breakerGraceMs,
    isPaused: () => knobs.webhookDeliveryPaused,
  });
  const base = {
    options: resolved,
    knobs,
    store,
    fixtures: seed.fixtures,
    tokens: createTokenService({
      clientId: resolved.clientId,
      partnerId: seed.data.partnerId,
      partnerName: seed.data.partnerName,
    }),
    faults: createFaultRegistry(),
    counter: createRequestCounter(),
    scheduler,
    subscriptions,
    delivery,
    processor: createOperationProcessor({
      store,
      scheduler,
      delivery,
      processingMs: () => knobs.processingMs,
    }),
  };

  const preRegister = () => {
    if (resolved.webhookUrl === undefined) return;
    subscriptions.create(
      { url: resolved.webhookUrl, secret: resolved.webhookSecret, event_name: 'resource_operation.*' },
      Date.now(),
    );
  };
  const control = createControl(base, {
    reset() {
      scheduler.clear();
      delivery.reset();
      store.reset(buildSeed(Date.now()).data);
      subscriptions.reset();
      base.faults.clear();
      base.counter.reset();
      Object.assign(knobs, knobsFrom({ options: resolved }));
      preRegister();
    },
  });
  const ctx: SimulatorContext = { ...base, control };
  preRegister();

  const app = Fastify({ logger: false, forceCloseConnections: true });
  const router = installCatenaHttp(app, ctx);
  registerTokenRoute(router, ctx);
  registerConnectionRoutes(router, ctx);
  registerResourceOperationRoutes(router, ctx);
  registerWriteRoutes(router, ctx);
  registerWebhookRoutes(router, ctx);
  registerWebhookInsightRoutes(router, ctx);
  registerControlRoutes(app, ctx);

  let baseUrl: string | undefined;
  return {
    async start(port = 0, host = '127.0.0.1') {
      await app.listen({ port, host });
      const address = app.server.address() as AddressInfo;
      const shownHost = host.includes(':') ? `[${host}]` : host;
      baseUrl = `http://${shownHost}:${address.port}`;
      return baseUrl;
    },
    async stop() {
      scheduler.dispose();
      await delivery.close();
      await app.close();
    },
    get url() {
      if (baseUrl === undefined) throw new Error('The simulator is not started: call start() first');
      return baseUrl;
    },
    get tokenUrl() {
      return `${this.url}${TOKEN_PATH}`;
    },
    fixtures: seed.fixtures,
    control,
  };
}
