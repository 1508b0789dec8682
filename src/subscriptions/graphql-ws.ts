/**
 * graphql-ws (`graphql-transport-ws`) on the gateway's HTTP server, at the GraphQL path. Each
 * subscription goes through Yoga's envelope (same plugins, masking, context factory and shared
 * executions as HTTP and SSE).
 */
import type { Server } from 'node:http';
import type { ExecutionArgs } from 'graphql';
import type { OperationResult } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import type { YogaServerInstance } from 'graphql-yoga';
import { WebSocketServer } from 'ws';
import type { Viewer } from '../auth/viewer.ts';

type Execute = (args: ExecutionArgs) => OperationResult;
type EnvelopedArgs = ExecutionArgs & {
  rootValue: { execute: Execute; subscribe: Execute };
};

export interface GraphQLWs {
  /** Open connections. */
  readonly clients: number;
  /** Closes every connection (1001: going away, so clients reconnect elsewhere) and the server. */
  close(): Promise<void>;
}

export interface GraphQLWsOptions {
  path: string;
  keepAliveMs: number;
  /** The viewer for the `authorization` of `connection_init`; throws to refuse the connection. */
  authenticate(authorization: string | undefined): Promise<Viewer>;
}

/** graphql-ws closes a refused connection with 4401 Unauthorized (HTTP answers 401). */
export const CLOSE_UNAUTHORIZED = 4401;

type Extra = { viewer?: Viewer };

export function attachGraphQLWs(
  // biome-ignore lint/suspicious/noExplicitAny: Yoga's server and user context types vary per app.
  yoga: YogaServerInstance<any, any>,
  server: Server,
  { path, keepAliveMs, authenticate }: GraphQLWsOptions,
): GraphQLWs {
  const wsServer = new WebSocketServer({ server, path });
  const handle = useServer<Record<string, unknown>, Extra>(
    {
      onConnect: async (ctx) => {
        const params = ctx.connectionParams ?? {};
        const authorization = params.authorization ?? params.Authorization;
        try {
          ctx.extra.viewer = await authenticate(
            typeof authorization === 'string' ? authorization : undefined,
          );
          return true;
        } catch {
          ctx.extra.socket.close(CLOSE_UNAUTHORIZED, 'Unauthorized');
          return false;
        }
      },
      execute: (args) => (args as EnvelopedArgs).rootValue.execute(args),
      subscribe: (args) => (args as EnvelopedArgs).rootValue.subscribe(args),
      onSubscribe: async (ctx, _id, params) => {
        const enveloped = yoga.getEnveloped({ ...ctx, transport: 'ws', viewer: ctx.extra.viewer, params });
        const args: EnvelopedArgs = {
          schema: enveloped.schema,
          operationName: params.operationName,
          document: enveloped.parse(params.query),
          variableValues: params.variables,
          contextValue: await enveloped.contextFactory(),
          rootValue: { execute: enveloped.execute as Execute, subscribe: enveloped.subscribe as Execute },
        };
        const errors = enveloped.validate(args.schema, args.document);
        if (errors.length > 0) return errors;
        return args;
      },
    },
    wsServer,
    keepAliveMs,
  );
  return {
    get clients() {
      return wsServer.clients.size;
    },
    async close() {
      await handle.dispose();
      await new Promise<void>((resolve) => wsServer.close(() => resolve()));
    },
  };
}
