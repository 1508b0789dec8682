/**
 * The simulator's webhook subscription API (Notifications service) against Catena's published
 * Notifications OpenAPI (test/fixtures/catena-openapi/notifications.json): every route's status
 * code and answer schema, with no undeclared field, and the body rules the schema states.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../../src/simulator/index.ts';
import { waitFor } from '../helpers/wait-for.ts';
import { createValidator, type Json } from './openapi.ts';
import { type createApi, startSimulator } from './support.ts';

const WEBHOOKS = '/v2/notifications/webhooks';
const openapi = createValidator();
const valid = (name: string, value: unknown) => openapi.expectValid('notifications', name, value);
const declaredOnly = (name: string, value: Json) =>
  expect(openapi.undeclared('notifications', name, value), name).toEqual([]);

/** The status codes the OpenAPI declares for an operation. */
function declared(path: string, method: string): string[] {
  const operation = openapi.docs.notifications.paths[path]?.[method] as { responses: Json } | undefined;
  if (!operation) throw new Error(`no ${method} ${path} in the Notifications OpenAPI`);
  return Object.keys(operation.responses);
}

describe('Catena OpenAPI contract: webhook subscriptions', () => {
  let sim: Simulator;
  let api: ReturnType<typeof createApi>;

  beforeAll(async () => {
    ({ sim, api } = await startSimulator({ processingMs: 60_000, webhookRetryDelaysMs: [5] }));
  });
  afterAll(() => sim.stop());

  const create = (json: Json) => api.call<Json>('POST', WEBHOOKS, { json });

  it('create answers 200 with a Webhook, or a list of them for a catch-all; no minimum secret length', async () => {
    expect(declared(WEBHOOKS, 'post')).toContain('200');
    const one = await create({
      url: 'https://hooks.example.com/a',
      event_name: 'vehicle.added',
      secret: 'abc',
    });
    expect(one.status).toBe(200);
    valid('Webhook', one.body);
    declaredOnly('Webhook', one.body);
    expect(one.body.secret).toBe('abc');

    const all = await api.call<Json[]>('POST', WEBHOOKS, {
      json: { url: 'https://hooks.example.com/b', event_name: 'vehicle.*' },
    });
    expect(all.status).toBe(200);
    expect(all.body.map((w) => w.event_name)).toEqual([
      'vehicle.added',
      'vehicle.modified',
      'vehicle.removed',
    ]);
    for (const webhook of all.body) {
      valid('Webhook', webhook);
      declaredOnly('Webhook', webhook);
    }
  });

  it('refuses a create without url or event_name, or with a url that is not one', async () => {
    for (const json of [
      { event_name: 'vehicle.added' },
      { url: 'https://x.example.com' },
      { url: 'nope', event_name: 'vehicle.added' },
    ]) {
      const res = await create(json);
      expect(res.status, JSON.stringify(json)).toBe(422);
      valid('UnprocessableEntity', res.body);
    }
  });

  it('lists, reads and updates as WebhookRead, with only declared fields', async () => {
    const { body } = await create({ url: 'https://hooks.example.com/c', event_name: 'user.added' });
    const id = String(body.id);

    const list = await api.call<Json & { items: Json[] }>('GET', WEBHOOKS, { query: { size: 2 } });
    expect(list.status).toBe(200);
    valid('_CursorPage_TypeVar_Customized_WebhookRead_', list.body);
    for (const item of list.body.items) declaredOnly('WebhookRead', item);

    const byStatus = await api.call('GET', WEBHOOKS, { query: { status: 'accepted' } });
    expect(byStatus.status).toBe(200);

    const read = await api.call<Json>('GET', `${WEBHOOKS}/${id}`);
    expect(read.status).toBe(200);
    valid('WebhookRead', read.body);
    declaredOnly('WebhookRead', read.body);
    expect(read.body.secret).toBe('*****');

    const patched = await api.call<Json>('PATCH', `${WEBHOOKS}/${id}`, {
      json: { status: 'inactive', secret: 'twelve-chars', url: 'https://hooks.example.com/d' },
    });
    expect(patched.status).toBe(200);
    valid('WebhookRead', patched.body);
    expect(patched.body.status).toBe('inactive');
  });

  it('refuses a new secret under 12 characters, and a status other than active or inactive', async () => {
    const { body } = await create({ url: 'https://hooks.example.com/e', event_name: 'user.modified' });
    const short = await api.call<Json & { detail: Json[] }>('PATCH', `${WEBHOOKS}/${body.id}`, {
      json: { secret: 'eleven-char' },
    });
    expect(short.status).toBe(422);
    valid('UnprocessableEntity', short.body);
    expect(short.body.detail).toEqual([
      expect.objectContaining({ path: 'secret', error_type: 'string_too_short' }),
    ]);
    for (const status of ['stale', 'paused', 'accepted']) {
      const res = await api.call<Json & { detail: Json[] }>('PATCH', `${WEBHOOKS}/${body.id}`, {
        json: { status },
      });
      expect(res.status, status).toBe(422);
      expect(res.body.detail).toEqual([expect.objectContaining({ path: 'status', error_type: 'enum' })]);
    }
  });

  it('logs every delivery attempt as WebhookLogRead, with an integer status code even when nobody answered', async () => {
    const { body } = await create({
      url: 'http://127.0.0.1:1/unreachable',
      event_name: 'resource_operation.created',
    });
    const user = sim.fixtures.users[0];
    const write = await api.call('PATCH', `/v2/telematics/users/${user?.id}`, {
      json: { connection_id: user?.connectionId, notes: 'delivery log' },
    });
    expect(write.status).toBe(202);
    const logs = await waitFor(
      async () => {
        const res = await api.call<Json & { items: Json[] }>('GET', `${WEBHOOKS}/${body.id}/logs`);
        return res.body.items.length >= 2 && res;
      },
      { what: 'two failed delivery attempts' },
    );
    expect(logs.status).toBe(200);
    valid('_CursorPage_TypeVar_Customized_WebhookLogRead_', logs.body);
    for (const log of logs.body.items) {
      declaredOnly('WebhookLogRead', log);
      expect(log).toMatchObject({
        status: 'failed',
        status_code: 0,
        event_name: 'resource_operation.created',
      });
      expect(typeof log.error_message).toBe('string');
    }
    const failedOnly = await api.call('GET', `${WEBHOOKS}/${body.id}/logs`, { query: { status: 'failed' } });
    expect(failedOnly.status).toBe(200);

    const metrics = await api.call<Json>('GET', `${WEBHOOKS}/${body.id}/metrics`);
    expect(metrics.status).toBe(200);
    valid('WebhookMetrics', metrics.body);
    declaredOnly('WebhookMetrics', metrics.body);
    expect(metrics.body.dlq_count).toBe(1);

    expect(declared(`${WEBHOOKS}/{webhook_id}/replay`, 'post')).toContain('202');
    const replay = await api.call('POST', `${WEBHOOKS}/${body.id}/replay`);
    expect(replay.status).toBe(202);
  });

  it('deletes with 204 and then answers 404 with the NotFound body', async () => {
    const { body } = await create({ url: 'https://hooks.example.com/f', event_name: 'trailer.added' });
    expect(declared(`${WEBHOOKS}/{webhook_id}`, 'delete')).toContain('204');
    const deleted = await api.call('DELETE', `${WEBHOOKS}/${body.id}`);
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeUndefined();
    const gone = await api.call<Json>('GET', `${WEBHOOKS}/${body.id}`);
    expect(gone.status).toBe(404);
    valid('NotFound', gone.body);
  });
});
