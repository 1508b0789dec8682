/** The test/operator knobs (`SimulatorControl`), shared by `simulator.control` and `/_simulator/*`. */
import type { Knobs, SimulatorContext } from './context.ts';
import { WRITE_ENDPOINTS } from './model/writes.ts';
import { pastOperation } from './seed-operations.ts';
import type { ResourceOperation, SeedOperationsSpec, SimulatorControl } from './types.ts';

const HOUR = 3_600_000;

export function knobsFrom(ctx: Pick<SimulatorContext, 'options'>): Knobs {
  return {
    latencyMs: ctx.options.latencyMs,
    processingMs: ctx.options.processingMs,
    tokenTtlSeconds: ctx.options.tokenTtlSeconds,
    webhookDeliveryPaused: false,
    writeAnswerShape: 'full',
  };
}

export interface ControlHooks {
  /** Restores store, subscriptions, timers and deliveries to the seed state. */
  reset(): void;
}

export function createControl(ctx: Omit<SimulatorContext, 'control'>, hooks: ControlHooks): SimulatorControl {
  let batch = 0;

  const seedOperations = (spec: SeedOperationsSpec): ResourceOperation[] => {
    const all = ctx.store.connections();
    const wanted = spec.connectionIds?.map((id) => id.toLowerCase());
    const connections = wanted ? all.filter((c) => wanted.includes(c.id)) : [...all];
    if (connections.length === 0 || spec.count <= 0) return [];
    batch += 1;
    const now = Date.now();
    const span = 3 * HOUR;
    const pool = ctx.store.entities();
    const known = pool.length;
    const created: ResourceOperation[] = [];
    for (let i = 0; i < spec.count; i++) {
      const connection = connections[i % connections.length];
      const writeName = WRITE_ENDPOINTS[i % WRITE_ENDPOINTS.length]?.operationId;
      if (connection === undefined || writeName === undefined) continue;
      const op = pastOperation({
        index: i,
        key: `bulk:${batch}:${i}`,
        writeName,
        connection,
        partnerId: ctx.store.partnerId,
        created: now - span + Math.floor((i * span) / spec.count),
        entities: pool,
        lookupOn: (connectionId) => (resource, id) =>
          pool.find((e) => e.id === id && e.connectionId === connectionId && e.resource === resource),
        status: spec.status ?? 'success',
      });
      ctx.store.putOperation(op);
      created.push(structuredClone(op));
    }
    for (const entity of pool.slice(known)) ctx.store.putEntity(entity);
    return created;
  };

  return {
    configure(patch) {
      const wasPaused = ctx.knobs.webhookDeliveryPaused;
      if (patch.latencyMs !== undefined) ctx.knobs.latencyMs = patch.latencyMs;
      if (patch.processingMs !== undefined) ctx.knobs.processingMs = patch.processingMs;
      if (patch.tokenTtlSeconds !== undefined) ctx.knobs.tokenTtlSeconds = patch.tokenTtlSeconds;
      if (patch.webhookDeliveryPaused !== undefined)
        ctx.knobs.webhookDeliveryPaused = patch.webhookDeliveryPaused;
      if (patch.writeAnswerShape !== undefined) ctx.knobs.writeAnswerShape = patch.writeAnswerShape;
      if (wasPaused && !ctx.knobs.webhookDeliveryPaused) ctx.delivery.flushAll();
    },
    addFault: (fault) => ctx.faults.add(fault),
    clearFaults: () => ctx.faults.clear(),
    requestCounts: () => ctx.counter.snapshot(),
    resetRequestCounts: () => ctx.counter.reset(),
    revokeTokens: () => ctx.tokens.revokeAll(),
    registerWebhook(input) {
      const subs = ctx.subscriptions.create(
        { url: input.url, secret: input.secret, event_name: input.eventName ?? 'resource_operation.*' },
        Date.now(),
      );
      return subs.map((s) => s.id);
    },
    seedOperations,
    deliveries: () => ctx.delivery.records(),
    setWebhookStatus(id, status) {
      const sub = ctx.subscriptions.get(id);
      if (!sub) return false;
      sub.status = status;
      sub.updated_at = new Date().toISOString();
      if (status === 'active') {
        sub.consecutiveFailures = 0;
        ctx.delivery.flush(sub);
      }
      return true;
    },
    updateConnection(id, patch) {
      const connection = ctx.store.connection(id);
      if (!connection) return false;
      if (patch.description !== undefined) connection.description = patch.description;
      if (patch.status !== undefined) connection.status = patch.status;
      connection.updated_at = new Date().toISOString();
      return true;
    },
    reset() {
      batch = 0;
      hooks.reset();
    },
  };
}
