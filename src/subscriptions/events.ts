/**
 * Operation events: what the hub publishes and subscriptions receive, whatever the source (a Catena
 * webhook, one of our own writes, or a poll of an operation whose webhook went missing).
 */
import { setMaxListeners } from 'node:events';
import { createPubSub, type PubSub, type PubSubEventTarget } from 'graphql-yoga';
import type { ResourceOperation } from '../catena/schemas.ts';

export const EVENT_TYPES = ['CREATED', 'SUCCEEDED', 'FAILED'] as const;
export type OperationEventType = (typeof EVENT_TYPES)[number];

export interface OperationEvent {
  /** Assigned by the gateway when the event is first published; time-ordered (UUID v7). */
  eventId: string;
  type: OperationEventType;
  /** When the operation reached this state (its `updated_at`). */
  occurredAt: string;
  operation: ResourceOperation;
  /** When the hub published it (epoch ms), for the pub/sub lag metric. */
  publishedAt?: number;
}

export const OPERATION_EVENTS = 'operation-events';
export type Topics = { [OPERATION_EVENTS]: [OperationEvent] };
export type EventPubSub = PubSub<Topics>;

/** In memory by default; pass a distributed event target (Redis) for several replicas. */
export function createEventPubSub(eventTarget?: PubSubEventTarget<Topics>): EventPubSub {
  // Every subscription is one listener on the topic: thousands are normal, not a leak.
  const target = eventTarget ?? (new EventTarget() as PubSubEventTarget<Topics>);
  if (!eventTarget) setMaxListeners(Number.POSITIVE_INFINITY, target as unknown as EventTarget);
  return createPubSub<Topics>({ eventTarget: target });
}

/** The event type a state is announced as. */
export function eventTypeOf(status: string): OperationEventType {
  if (status === 'success') return 'SUCCEEDED';
  if (status === 'failed') return 'FAILED';
  return 'CREATED';
}

export const isTerminal = (op: Pick<ResourceOperation, 'status'>) =>
  op.status === 'success' || op.status === 'failed';

const RANK: Record<string, number> = { pending: 0, success: 1, failed: 1 };

/**
 * Whether `next` is a later state of the operation than `previous`: a later `updated_at`, or at the
 * same instant a further status (pending < success | failed). Never moves an operation backwards.
 */
export function isNewer(next: ResourceOperation, previous: ResourceOperation | undefined): boolean {
  if (!previous) return true;
  const a = Date.parse(next.updated_at);
  const b = Date.parse(previous.updated_at);
  if (a !== b) return a > b;
  return (RANK[next.status] ?? 0) > (RANK[previous.status] ?? 0);
}

/** One distinct state of an operation: what dedupe is keyed on. */
export const stateKey = (op: Pick<ResourceOperation, 'id' | 'status' | 'updated_at'>) =>
  `${op.id}:${op.status}:${Date.parse(op.updated_at)}`;
