/**
 * GraphQL over SSE in single-connection mode (graphql-sse `singleConnection: true`) at
 * /graphql/stream, on graphql-sse's own handler. Every request of the protocol (the stream
 * reservation, the stream, each operation) must carry a credential the gateway accepts; each
 * operation then runs through Yoga's envelope as on /graphql (the context factory authenticates
 * it, and the scopes, document and cost limits, rate limit and shared executions apply).
 *
 * Yoga's own `useGraphQLSSE` is not used: it hands graphql-sse a `{ errors }` result for an invalid
 * document, which graphql-sse does not recognise as a result (it looks for `data`), so a client
 * got "Unable to detect operation AST" instead of the validation errors.
 */
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { GraphQLError, getOperationAST } from 'graphql';
import type { Response as SseResponse } from 'graphql-sse';
import { createHandler } from 'graphql-sse/lib/use/fetch';
import type { Plugin } from 'graphql-yoga';
import type { Authenticator } from '../auth/index.ts';

export const SSE_STREAM_PATH = '/graphql/stream';

const TOKEN_HEADER = 'x-graphql-event-stream-token';

interface HttpExtension {
  status?: number;
  headers?: Record<string, string>;
}

function refusal(
  status: number,
  errors: readonly GraphQLError[],
  headers: Record<string, string> = {},
): SseResponse {
  return [
    JSON.stringify({ errors: errors.map((e) => e.toJSON()) }),
    {
      status,
      statusText: STATUS_CODES[status] ?? 'Error',
      headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    },
  ] satisfies SseResponse;
}

export function useSingleConnectionSse(authenticator: Promise<Authenticator>): Plugin {
  let handler: ((request: Request) => Promise<Response>) | undefined;
  return {
    onYogaInit({ yoga }) {
      handler = createHandler(
        {
          async authenticate(req) {
            try {
              await (await authenticator).authenticate(req.headers.get('authorization'));
            } catch (error) {
              const known = error instanceof GraphQLError ? error : new GraphQLError('Authentication failed');
              const http = known.extensions.http as HttpExtension | undefined;
              return refusal(http?.status ?? 401, [known], http?.headers);
            }
            // graphql-sse's own rule: the token the client holds, or a new one for a reservation.
            return (
              req.headers.get(TOKEN_HEADER) || new URL(req.url).searchParams.get('token') || randomUUID()
            );
          },
          async onSubscribe(req, params) {
            const enveloped = yoga.getEnveloped({ request: req.raw, params });
            let document: ReturnType<typeof enveloped.parse>;
            try {
              document = enveloped.parse(params.query);
            } catch (error) {
              return refusal(400, [error instanceof GraphQLError ? error : new GraphQLError('Syntax error')]);
            }
            const errors = enveloped.validate(enveloped.schema, document);
            if (errors.length > 0) return refusal(400, errors);
            const contextValue = await enveloped.contextFactory();
            const args = {
              schema: enveloped.schema,
              document,
              contextValue,
              variableValues: params.variables,
              operationName: params.operationName,
            };
            const operation = getOperationAST(document, params.operationName);
            const result = await (operation?.operation === 'subscription'
              ? enveloped.subscribe
              : enveloped.execute)(args);
            // graphql-sse recognises a result by its `data` key.
            return Symbol.asyncIterator in result || 'data' in result ? result : { data: null, ...result };
          },
        },
        yoga.fetchAPI,
      );
    },
    onRequest({ request, endResponse }) {
      if (handler && new URL(request.url).pathname === SSE_STREAM_PATH) {
        return handler(request).then(endResponse);
      }
    },
  };
}
