/**
 * Webhook subscriptions (Notifications service, api-facts §4.5): creation with catch-all expansion,
 * the one-per-(event, url, filters) rule, masking on read, and the per-subscription delivery state
 * (held queue, DLQ, attempt history) the delivery engine works on.
 */
import { randomBytes } from 'node:crypto';
import { conflict, validationError } from '../errors.ts';
import { randomId } from '../ids.ts';
import {
  EVENT_ACTIONS,
  type SubscriptionFilters,
  type SubscriptionState,
  type WebhookCreateBody,
} from '../model/notifications.ts';

export interface QueuedMessage {
  eventId: string;
  eventName: string;
  record: Record<string, unknown>;
  operationId?: string;
  /** Attempts sent so far (the next `X-Delivery-Attempt` is this + 1). */
  attempts: number;
  /** Retries used in the current delivery round (a replay starts a new round). */
  retries: number;
}

export interface AttemptEntry {
  seq: string;
  at: number;
  messageId: string;
  eventName: string;
  statusCode: number | null;
  error: string | null;
  responseTimeMs: number;
  delivered: boolean;
}

export interface Subscription {
  id: string;
  /** Creation order, the list's tie-breaker (a catch-all's subscriptions share created_at). */
  seq: string;
  partner_id: string;
  url: string;
  event_name: string;
  filters: SubscriptionFilters | null;
  secret: string;
  status: SubscriptionState;
  created_at: string;
  updated_at: string;
  /** Circuit-breaker evaluation starts `breakerGraceMs` after this (create, update, activate). */
  breakerSince: number;
  held: QueuedMessage[];
  dlq: QueuedMessage[];
  history: AttemptEntry[];
  consecutiveFailures: number;
  ewma: number;
}

const sameFilters = (a: SubscriptionFilters | null, b: SubscriptionFilters | null) =>
  JSON.stringify([a?.fleet_ids ?? [], a?.fleet_refs ?? []]) ===
  JSON.stringify([b?.fleet_ids ?? [], b?.fleet_refs ?? []]);

/** `https://host/first-segment/*****`, the way WebhookRead shows a URL after creation. */
export function maskUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const first = parsed.pathname.split('/').filter(Boolean)[0];
    return `${parsed.origin}${first ? `/${first}` : ''}/*****`;
  } catch {
    return '*****';
  }
}

export function readView(sub: Subscription) {
  return {
    id: sub.id,
    url: maskUrl(sub.url),
    event_name: sub.event_name,
    filters: sub.filters,
    secret: '*****',
    status: sub.status,
    created_at: sub.created_at,
    updated_at: sub.updated_at,
  };
}

/** The create response: the only time url and secret are shown in clear. */
export function createdView(sub: Subscription) {
  return { ...readView(sub), url: sub.url, secret: sub.secret, partner_id: sub.partner_id, deleted_at: null };
}

export interface SubscriptionRegistry {
  create(input: WebhookCreateBody, now: number): Subscription[];
  get(id: string): Subscription | undefined;
  all(): Subscription[];
  remove(id: string): boolean;
  reset(): void;
}

export function createSubscriptionRegistry(partnerId: string): SubscriptionRegistry {
  let subs = new Map<string, Subscription>();
  let created = 0;

  const expand = (eventName: string): string[] => {
    const [resource, action, ...rest] = eventName.split('.');
    const actions = resource === undefined ? undefined : EVENT_ACTIONS[resource];
    if (actions !== undefined && rest.length === 0) {
      if (action === '*') return actions.map((a) => `${resource}.${a}`);
      if (action !== undefined && actions.includes(action)) return [eventName];
    }
    throw validationError([
      {
        path: 'event_name',
        input: eventName,
        message:
          'Unknown event name: use a documented event (e.g. resource_operation.created) or a catch-all (resource_operation.*)',
        error_type: 'value_error',
      },
    ]);
  };

  return {
    create(input, now) {
      const names = expand(input.event_name);
      const filters = input.filters ?? null;
      for (const name of names) {
        const duplicate = [...subs.values()].find(
          (s) => s.event_name === name && s.url === input.url && sameFilters(s.filters, filters),
        );
        if (duplicate)
          throw conflict(`A subscription for ${name} to this URL with these filters already exists`);
      }
      const secret = input.secret ?? `whsec_${randomBytes(24).toString('base64url')}`;
      const at = new Date(now).toISOString();
      return names.map((event_name) => {
        const sub: Subscription = {
          id: randomId(),
          seq: String(created++).padStart(10, '0'),
          partner_id: partnerId,
          url: input.url,
          event_name,
          filters,
          secret,
          status: 'active',
          created_at: at,
          updated_at: at,
          breakerSince: now,
          held: [],
          dlq: [],
          history: [],
          consecutiveFailures: 0,
          ewma: 1,
        };
        subs.set(sub.id, sub);
        return sub;
      });
    },
    get: (id) => subs.get(id.toLowerCase()),
    all: () => [...subs.values()],
    remove: (id) => subs.delete(id.toLowerCase()),
    reset() {
      subs = new Map();
    },
  };
}
