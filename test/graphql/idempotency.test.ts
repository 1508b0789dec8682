import { beforeEach, describe, expect, it } from 'vitest';
import { ANONYMOUS } from '../../src/auth/viewer.ts';
import type { WriteName } from '../../src/catena/bodies.ts';
import { createContext } from '../../src/context.ts';
import { createMemoryIdempotencyStore } from '../../src/idempotency/memory.ts';
import { performWrite } from '../../src/resolvers/writes.ts';
import { writableConnection, writeCases } from '../fixtures/write-bodies.ts';
import { ROUTES, useGateway } from '../helpers/gateway.ts';
import { graphqlInput, type WriteCall, write, writeRoute } from '../helpers/mutations.ts';
import { waitFor } from '../helpers/wait-for.ts';

const gw = useGateway({}, { CATENA_TIMEOUT_MS: '400' });

function call(name: WriteName, marker = 'idempotency test'): WriteCall {
  const { id, body } = writeCases(gw.sim.fixtures, writableConnection(gw.sim.fixtures), marker)[name];
  return { id, input: graphqlInput(name, body) };
}

let keySeq = 0;
const freshKey = () => `key-${Date.now()}-${keySeq++}`;

beforeEach(() => {
  gw.sim.control.clearFaults();
  gw.resetCounts();
});

describe('idempotency keys', () => {
  it('turns 20 concurrent calls with one key into one Catena write and one operation', async () => {
    const key = freshKey();
    const same = call('createTrailer');
    const results = await Promise.all(
      Array.from({ length: 20 }, () => write(gw, 'createTrailer', { ...same, key })),
    );
    const ids = results.map((r) => r.data?.result.operation?.catenaId);
    expect(results.every((r) => r.data?.result.__typename === 'CreateTrailerSuccess')).toBe(true);
    expect(new Set(ids).size).toBe(1);
    expect(ids[0]).toBeTruthy();
    expect(gw.count(writeRoute('createTrailer'))).toBe(1);
  });

  it("answers a retry with the first call's operation and sends nothing", async () => {
    const key = freshKey();
    const same = call('sendMessage');
    const first = await write(gw, 'sendMessage', { ...same, key });
    const again = await write(gw, 'sendMessage', { ...same, key });
    expect(again.data?.result.operation?.catenaId).toBe(first.data?.result.operation?.catenaId);
    expect(gw.count(writeRoute('sendMessage'))).toBe(1);
  });

  it('refuses the same key with a different input as ConflictError', async () => {
    const key = freshKey();
    await write(gw, 'createTrailer', { ...call('createTrailer'), key });
    const other = await write(gw, 'createTrailer', { ...call('createTrailer', 'another input'), key });
    expect(other.data?.result).toMatchObject({
      __typename: 'ConflictError',
      message: expect.stringMatching(/different input/),
    });
    expect(gw.count(writeRoute('createTrailer'))).toBe(1);
  });

  it('keeps keys apart per mutation', async () => {
    const key = freshKey();
    const trailer = await write(gw, 'createTrailer', { ...call('createTrailer'), key });
    const message = await write(gw, 'sendMessage', { ...call('sendMessage'), key });
    expect(trailer.data?.result.operation?.catenaId).not.toBe(message.data?.result.operation?.catenaId);
  });

  it('replays a SYNC write the TSP refused as the same TspRejectedError', async () => {
    const key = freshKey();
    const rejected = { ...call('createTrailer', 'simulate-failure'), mode: 'SYNC' as const, key };
    const first = await write(gw, 'createTrailer', rejected);
    const again = await write(gw, 'createTrailer', rejected);
    expect(again.data?.result).toMatchObject({ __typename: 'TspRejectedError' });
    expect(again.data?.result.operation?.catenaId).toBe(first.data?.result.operation?.catenaId);
    expect(gw.count(writeRoute('createTrailer'))).toBe(1);
  });

  it('never resends when the first call may have reached Catena (a timeout)', async () => {
    const key = freshKey();
    gw.sim.control.addFault({
      kind: 'delay',
      delayMs: 800,
      phase: 'after',
      method: 'POST',
      route: '/v2/telematics/trailers',
    });
    const same = call('createTrailer');
    const first = await write(gw, 'createTrailer', { ...same, key });
    expect(first.errors?.[0]?.extensions?.code).toBe('UPSTREAM_TIMEOUT');
    const again = await write(gw, 'createTrailer', { ...same, key });
    expect(again.data?.result).toMatchObject({
      __typename: 'ConflictError',
      message: expect.stringMatching(/outcome is unknown/),
    });
    expect(gw.count(writeRoute('createTrailer'))).toBe(1);
  });

  it('lets a retry write when the first call provably wrote nothing (429)', async () => {
    const key = freshKey();
    gw.sim.control.addFault({
      kind: 'status',
      status: 429,
      retryAfterSeconds: 30,
      method: 'POST',
      route: '/v2/telematics/trailers',
    });
    const same = call('createTrailer');
    const first = await write(gw, 'createTrailer', { ...same, key });
    expect(first.data?.result.__typename).toBe('RateLimitedError');
    const again = await write(gw, 'createTrailer', { ...same, key });
    expect(again.data?.result.__typename).toBe('CreateTrailerSuccess');
    expect(gw.count(writeRoute('createTrailer'))).toBe(2);
  });

  it('refuses an empty or over-long key', async () => {
    for (const key of ['', 'k'.repeat(256)]) {
      const res = await write(gw, 'createTrailer', { ...call('createTrailer'), key });
      expect(res.data?.result.fieldErrors).toEqual([
        { path: ['idempotencyKey'], message: 'must be 1 to 255 characters' },
      ]);
    }
    expect(gw.count(writeRoute('createTrailer'))).toBe(0);
  });

  it('scopes keys to the caller', async () => {
    const idempotency = createMemoryIdempotencyStore();
    const { body } = writeCases(gw.sim.fixtures).createTrailer;
    const input = graphqlInput('createTrailer', body);
    const as = (viewerId: string) =>
      performWrite(
        createContext({
          services: { ...gw.app.services, idempotency },
          viewer: { ...ANONYMOUS, id: viewerId },
        }),
        'createTrailer',
        {
          input,
          idempotencyKey: 'shared-key',
        },
      );
    const [alice, bob, aliceAgain] = [await as('alice'), await as('bob'), await as('alice')];
    expect(alice.id).not.toBe(bob.id);
    expect(aliceAgain.id).toBe(alice.id);
    expect(gw.count(writeRoute('createTrailer'))).toBe(2);
  });

  it('answers a retry after the write settled with the operation as it is now, read once', async () => {
    gw.sim.control.configure({ processingMs: 20 });
    try {
      const key = freshKey();
      const same = call('createUser', 'settles before the retry');
      const first = await write(gw, 'createUser', { ...same, key });
      const operation = first.data?.result.operation;
      expect(operation?.status).toBe('PENDING');
      await waitFor(
        async () => {
          const read = await gw.gql<{ resourceOperation: { status: string } }>(
            'query Settled($c: UUID!, $id: UUID!) { resourceOperation(connectionId: $c, id: $id) { status } }',
            { c: operation?.connectionId, id: operation?.catenaId },
          );
          return read.data?.resourceOperation.status === 'SUCCESS';
        },
        { what: 'the write to settle' },
      );
      gw.resetCounts();
      const again = await write(gw, 'createUser', { ...same, key });
      expect(again.data?.result.operation).toMatchObject({
        catenaId: operation?.catenaId,
        status: 'SUCCESS',
        logs: [{ status: 'SUCCESS' }],
      });
      expect(again.data?.result.operation?.resourceId).toBeTruthy();
      expect(gw.count(writeRoute('createUser'))).toBe(0);
      expect(gw.count(ROUTES.getOperation)).toBe(1);
    } finally {
      gw.sim.control.configure({ processingMs: 1500 });
    }
  });

  it('replays the recorded snapshot when Catena cannot say how the operation is now', async () => {
    const key = freshKey();
    const same = call('createTrailer', 'snapshot replay');
    const first = await write(gw, 'createTrailer', { ...same, key });
    expect(first.data?.result.operation?.status).toBe('PENDING');
    gw.sim.control.addFault({ kind: 'status', status: 503, route: ROUTES.getOperation.slice(4), times: 10 });
    const again = await write(gw, 'createTrailer', { ...same, key });
    expect(again.errors).toBeUndefined();
    expect(again.data?.result.operation).toMatchObject({
      catenaId: first.data?.result.operation?.catenaId,
      status: 'PENDING',
    });
    expect(gw.count(writeRoute('createTrailer'))).toBe(1);
  });
});

describe('the in-memory idempotency store', () => {
  it('forgets a key after its time to live', async () => {
    let now = 1_000;
    const store = createMemoryIdempotencyStore(100, () => now);
    expect(await store.claim('k', 'fp')).toEqual({ state: 'claimed' });
    await store.finish('k', 'fp', { kind: 'uncertain' });
    expect(await store.claim('k', 'fp')).toMatchObject({ state: 'done' });
    now += 101;
    expect(await store.claim('k', 'fp')).toEqual({ state: 'claimed' });
  });

  it('is bounded: past its size the least recently used key is forgotten, waking its waiters', async () => {
    const store = createMemoryIdempotencyStore(60_000, Date.now, 2);
    await store.claim('a', 'fp');
    const waitingA = store.settled('a', 60_000);
    await store.claim('b', 'fp');
    await store.claim('c', 'fp');
    await expect(waitingA).resolves.toBeUndefined();
    expect(await store.claim('a', 'fp')).toEqual({ state: 'claimed' });
    expect(await store.claim('c', 'fp')).toEqual({ state: 'running', fingerprint: 'fp' });
  });

  it('wakes the callers waiting on a running key when it finishes or is released', async () => {
    const store = createMemoryIdempotencyStore();
    await store.claim('a', 'fp');
    await store.claim('b', 'fp');
    const waitingA = store.settled('a', 5_000);
    const waitingB = store.settled('b', 5_000);
    await store.finish('a', 'fp', { kind: 'uncertain' });
    await store.release('b');
    await expect(Promise.all([waitingA, waitingB])).resolves.toBeDefined();
    expect(await store.claim('b', 'fp')).toEqual({ state: 'claimed' });
  });
});
