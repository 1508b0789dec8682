/**
 * Catena's Notifications service: the webhook delivery envelope, its signature, and the webhook
 * subscription models (api-facts §4). Shared by the simulator (which delivers), the gateway's
 * receiver (which verifies) and the client (which manages subscriptions).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { WEBHOOK_STATUSES } from './enums.ts';
import { openEnum, writeOperationSchema } from './schemas.ts';

/**
 * `X-Catena-Signature`: Base64(HMAC-SHA256(secret, `<X-Catena-Timestamp>` + "." + body)), over the
 * *decompressed* body, with the timestamp exactly as the header string (api-facts §4.2).
 */
export function signWebhook(secret: string, timestamp: string, body: string | Buffer): string {
  return mac(secret, timestamp, body).toString('base64');
}

const mac = (secret: string, timestamp: string, body: string | Buffer) =>
  createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest();

/**
 * True when `signature` is `signWebhook(secret, timestamp, body)` for any of `secrets`. Every secret
 * is checked (no early exit), each comparison in constant time.
 */
export function verifyWebhook(
  secrets: readonly string[],
  timestamp: string,
  body: Buffer,
  signature: string,
) {
  const given = Buffer.from(signature, 'base64');
  let valid = false;
  for (const secret of secrets) {
    const expected = mac(secret, timestamp, body);
    if (given.length === expected.length && timingSafeEqual(given, expected)) valid = true;
  }
  return valid;
}

/** Catena's delivery headers (api-facts §4.1). */
export const WEBHOOK_HEADERS = {
  signature: 'x-catena-signature',
  timestamp: 'x-catena-timestamp',
  eventType: 'x-event-type',
  schemaVersion: 'x-schema-version',
  source: 'x-source',
  requestId: 'x-request-id',
  webhookId: 'x-webhook-id',
  deliveryAttempt: 'x-delivery-attempt',
} as const;

/** A `resource_operation.*` record (SDK `BaseResourceOperationEvent`). */
export const resourceOperationEventRecordSchema = writeOperationSchema;

/** The envelope, after gunzip. `data` is always an array. */
export const webhookEnvelopeSchema = z.object({
  version: z.string().regex(/^\d+\.\d+$/),
  event_name: z.string().optional(),
  data: z.array(z.record(z.string(), z.unknown())),
  webhook_id: z.guid(),
  timestamp: z.string().nullish(),
  id: z.string().nullish(),
  delivery_attempt: z.number().int().optional(),
});
export type WebhookEnvelope = z.infer<typeof webhookEnvelopeSchema>;

const webhookFiltersSchema = z.object({
  fleet_ids: z.array(z.guid()).nullish(),
  fleet_refs: z.array(z.string()).nullish(),
});
export type WebhookFilters = z.infer<typeof webhookFiltersSchema>;

/** POST /v2/notifications/webhooks body. */
export const webhookCreateSchema = z.object({
  url: z.url().min(1).max(2083),
  event_name: z.string().min(1),
  filters: webhookFiltersSchema.nullish(),
  secret: z.string().min(12).nullish(),
});
export type WebhookCreate = z.infer<typeof webhookCreateSchema>;

/** PATCH /v2/notifications/webhooks/{id} body. */
export const webhookUpdateSchema = z.object({
  url: z.url().min(1).max(2083).nullish(),
  filters: webhookFiltersSchema.nullish(),
  secret: z.string().min(12).nullish(),
  /** Only these two may be set (WebhookUpdate); `stale` is Catena's circuit breaker's. */
  status: z.enum(['active', 'inactive']).nullish(),
});
export type WebhookUpdate = z.infer<typeof webhookUpdateSchema>;

/** WebhookRead: `url` and `secret` come back masked after creation. */
export const webhookReadSchema = z.object({
  id: z.guid(),
  url: z.string(),
  event_name: z.string(),
  filters: webhookFiltersSchema.nullish(),
  secret: z.string().nullish(),
  status: openEnum(WEBHOOK_STATUSES),
  created_at: z.string(),
  updated_at: z.string(),
});
export type WebhookRead = z.infer<typeof webhookReadSchema>;

/** The create response: the secret in clear, once. */
export const webhookSchema = webhookReadSchema.extend({
  partner_id: z.guid().nullish(),
  deleted_at: z.string().nullish(),
});
export type Webhook = z.infer<typeof webhookSchema>;

export const webhookLogSchema = z.object({
  created_at: z.string(),
  webhook_id: z.guid(),
  message_id: z.string(),
  event_name: z.string(),
  status: z.string(),
  status_code: z.number().int().nullish(),
  error_message: z.string().nullish(),
  response_time_ms: z.number().int().nullish(),
});
export type WebhookLog = z.infer<typeof webhookLogSchema>;

const windowed = z.record(z.string(), z.number().nullable());
export const webhookMetricsSchema = z.object({
  webhook_id: z.guid(),
  http_attempts: windowed,
  http_success_attempts: windowed,
  http_failure_attempts: windowed,
  message_count: windowed,
  message_success_count: windowed,
  success_rate: windowed.nullish(),
  avg_response_time_ms: windowed.nullish(),
  ewma_success_rate: z.number().nullish(),
  dlq_count: z.number().int(),
});
export type WebhookMetrics = z.infer<typeof webhookMetricsSchema>;
