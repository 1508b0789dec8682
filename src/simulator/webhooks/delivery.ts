/**
 * Delivers events to subscriptions the way Catena does (api-facts §4.1-4.4): gzip-compressed JSON
 * envelopes, signed, retried on 5xx/timeout/connection errors, dead-lettered after the last retry,
 * held while the subscription is stale or delivery is paused, and tripped to `stale` by the
 * circuit breaker.
 */
import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { Agent, request } from 'undici';
import { uuidV7 } from '../ids.ts';
import type { Scheduler } from '../scheduler.ts';
import type { ConnectionRecord } from '../store.ts';
import type { DeliveryRecord } from '../types.ts';
import { signDelivery } from './signature.ts';
import type { QueuedMessage, Subscription, SubscriptionRegistry } from './subscriptions.ts';

export interface DeliveryOptions {
  registry: SubscriptionRegistry;
  scheduler: Scheduler;
  timeoutMs: number;
  retryDelaysMs: readonly number[];
  breakerGraceMs: number;
  isPaused: () => boolean;
}

export interface DeliveryEngine {
  /** Sends `record` as `eventName` to every active subscription whose name and filters match. */
  publish(
    eventName: string,
    record: Record<string, unknown>,
    connection: ConnectionRecord,
    operationId?: string,
  ): void;
  /** Sends what a subscription held while stale or paused (no-op unless it can deliver now). */
  flush(sub: Subscription): void;
  flushAll(): void;
  /** Re-sends a subscription's dead-lettered events; returns how many. */
  replay(sub: Subscription): number;
  records(): DeliveryRecord[];
  /** Forgets every record and abandons in-flight attempts (their results are ignored). */
  reset(): void;
  close(): Promise<void>;
}

/** RFC 3339 UTC with an explicit offset, as in Catena's example (`2024-11-28T10:30:00+00:00`). */
export function catenaTimestamp(now = Date.now()): string {
  return new Date(now).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

function matchesFilters(sub: Subscription, connection: ConnectionRecord): boolean {
  const fleetIds = sub.filters?.fleet_ids ?? [];
  const fleetRefs = sub.filters?.fleet_refs ?? [];
  if (fleetIds.length > 0 && !fleetIds.includes(connection.fleet_id)) return false;
  if (fleetRefs.length > 0 && (connection.fleet_ref === null || !fleetRefs.includes(connection.fleet_ref))) {
    return false;
  }
  return true;
}

const EWMA_ALPHA = 0.1;
/** Attempts remembered (globally, and per subscription): a long `npm start` must not grow forever. */
const MAX_RECORDS = 10_000;

function pushBounded<T>(list: T[], item: T): void {
  list.push(item);
  if (list.length > MAX_RECORDS) list.splice(0, list.length - MAX_RECORDS);
}

export function createDeliveryEngine(options: DeliveryOptions): DeliveryEngine {
  const agent = new Agent({ keepAliveTimeout: 4_000, connections: 32 });
  const inFlight = new Set<AbortController>();
  let records: DeliveryRecord[] = [];
  let generation = 0;
  let closed = false;
  let seq = 0;

  const canDeliver = (sub: Subscription) => sub.status === 'active' && !options.isPaused();

  const tripBreaker = (sub: Subscription, now: number) => {
    if (now - sub.breakerSince < options.breakerGraceMs) return;
    const total = sub.history.length;
    const successes = sub.history.filter((h) => h.delivered).length;
    const trips =
      total >= 50 ? sub.ewma < 0.95 : total >= 20 ? successes / total < 0.8 : sub.consecutiveFailures >= 10;
    if (trips) sub.status = 'stale';
  };

  const attempt = async (sub: Subscription, message: QueuedMessage): Promise<void> => {
    const round = generation;
    if (closed || options.registry.get(sub.id) !== sub) return;
    if (!canDeliver(sub)) {
      sub.held.push(message);
      return;
    }
    message.attempts += 1;
    const startedAt = Date.now();
    const timestamp = catenaTimestamp(startedAt);
    const json = JSON.stringify({
      version: '1.0',
      event_name: message.eventName,
      data: [message.record],
      webhook_id: sub.id,
      timestamp,
      id: message.eventId,
      delivery_attempt: message.attempts,
    });
    const controller = new AbortController();
    inFlight.add(controller);
    const cancelTimeout = options.scheduler.after(options.timeoutMs, () => controller.abort());
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      const response = await request(sub.url, {
        method: 'POST',
        dispatcher: agent,
        signal: controller.signal,
        body: gzipSync(json),
        headers: {
          'content-type': 'application/json',
          'content-encoding': 'gzip',
          'user-agent': 'Catena-Webhook',
          accept: 'application/json',
          'x-catena-signature': signDelivery(sub.secret, timestamp, json),
          'x-catena-timestamp': timestamp,
          'x-event-type': message.eventName,
          'x-schema-version': '1.0',
          'x-source': 'catena-notifications',
          'x-request-id': randomUUID(),
          'x-webhook-id': sub.id,
          'x-delivery-attempt': String(message.attempts),
        },
      });
      await response.body.dump();
      statusCode = response.statusCode;
    } catch (cause) {
      error = controller.signal.aborted
        ? `timeout after ${options.timeoutMs} ms`
        : cause instanceof Error
          ? cause.message
          : String(cause);
    } finally {
      cancelTimeout();
      inFlight.delete(controller);
    }
    if (closed || round !== generation) return;

    const now = Date.now();
    // Any 2xx-4xx is delivered; Catena retries only 5xx, timeouts and connection errors.
    const delivered = statusCode !== null && statusCode < 500;
    const record: DeliveryRecord = {
      webhookId: sub.id,
      eventId: message.eventId,
      eventName: message.eventName,
      attempt: message.attempts,
      url: sub.url,
      at: new Date(now).toISOString(),
      ...(statusCode !== null ? { status: statusCode } : {}),
      ...(error !== null ? { error } : {}),
      ...(message.operationId !== undefined ? { operationId: message.operationId } : {}),
    };
    pushBounded(records, record);
    pushBounded(sub.history, {
      seq: String(seq++).padStart(12, '0'),
      at: now,
      messageId: message.eventId,
      eventName: message.eventName,
      statusCode,
      error,
      responseTimeMs: now - startedAt,
      delivered,
    });
    sub.ewma = EWMA_ALPHA * (delivered ? 1 : 0) + (1 - EWMA_ALPHA) * sub.ewma;
    sub.consecutiveFailures = delivered ? 0 : sub.consecutiveFailures + 1;
    if (delivered) return;

    tripBreaker(sub, now);
    const delay = options.retryDelaysMs[message.retries];
    if (delay === undefined) {
      sub.dlq.push(message);
      return;
    }
    message.retries += 1;
    options.scheduler.after(delay, () => void attempt(sub, message));
  };

  const send = (sub: Subscription, message: QueuedMessage) => void attempt(sub, message);

  return {
    publish(eventName, record, connection, operationId) {
      if (closed) return;
      const eventId = uuidV7();
      for (const sub of options.registry.all()) {
        if (sub.event_name !== eventName || sub.status === 'inactive' || !matchesFilters(sub, connection))
          continue;
        send(sub, {
          eventId,
          eventName,
          record: structuredClone(record),
          attempts: 0,
          retries: 0,
          ...(operationId !== undefined ? { operationId } : {}),
        });
      }
    },
    flush(sub) {
      if (!canDeliver(sub)) return;
      const held = sub.held;
      sub.held = [];
      for (const message of held) send(sub, message);
    },
    flushAll() {
      for (const sub of options.registry.all()) this.flush(sub);
    },
    replay(sub) {
      const dead = sub.dlq;
      sub.dlq = [];
      for (const message of dead) send(sub, { ...message, retries: 0 });
      return dead.length;
    },
    records: () => records.map((r) => ({ ...r })),
    reset() {
      generation += 1;
      for (const controller of inFlight) controller.abort();
      records = [];
    },
    async close() {
      closed = true;
      generation += 1;
      for (const controller of inFlight) controller.abort();
      await agent.destroy();
    },
  };
}
