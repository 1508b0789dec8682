/**
 * The gateway's node:http server: the webhook receiver on its path, the operations console's files
 * on /console, Yoga behind the raw-request guard everywhere else, graphql-ws on the same port, and a stop that lets in-flight requests
 * finish (up to a grace period) before it closes what is left.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Authenticator } from './auth/index.ts';
import { createConsoleHandler, isConsoleRoute } from './console/serve.ts';
import type { Logger } from './logger.ts';
import type { Metrics } from './observability/metrics.ts';
import { attachGraphQLWs, type GraphQLWs } from './subscriptions/graphql-ws.ts';
import type { GatewayYoga } from './yoga.ts';

export const WEBHOOK_PATH = '/webhooks/catena';

export interface GatewayServerOptions {
  yoga: GatewayYoga;
  receiveWebhook(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** Answers (and returns true for) a request refused before Yoga sees it. */
  guardRequest(req: IncomingMessage, res: ServerResponse): boolean;
  /** graphql-ws authenticates `connection_init` with it once it has loaded (keys, a JWKS). */
  authenticator: Promise<Authenticator>;
  /** WebSocket keep-alive ping interval. */
  keepAliveMs: number;
  /** The largest WebSocket message read (the HTTP body limit). */
  maxMessageBytes: number;
  shutdownGraceMs: number;
  metrics: Metrics;
  logger: Logger;
}

export interface GatewayServer {
  /** Listens and resolves the base URL, e.g. `http://127.0.0.1:4000`. */
  start(port: number, host: string): Promise<string>;
  stop(): Promise<void>;
  /** Open graphql-ws connections. */
  readonly websockets: number;
}

const routeOf = (req: IncomingMessage) => (req.url ?? '/').split('?')[0];

export function createGatewayServer(options: GatewayServerOptions): GatewayServer {
  const { yoga, receiveWebhook, guardRequest, metrics, logger } = options;
  const serveConsole = createConsoleHandler();
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let ws: GraphQLWs | undefined;

  return {
    get websockets() {
      return ws?.clients ?? 0;
    },
    async start(port, host) {
      const auth = await options.authenticator;
      const listening = createServer((req, res) => {
        const route = routeOf(req) ?? '/';
        if (route === WEBHOOK_PATH) void receiveWebhook(req, res);
        else if (isConsoleRoute(route)) void serveConsole(req, res);
        else if (!guardRequest(req, res)) void yoga(req, res);
      });
      server = listening;
      listening.on('connection', (socket) => {
        sockets.add(socket);
        socket.once('close', () => sockets.delete(socket));
      });
      ws = attachGraphQLWs(yoga, listening, {
        path: '/graphql',
        keepAliveMs: options.keepAliveMs,
        maxMessageBytes: options.maxMessageBytes,
        authenticate: (authorization) => auth.authenticate(authorization),
        onInternalError: (error) => logger.error({ err: error }, 'a graphql-ws socket or subscribe failed'),
        onClientMistake: (error) => {
          metrics.clientMistake('refused');
          logger.debug({ clientMistake: 'refused', err: error }, 'a WebSocket client broke the protocol');
        },
      });
      await new Promise<void>((resolve, reject) => {
        listening.once('error', reject);
        listening.listen(port, host, () => {
          listening.off('error', reject);
          resolve();
        });
      });
      const address = listening.address() as AddressInfo;
      return `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
    },
    async stop() {
      const closing = server;
      server = undefined;
      // WebSocket clients are told the server is going away (1001) and reconnect elsewhere.
      await ws?.close();
      if (!closing) return;
      const closed = new Promise<void>((resolve) => closing.close(() => resolve()));
      // Keep-alive sockets go idle as their in-flight requests finish: close each as it does.
      const sweep = setInterval(() => closing.closeIdleConnections(), 25);
      closing.closeIdleConnections();
      const grace = setTimeout(() => {
        for (const socket of sockets) socket.destroy();
      }, options.shutdownGraceMs);
      await closed;
      clearInterval(sweep);
      clearTimeout(grace);
    },
  };
}
