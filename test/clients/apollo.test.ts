/**
 * Apollo Client against the real gateway: a normalized InMemoryCache needs to know which types
 * implement `Error` (and belong to each result union) to read `... on Error { code message }` back
 * out of its cache. The committed possible-types.json (codegen's fragment-matcher) tells it.
 */
import { readFileSync } from 'node:fs';
import { ApolloClient, gql, HttpLink, InMemoryCache, type TypedDocumentNode } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { createClient } from 'graphql-ws';
import { afterEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { useGateway } from '../helpers/gateway.ts';

const { possibleTypes } = JSON.parse(
  readFileSync(new URL('../../possible-types.json', import.meta.url), 'utf8'),
) as { possibleTypes: Record<string, string[]> };

const gateway = useGateway({}, {}, { deliverWebhooks: true });
const clients: ApolloClient[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) client.stop();
});

function apollo(cache: InMemoryCache) {
  const client = new ApolloClient({ link: new HttpLink({ uri: `${gateway.url}/graphql` }), cache });
  clients.push(client);
  return client;
}

interface WriteResult {
  updateVehicle: { __typename: string; code?: string; message?: string };
}
interface ConnectionsPage {
  connections: {
    edges: { cursor: string; node: { id: string; catenaId: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

const UPDATE_UNKNOWN_VEHICLE: TypedDocumentNode<WriteResult, { connectionId: string }> = gql`
  mutation UpdateUnknownVehicle($connectionId: UUID!) {
    updateVehicle(id: "00000000-0000-4000-8000-00000000dead", input: { connectionId: $connectionId, notes: "x" }) {
      __typename
      ... on UpdateVehicleSuccess { operation { id status } }
      ... on Error { code message }
    }
  }
`;

const CONNECTIONS: TypedDocumentNode<ConnectionsPage, { first: number; after?: string | null }> = gql`
  query ApolloConnections($first: Int!, $after: String) {
    connections(first: $first, after: $after) {
      edges { cursor node { id catenaId fleetRef sourceName } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

function connectionId() {
  const connection = gateway.sim.fixtures.connections.find((c) => c.sourceName === 'samsara');
  if (!connection) throw new Error('the seed has no samsara connection');
  return connection.id;
}

describe('Apollo Client (InMemoryCache) against the gateway', () => {
  it('with possible-types.json, reads a typed error result with its code and message', async () => {
    const client = apollo(new InMemoryCache({ possibleTypes }));
    const { data, error } = await client.mutate({
      mutation: UPDATE_UNKNOWN_VEHICLE,
      variables: { connectionId: connectionId() },
    });
    expect(error).toBeUndefined();
    expect(data?.updateVehicle).toEqual({
      __typename: 'NotFoundError',
      code: 'NOT_FOUND',
      message: expect.stringMatching(/\S/),
    });
  });

  it('without it, the cache cannot match `... on Error` and code and message are missing', async () => {
    // Why the file exists: this is what an Apollo user sees without it (and Apollo warns).
    const warnings: string[] = [];
    const capture = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
    const warn = vi.spyOn(console, 'warn').mockImplementation(capture);
    const error = vi.spyOn(console, 'error').mockImplementation(capture);
    try {
      const client = apollo(new InMemoryCache());
      const { data } = await client.mutate({
        mutation: UPDATE_UNKNOWN_VEHICLE,
        variables: { connectionId: connectionId() },
      });
      expect(data?.updateVehicle).toEqual({ __typename: 'NotFoundError' });
    } finally {
      warn.mockRestore();
      error.mockRestore();
    }
    expect(warnings.join('\n')).toMatch(/possibleTypes/);
  });

  it('lists every interface and union of the schema', () => {
    expect(Object.keys(possibleTypes)).toEqual(
      expect.arrayContaining(['Error', 'Node', 'CreateVehicleResult']),
    );
    expect(possibleTypes.Node).toEqual(expect.arrayContaining(['Connection', 'ResourceOperation']));
  });

  it('pages connections with Relay cursors and normalizes nodes by id', async () => {
    const cache = new InMemoryCache({ possibleTypes });
    const client = apollo(cache);
    const first = await client.query({ query: CONNECTIONS, variables: { first: 2 } });
    const page = first.data?.connections;
    expect(page?.edges).toHaveLength(2);
    expect(page?.pageInfo.hasNextPage).toBe(true);
    const second = await client.query({
      query: CONNECTIONS,
      variables: { first: 2, after: page?.pageInfo.endCursor },
    });
    const ids = [...(page?.edges ?? []), ...(second.data?.connections.edges ?? [])].map((e) => e.node.id);
    expect(new Set(ids).size).toBe(4);
    expect(cache.identify({ __typename: 'Connection', id: ids[0] })).toBe(`Connection:${ids[0]}`);
    expect(cache.extract()[`Connection:${ids[0]}`]).toMatchObject({ catenaId: expect.any(String) });
  });

  it('follows an operation over graphql-ws with GraphQLWsLink', async () => {
    const ws = createClient({
      url: `${gateway.url.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
    });
    const client = new ApolloClient({
      link: new GraphQLWsLink(ws),
      cache: new InMemoryCache({ possibleTypes }),
    });
    clients.push(client);
    const operation = gateway.sim.fixtures.operations.find((o) => o.status === 'success');
    const statuses = await new Promise<string[]>((resolve, reject) => {
      const seen: string[] = [];
      client
        .subscribe({
          query: gql`
            subscription ApolloFollow($connectionId: UUID!, $id: UUID!) {
              operationStatus(connectionId: $connectionId, id: $id) { status }
            }
          `,
          variables: { connectionId: operation?.connectionId, id: operation?.id },
        })
        .subscribe({
          next: (result) => {
            if (result.error) reject(result.error);
            const data = result.data as { operationStatus: { status: string } } | undefined;
            seen.push(String(data?.operationStatus.status));
          },
          error: reject,
          complete: () => resolve(seen),
        });
    });
    await ws.dispose();
    expect(statuses).toEqual(['SUCCESS']);
  });
});
