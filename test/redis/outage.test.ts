/**
 * Redis going away and coming back, on a private redis-server this test stops and starts.
 */
import { randomUUID } from 'node:crypto';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../src/app.ts';
import type { ResourceOperation } from '../../src/catena/schemas.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { createSimulator } from '../../src/simulator/index.ts';
import { writeCases } from '../fixtures/write-bodies.ts';
import { remoteGateway } from '../helpers/gateway.ts';
import { graphqlInput, write } from '../helpers/mutations.ts';
import { hasRedisServer, privateRedis, redisServerSkipReason, uniquePrefix } from '../helpers/redis.ts';
import { disposeClients, next, stream, wsClient } from '../helpers/subscriptions.ts';
import { waitFor } from '../helpers/wait-for.ts';
import { deliver, envelope } from '../helpers/webhooks.ts';

const EVENTS = `subscription($filter: ResourceOperationEventFilter) {
  resourceOperationEvents(filter: $filter) { type operation { catenaId } }
}`;

describe.skipIf(!hasRedisServer)(`Redis going away mid-stream${redisServerSkipReason}`, () => {
  const sim = createSimulator({ processingMs: 200 });
  let redis: Awaited<ReturnType<typeof privateRedis>>;
  let app: App;
  let url: string;
  let base: ResourceOperation;
  let clock = 0;
  const later = (op: ResourceOperation, status: ResourceOperation['status']) => {
    clock = Math.max(clock, Date.now()) + 1000;
    return { ...op, status, updated_at: new Date(clock).toISOString() };
  };
  const status = async (path: string) => {
    const res = await request(`${url}${path}`);
    await res.body.dump();
    return res.statusCode;
  };

  beforeAll(async () => {
    redis = await privateRedis();
    await sim.start();
    const config = loadConfig({ REDIS_URL: redis.url, REDIS_KEY_PREFIX: uniquePrefix() });
    app = buildApp(
      { ...config, catena: { ...config.catena, apiUrl: sim.url, tokenUrl: sim.tokenUrl } },
      { logger: createLogger('silent') },
    );
    url = await app.start(0, '127.0.0.1');
    const [op] = (await app.catena.listResourceOperations({ size: 1 })).items;
    if (!op) throw new Error('no operation');
    base = op;
  });

  afterAll(async () => {
    await disposeClients();
    await app?.stop();
    await sim.stop();
    await redis?.stop();
  });

  it('keeps reads and writes working, refuses webhooks with 503, and recovers when Redis returns', async () => {
    const op = { ...base, id: randomUUID() };
    const events = stream<{ resourceOperationEvents: { type: string } }>(wsClient(url), EVENTS, {
      filter: { operationIds: [op.id] },
    });
    await waitFor(() => app.stats().subscribers >= 1);
    expect((await deliver(url, envelope('resource_operation.created', [later(op, 'pending')]))).status).toBe(
      202,
    );
    expect((await next(events)).data?.resourceOperationEvents.type).toBe('CREATED');

    await redis.stop();

    const gw = remoteGateway(url);
    const read = await gw.gql('{ connections(first: 1) { edges { node { catenaId } } } }');
    expect(read.data).toBeTruthy();
    const { body } = writeCases(sim.fixtures).createTrailer;
    const plain = await write(gw, 'createTrailer', { input: graphqlInput('createTrailer', body) });
    expect(plain.data?.result.__typename).toBe('CreateTrailerSuccess');
    const keyed = await write(gw, 'createTrailer', {
      input: graphqlInput('createTrailer', body),
      key: 'k-1',
    });
    expect(keyed.errors?.[0]?.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });

    const succeeded = envelope('resource_operation.succeeded', [later(op, 'success')]);
    expect((await deliver(url, succeeded)).status).toBe(503);
    expect(await status('/ready')).toBe(503);
    expect(await status('/health')).toBe(200);

    await redis.start();
    await waitFor(async () => (await status('/ready')) === 200, { timeoutMs: 10_000, what: 'ready again' });
    // Catena retries what was refused; the subscription that stayed open receives it.
    await waitFor(async () => (await deliver(url, succeeded)).status === 202, {
      timeoutMs: 10_000,
      what: 'webhooks again',
    });
    expect((await next(events, 10_000)).data?.resourceOperationEvents.type).toBe('SUCCEEDED');
  });
});
