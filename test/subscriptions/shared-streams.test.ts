import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ResourceOperation } from '../../src/catena/schemas.ts';
import { useGateway } from '../helpers/gateway.ts';
import { next, stream, wsClient } from '../helpers/subscriptions.ts';
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

const gauge = async () => {
  const text = await (await fetch(`${gw.url}/metrics`)).text();
  return Number(/catena_gateway_subscriptions_active\{transport="ws"\} (\d+)/.exec(text)?.[1]);
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
  });
});
