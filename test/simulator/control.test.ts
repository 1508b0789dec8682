import { request } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../src/simulator/index.ts';
import { type createApi, startReceiver, startSimulator } from './support.ts';

const OPERATIONS = '/v2/integrations/connections/resource-operations';
const ONE_OP = '/v2/integrations/connections/:connection_id/resource-operations/:resource_operation_id';

describe('simulator control', () => {
  let sim: Simulator;
  let api: ReturnType<typeof createApi>;

  beforeAll(async () => {
    ({ sim, api } = await startSimulator({ processingMs: 60_000 }));
  });
  afterEach(() => sim.control.reset());
  afterAll(() => sim.stop());

  const control = async (method: string, path: string, json?: unknown) => {
    const res = await request(`${sim.url}/_simulator${path}`, {
      method: method as 'GET',
      ...(json !== undefined
        ? { body: JSON.stringify(json), headers: { 'content-type': 'application/json' } }
        : {}),
    });
    const text = await res.body.text();
    return { status: res.statusCode, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
  };

  it('counts requests per method and route pattern, including refused ones, and resets the counters', async () => {
    const op = sim.fixtures.operations[0];
    await api.call('GET', OPERATIONS);
    await api.call('GET', `/v2/integrations/connections/${op?.connectionId}/resource-operations/${op?.id}`);
    await api.call('GET', OPERATIONS, { auth: false });
    await api.call('GET', OPERATIONS, { query: { size: 0 } });
    await control('GET', '/fixtures');
    expect(sim.control.requestCounts()).toEqual({
      'POST /realms/catena/protocol/openid-connect/token': 1,
      [`GET ${OPERATIONS}`]: 3,
      [`GET ${ONE_OP}`]: 1,
    });
    expect((await control('GET', '/requests')).body).toEqual(sim.control.requestCounts());
    expect((await control('DELETE', '/requests')).status).toBe(204);
    expect(sim.control.requestCounts()).toEqual({});
  });

  it('answers status faults with Catena bodies, for the matching route and method, as many times as asked', async () => {
    sim.control.addFault({
      kind: 'status',
      status: 429,
      retryAfterSeconds: 7,
      method: 'GET',
      route: OPERATIONS,
      times: 2,
    });
    const connections = await api.call('GET', '/v2/integrations/connections');
    expect(connections.status).toBe(200);
    const first = await api.call('GET', OPERATIONS);
    expect(first.status).toBe(429);
    expect(first.body).toEqual({
      code: 429,
      message: 'Too Many Requests',
      detail: { retry_after_seconds: 7, message: expect.any(String) },
    });
    expect((await api.call('GET', OPERATIONS)).status).toBe(429);
    expect((await api.call('GET', OPERATIONS)).status).toBe(200);
    expect(sim.control.requestCounts()[`GET ${OPERATIONS}`]).toBe(3);
  });

  it.each([
    [502, { code: 502, message: 'Bad Gateway' }],
    [503, { code: 503, message: 'Service Unavailable' }],
    [504, { code: 504, message: 'Gateway Timeout' }],
    [500, { message: 'Internal Server Error' }],
  ])("a %i fault answers Catena's body", async (status, body) => {
    sim.control.addFault({ kind: 'status', status });
    const res = await api.call('GET', '/v2/integrations/connections');
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject(body);
  });

  it('keeps an unlimited fault until cleared', async () => {
    sim.control.addFault({ kind: 'status', status: 503, times: Number.POSITIVE_INFINITY, route: OPERATIONS });
    for (let i = 0; i < 3; i++) expect((await api.call('GET', OPERATIONS)).status).toBe(503);
    sim.control.clearFaults();
    expect((await api.call('GET', OPERATIONS)).status).toBe(200);
  });

  it('drops the connection before the handler runs (no write created)', async () => {
    await api.call('GET', '/v2/integrations/connections');
    sim.control.addFault({ kind: 'drop', route: '/v2/telematics/messages' });
    const [u0, u1] = sim.fixtures.users;
    const body = {
      connection_id: u0?.connectionId,
      sender_id: u0?.id,
      recipient_id: u1?.id,
      message_text: 'dropped-before',
    };
    await expect(api.call('POST', '/v2/telematics/messages', { json: body })).rejects.toThrow();
    const list = await api.call<{ items: { payload: { message_text?: string } }[] }>('GET', OPERATIONS, {
      query: { resource: 'message' },
    });
    expect(list.body.items.some((op) => op.payload.message_text === 'dropped-before')).toBe(false);
  });

  it('drops the connection after the handler ran (the write exists)', async () => {
    await api.call('GET', '/v2/integrations/connections');
    sim.control.addFault({ kind: 'drop', phase: 'after', method: 'POST' });
    const [u0, u1] = sim.fixtures.users;
    const body = {
      connection_id: u0?.connectionId,
      sender_id: u0?.id,
      recipient_id: u1?.id,
      message_text: 'dropped-after',
    };
    await expect(api.call('POST', '/v2/telematics/messages', { json: body })).rejects.toThrow();
    const list = await api.call<{ items: { payload: { message_text?: string } }[] }>('GET', OPERATIONS, {
      query: { resource: 'message' },
    });
    expect(list.body.items.filter((op) => op.payload.message_text === 'dropped-after')).toHaveLength(1);
  });

  it.each(['before', 'after'] as const)('delays a response (%s the handler)', async (phase) => {
    await api.call('GET', '/v2/integrations/connections');
    sim.control.addFault({ kind: 'delay', delayMs: 150, phase });
    const started = Date.now();
    const res = await api.call('GET', '/v2/integrations/connections');
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('adds latency to Catena routes but not to control routes', async () => {
    await api.call('GET', '/v2/integrations/connections');
    sim.control.configure({ latencyMs: 120 });
    let started = Date.now();
    await api.call('GET', '/v2/integrations/connections');
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
    started = Date.now();
    await control('GET', '/fixtures');
    expect(Date.now() - started).toBeLessThan(100);
  });

  it('seeds past operations round-robin over the given connections, oldest first', async () => {
    const [a, b] = sim.fixtures.connections;
    const ops = sim.control.seedOperations({
      count: 6,
      connectionIds: [String(a?.id), String(b?.id)],
      status: 'failed',
    });
    expect(ops.map((op) => op.connection_id)).toEqual([a?.id, b?.id, a?.id, b?.id, a?.id, b?.id]);
    expect(ops.every((op) => op.status === 'failed' && op.logs.length > 0)).toBe(true);
    const times = ops.map((op) => Date.parse(op.created_at));
    expect(times).toEqual([...times].sort((x, y) => x - y));
    expect(Date.now() - (times[0] ?? 0)).toBeLessThan(4 * 3_600_000);
    const listed = await api.call<{ items: { id: string }[] }>('GET', OPERATIONS, { query: { size: 1000 } });
    expect(listed.body.items.map((op) => op.id)).toEqual(expect.arrayContaining(ops.map((op) => op.id)));
  });

  it('exposes the same knobs over HTTP', async () => {
    expect((await control('PUT', '/config', { latencyMs: 0, processingMs: 10 })).body).toMatchObject({
      processingMs: 10,
    });
    const fault = await control('POST', '/faults', {
      kind: 'status',
      status: 503,
      times: null,
      route: OPERATIONS,
    });
    expect(fault.status).toBe(201);
    expect((await api.call('GET', OPERATIONS)).status).toBe(503);
    expect((await api.call('GET', OPERATIONS)).status).toBe(503);
    expect((await control('DELETE', '/faults')).status).toBe(204);
    expect((await api.call('GET', OPERATIONS)).status).toBe(200);
    const seeded = await control('POST', '/operations/seed', { count: 2 });
    expect(seeded.body).toHaveLength(2);
    expect((await control('POST', '/tokens/revoke')).status).toBe(204);
    expect((await api.call('GET', OPERATIONS)).status).toBe(401);
    api.refreshToken();
    expect((await control('GET', '/deliveries')).body).toEqual([]);
    expect((await control('POST', '/faults', { kind: 'explode' })).status).toBe(400);
    expect((await control('POST', '/reset')).status).toBe(204);
    expect((await control('GET', '/fixtures')).body).toEqual(sim.fixtures);
  });

  it('reset() restores the seed, counters, faults and knobs', async () => {
    sim.control.seedOperations({ count: 5 });
    sim.control.addFault({
      kind: 'status',
      status: 500,
      times: Number.POSITIVE_INFINITY,
      route: '/v2/integrations/connections',
    });
    sim.control.configure({ latencyMs: 500 });
    sim.control.reset();
    const started = Date.now();
    const res = await api.call<{ items: { id: string }[] }>('GET', OPERATIONS, { query: { size: 1000 } });
    expect(Date.now() - started).toBeLessThan(400);
    expect(res.body.items.map((op) => op.id)).toEqual(sim.fixtures.operations.map((op) => op.id));
    expect((await api.call('GET', '/v2/integrations/connections')).status).toBe(200);
    expect(sim.control.requestCounts()[`GET ${OPERATIONS}`]).toBe(1);
  });
});

describe('simulator lifecycle', () => {
  it('throws on url before start', () => {
    expect(() => createSimulator().url).toThrow(/start/);
  });

  it('is deterministic: two simulators share their seed ids', () => {
    const a = createSimulator().fixtures;
    const b = createSimulator().fixtures;
    expect(a).toEqual(b);
    expect(a.connections.length).toBeGreaterThanOrEqual(5);
    expect(new Set(a.connections.map((c) => c.sourceName)).size).toBe(a.connections.length);
    expect(a.connections.some((c) => c.shareLevel === 'read')).toBe(true);
    expect(a.connections.some((c) => c.status === 'stale')).toBe(true);
    expect(a.fleets.filter((f) => f.ref !== null).map((f) => f.ref)).toEqual([
      'acme-logistics',
      'globex-freight',
    ]);
    expect(a.operations).toHaveLength(36);
  });

  it('re-registers the configured webhook on reset and leaves no timers behind after stop', async () => {
    const receiver = await startReceiver(() => 500);
    const timersBefore = process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const { sim, api } = await startSimulator({
      webhookUrl: receiver.url,
      processingMs: 60_000,
      webhookRetryDelaysMs: [60_000],
    });
    const subs = await api.call<{ items: { event_name: string }[] }>('GET', '/v2/notifications/webhooks');
    expect(subs.body.items.map((s) => s.event_name)).toEqual([
      'resource_operation.created',
      'resource_operation.succeeded',
      'resource_operation.failed',
    ]);
    sim.control.registerWebhook({ url: 'https://elsewhere.example/hook', secret: 'another-secret-1' });
    sim.control.reset();
    const afterReset = await api.call<{ items: unknown[] }>('GET', '/v2/notifications/webhooks');
    expect(afterReset.body.items).toHaveLength(3);

    const trailer = sim.fixtures.trailers[0];
    await api.call('PATCH', `/v2/telematics/trailers/${trailer?.id}`, {
      json: { connection_id: trailer?.connectionId },
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await sim.stop();
    await receiver.close();
    const timersAfter = process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    expect(timersAfter).toBeLessThanOrEqual(timersBefore);
  });
});
