/**
 * The gateway's Yoga instance: the schema, the per-request context, error masking, GraphiQL, the
 * logging adapter, and the envelop plugins in the order they must run. Transports (the HTTP server,
 * graphql-ws) are attached around it in server.ts.
 */
import { randomUUID } from 'node:crypto';
import { useGraphQlJit } from '@envelop/graphql-jit';
import { useDeferStream } from '@graphql-yoga/plugin-defer-stream';
import { type DocumentNode, type ExecutionArgs, getOperationAST, visit } from 'graphql';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import { type Authenticator, useScopes } from './auth/index.ts';
import type { Viewer } from './auth/viewer.ts';
import { createContext, type GatewayContext, type GatewayServices } from './context.ts';
import { toClientError } from './errors.ts';
import { createGraphiQLRenderer, graphiqlOptions } from './graphiql.ts';
import type { Logger } from './logger.ts';
import { clientMistake } from './observability/client-mistakes.ts';
import type { Metrics } from './observability/metrics.ts';
import { type ExampleIds, examples } from './schema/examples.ts';
import { schema } from './schema/index.ts';
import type { Security } from './security/index.ts';
import { useActiveSubscriptions } from './subscriptions/active-subscriptions.ts';
import { useSharedSubscriptions } from './subscriptions/shared-subscriptions.ts';
import { lastEventIdOf, useSseEventIds } from './subscriptions/sse-event-ids.ts';
import { useSingleConnectionSse } from './subscriptions/sse-single-connection.ts';

/** What a transport hands the context factory. */
export interface ServerContext {
  transport?: 'ws';
  /** Set by graphql-ws, which authenticates once per connection. */
  viewer?: Viewer;
}

export type GatewayYoga = YogaServerInstance<ServerContext, GatewayContext>;

export interface GatewayYogaOptions {
  services: GatewayServices;
  /** Loading keys or a JWKS may fail: a request then fails with the reason. */
  authenticator: Promise<Authenticator>;
  security: Security;
  metrics: Metrics;
  logger: Logger;
  /** Plugins that run first (metrics, tracing, readiness). */
  observability: Plugin[];
  /** Real ids for the GraphiQL write examples (embedded mode passes the simulator's seed). */
  exampleIds?: ExampleIds;
}

const SAFE_REQUEST_ID = /^[\w.:-]{1,128}$/;

/** Documents with `@defer`/`@stream`, by document: Yoga parses each text once and keeps the AST. */
const incrementalDocuments = new WeakMap<DocumentNode, boolean>();

function isIncremental(document: DocumentNode): boolean {
  let incremental = incrementalDocuments.get(document);
  if (incremental === undefined) {
    incremental = false;
    visit(document, {
      Directive(node) {
        if (node.name.value === 'defer' || node.name.value === 'stream') incremental = true;
      },
    });
    incrementalDocuments.set(document, incremental);
  }
  return incremental;
}

/** Whether graphql-jit runs this operation: a query without `@defer`/`@stream` (it has neither). */
export function compiledExecution({ document, operationName }: ExecutionArgs): boolean {
  return getOperationAST(document, operationName)?.operation === 'query' && !isIncremental(document);
}

/** Yoga's logger on pino; client mistakes are counted and go to debug (observability/client-mistakes). */
function loggingOf(logger: Logger, metrics: Metrics) {
  const line = (args: unknown[]) => args.map(String).join(' ');
  return {
    debug: (...args: unknown[]) => logger.debug(line(args)),
    info: (...args: unknown[]) => logger.info(line(args)),
    warn: (...args: unknown[]) => logger.warn(line(args)),
    error: (...args: unknown[]) => {
      const mistake = clientMistake(args);
      if (mistake === undefined) return logger.error(line(args));
      metrics.clientMistake(mistake);
      logger.debug({ clientMistake: mistake }, line(args));
    },
  };
}

export function createGatewayYoga({
  services,
  authenticator,
  security,
  metrics,
  logger,
  observability,
  exampleIds,
}: GatewayYogaOptions): GatewayYoga {
  return createYoga<ServerContext, GatewayContext>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    healthCheckEndpoint: '/health',
    ...security.yogaOptions,
    graphiql: security.yogaOptions.graphiql && graphiqlOptions(examples(exampleIds)),
    renderGraphiQL: createGraphiQLRenderer(),
    context: async ({ request, viewer, transport }) => {
      const given = request?.headers.get('x-request-id');
      return createContext({
        services,
        transport:
          transport ?? (request?.headers.get('accept')?.includes('text/event-stream') ? 'sse' : 'http'),
        // graphql-ws authenticated at connection_init; HTTP and SSE carry an Authorization header.
        viewer: viewer ?? (await (await authenticator).authenticate(request?.headers.get('authorization'))),
        requestId: given && SAFE_REQUEST_ID.test(given) ? given : randomUUID(),
        signal: request?.signal,
        lastEventId: lastEventIdOf(request),
      });
    },
    maskedErrors: { maskError: (error) => toClientError(error) },
    logging: loggingOf(logger, metrics),
    plugins: [
      ...observability,
      // @defer and @stream, over multipart HTTP (Accept: multipart/mixed) and SSE: a write answers
      // at once and `settled` follows in the same response.
      useDeferStream(),
      useSseEventIds(),
      useScopes(),
      ...security.plugins,
      // Queries run compiled (graphql-jit): a 100-item page costs a third less CPU than with the
      // interpreter (BENCHMARKS.md). Mutations, subscriptions and incremental delivery stay on it.
      useGraphQlJit({}, { enableIf: compiledExecution }),
      // The distinct-connections mode of GraphQL over SSE stays on /graphql.
      useSingleConnectionSse(authenticator),
      useActiveSubscriptions(),
      // Last, so the execution it shares is the one every other plugin has set up.
      useSharedSubscriptions(),
    ],
  });
}
