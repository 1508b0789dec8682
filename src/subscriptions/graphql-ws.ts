/**
 * graphql-ws (`graphql-transport-ws`) on the gateway's HTTP server, at the GraphQL path. Each
 * subscription goes through Yoga's envelope (same plugins, masking, context factory and shared
 * executions as HTTP and SSE).
 */
import type { Server } from 'node:http';
import { type ExecutionArgs, GraphQLError } from 'graphql';
import { CloseCode, type OperationResult } from 'graphql-ws';
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
  /** The largest WebSocket message read (the HTTP body limit, so both transports take the same). */
  maxMessageBytes: number;
  /** A `subscribe` failed for a reason other than the client's: logged, answered masked. */
  onInternalError?: (error: unknown) => void;
  /** A client broke the WebSocket protocol (an oversized frame, invalid UTF-8): its socket is closed. */
  onClientMistake?: (error: Error) => void;
  /** The viewer for the `authorization` of `connection_init`; throws to refuse the connection. */
  authenticate(authorization: string | undefined): Promise<Viewer>;
}

/** graphql-ws closes a refused connection with 4401 Unauthorized (HTTP answers 401). */
export const CLOSE_UNAUTHORIZED = 4401;

type Extra = { viewer?: Viewer };

/** Parses as Yoga does on HTTP: a syntax error is `GRAPHQL_PARSE_FAILED`. */
function parseDocument(parse: (source: string) => ExecutionArgs['document'], source: string) {
  try {
    return parse(source);
  } catch (error) {
    if (error instanceof GraphQLError && error.extensions.code === undefined)
      throw withCode('GRAPHQL_PARSE_FAILED')(error);
    throw error;
  }
}

/** The error with `extensions.code`, unless it has one already (e.g. `QUERY_TOO_COMPLEX`). */
const withCode =
  (code: string) =>
  (error: GraphQLError): GraphQLError =>
    error.extensions.code === undefined
      ? new GraphQLError(error.message, {
          nodes: error.nodes,
          source: error.source,
          positions: error.positions,
          path: error.path,
          originalError: error.originalError,
          extensions: { ...error.extensions, code },
        })
      : error;

export function attachGraphQLWs(
  // biome-ignore lint/suspicious/noExplicitAny: Yoga's server and user context types vary per app.
  yoga: YogaServerInstance<any, any>,
  server: Server,
  { path, keepAliveMs, maxMessageBytes, authenticate, onInternalError, onClientMistake }: GraphQLWsOptions,
): GraphQLWs {
  // A message over the cap is closed with 1009 (Message Too Big), as WebSocket defines, unread.
  const wsServer = new WebSocketServer({ server, path, maxPayload: maxMessageBytes });
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
      // A refused `subscribe` is answered with an `error` message for its id alone: the socket and
      // its other subscriptions stay up (graphql-ws would close the socket with 4500 on a throw).
      onSubscribe: async (ctx, _id, params) => {
        try {
          const enveloped = yoga.getEnveloped({ ...ctx, transport: 'ws', viewer: ctx.extra.viewer, params });
          const args: EnvelopedArgs = {
            schema: enveloped.schema,
            operationName: params.operationName,
            document: parseDocument(enveloped.parse, params.query),
            variableValues: params.variables,
            contextValue: await enveloped.contextFactory(),
            rootValue: { execute: enveloped.execute as Execute, subscribe: enveloped.subscribe as Execute },
          };
          const errors = enveloped.validate(args.schema, args.document);
          if (errors.length > 0) return errors.map(withCode('GRAPHQL_VALIDATION_FAILED'));
          return args;
        } catch (error) {
          if (error instanceof GraphQLError) return [withCode('BAD_REQUEST')(error)];
          onInternalError?.(error);
          return [new GraphQLError('Unexpected error.', { extensions: { code: 'INTERNAL_SERVER_ERROR' } })];
        }
      },
    },
    wsServer,
    keepAliveMs,
  );
  // graphql-ws answers every socket error with console.error and a 4500 close. A frame error from
  // `ws` (code WS_ERR_*) is the client's: `ws` closes the socket with the code RFC 6455 gives it
  // (1009 for a message over the cap), so it is reported as a client mistake, not on the console.
  wsServer.on('connection', (socket) => {
    for (const listener of socket.listeners('error')) socket.off('error', listener as (error: Error) => void);
    socket.on('error', (error: Error & { code?: unknown }) => {
      if (typeof error.code === 'string' && error.code.startsWith('WS_ERR_')) return onClientMistake?.(error);
      onInternalError?.(error);
      socket.close(CloseCode.InternalServerError, 'Internal server error');
    });
  });
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
