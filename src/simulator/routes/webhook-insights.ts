/** Notifications service: a webhook's delivery logs and metrics (WebhookLogRead, WebhookMetrics). */
import type { SimulatorContext } from '../context.ts';
import { type CatenaRouter, pathUuid } from '../http.ts';
import { DELIVERY_STATES } from '../model/notifications.ts';
import { paginate } from '../pagination.ts';
import { createQueryReader } from '../query.ts';
import type { AttemptEntry, Subscription } from '../webhooks/subscriptions.ts';
import { findSubscription, WEBHOOKS_PATH } from './webhooks.ts';

const HOUR = 3_600_000;
const WINDOWS = { '6h': 6 * HOUR, '24h': 24 * HOUR, '7d': 7 * 24 * HOUR, '14d': 14 * 24 * HOUR } as const;
const RETENTION_MS = WINDOWS['14d'];

function logView(sub: Subscription, entry: AttemptEntry) {
  return {
    created_at: new Date(entry.at).toISOString(),
    webhook_id: sub.id,
    message_id: entry.messageId,
    event_name: entry.eventName,
    status: entry.delivered ? 'success' : 'failed',
    // An integer always (WebhookLogRead); 0 when the receiver never answered (timeout, refused).
    status_code: entry.statusCode ?? 0,
    error_message: entry.error,
    response_time_ms: entry.responseTimeMs,
  };
}

function metricsView(sub: Subscription, now: number) {
  const windowed = (compute: (entries: AttemptEntry[]) => number | null) =>
    Object.fromEntries(
      Object.entries(WINDOWS).map(([name, span]) => [
        name,
        compute(sub.history.filter((h) => h.at > now - span)),
      ]),
    );
  const messages = (entries: AttemptEntry[], delivered?: boolean) =>
    new Set(
      entries.filter((e) => delivered === undefined || e.delivered === delivered).map((e) => e.messageId),
    ).size;
  return {
    webhook_id: sub.id,
    http_attempts: windowed((e) => e.length),
    http_success_attempts: windowed(
      (e) => e.filter((h) => h.statusCode !== null && h.statusCode < 300).length,
    ),
    http_failure_attempts: windowed(
      (e) => e.filter((h) => h.statusCode === null || h.statusCode >= 300).length,
    ),
    message_count: windowed((e) => messages(e)),
    message_success_count: windowed((e) => messages(e, true)),
    // A whole percentage, stated only from 200 messages on (TimePeriodMetric is integer | null).
    success_rate: windowed((e) =>
      messages(e) >= 200 ? Math.round((100 * messages(e, true)) / messages(e)) : null,
    ),
    avg_response_time_ms: windowed((e) =>
      e.length === 0 ? null : Math.round(e.reduce((sum, h) => sum + h.responseTimeMs, 0) / e.length),
    ),
    ewma_success_rate: sub.ewma,
    dlq_count: sub.dlq.length,
  };
}

export function registerWebhookInsightRoutes(router: CatenaRouter, ctx: SimulatorContext): void {
  router.route('GET', `${WEBHOOKS_PATH}/:webhook_id/logs`, async (request) => {
    const sub = findSubscription(ctx, pathUuid(request, 'webhook_id'));
    const query = createQueryReader(request.url);
    const start = query.dateTime('start_date');
    const end = query.dateTime('end_date');
    const status = query.enumOf('status', DELIVERY_STATES);
    const size = query.int('size', { min: 1, max: 1000, fallback: 300 });
    const cursor = query.string('cursor') || undefined;
    query.finish();
    const oldest = Math.max(Date.now() - RETENTION_MS, start ?? 0);
    const entries = sub.history.filter(
      (h) =>
        h.at >= oldest &&
        (end === undefined || h.at < end) &&
        (status === undefined || (status === 'success') === h.delivered),
    );
    const page = paginate(entries, (h) => [new Date(h.at).toISOString(), h.seq], cursor, size);
    return { ...page, items: page.items.map((h) => logView(sub, h)) };
  });

  router.route('GET', `${WEBHOOKS_PATH}/:webhook_id/metrics`, async (request) =>
    metricsView(findSubscription(ctx, pathUuid(request, 'webhook_id')), Date.now()),
  );
}
