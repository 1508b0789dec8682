/**
 * The event hub: the one way an operation state becomes an event. Webhooks, our own writes and the
 * missed-webhook poller all ingest here; each distinct state (operation id, status, updated_at) is
 * published exactly once however many times and from wherever it arrives.
 */
import type { ResourceOperation } from '../catena/schemas.ts';
import type { EventLog } from './event-log.ts';
import {
  type EventPubSub,
  eventTypeOf,
  OPERATION_EVENTS,
  type OperationEvent,
  type OperationEventType,
  stateKey,
} from './events.ts';
import type { DedupeStore, LatestStateStore } from './stores.ts';
import { withCleanup } from './streams.ts';

export type EventSource = 'webhook' | 'write' | 'poll';
export type IngestResult = 'published' | 'duplicate';

export interface EventHub {
  /** Publishes this state of `op` unless it was published before. */
  ingest(op: ResourceOperation, source: EventSource, type?: OperationEventType): Promise<IngestResult>;
  /** Published events by source, since start (for metrics and logs). */
  readonly counts: Readonly<Record<EventSource, number>>;
  /** Every event from now on (subscribe before reading current state, so nothing falls between). */
  subscribe(): AsyncIterableIterator<OperationEvent>;
  /** Subscribers listening now (returns to zero when every client has gone). */
  readonly listeners: number;
  /** The newest state the hub has seen of an operation, if any. */
  latest(operationId: string): Promise<ResourceOperation | undefined>;
  /** The events after `eventId` (see EventLog.after). */
  readonly log: EventLog;
  /** Called for every event published by any replica (the poller resets its clocks on it). */
  onEvent(listener: (event: OperationEvent) => void): () => void;
  /** Stops the internal listener. */
  close(): Promise<void>;
}

export interface EventHubOptions {
  /** Where subscribers listen (in memory, or a distributed event target). */
  pubsub: EventPubSub;
  /**
   * Publishes an event the log has appended, resolving once it is handed on (default:
   * `pubsub.publish`). With Redis the appended stream entry is the publication (every replica reads
   * the stream), so there is nothing more to do.
   */
  publish?: ((event: OperationEvent) => Promise<void>) | 'appended';
  dedupe: DedupeStore;
  /**
   * A second line of dedupe that survives the store losing its data: whether this replica has
   * delivered the state already (the Redis feed's window).
   */
  delivered?: (stateKey: string) => boolean;
  states: LatestStateStore;
  log: EventLog;
  /** Fills in what a record may lack (the connection's `fleet_ref` and `source_name`). */
  enrich?: (op: ResourceOperation) => Promise<ResourceOperation>;
  /** Told what happens to each ingested state (metrics). */
  observe?: { published(source: EventSource, type: OperationEventType): void; duplicate(): void };
  /** How long a published state is remembered for dedupe; Catena replays a DLQ for up to 14 days. */
  dedupeTtlMs?: number;
}

export const STATE_DEDUPE_TTL_MS = 15 * 24 * 60 * 60 * 1000;

export function createEventHub({
  pubsub,
  publish = async (event) => pubsub.publish(OPERATION_EVENTS, event),
  dedupe,
  delivered = () => false,
  states,
  log,
  enrich = async (op) => op,
  observe,
  dedupeTtlMs = STATE_DEDUPE_TTL_MS,
}: EventHubOptions): EventHub {
  const listeners = new Set<(event: OperationEvent) => void>();
  let active = 0;
  const counts: Record<EventSource, number> = { webhook: 0, write: 0, poll: 0 };
  let internal: AsyncIterator<OperationEvent> | undefined;

  // One internal listener on the pub/sub stream, so `onEvent` sees every replica's events.
  const listen = () => {
    if (internal) return;
    const events = pubsub.subscribe(OPERATION_EVENTS);
    internal = events;
    void (async () => {
      for await (const event of events) for (const listener of listeners) listener(event);
    })();
  };
  return {
    async ingest(op, source, type) {
      const key = stateKey(op);
      if (delivered(key) || !(await dedupe.firstTime(key, dedupeTtlMs))) {
        observe?.duplicate();
        return 'duplicate';
      }
      let event: OperationEvent;
      try {
        const operation = await enrich(op);
        await states.advance(operation);
        event = await log.append({
          publishedAt: Date.now(),
          type: type ?? eventTypeOf(op.status),
          occurredAt: op.updated_at,
          operation,
        });
        if (publish !== 'appended') await publish(event);
      } catch (error) {
        // Not published: let a retry of the same delivery try again.
        await dedupe.forget(key).catch(() => undefined);
        throw error;
      }
      counts[source]++;
      observe?.published(source, event.type);
      return 'published';
    },
    counts,
    subscribe() {
      active++;
      const events = pubsub.subscribe(OPERATION_EVENTS);
      return withCleanup(events, async () => {
        active--;
        await events.return();
      });
    },
    get listeners() {
      return active;
    },
    latest: (id) => states.get(id),
    log,
    onEvent(listener) {
      listeners.add(listener);
      listen();
      return () => listeners.delete(listener);
    },
    async close() {
      await internal?.return?.();
      internal = undefined;
    },
  };
}
