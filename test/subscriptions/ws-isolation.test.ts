/**
 * One WebSocket multiplexes many subscriptions: a bad `subscribe` on it (a syntax error, a document
 * over a limit, an unknown field, a failure inside the gateway) is answered with an `error` message
 * for that id alone, and the socket and its other subscriptions live on.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { useGateway } from '../helpers/gateway.ts';
import { createTrailer } from '../helpers/mutations.ts';
import { disposeClients, next, stream, wsClient } from '../helpers/subscriptions.ts';
import { waitFor } from '../helpers/wait-for.ts';

const gw = useGateway({ processingMs: 200 }, {}, { deliverWebhooks: true });

const EVENTS = `subscription Live($filter: ResourceOperationEventFilter) {
  resourceOperationEvents(filter: $filter) { eventId type operation { catenaId } }
}`;
interface EventData {
  resourceOperationEvents: { eventId: string; type: string; operation: { catenaId: string } };
}

afterEach(disposeClients);

/** Live graphql-ws subscriptions (identical ones share one execution, so the hub counts one). */
async function wsSubscriptions() {
  const text = await (await fetch(`${gw.url}/metrics`)).text();
  return Number(/catena_gateway_subscriptions_active\{transport="ws"\} (\d+)/.exec(text)?.[1] ?? 0);
}

/** The errors a `subscribe` is answered with (graphql-ws hands them to the sink's `error`). */
function refusal(client: ReturnType<typeof wsClient>, query: string) {
  return new Promise<{ message: string; extensions?: Record<string, unknown> }[]>((resolve, reject) => {
    client.subscribe(
      { query },
      {
        next: () => reject(new Error('a refused subscribe answered data')),
        error: (error) => (Array.isArray(error) ? resolve(error) : reject(error)),
        complete: () => reject(new Error('a refused subscribe completed without an error')),
      },
    );
  });
}

const deep = (levels: number) =>
  `subscription Deep { resourceOperationEvents { operation { ${'connection { resourceOperations { edges { node { '.repeat(levels)}id${' } } } }'.repeat(levels)} } } }`;

describe('a bad subscribe on a shared WebSocket', () => {
  it('is answered for its id alone; three live subscriptions on the socket keep receiving events', async () => {
    let connections = 0;
    let closed = 0;
    const client = wsClient(gw.url, {
      webSocketImpl: WebSocket,
      on: { connected: () => void connections++, closed: () => void closed++ },
    });
    const live = [1, 2, 3].map(() => stream<EventData>(client, EVENTS, { filter: { types: ['CREATED'] } }));
    await waitFor(async () => (await wsSubscriptions()) === 3, { what: 'three subscribers' });

    const refusals = await Promise.all([
      refusal(client, 'subscription Broken { resourceOperationEvents { eventId '),
      refusal(client, deep(4)),
      refusal(client, `subscription Long { resourceOperationEvents { ${'eventId '.repeat(6_000)} } }`),
      refusal(client, 'subscription Unknown { resourceOperationEvents { noSuchField } }'),
    ]);
    expect(refusals.map((errors) => errors[0]?.extensions?.code)).toEqual([
      'GRAPHQL_PARSE_FAILED',
      'QUERY_TOO_COMPLEX',
      'QUERY_TOO_COMPLEX',
      'GRAPHQL_VALIDATION_FAILED',
    ]);
    expect(refusals[1]?.[0]?.extensions?.limit).toBe('depth');
    expect(refusals[2]?.[0]?.extensions?.limit).toBe('tokens');

    for (let round = 0; round < 2; round++) {
      const { id } = await createTrailer(gw, 'ws isolation');
      for (const iterator of live) {
        const event = await next(iterator, 5_000);
        expect(event.errors).toBeUndefined();
        expect(event.data?.resourceOperationEvents).toMatchObject({
          type: 'CREATED',
          operation: { catenaId: id },
        });
      }
    }
    expect({ connections, closed }).toEqual({ connections: 1, closed: 0 });
    expect(await wsSubscriptions()).toBe(3);
  });

  it('closes only a message over the size limit, with 1009 (Message Too Big), as a client mistake', async () => {
    const consoleError = vi.spyOn(console, 'error');
    const socket = new WebSocket(`${gw.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    socket.send(JSON.stringify({ type: 'connection_init' }));
    await new Promise((resolve) => socket.once('message', resolve));
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.send(
      JSON.stringify({
        id: '1',
        type: 'subscribe',
        payload: { query: `# ${'x'.repeat(600 * 1024)}\n{ __typename }` },
      }),
    );
    expect(await closed).toBe(1009);
    expect(consoleError).not.toHaveBeenCalled();
    consoleError.mockRestore();
    const metrics = await (await fetch(`${gw.url}/metrics`)).text();
    expect(metrics).toMatch(/catena_gateway_client_mistakes_total\{kind="refused"\} [1-9]/);
  });
});
