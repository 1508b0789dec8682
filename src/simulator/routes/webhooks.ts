/**
 * Notifications service: webhook subscription management (api-facts §4.5; the operations of
 * test/fixtures/catena-openapi/notifications.json, plus `activate` from the newer docs).
 */
import type { SimulatorContext } from '../context.ts';
import { notFound, validationError, zodDetails } from '../errors.ts';
import { type CatenaRouter, jsonBody, pathUuid } from '../http.ts';
import { STATUS_ENUM, webhookCreateBody, webhookUpdateBody } from '../model/notifications.ts';
import { paginate } from '../pagination.ts';
import { createQueryReader } from '../query.ts';
import { createdView, readView, type Subscription } from '../webhooks/subscriptions.ts';

export const WEBHOOKS_PATH = '/v2/notifications/webhooks';

export function findSubscription(ctx: SimulatorContext, id: string): Subscription {
  const sub = ctx.subscriptions.get(id);
  if (sub === undefined) throw notFound(`Webhook ${id} not found`);
  return sub;
}

/** Marks a subscription as changed: the breaker's grace period starts again. */
function touch(sub: Subscription): void {
  const now = Date.now();
  sub.updated_at = new Date(now).toISOString();
  sub.breakerSince = now;
}

export function registerWebhookRoutes(router: CatenaRouter, ctx: SimulatorContext): void {
  router.route('POST', WEBHOOKS_PATH, async (request, reply) => {
    const raw = jsonBody(request);
    const parsed = webhookCreateBody.safeParse(raw);
    if (!parsed.success) throw validationError(zodDetails(parsed.error, raw));
    const subs = ctx.subscriptions.create(parsed.data, Date.now());
    const views = subs.map(createdView);
    // 200, as the OpenAPI has it: one Webhook, or a list of them for a catch-all.
    return reply.code(200).send(parsed.data.event_name.endsWith('.*') ? views : views[0]);
  });

  router.route('GET', WEBHOOKS_PATH, async (request) => {
    const query = createQueryReader(request.url);
    const eventName = query.string('event_name');
    const status = query.enumOf('status', STATUS_ENUM);
    const size = query.int('size', { min: 1, max: 1000, fallback: 300 });
    const cursor = query.string('cursor') || undefined;
    query.finish();
    const matching = ctx.subscriptions
      .all()
      .filter(
        (s) =>
          (eventName === undefined || s.event_name === eventName) &&
          (status === undefined || s.status === status),
      )
      .sort((a, b) => (a.seq < b.seq ? -1 : 1));
    const page = paginate(matching, (s) => [s.created_at, s.seq], cursor, size);
    return { ...page, items: page.items.map(readView) };
  });

  const byId = `${WEBHOOKS_PATH}/:webhook_id`;
  router.route('GET', byId, async (request) =>
    readView(findSubscription(ctx, pathUuid(request, 'webhook_id'))),
  );

  router.route('PATCH', byId, async (request) => {
    const sub = findSubscription(ctx, pathUuid(request, 'webhook_id'));
    const raw = jsonBody(request);
    const parsed = webhookUpdateBody.safeParse(raw);
    if (!parsed.success) throw validationError(zodDetails(parsed.error, raw));
    const patch = parsed.data;
    if (patch.url) sub.url = patch.url;
    if (patch.filters !== undefined) sub.filters = patch.filters;
    if (patch.secret) sub.secret = patch.secret;
    if (patch.status) {
      sub.status = patch.status;
      if (patch.status === 'active') sub.consecutiveFailures = 0;
    }
    touch(sub);
    ctx.delivery.flush(sub);
    return readView(sub);
  });

  router.route('DELETE', byId, async (request, reply) => {
    const id = pathUuid(request, 'webhook_id');
    findSubscription(ctx, id);
    ctx.subscriptions.remove(id);
    return reply.code(204).send();
  });

  router.route('POST', `${byId}/activate`, async (request) => {
    const sub = findSubscription(ctx, pathUuid(request, 'webhook_id'));
    sub.status = 'active';
    sub.consecutiveFailures = 0;
    touch(sub);
    ctx.delivery.flush(sub);
    return readView(sub);
  });

  router.route('POST', `${byId}/replay`, async (request, reply) => {
    const sub = findSubscription(ctx, pathUuid(request, 'webhook_id'));
    const replayed = ctx.delivery.replay(sub);
    return reply.code(202).send({ replayed });
  });
}
