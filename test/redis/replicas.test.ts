/**
 * Three gateway processes (`npm start` with REDIS_URL) on one real Redis, in front of one simulator,
 * as behind a load balancer. Skipped, saying why, on a machine without Redis.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResourceOperation } from '../../src/catena/schemas.ts';
import { createSimulator } from '../../src/simulator/index.ts';
import { writeCases } from '../fixtures/write-bodies.ts';
import { remoteGateway } from '../helpers/gateway.ts';
import { multipartBodies, postMultipart } from '../helpers/incremental.ts';
import { graphqlInput, write } from '../helpers/mutations.ts';
import { killLeftovers, type Started, startGateway } from '../helpers/processes.ts';
import { REDIS_URL, redisAvailable, redisSkipReason, uniquePrefix } from '../helpers/redis.ts';
import { collect, disposeClients, next, type Result, stream, wsClient } from '../helpers/subscriptions.ts';
import { waitFor } from '../helpers/wait-for.ts';
import { deliver, envelope } from '../helpers/webhooks.ts';

const sim = createSimulator({ processingMs: 300 });
const prefix = uniquePrefix();
let replicas: (Started & { url: string })[] = [];
const urlOf = (i: number) => replicas[i]?.url ?? '';

const EVENTS = `subscription($filter: ResourceOperationEventFilter, $after: ID) {
  resourceOperationEvents(filter: $filter, after: $after) { eventId type operation { catenaId status } }
}`;
const STATUS = `subscription($c: UUID!, $id: UUID!) { operationStatus(connectionId: $c, id: $id) { status } }`;
type EventData = {
  resourceOperationEvents: { eventId: string; type: string; operation: { catenaId: string; status: string } };
};
type StatusData = { operationStatus: { status: string } };

async function createTrailer(via: number, key?: string, body = writeCases(sim.fixtures).createTrailer.body) {
  return createTrailerWith(via, body, key);
}

async function createTrailerWith(via: number, body: Record<string, unknown>, key?: string) {
  const res = await write(remoteGateway(urlOf(via)), 'createTrailer', {
    input: graphqlInput('createTrailer', body),
    key,
  });
  const op = res.data?.result.operation;
  if (!op) throw new Error(JSON.stringify(res));
  return op;
}

let clock = 0;
/** A state strictly newer than anything so far (and than now). */
const later = (op: ResourceOperation, status: ResourceOperation['status']): ResourceOperation => {
  clock = Math.max(clock, Date.now()) + 1000;
  return { ...op, status, updated_at: new Date(clock).toISOString() };
};

/**
 * Subscribes on `replica` and proves the stream is live with probe events delivered to it; `probeOf`
 * must pass `filter` (its id is added to an operationIds filter).
 */
async function liveEvents(replica: number, filter: Record<string, unknown>, probeOf: ResourceOperation) {
  const probe = { ...probeOf, id: randomUUID() };
  const ids = filter.operationIds as string[] | undefined;
  const iterator = stream<EventData>(wsClient(urlOf(replica)), EVENTS, {
    filter: ids ? { ...filter, operationIds: [...ids, probe.id] } : filter,
  });
  for (let attempt = 0; ; attempt++) {
    await deliver(urlOf(replica), envelope('resource_operation.created', [later(probe, 'pending')]));
    const got = await Promise.race([
      next(iterator, 300).catch(() => undefined),
      new Promise((r) => setTimeout(r, 300)),
    ]);
    if ((got as Result<EventData> | undefined)?.data?.resourceOperationEvents.operation.catenaId === probe.id)
      break;
    if (attempt > 20) throw new Error('the subscription never became live');
  }
  return iterator;
}

describe.skipIf(!redisAvailable)(`several replicas on Redis (${REDIS_URL})${redisSkipReason}`, () => {
  let base: ResourceOperation;

  beforeAll(async () => {
    await sim.start();
    const env = {
      CATENA_API_URL: sim.url,
      CATENA_TOKEN_URL: sim.tokenUrl,
      CATENA_CLIENT_ID: 'dev',
      CATENA_CLIENT_SECRET: 'dev',
      GATEWAY_AUTH: 'off',
      CATENA_WEBHOOK_SECRETS: 'dev-webhook-secret',
      REDIS_URL,
      REDIS_KEY_PREFIX: prefix,
    };
    replicas = await Promise.all([startGateway(env), startGateway(env), startGateway(env)]);
    // Catena delivers to one address; here the "load balancer" sends everything to replica 0.
    sim.control.registerWebhook({ url: `${urlOf(0)}/webhooks/catena`, secret: 'dev-webhook-secret' });
    const [op] = (await sim.control.seedOperations({ count: 1 })) as ResourceOperation[];
    if (!op) throw new Error('no operation');
    base = op;
  }, 60_000);

  afterAll(async () => {
    await disposeClients();
    killLeftovers();
    await sim.stop();
  });

  it('brings a delivery received by one replica to subscribers on all of them, once', async () => {
    sim.control.configure({ processingMs: 60_000 });
    const op = await createTrailer(0);
    const watchers = [1, 2].map((i) =>
      stream<StatusData>(wsClient(urlOf(i)), STATUS, { c: op.connectionId, id: op.catenaId }),
    );
    for (const w of watchers) expect((await next(w)).data?.operationStatus.status).toBe('PENDING');
    const current = {
      ...base,
      id: op.catenaId,
      connection_id: op.connectionId,
      resource: 'trailer' as const,
    };
    await deliver(urlOf(0), envelope('resource_operation.succeeded', [later(current, 'success')]));
    for (const w of watchers)
      expect((await collect(w)).map((r) => r.data?.operationStatus.status)).toEqual(['SUCCESS']);
    sim.control.configure({ processingMs: 300 });
  });

  it('settles a write-and-await on one replica from the webhook another receives', async () => {
    // Replica 1 writes and waits; Catena's webhook goes to replica 0 only.
    const response = await postMultipart(
      urlOf(1),
      `mutation($input: CreateTrailerInput!) { createTrailer(input: $input) {
        ... on CreateTrailerSuccess { operation { status ... @defer { settled(timeoutSeconds: 60) { status } } } }
      } }`,
      { input: graphqlInput('createTrailer', writeCases(sim.fixtures).createTrailer.body) },
    );
    const bodies = await multipartBodies(response);
    expect(bodies[0]).toMatchObject({ data: { createTrailer: { operation: { status: 'PENDING' } } } });
    expect(bodies.at(-1)).toMatchObject({ incremental: [{ data: { settled: { status: 'SUCCESS' } } }] });
    // No poll was needed: the outcome is the webhook replica 0 received (it is the only receiver).
    expect(sim.control.deliveries().at(-1)?.url).toBe(`${urlOf(0)}/webhooks/catena`);
  });

  it('publishes a delivery that reaches two replicas once', async () => {
    const op = { ...base, id: randomUUID() };
    const events = await liveEvents(2, { operationIds: [op.id] }, base);
    const body = envelope('resource_operation.failed', [later(op, 'failed')]);
    const answers = await Promise.all([deliver(urlOf(0), body), deliver(urlOf(1), body)]);
    expect(answers.map((a) => a.status)).toEqual([202, 202]);
    // The same state in two different envelopes, to two replicas at once: also once.
    const state = later(op, 'success');
    await Promise.all([
      deliver(urlOf(0), envelope('resource_operation.succeeded', [state])),
      deliver(urlOf(1), envelope('resource_operation.succeeded', [state])),
    ]);
    const got = [await next(events), await next(events)].map((r) => r.data?.resourceOperationEvents.type);
    expect(got).toEqual(['FAILED', 'SUCCEEDED']);
    expect(
      await next(events, 800).then(
        () => 'more',
        () => 'none',
      ),
    ).toBe('none');
  });

  it('makes one Catena write for one idempotency key used concurrently on every replica', async () => {
    sim.control.resetRequestCounts();
    const key = `replicas-${randomUUID()}`;
    const { body } = writeCases(sim.fixtures).createTrailer;
    const ops = await Promise.all(Array.from({ length: 21 }, (_, i) => createTrailer(i % 3, key, body)));
    expect(new Set(ops.map((op) => op.catenaId)).size).toBe(1);
    expect(sim.control.requestCounts()['POST /v2/telematics/trailers']).toBe(1);
  });

  it('resumes on another replica after a reconnect, missing nothing and repeating nothing', async () => {
    // A connection of its own, so operations of the other tests cannot add events to this stream.
    const own = sim.fixtures.connections.filter(
      (c) => c.shareLevel === 'read_write' && c.status === 'active',
    )[1];
    if (!own) throw new Error('the seed needs a second writable connection');
    const connectionId = own.id;
    const trailer = () => createTrailerWith(0, writeCases(sim.fixtures, own).createTrailer.body);
    const first = await liveEvents(
      0,
      { connectionIds: [connectionId], resources: ['TRAILER'] },
      { ...base, connection_id: connectionId, resource: 'trailer' },
    );
    const a = await trailer();
    const seen = await next(first);
    expect(seen.data?.resourceOperationEvents.operation.catenaId).toBe(a.catenaId);
    await first.return?.();
    const b = await trailer();
    await waitFor(() =>
      sim.control
        .deliveries()
        .some((d) => d.operationId === b.catenaId && d.eventName.endsWith('succeeded') && d.status === 202),
    );
    const resumed = stream<EventData>(wsClient(urlOf(2)), EVENTS, {
      filter: { connectionIds: [connectionId], resources: ['TRAILER'] },
      after: seen.data?.resourceOperationEvents.eventId,
    });
    const replay = [await next(resumed), await next(resumed), await next(resumed)].map(
      (r) => r.data?.resourceOperationEvents,
    );
    expect(replay.map((e) => `${e?.operation.catenaId}:${e?.type}`).sort()).toEqual(
      [`${a.catenaId}:SUCCEEDED`, `${b.catenaId}:CREATED`, `${b.catenaId}:SUCCEEDED`].sort(),
    );
    expect(
      await next(resumed, 800).then(
        () => 'more',
        () => 'none',
      ),
    ).toBe('none');
  });

  it('lets a client of a replica that dies resume on another with nothing missed', async () => {
    const op = { ...base, id: randomUUID() };
    const doomed = replicas[1];
    const events = await liveEvents(1, { operationIds: [op.id] }, base);
    await deliver(urlOf(0), envelope('resource_operation.created', [later(op, 'pending')]));
    const last = (await next(events)).data?.resourceOperationEvents.eventId;
    doomed?.child.kill('SIGKILL');
    await doomed?.exited;
    // While the client is cut off, the operation finishes (delivered to a surviving replica).
    await deliver(urlOf(0), envelope('resource_operation.succeeded', [later(op, 'success')]));
    const resumed = stream<EventData>(wsClient(urlOf(2)), EVENTS, {
      filter: { operationIds: [op.id] },
      after: last,
    });
    expect((await next(resumed)).data?.resourceOperationEvents).toMatchObject({
      type: 'SUCCEEDED',
      operation: { status: 'SUCCESS' },
    });
  });
});
