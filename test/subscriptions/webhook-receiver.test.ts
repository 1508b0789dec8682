import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { gzipSync } from 'node:zlib';
import { request } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import type { ResourceOperation } from '../../src/catena/schemas.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { createSimulator } from '../../src/simulator/index.ts';
import type { OperationEvent } from '../../src/subscriptions/events.ts';
import { createMemoryDedupeStore, type DedupeStore } from '../../src/subscriptions/stores.ts';
import { useGateway } from '../helpers/gateway.ts';
import { catenaTimestamp, deliver, envelope } from '../helpers/webhooks.ts';

const gw = useGateway({}, { CATENA_WEBHOOK_SECRETS: 'new-secret-1234,dev-webhook-secret' });

let published: OperationEvent[] = [];
let base: ResourceOperation;

beforeAll(async () => {
  gw.app.services.hub.onEvent((event) => published.push(event));
  const [op] = (await gw.app.catena.listResourceOperations({ size: 1 })).items;
  if (!op) throw new Error('no seeded operation');
  base = op;
});

beforeEach(() => {
  published = [];
});

let clock = Date.parse('2026-01-01T00:00:00Z');
/** A new state of a fresh operation (unique id and time, so dedupe never mixes tests). */
function state(status: 'pending' | 'success' | 'failed', id: string = randomUUID()): ResourceOperation {
  clock += 1000;
  return { ...base, id, status, updated_at: new Date(clock).toISOString(), logs: [] };
}

const created = (...ops: ResourceOperation[]) => envelope('resource_operation.created', ops);

describe('accepting deliveries', () => {
  it('publishes every record of a signed gzip delivery, once', async () => {
    const ops = [state('pending'), state('pending')];
    const res = await deliver(gw.url, created(...ops));
    expect(res).toEqual({ status: 202, body: { accepted: 2, published: 2 } });
    expect(published.map((e) => [e.type, e.operation.id])).toEqual(ops.map((op) => ['CREATED', op.id]));
  });

  it('accepts an uncompressed body', async () => {
    const res = await deliver(gw.url, created(state('pending')), { gzip: false });
    expect(res.status).toBe(202);
    expect(published).toHaveLength(1);
  });

  it('accepts any of the configured secrets (rotation)', async () => {
    for (const secret of ['new-secret-1234', 'dev-webhook-secret']) {
      expect((await deliver(gw.url, created(state('pending')), { secret })).status).toBe(202);
    }
    expect(published).toHaveLength(2);
  });

  it('publishes a redelivery only once (same envelope, new X-Request-ID)', async () => {
    const body = created(state('pending'));
    expect((await deliver(gw.url, body)).status).toBe(202);
    expect(await deliver(gw.url, body)).toEqual({ status: 202, body: { duplicate: true } });
    expect(published).toHaveLength(1);
  });

  it('publishes a state once even when it comes again in another envelope', async () => {
    const op = state('success');
    await deliver(gw.url, envelope('resource_operation.succeeded', [op]));
    const again = await deliver(gw.url, envelope('resource_operation.succeeded', [op]));
    expect(again.body).toEqual({ accepted: 1, published: 0 });
    expect(published.map((e) => e.type)).toEqual(['SUCCEEDED']);
  });

  it('acknowledges events of other resources and publishes nothing', async () => {
    const res = await deliver(gw.url, envelope('vehicle.added', [{ id: randomUUID() }]));
    expect(res).toEqual({ status: 202, body: { ignored: 'vehicle.added' } });
    expect(published).toEqual([]);
  });
});

describe('refusing deliveries, publishing nothing', () => {
  const stale = catenaTimestamp(Date.now() - 6 * 60_000);
  const future = catenaTimestamp(Date.now() + 6 * 60_000);
  it.each([
    ['signed with an unknown secret', { secret: 'not-our-secret' }],
    ['without a signature', { headers: { 'x-catena-signature': undefined } }],
    ['without a timestamp', { headers: { 'x-catena-timestamp': undefined } }],
    ['with a garbage signature', { headers: { 'x-catena-signature': '!!not base64!!' } }],
    ['signed over another body', { signBody: '{"forged":true}' }],
    ['six minutes old', { timestamp: stale }],
    ['six minutes in the future', { timestamp: future }],
    ['with an unreadable timestamp', { timestamp: 'yesterday' }],
  ])('answers 401 to a delivery %s', async (_, options) => {
    const res = await deliver(gw.url, created(state('pending')), options);
    expect(res.status).toBe(401);
    expect(res.body.error).toEqual(expect.any(String));
    expect(published).toEqual([]);
  });

  it.each([
    ['a body that is not JSON', 'not json'],
    ['an envelope without data', JSON.stringify({ version: '1.0', webhook_id: randomUUID() })],
    ['data that is not an array', JSON.stringify({ version: '1.0', webhook_id: randomUUID(), data: {} })],
    ['a bad version', JSON.stringify({ version: 'one', webhook_id: randomUUID(), data: [] })],
    [
      'a record without an id',
      envelope('resource_operation.created', [{ ...state('pending'), id: undefined }]),
    ],
    [
      'one bad record among good ones',
      envelope('resource_operation.created', [state('pending'), { ...state('pending'), status: 42 }]),
    ],
  ])('answers 400 to %s', async (_, body) => {
    const res = await deliver(gw.url, body);
    expect(res.status).toBe(400);
    expect(published).toEqual([]);
  });

  it('answers 400 to corrupt gzip and to an unsupported encoding', async () => {
    const body = created(state('pending'));
    expect((await deliver(gw.url, body, { rawBody: Buffer.from('definitely not gzip') })).status).toBe(400);
    expect((await deliver(gw.url, body, { gzip: false, headers: { 'content-encoding': 'br' } })).status).toBe(
      400,
    );
    expect(published).toEqual([]);
  });

  it('answers 413 to a body over 1 MiB on the wire', async () => {
    const huge = envelope('resource_operation.created', [
      { ...state('pending'), payload: { blob: 'x'.repeat(2 * 1024 * 1024) } },
    ]);
    const res = await deliver(gw.url, huge, { gzip: false });
    expect(res.status).toBe(413);
    expect(published).toEqual([]);
  });

  it('reads a chunked body (no Content-Length) and refuses one that grows over the limit', async () => {
    const op = state('pending');
    expect((await deliver(gw.url, created(op), { chunked: true })).status).toBe(202);
    expect(published.map((e) => e.operation.id)).toEqual([op.id]);
    const huge = envelope('resource_operation.created', [
      { ...state('pending'), payload: { blob: 'x'.repeat(2 * 1024 * 1024) } },
    ]);
    const refused = await deliver(gw.url, huge, { gzip: false, chunked: true }).catch(
      (error: Error) => error,
    );
    // The receiver answers 413 and closes the connection without reading the rest; a client still
    // sending may see the close first.
    if (refused instanceof Error) expect(refused.message).toMatch(/closed|reset|socket/i);
    else expect(refused.status).toBe(413);
    expect(published.map((e) => e.operation.id)).toEqual([op.id]);
  });

  it('answers 413 to a gzip bomb without inflating it', async () => {
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20)); // ~64 KiB that inflate to 64 MiB
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const before = process.memoryUsage().rss;
    const res = await deliver(gw.url, 'unused', { rawBody: bomb });
    expect(res.status).toBe(413);
    expect(res.body.error).toMatch(/decompressed/);
    // The receiver stops at 8 MiB of output; inflating the whole bomb would add 64 MiB.
    expect(process.memoryUsage().rss - before).toBeLessThan(48 * 1024 * 1024);
  });

  it('drops a body cut short by its sender, and goes on receiving', async () => {
    const socket = connect(Number(new URL(gw.url).port), '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    const closed = new Promise((resolve) => socket.once('close', resolve));
    socket.write(
      'POST /webhooks/catena HTTP/1.1\r\nHost: gateway\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"version":"1.0",',
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    socket.destroy();
    await closed;
    const op = state('pending');
    expect((await deliver(gw.url, created(op))).status).toBe(202);
    expect(published.map((e) => e.operation.id)).toEqual([op.id]);
  });

  it('answers 405 to anything but POST', async () => {
    const res = await request(`${gw.url}/webhooks/catena`);
    await res.body.dump();
    expect(res.statusCode).toBe(405);
  });
});

describe('when the event cannot be handed on', () => {
  const sim = createSimulator();
  let failing = true;
  const memory = createMemoryDedupeStore();
  const flaky: DedupeStore = {
    firstTime: (key, ttl) => (failing ? Promise.reject(new Error('store down')) : memory.firstTime(key, ttl)),
    forget: (key) => memory.forget(key),
  };
  let url: string;
  let app: ReturnType<typeof buildApp>;

  beforeAll(async () => {
    await sim.start();
    const config = loadConfig({});
    app = buildApp(
      { ...config, catena: { ...config.catena, apiUrl: sim.url, tokenUrl: sim.tokenUrl } },
      { logger: createLogger('silent'), events: { dedupe: flaky } },
    );
    url = await app.start(0, '127.0.0.1');
  });
  afterAll(async () => {
    await app.stop();
    await sim.stop();
  });

  it('answers 503 so Catena retries, and the retry is published', async () => {
    const seen: OperationEvent[] = [];
    app.services.hub.onEvent((event) => seen.push(event));
    const body = created(state('pending'));
    expect((await deliver(url, body)).status).toBe(503);
    expect(seen).toEqual([]);
    failing = false;
    expect((await deliver(url, body)).status).toBe(202);
    expect(seen).toHaveLength(1);
  });
});
