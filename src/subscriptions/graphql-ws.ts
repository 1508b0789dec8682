/**
 * graphql-ws (`graphql-transport-ws`) on the gateway's HTTP server, at the GraphQL path. Each
 * subscription goes through Yoga's envelope (same plugins, masking and context factory as HTTP).
 */
import type { Server } from 'node:http';
import type { ExecutionArgs } from 'graphql';
import type { OperationResult } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import type { YogaServerInstance } from 'graphql-yoga';
import { WebSocketServer } from 'ws';

type Execute = (args: ExecutionArgs) => OperationResult;
type EnvelopedArgs = ExecutionArgs & { rootValue: { execute: Execute; subscribe: Execute } };

export interface GraphQLWs {
  /** Open connections. */
  readonly clients: number;
  /** Closes every connection (1001: going away, so clients reconnect elsewhere) and the server. */
  close(): Promise<void>;
}

export function attachGraphQLWs(
  // biome-ignore lint/suspicious/noExplicitAny: Yoga's server and user context types vary per app.
  yoga: YogaServerInstance<any, any>,
  server: Server,
  path: string,
  keepAliveMs: number,
): GraphQLWs {
  const wsServer = new WebSocketServer({ server, path });
  const handle = useServer<Record<string, unknown>>(
    {
      execute: (args) => (args as EnvelopedArgs).rootValue.execute(args),
      subscribe: (args) => (args as EnvelopedArgs).rootValue.subscribe(args),
      onSubscribe: async (ctx, _id, params) => {
        const enveloped = yoga.getEnveloped({ ...ctx, transport: 'ws', params });
        const args: EnvelopedArgs = {
          schema: enveloped.schema,
          operationName: params.operationName,
          document: enveloped.parse(params.query),
          variableValues: params.variables,
          contextValue: await enveloped.contextFactory(),
          rootValue: { execute: enveloped.execute as Execute, subscribe: enveloped.subscribe as Execute },
        };
        const errors = enveloped.validate(args.schema, args.document);
        return errors.length > 0 ? errors : args;
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
