/**
 * urql (@urql/core) against the real gateway: queries with its document cache, a mutation's typed
 * error result, and a subscription through subscriptionExchange over graphql-ws.
 */
import { Client, cacheExchange, fetchExchange, gql, subscriptionExchange } from '@urql/core';
import { createClient as createWsClient } from 'graphql-ws';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { useGateway } from '../helpers/gateway.ts';

const gateway = useGateway({}, {}, { deliverWebhooks: true });

function samsara() {
  const connection = gateway.sim.fixtures.connections.find((c) => c.sourceName === 'samsara');
  if (!connection) throw new Error('the seed has no samsara connection');
  return connection.id;
}

describe('urql against the gateway', () => {
  it('queries, with a second identical query answered from its cache', async () => {
    const client = new Client({ url: `${gateway.url}/graphql`, exchanges: [cacheExchange, fetchExchange] });
    const query = gql`
      query UrqlConnections {
        connections(first: 3) { edges { node { id fleetRef sourceName } } }
      }
    `;
    gateway.resetCounts();
    const first = await client.query(query, {}).toPromise();
    expect(first.error).toBeUndefined();
    expect(first.data.connections.edges).toHaveLength(3);
    const calls = gateway.count('GET /v2/integrations/connections');
    expect(calls).toBe(1);
    const second = await client.query(query, {}).toPromise();
    expect(second.data).toEqual(first.data);
    expect(gateway.count('GET /v2/integrations/connections')).toBe(calls);
  });

  it("reads a mutation's typed error result with its code, message and field errors", async () => {
    const client = new Client({ url: `${gateway.url}/graphql`, exchanges: [cacheExchange, fetchExchange] });
    const result = await client
      .mutation(
        gql`
          mutation UrqlBadVehicle($connectionId: UUID!) {
            createVehicle(input: { connectionId: $connectionId, vehicleName: "Truck", modelYear: 1850 }) {
              __typename
              ... on Error { code message }
              ... on InputValidationError { fieldErrors { path message } }
            }
          }
        `,
        { connectionId: samsara() },
      )
      .toPromise();
    expect(result.error).toBeUndefined();
    expect(result.data.createVehicle).toMatchObject({
      __typename: 'InputValidationError',
      code: 'INPUT_VALIDATION',
      message: expect.stringMatching(/\S/),
      fieldErrors: [{ path: ['input', 'modelYear'], message: expect.any(String) }],
    });
  });

  it('streams a write to its outcome through subscriptionExchange over graphql-ws', async () => {
    const ws = createWsClient({
      url: `${gateway.url.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
    });
    const client = new Client({
      url: `${gateway.url}/graphql`,
      exchanges: [
        cacheExchange,
        fetchExchange,
        subscriptionExchange({
          forwardSubscription(request) {
            const input = { ...request, query: request.query ?? '' };
            return {
              subscribe(sink) {
                return { unsubscribe: ws.subscribe(input, sink) };
              },
            };
          },
        }),
      ],
    });
    const write = await client
      .mutation(
        gql`
          mutation UrqlWrite($connectionId: UUID!) {
            createTrailer(input: { connectionId: $connectionId, trailerName: "urql trailer" }) {
              __typename
              ... on CreateTrailerSuccess { operation { catenaId connectionId status } }
            }
          }
        `,
        { connectionId: samsara() },
      )
      .toPromise();
    const operation = write.data.createTrailer.operation;
    expect(operation.status).toBe('PENDING');
    const statuses = await new Promise<string[]>((resolve, reject) => {
      const seen: string[] = [];
      const { unsubscribe } = client
        .subscription(
          gql`
            subscription UrqlFollow($connectionId: UUID!, $id: UUID!) {
              operationStatus(connectionId: $connectionId, id: $id) { status }
            }
          `,
          { connectionId: operation.connectionId, id: operation.catenaId },
        )
        .subscribe((result) => {
          if (result.error) return reject(result.error);
          seen.push(result.data.operationStatus.status);
          if (result.data.operationStatus.status !== 'PENDING') {
            unsubscribe();
            resolve(seen);
          }
        });
    });
    await ws.dispose();
    expect(statuses.at(-1)).toBe('SUCCESS');
    expect(statuses.slice(0, -1).every((s) => s === 'PENDING')).toBe(true);
  });
});
