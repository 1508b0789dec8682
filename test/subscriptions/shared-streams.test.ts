import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ResourceOperation } from '../../src/catena/schemas.ts';
import { useGateway } from '../helpers/gateway.ts';
import { next, sseClient, stream, wsClient } from '../helpers/subscriptions.ts';
import { waitFor } from '../helpers/wait-for.ts';
import { deliver, envelope } from '../helpers/webhooks.ts';

const gw = useGateway();
const EVENTS =
  'subscription($f: ResourceOperationEventFilter, $after: ID) { resourceOperationEvents(filter: $f, after: $after) { eventId operation { catenaId } } }';
type Data = { resourceOperationEvents: { eventId: string; operation: { catenaId: string } } };

async function event(): Promise<ResourceOperation> {
  const [base] = (await gw.app.catena.listResourceOperations({ size: 1 })).items;
  if (!base) throw new Error('no operation');
  const op = { ...base, id: randomUUID(), updated_at: new Date().toISOString() };
  expect((await deliver(gw.url, envelope('resource_operation.created', [op]))).status).toBe(202);
  return op;
}

const gauge = async (transport = 'ws') => {
  const text = await (await fetch(`${gw.url}/metrics`)).text();
  const line = new RegExp(`catena_gateway_subscriptions_active\\{transport="${transport}"\\} (\\d+)`);
  return Number(line.exec(text)?.[1] ?? 0);
};

describe('identical live subscriptions', () => {
  it('are executed once and delivered to every client; a client leaving does not disturb the rest', async () => {
    const clients = [wsClient(gw.url), wsClient(gw.url), wsClient(gw.url)];
    const streams = clients.map((c) => stream<Data>(c, EVENTS, { f: {} }));
    await waitFor(async () => (await gauge()) === 3, { what: 'three subscribers' });
    expect(gw.app.stats().subscribers).toBe(1); // one execution listens to the hub
    const op = await event();
    for (const s of streams)
      expect((await next(s)).data?.resourceOperationEvents.operation.catenaId).toBe(op.id);
    await streams[0]?.return?.();
    await waitFor(async () => (await gauge()) === 2);
    const second = await event();
    for (const s of streams.slice(1))
      expect((await next(s)).data?.resourceOperationEvents.operation.catenaId).toBe(second.id);
    for (const s of streams.slice(1)) await s.return?.();
    await waitFor(() => gw.app.stats().subscribers === 0, { what: 'the shared execution to stop' });
  });

  it('are not shared across different filters, nor when resuming with after', async () => {
    const a = stream<Data>(wsClient(gw.url), EVENTS, { f: { types: ['CREATED'] } });
    const b = stream<Data>(wsClient(gw.url), EVENTS, { f: { types: ['FAILED'] } });
    const op = await (async () => {
      await waitFor(() => gw.app.stats().subscribers === 2);
      return event();
    })();
    const first = await next(a);
    expect(first.data?.resourceOperationEvents.operation.catenaId).toBe(op.id);
    const after = first.data?.resourceOperationEvents.eventId;
    const c = stream<Data>(wsClient(gw.url), EVENTS, { f: { types: ['CREATED'] }, after });
    const d = stream<Data>(wsClient(gw.url), EVENTS, { f: { types: ['CREATED'] }, after });
    await waitFor(() => gw.app.stats().subscribers === 4, { what: 'four separate executions' });
    const later = await event();
    for (const s of [a, c, d])
      expect((await next(s)).data?.resourceOperationEvents.operation.catenaId).toBe(later.id);
    expect(
      await next(b, 300).then(
        () => 'got',
        () => 'nothing',
      ),
    ).toBe('nothing');
    for (const s of [a, b, c, d]) await s.return?.();
    await waitFor(() => gw.app.stats().subscribers === 0, { what: 'every execution to stop' });
  });

  it('are shared over SSE too; the first client leaving does not cancel the Catena reads of the rest', async () => {
    const WITH_CONNECTION =
      'subscription { resourceOperationEvents { eventId operation { catenaId connection { catenaId } } } }';
    type Full = {
      resourceOperationEvents: { operation: { catenaId: string; connection: { catenaId: string } | null } };
    };
    const streams = [sseClient(gw.url), sseClient(gw.url), sseClient(gw.url)].map((c) =>
      stream<Full>(c, WITH_CONNECTION),
    );
    const ws = stream<Full>(wsClient(gw.url), WITH_CONNECTION);
    // graphql-sse subscribes on the first next().
    const firsts = [...streams, ws].map((s) => next(s));
    await waitFor(async () => (await gauge('sse')) === 3 && (await gauge('ws')) === 1, {
      what: 'three SSE subscribers and one WebSocket subscriber',
    });
    // One execution for the SSE clients, another for the WebSocket one (counted by transport).
    expect(gw.app.stats().subscribers).toBe(2);
    const op = await event();
    for (const first of firsts) {
      const { data } = await first;
      expect(data?.resourceOperationEvents.operation).toEqual({
        catenaId: op.id,
        connection: { catenaId: op.connection_id },
      });
    }
    // The client that started the shared execution disconnects: its request's signal aborts.
    await streams[0]?.return?.();
    await waitFor(async () => (await gauge('sse')) === 2, { what: 'the first SSE client to leave' });
    const second = await event();
    for (const s of streams.slice(1)) {
      const { data, errors } = await next(s);
      expect(errors).toBeUndefined();
      expect(data?.resourceOperationEvents.operation.connection).toEqual({ catenaId: second.connection_id });
    }
    for (const s of [...streams.slice(1), ws]) await s.return?.();
    await waitFor(async () => gw.app.stats().subscribers === 0 && (await gauge('sse')) === 0, {
      what: 'every execution to stop',
    });
  });

  it('are not shared by an SSE client resuming with Last-Event-ID', async () => {
    const plain = stream<Data>(sseClient(gw.url), EVENTS, { f: {} });
    const firstResult = next(plain);
    await waitFor(() => gw.app.stats().subscribers === 1);
    await event();
    const eventId = (await firstResult).data?.resourceOperationEvents.eventId ?? '';
    expect(eventId).not.toBe('');
    const resuming = stream<Data>(sseClient(gw.url, { headers: { 'last-event-id': eventId } }), EVENTS, {
      f: {},
    });
    const resumed = next(resuming);
    await waitFor(() => gw.app.stats().subscribers === 2, { what: 'a separate execution for the resume' });
    const later = await event();
    expect((await next(plain)).data?.resourceOperationEvents.operation.catenaId).toBe(later.id);
    expect((await resumed).data?.resourceOperationEvents.operation.catenaId).toBe(later.id);
    for (const s of [plain, resuming]) await s.return?.();
  });
});
