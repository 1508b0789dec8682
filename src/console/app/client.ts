/**
 * The console's GraphQL client: urql over this origin's /graphql, queries and mutations by HTTP,
 * subscriptions over graphql-ws. The credential (an API key or a JWT) lives in this object only:
 * never in storage, never in the URL.
 */
import { Client, fetchExchange, subscriptionExchange } from '@urql/core';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';

export type SocketState = 'connecting' | 'open' | 'closed';

export interface ConsoleClient {
  urql: Client;
  /** True once the gateway closed the socket for the credential (4401, 4403): retrying is pointless. */
  readonly refused: boolean;
  /** The WebSocket's state changes, for the live indicator. */
  onSocket(listener: (state: SocketState, code?: number) => void): () => void;
  dispose(): void;
}

export function createConsoleClient(credential: string): ConsoleClient {
  const authorization = credential ? `Bearer ${credential}` : undefined;
  const listeners = new Set<(state: SocketState, code?: number) => void>();
  let refused = false;
  const emit = (state: SocketState, code?: number) => {
    if (code === 4401 || code === 4403) refused = true;
    for (const listener of listeners) listener(state, code);
  };
  const wsUrl = new URL('/graphql', location.href);
  wsUrl.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const ws: WsClient = createWsClient({
    url: wsUrl.href,
    connectionParams: authorization ? { authorization } : {},
    // A dropped socket ends each subscription with an error; each one resumes by itself (live.ts),
    // where it knows what it has seen (the events' `after`).
    retryAttempts: 0,
    lazy: true,
    on: {
      connecting: () => emit('connecting'),
      connected: () => emit('open'),
      closed: (event) => emit('closed', (event as CloseEvent | undefined)?.code),
    },
  });
  const urql = new Client({
    url: new URL('/graphql', location.href).href,
    // The console keeps its own table (operations.ts): every read goes to the gateway.
    requestPolicy: 'network-only',
    preferGetMethod: false,
    fetchOptions: (): RequestInit => (authorization ? { headers: { authorization } } : {}),
    exchanges: [
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({
            unsubscribe: ws.subscribe({ query: request.query ?? '', variables: request.variables }, sink),
          }),
        }),
      }),
    ],
  });
  return {
    urql,
    get refused() {
      return refused;
    },
    onSocket(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      listeners.clear();
      void ws.dispose();
    },
  };
}
