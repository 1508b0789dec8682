import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { ResourceOperation } from '../../src/catena/schemas.ts';
import { writableConnection } from '../fixtures/write-bodies.ts';
import { useGateway } from '../helpers/gateway.ts';
import { createTrailer as writeTrailer } from '../helpers/mutations.ts';
import {
  collect,
  disposeClients,
  next,
  type Result,
  type SseFrame,
  sseClient,
  sseFrames,
  stream,
  wsClient,
} from '../helpers/subscriptions.ts';
import { waitFor } from '../helpers/wait-for.ts';
import { deliver, envelope } from '../helpers/webhooks.ts';

const gw = useGateway({ processingMs: 300 }, {}, { deliverWebhooks: true, app: { keepAliveMs: 100 } });

const STATUS = `subscription($c: UUID!, $id: UUID!) {
  operationStatus(connectionId: $c, id: $id) { catenaId status updatedAt sourceId logs { status errorType } }
}`;
const EVENTS = `subscription($filter: ResourceOperationEventFilter, $after: ID) {
  resourceOperationEvents(filter: $filter, after: $after) {
    eventId type occurredAt operation { catenaId status connection { catenaId description } }
  }
}`;

interface StatusData {
  operationStatus: {
    catenaId: string;
    status: string;
    updatedAt: string;
    logs: { status: string; errorType: string | null }[];
  };
}
interface EventData {
  resourceOperationEvents: {
    eventId: string;
    type: string;
    occurredAt: string;
    operation: {
      catenaId: string;
      status: string;
      connection: { catenaId: string; description: string } | null;
    };
  };
}

afterEach(async () => {
  gw.sim.control.configure({ processingMs: 300, webhookDeliveryPaused: false });
  // Every test starts with no listener, so "is it listening yet" checks mean this test's stream.
  await disposeClients();
  await waitFor(() => gw.app.stats().subscribers === 0, { what: 'listeners released' });
});

/** An async write through the gateway; its operation (PENDING). */
const createTrailer = (marker = 'live test', connection = writableConnection(gw.sim.fixtures)) =>
  writeTrailer(gw, marker, connection);

const createOn = (connection: ReturnType<typeof writableConnection>) =>
  createTrailer('live test', connection);

const statuses = (results: Result<StatusData>[]) => results.map((r) => r.data?.operationStatus.status);

describe('operationStatus over WebSocket', () => {
  it('follows an async write from PENDING to SUCCESS, then completes', async () => {
    const op = await createTrailer();
    const results = await collect(
      stream<StatusData>(wsClient(gw.url), STATUS, { c: op.connectionId, id: op.id }),
    );
    expect(statuses(results)).toEqual(['PENDING', 'SUCCESS']);
    expect(results[1]?.data?.operationStatus.logs).toEqual([{ status: 'SUCCESS', errorType: null }]);
  });

  it('follows an async write the TSP refuses to FAILED, with its logs', async () => {
    const op = await createTrailer('simulate-failure');
    const results = await collect(
      stream<StatusData>(wsClient(gw.url), STATUS, { c: op.connectionId, id: op.id }),
    );
    expect(statuses(results)).toEqual(['PENDING', 'FAILED']);
    expect(results[1]?.data?.operationStatus.logs.at(-1)).toEqual({ status: 'FAILED', errorType: 'TSP' });
  });

  it('answers once and completes when the outcome came before the subscription', async () => {
    gw.sim.control.configure({ processingMs: 1 });
    const op = await createTrailer();
    await waitFor(
      async () => (await gw.app.catena.getResourceOperation(op.connectionId, op.id)).status === 'success',
    );
    const results = await collect(
      stream<StatusData>(wsClient(gw.url), STATUS, { c: op.connectionId, id: op.id }),
    );
    expect(statuses(results)).toEqual(['SUCCESS']);
  });

  it('refuses an operation Catena does not know', async () => {
    const iterator = stream<StatusData>(wsClient(gw.url), STATUS, {
      c: writableConnection(gw.sim.fixtures).id,
      id: randomUUID(),
    });
    const error = await iterator.next().catch((e: unknown) => e);
    expect(JSON.stringify(error)).toContain('NOT_FOUND');
  });

  it('never moves an operation backwards when deliveries come late or out of order', async () => {
    gw.sim.control.configure({ processingMs: 60_000 });
    const op = await createTrailer();
    const pending = await gw.app.catena.getResourceOperation(op.connectionId, op.id);
    const iterator = stream<StatusData>(wsClient(gw.url), STATUS, { c: op.connectionId, id: op.id });
    expect((await next(iterator)).data?.operationStatus.status).toBe('PENDING');
    const at = (ms: number) => new Date(Date.parse(pending.updated_at) + ms).toISOString();
    const retried = { ...pending, updated_at: at(2_000) };
    const older = { ...pending, updated_at: at(1_000) };
    const done: ResourceOperation = {
      ...pending,
      status: 'success',
      updated_at: at(3_000),
      source_id: 'tsp-1',
    };
    expect((await deliver(gw.url, envelope('resource_operation.created', [retried]))).status).toBe(202);
    expect((await next(iterator)).data?.operationStatus.updatedAt).toBe(new Date(at(2_000)).toISOString());
    await deliver(gw.url, envelope('resource_operation.created', [older]));
    await deliver(gw.url, envelope('resource_operation.succeeded', [done]));
    await deliver(gw.url, envelope('resource_operation.created', [pending]));
    const rest = await collect(iterator);
    expect(statuses(rest)).toEqual(['SUCCESS']);
  });
});

describe('resourceOperationEvents', () => {
  it("delivers a write's CREATED (ours) and SUCCEEDED (Catena's webhook) once each", async () => {
    const connectionId = writableConnection(gw.sim.fixtures).id;
    const iterator = stream<EventData>(wsClient(gw.url), EVENTS, {
      filter: { connectionIds: [connectionId], resources: ['TRAILER'] },
    });
    await waitFor(() => gw.app.stats().subscribers >= 1);
    const op = await createTrailer();
    const first = await next(iterator);
    const second = await next(iterator);
    const events = [first, second].map((r) => r.data?.resourceOperationEvents);
    expect(events.map((e) => [e?.type, e?.operation.catenaId, e?.operation.status])).toEqual([
      ['CREATED', op.id, 'PENDING'],
      ['SUCCEEDED', op.id, 'SUCCESS'],
    ]);
    // Catena's own `created` webhook for this write came too, and was a duplicate.
    await waitFor(() =>
      gw.sim.control
        .deliveries()
        .some(
          (d) => d.operationId === op.id && d.eventName === 'resource_operation.created' && d.status === 202,
        ),
    );
    const more = await Promise.race([iterator.next(), new Promise((r) => setTimeout(() => r('quiet'), 300))]);
    expect(more).toBe('quiet');
  });

  it('resolves nested fields afresh for every event', async () => {
    gw.sim.control.configure({ processingMs: 60_000 });
    const op = await createTrailer();
    const pending = await gw.app.catena.getResourceOperation(op.connectionId, op.id);
    const iterator = stream<EventData>(wsClient(gw.url), EVENTS, { filter: { operationIds: [op.id] } });
    await waitFor(() => gw.app.stats().subscribers >= 1);
    gw.sim.control.updateConnection(op.connectionId, { description: 'before' });
    await deliver(
      gw.url,
      envelope('resource_operation.created', [
        { ...pending, updated_at: new Date(Date.parse(pending.updated_at) + 1).toISOString() },
      ]),
    );
    expect((await next(iterator)).data?.resourceOperationEvents.operation.connection?.description).toBe(
      'before',
    );
    gw.sim.control.updateConnection(op.connectionId, { description: 'after' });
    await deliver(
      gw.url,
      envelope('resource_operation.succeeded', [
        {
          ...pending,
          status: 'success',
          updated_at: new Date(Date.parse(pending.updated_at) + 2).toISOString(),
        },
      ]),
    );
    expect((await next(iterator)).data?.resourceOperationEvents.operation.connection?.description).toBe(
      'after',
    );
  });

  it('resumes after an eventId with no gap and no duplicate', async () => {
    const connectionId = writableConnection(gw.sim.fixtures).id;
    const first = stream<EventData>(wsClient(gw.url), EVENTS, { filter: { connectionIds: [connectionId] } });
    await waitFor(() => gw.app.stats().subscribers >= 1);
    const a = await createTrailer();
    const seen = [await next(first)]; // a CREATED
    await first.return?.();
    const b = await createTrailer(); // while nobody listens: a SUCCEEDED, b CREATED, b SUCCEEDED
    await waitFor(
      async () => (await gw.app.catena.getResourceOperation(b.connectionId, b.id)).status === 'success',
    );
    await waitFor(async () => (await gw.app.services.hub.latest(b.id))?.status === 'success');
    const after = seen[0]?.data?.resourceOperationEvents.eventId;
    const resumed = stream<EventData>(wsClient(gw.url), EVENTS, {
      filter: { connectionIds: [connectionId] },
      after,
    });
    const replay = [await next(resumed), await next(resumed), await next(resumed)].map(
      (r) => r.data?.resourceOperationEvents,
    );
    // Exactly the three events published while nobody listened, in the order they were published.
    expect(replay.map((e) => `${e?.operation.catenaId}:${e?.type}`).sort()).toEqual(
      [`${a.id}:SUCCEEDED`, `${b.id}:CREATED`, `${b.id}:SUCCEEDED`].sort(),
    );
    const ids = replay.map((e) => e?.eventId ?? '');
    expect([...ids].sort()).toEqual(ids);
    expect(ids.every((id) => after !== undefined && id > after)).toBe(true);
    const c = await createTrailer(); // live after the replay
    expect((await next(resumed)).data?.resourceOperationEvents).toMatchObject({
      type: 'CREATED',
      operation: { catenaId: c.id },
    });
  });

  it('refuses to resume from an eventId it does not have', async () => {
    const iterator = stream<EventData>(wsClient(gw.url), EVENTS, { after: 'nope' });
    const error = await iterator.next().catch((e: unknown) => e);
    expect(JSON.stringify(error)).toContain('RESUME_POINT_UNAVAILABLE');
  });
});

describe('SSE', () => {
  it('gives every event its eventId as the SSE id, and resumes after Last-Event-ID', async () => {
    // A connection of its own, so operations of the other tests cannot add events to this stream.
    const own = gw.sim.fixtures.connections.filter(
      (c) => c.shareLevel === 'read_write' && c.status === 'active',
    )[1];
    if (!own) throw new Error('the seed needs a second writable connection');
    const connectionId = own.id;
    const createTrailer = () => createOn(own);
    const query =
      'subscription($f: ResourceOperationEventFilter) { resourceOperationEvents(filter: $f) { eventId type operation { catenaId } } }';
    const variables = { f: { connectionIds: [connectionId], resources: ['TRAILER'] } };
    const parse = (frame: SseFrame) =>
      JSON.parse(frame.data ?? '{}').data?.resourceOperationEvents as {
        eventId: string;
        type: string;
        operation: { catenaId: string };
      };

    const first = new AbortController();
    const frames = sseFrames(gw.url, query, variables, {}, first.signal);
    const firstFrame = frames.next(); // starts the request
    await waitFor(() => gw.app.stats().subscribers >= 1);
    const a = await createTrailer();
    const { value: frame } = await firstFrame;
    const created = parse(frame as SseFrame);
    expect(created).toMatchObject({ type: 'CREATED', operation: { catenaId: a.id } });
    expect(frame?.id).toBe(created.eventId);
    first.abort();
    await frames.return(undefined).catch(() => undefined);

    const b = await createTrailer();
    await waitFor(async () => (await gw.app.services.hub.latest(b.id))?.status === 'success');
    await waitFor(async () => (await gw.app.services.hub.latest(a.id))?.status === 'success');
    const again = new AbortController();
    const resumed = sseFrames(gw.url, query, variables, { 'last-event-id': created.eventId }, again.signal);
    const replay = [];
    for (let i = 0; i < 3; i++) replay.push(parse((await resumed.next()).value as SseFrame));
    again.abort();
    expect(replay.map((e) => `${e.operation.catenaId}:${e.type}`).sort()).toEqual(
      [`${a.id}:SUCCEEDED`, `${b.id}:CREATED`, `${b.id}:SUCCEEDED`].sort(),
    );
  });

  it('follows an async write from PENDING to SUCCESS over GraphQL over SSE', async () => {
    const op = await createTrailer();
    const results = await collect(
      stream<StatusData>(sseClient(gw.url), STATUS, { c: op.connectionId, id: op.id }),
    );
    expect(statuses(results)).toEqual(['PENDING', 'SUCCESS']);
  });
});

describe('connections', () => {
  it('releases everything when clients go away', async () => {
    gw.sim.control.configure({ processingMs: 60_000 });
    const op = await createTrailer();
    const clients = [wsClient(gw.url), wsClient(gw.url), sseClient(gw.url)];
    const streams = [
      stream<StatusData>(clients[0] as never, STATUS, { c: op.connectionId, id: op.id }),
      stream<EventData>(clients[1] as never, EVENTS, {}),
      stream<StatusData>(clients[2] as never, STATUS, { c: op.connectionId, id: op.id }),
    ];
    await next(streams[0] as AsyncIterableIterator<Result<StatusData>>);
    await next(streams[2] as AsyncIterableIterator<Result<StatusData>>);
    await waitFor(() => gw.app.stats().subscribers === 3);
    expect(gw.app.stats()).toMatchObject({ subscribers: 3, polling: 1 });
    for (const client of clients) await client.dispose();
    await waitFor(
      () =>
        gw.app.stats().subscribers === 0 && gw.app.stats().polling === 0 && gw.app.stats().websockets === 0,
      {
        what: 'every listener released',
      },
    );
  });

  it('pings WebSocket clients to keep the link alive', async () => {
    const socket = new WebSocket(`${gw.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ type: 'connection_init' }));
    await new Promise<void>((resolve) => socket.once('ping', () => resolve()));
    socket.close();
  });
});
