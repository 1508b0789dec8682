/**
 * Catena's Notifications service as its documents describe it: the event catalogue, the webhook
 * subscription bodies and statuses, and the delivery headers. Sources: the Notifications OpenAPI of
 * Catena's Go SDK (test/fixtures/catena-openapi/notifications.json: WebhookCreate, WebhookUpdate,
 * WebhookEventName, StatusEnum) and the newer webhook pages digested in api-facts §4 (the
 * `resource_operation.*` events, `activate`, which that SDK snapshot predates).
 */
import { z } from 'zod';

/**
 * Actions per event resource. The SDK's WebhookEventName plus the events the newer docs list
 * (api-facts §4.6); every resource also has its catch-all `<resource>.*`.
 */
export const EVENT_ACTIONS: Record<string, readonly string[]> = {
  resource_operation: ['created', 'succeeded', 'failed'],
  invitation: ['created', 'rejected', 'declined', 'viewed', 'sent', 'accepted', 'expired', 'deleted'],
  connection: ['created', 'staled'],
  fleet_connection: ['created'],
  share_agreement: ['created', 'updated', 'deleted'],
  webhook: ['created', 'updated', 'deleted', 'staled'],
  tsp: ['created'],
  execution: ['created', 'staled', 'failed'],
  schedule: ['deactivated'],
  workflow: ['added', 'modified', 'removed'],
  message: ['added', 'modified'],
  group_message: ['added', 'modified'],
  vehicle: ['added', 'modified', 'removed'],
  vehicle_location: ['added'],
  trailer: ['added', 'modified', 'removed'],
  trailer_location: ['added', 'modified'],
  trailer_status: ['added', 'modified'],
  trailer_vehicle_association: ['added', 'modified'],
  driver_vehicle_association: ['added', 'modified'],
  user: ['added', 'modified', 'removed'],
  dvir_log: ['added', 'modified', 'removed'],
  fuel_transaction: ['added', 'modified'],
  engine_log: ['added', 'modified', 'removed'],
  engine_status: ['added', 'modified'],
  hos_availability: ['added', 'modified', 'removed'],
  hos_daily_snapshot: ['added', 'modified', 'removed'],
  hos_event: ['added', 'modified', 'removed'],
  hos_violation: ['added', 'modified', 'removed'],
  ifta_summary: ['added', 'modified', 'removed'],
  fleet_info: ['modified'],
};

/** The events of the write pipeline, in the order Catena sends them. */
export const OPERATION_EVENTS = {
  created: 'resource_operation.created',
  succeeded: 'resource_operation.succeeded',
  failed: 'resource_operation.failed',
} as const;

/** StatusEnum: one enum shared by every Catena resource; the webhook list filters by it. */
// biome-ignore format: a long enum reads better packed than one value per line
export const STATUS_ENUM = [
  'active', 'inactive', 'paused', 'expired', 'cancelled', 'pending', 'deleted', 'stale', 'success',
  'failed', 'scheduled', 'accepted', 'declined',
] as const;

/** The states a subscription goes through: WebhookRead.status "active, inactive, or stale". */
export const SUBSCRIPTION_STATES = ['active', 'inactive', 'stale'] as const;
export type SubscriptionState = (typeof SUBSCRIPTION_STATES)[number];

/** WebhookUpdate.status "can only be updated to 'active' or 'inactive'". */
export const SETTABLE_SUBSCRIPTION_STATES = ['active', 'inactive'] as const;

/** A delivery attempt's outcome in WebhookLogRead.status. */
export const DELIVERY_STATES = ['success', 'failed'] as const;

/** WebhookFilters: both members optional and nullable; other keys are not refused. */
const filters = z.looseObject({
  fleet_ids: z.array(z.guid()).nullish(),
  fleet_refs: z.array(z.string()).nullish(),
});
export type SubscriptionFilters = z.infer<typeof filters>;

const targetUrl = z.url().min(1).max(2083);

/** WebhookCreate: `url` and `event_name` required; `secret` has no length rule on create. */
export const webhookCreateBody = z.object({
  url: targetUrl,
  event_name: z.string(),
  filters: filters.nullish(),
  secret: z.string().nullish(),
});
export type WebhookCreateBody = z.infer<typeof webhookCreateBody>;

/** WebhookUpdate: all optional; a new `secret` has at least 12 characters. */
export const webhookUpdateBody = z.object({
  url: targetUrl.nullish(),
  filters: filters.nullish(),
  secret: z.string().min(12).nullish(),
  status: z.enum(SETTABLE_SUBSCRIPTION_STATES).nullish(),
});
