import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../../src/simulator/index.ts';
import { waitFor } from '../helpers/wait-for.ts';
import { type createApi, startReceiver, startSimulator } from './support.ts';

const WEBHOOKS = '/v2/notifications/webhooks';
type Receiver = Awaited<ReturnType<typeof startReceiver>>;
type Sub = Record<string, unknown> & { id: string; status: string; secret: string; url: string };

describe('webhook subscriptions and delivery', () => {
  let sim: Simulator;
  let api: ReturnType<typeof createApi>;
  const receivers: Receiver[] = [];

  beforeAll(async () => {
    ({ sim, api } = await startSimulator({
      processingMs: 60_000,
      webhookTimeoutMs: 150,
      webhookRetryDelaysMs: [10, 10, 10],
    }));
  });
  afterEach(async () => {
    sim.control.reset();
    await Promise.all(receivers.splice(0).map((r) => r.close()));
  });
  afterAll(() => sim.stop());

  const receiver = async (respond?: Parameters<typeof startReceiver>[0]) => {
    const r = await startReceiver(respond);
    receivers.push(r);
    return r;
  };
  const subscribe = async (
    url: string,
    eventName = 'resource_operation.created',
    extra: Record<string, unknown> = {},
  ) => {
    const res = await api.call<Sub>('POST', WEBHOOKS, { json: { url, event_name: eventName, ...extra } });
    expect(res.status).toBe(200);
    return res.body;
  };
  const writeOn = async (connectionIndex = 0) => {
    const trailer = sim.fixtures.trailers.find(
      (t) => t.connectionId === sim.fixtures.connections[connectionIndex]?.id,
    );
    const res = await api.call<{ id: string }>('PATCH', `/v2/telematics/trailers/${trailer?.id}`, {
      json: { connection_id: trailer?.connectionId, notes: 'x' },
    });
    expect(res.status).toBe(202);
    return res.body.id;
  };

  it('creates one subscription, or one per action for a catch-all, and masks url and secret on read', async () => {
    const single = await subscribe('https://hooks.example.com/webhooks/catena', 'resource_operation.failed', {
      secret: 'a-long-enough-secret',
    });
    expect(single).toMatchObject({
      event_name: 'resource_operation.failed',
      status: 'active',
      secret: 'a-long-enough-secret',
      partner_id: sim.fixtures.partnerId,
      deleted_at: null,
    });

    const all = await api.call<Sub[]>('POST', WEBHOOKS, {
      json: { url: 'https://hooks.example.com/other', event_name: 'resource_operation.*' },
    });
    expect(all.status).toBe(200);
    expect(all.body.map((s) => s.event_name)).toEqual([
      'resource_operation.created',
      'resource_operation.succeeded',
      'resource_operation.failed',
    ]);
    expect(all.body[0]?.secret).toMatch(/^whsec_.{20,}/);
    expect(new Set(all.body.map((s) => s.secret)).size).toBe(1);

    const read = await api.call<Sub>('GET', `${WEBHOOKS}/${single.id}`);
    expect(read.body).toMatchObject({
      id: single.id,
      url: 'https://hooks.example.com/webhooks/*****',
      secret: '*****',
    });
    expect(read.body).not.toHaveProperty('partner_id');

    const listed = await api.call<{ items: Sub[] }>('GET', WEBHOOKS, {
      query: { event_name: 'resource_operation.failed' },
    });
    expect(listed.body.items.map((s) => s.id)).toEqual([single.id, all.body[2]?.id]);
    const paged = await api.call<{ items: Sub[]; next_page: string }>('GET', WEBHOOKS, {
      query: { size: 2 },
    });
    expect(paged.body.items).toHaveLength(2);
    expect(paged.body.next_page).toEqual(expect.any(String));
  });

  it('refuses duplicates (409), unknown events and bad bodies (422), unknown ids (404)', async () => {
    await subscribe('https://hooks.example.com/a');
    const duplicate = await api.call('POST', WEBHOOKS, {
      json: { url: 'https://hooks.example.com/a', event_name: 'resource_operation.created' },
    });
    expect(duplicate.status).toBe(409);
    const filtered = await api.call('POST', WEBHOOKS, {
      json: {
        url: 'https://hooks.example.com/a',
        event_name: 'resource_operation.created',
        filters: { fleet_refs: ['acme-logistics'] },
      },
    });
    expect(filtered.status).toBe(200);
    const unknown = await api.call<{ detail: { path: string }[] }>('POST', WEBHOOKS, {
      json: { url: 'https://x.example', event_name: 'spaceship.launched' },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.detail[0]?.path).toBe('event_name');
    const badUrl = await api.call<{ detail: { path: string }[] }>('POST', WEBHOOKS, {
      json: { url: 'nope', event_name: 'resource_operation.created' },
    });
    expect(badUrl.body.detail[0]?.path).toBe('url');
    expect((await api.call('GET', `${WEBHOOKS}/${crypto.randomUUID()}`)).status).toBe(404);
  });

  it('updates, deactivates and deletes a subscription', async () => {
    const r = await receiver();
    const sub = await subscribe(r.url);
    const patched = await api.call<Sub>('PATCH', `${WEBHOOKS}/${sub.id}`, { json: { status: 'inactive' } });
    expect(patched.body.status).toBe('inactive');
    await writeOn();
    const deleted = await api.call('DELETE', `${WEBHOOKS}/${sub.id}`);
    expect(deleted.status).toBe(204);
    expect((await api.call('GET', `${WEBHOOKS}/${sub.id}`)).status).toBe(404);
    expect(r.received).toEqual([]);
  });

  it('delivers only events whose connection matches the filters', async () => {
    const r = await receiver();
    await subscribe(r.url, 'resource_operation.created', { filters: { fleet_refs: ['globex-freight'] } });
    await writeOn(0);
    const globexOp = await writeOn(2);
    await waitFor(() => r.received.length > 0, { what: 'a delivery' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(r.received.map((d) => d.envelope.data[0]?.id)).toEqual([globexOp]);
  });

  it('does not retry a 4xx answer', async () => {
    const r = await receiver(() => 410);
    await subscribe(r.url);
    await writeOn();
    await waitFor(() => sim.control.deliveries().length === 1, { what: 'one attempt' });
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(sim.control.deliveries()).toEqual([expect.objectContaining({ status: 410, attempt: 1 })]);
  });

  it('retries 5xx and timeouts three times with the same event id, then dead-letters; replay re-sends', async () => {
    let calls = 0;
    const r = await receiver(async () => {
      calls += 1;
      if (calls === 2) await new Promise((resolve) => setTimeout(resolve, 300));
      return 503;
    });
    const sub = await subscribe(r.url);
    await writeOn();
    await waitFor(
      async () => {
        const metrics = await api.call<{ dlq_count: number }>('GET', `${WEBHOOKS}/${sub.id}/metrics`);
        return metrics.body.dlq_count === 1;
      },
      { what: 'the event to reach the DLQ' },
    );

    const attempts = sim.control.deliveries();
    expect(attempts.map((a) => a.attempt)).toEqual([1, 2, 3, 4]);
    expect(attempts[1]?.error).toMatch(/timeout/);
    expect(new Set(attempts.map((a) => a.eventId)).size).toBe(1);
    const headers = r.received.map((d) => d.headers);
    expect(headers.map((h) => h['x-delivery-attempt'])).toEqual(['1', '2', '3', '4']);
    expect(new Set(headers.map((h) => h['x-request-id'])).size).toBe(4);
    expect(new Set(r.received.map((d) => d.envelope.id)).size).toBe(1);

    const logs = await api.call<{ items: Record<string, unknown>[] }>('GET', `${WEBHOOKS}/${sub.id}/logs`, {
      query: { status: 'failed' },
    });
    expect(logs.body.items).toHaveLength(4);
    expect(logs.body.items[0]).toMatchObject({
      webhook_id: sub.id,
      status: 'failed',
      status_code: 503,
      event_name: 'resource_operation.created',
    });

    r.setResponder(() => 202);
    const replay = await api.call('POST', `${WEBHOOKS}/${sub.id}/replay`);
    expect(replay.status).toBe(202);
    await waitFor(() => sim.control.deliveries().some((a) => a.status === 202), {
      what: 'the replayed delivery',
    });
    const metrics = await api.call<Record<string, Record<string, number> | number>>(
      'GET',
      `${WEBHOOKS}/${sub.id}/metrics`,
    );
    expect(metrics.body).toMatchObject({
      webhook_id: sub.id,
      dlq_count: 0,
      http_attempts: { '6h': 5, '24h': 5, '7d': 5, '14d': 5 },
      http_success_attempts: { '6h': 1 },
      http_failure_attempts: { '6h': 4 },
      message_count: { '6h': 1 },
      message_success_count: { '6h': 1 },
      success_rate: { '6h': null },
    });
    expect(typeof metrics.body.ewma_success_rate).toBe('number');
  });

  it('holds events while delivery is paused and sends them when resumed', async () => {
    const r = await receiver();
    await subscribe(r.url);
    sim.control.configure({ webhookDeliveryPaused: true });
    const op = await writeOn();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(r.received).toEqual([]);
    sim.control.configure({ webhookDeliveryPaused: false });
    await waitFor(() => r.events('resource_operation.created', op).length === 1, { what: 'the held event' });
  });
});

describe('webhook circuit breaker', () => {
  let sim: Simulator;
  let api: ReturnType<typeof createApi>;
  let r: Receiver;

  beforeAll(async () => {
    r = await startReceiver(() => 500);
    ({ sim, api } = await startSimulator({
      processingMs: 60_000,
      breakerGraceMs: 0,
      webhookRetryDelaysMs: [5, 5, 5],
    }));
  });
  afterAll(async () => {
    await sim.stop();
    await r.close();
  });

  it('turns a failing webhook stale after 10 consecutive failures, queues, and delivers the queue on activate', async () => {
    const [sub] = sim.control.registerWebhook({
      url: r.url,
      secret: 'breaker-secret-123',
      eventName: 'resource_operation.created',
    });
    const trailer = sim.fixtures.trailers[0];
    const write = async () =>
      (
        await api.call<{ id: string }>('PATCH', `/v2/telematics/trailers/${trailer?.id}`, {
          json: { connection_id: trailer?.connectionId },
        })
      ).body.id;
    for (let i = 0; i < 3; i++) await write();
    const stale = await waitFor(
      async () => {
        const res = await api.call<Sub>('GET', `/v2/notifications/webhooks/${sub}`);
        return res.body.status === 'stale' && res.body;
      },
      { what: 'the breaker to trip' },
    );
    expect(stale.status).toBe('stale');
    const listed = await api.call<{ items: Sub[] }>('GET', '/v2/notifications/webhooks', {
      query: { status: 'stale' },
    });
    expect(listed.body.items.map((s) => s.id)).toEqual([sub]);

    await new Promise((resolve) => setTimeout(resolve, 50));
    const attemptsWhenStale = sim.control.deliveries().length;
    expect(attemptsWhenStale).toBeGreaterThanOrEqual(10);
    const queued = await write();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(r.events('resource_operation.created', queued)).toEqual([]);

    r.setResponder(() => 202);
    const activated = await api.call<Sub>('POST', `/v2/notifications/webhooks/${sub}/activate`);
    expect(activated.status).toBe(200);
    expect(activated.body.status).toBe('active');
    await waitFor(
      () =>
        r.events('resource_operation.created', queued).some((d) => d.headers['x-delivery-attempt'] === '1'),
      {
        what: 'the queued event after activation',
      },
    );
  });
});
