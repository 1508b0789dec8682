/**
 * GraphQL over SSE in single-connection mode at /graphql/stream (graphql-sse `singleConnection:
 * true`): several operations over one event stream, with the same authentication and scopes as
 * the other transports.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { createSimulator } from '../../src/simulator/index.ts';
import { writableConnection } from '../fixtures/write-bodies.ts';
import { apiKeysFile } from '../helpers/auth.ts';
import { collect, next, sseClient, stream } from '../helpers/subscriptions.ts';

const sim = createSimulator({ processingMs: 100 });
const keys = apiKeysFile([
  { id: 'all', scopes: ['read', 'write', 'subscribe'] },
  { id: 'reader', scopes: ['read'] },
]);
let app: App;
let url: string;

beforeAll(async () => {
  await sim.start();
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    GATEWAY_AUTH: 'api-key',
    GATEWAY_API_KEYS_FILE: keys.path,
  });
  app = buildApp(
    { ...config, catena: { ...config.catena, apiUrl: sim.url, tokenUrl: sim.tokenUrl } },
    { logger: createLogger('silent') },
  );
  url = await app.start(0, '127.0.0.1');
  sim.control.registerWebhook({ url: `${url}/webhooks/catena`, secret: config.webhookSecrets[0] ?? '' });
});
afterAll(async () => {
  await app.stop();
  await sim.stop();
});

const as = (id: keyof typeof keys.keys) => ({ authorization: `Bearer ${keys.keys[id]}` });
const STATUS =
  'subscription Status($c: UUID!, $id: UUID!) { operationStatus(connectionId: $c, id: $id) { status } }';
const EVENTS =
  'subscription Events($f: ResourceOperationEventFilter) { resourceOperationEvents(filter: $f) { eventId type } }';

describe('GraphQL over SSE, single connection', () => {
  it('carries a query, and two subscriptions at once, over one stream', async () => {
    const client = sseClient(url, { singleConnection: true, headers: as('all') });
    const query = await next(
      stream<{ connections: { edges: unknown[] } }>(client, '{ connections(first: 2) { edges { cursor } } }'),
    );
    expect(query.data?.connections.edges).toHaveLength(2);

    const connectionId = writableConnection(sim.fixtures).id;
    const events = stream<{ resourceOperationEvents: { eventId: string; type: string } }>(client, EVENTS, {
      f: { connectionIds: [connectionId] },
    });
    const write = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...as('all') },
      body: JSON.stringify({
        query: `mutation Write($c: UUID!) { createTrailer(input: { connectionId: $c, trailerName: "sse" }) {
          ... on CreateTrailerSuccess { operation { catenaId } } } }`,
        variables: { c: connectionId },
      }),
    });
    // Give the event stream a moment to be registered before the write's events come.
    const written = (await write.json()) as { data: { createTrailer: { operation: { catenaId: string } } } };
    const id = written.data.createTrailer.operation.catenaId;
    const statuses = await collect(
      stream<{ operationStatus: { status: string } }>(client, STATUS, { c: connectionId, id }),
    );
    expect(statuses.map((r) => r.data?.operationStatus.status).at(-1)).toBe('SUCCESS');
    const first = await next(events, 10_000);
    expect(first.data?.resourceOperationEvents.eventId).toBeTruthy();
    await events.return?.();
  });

  it('applies the document limits and the cost limit, as on /graphql', async () => {
    const client = sseClient(url, { singleConnection: true, headers: as('all') });
    const deep = `subscription Deep { resourceOperationEvents { operation { connection { resourceOperations {
      edges { node { connection { resourceOperations { edges { node { connection { resourceOperations {
      edges { node { id } } } } } } } } } } } } } } }`;
    // The protocol answers an invalid document on the operation's own request (the client throws).
    const refused = async (query: string) => {
      const fresh = sseClient(url, { singleConnection: true, headers: as('all') });
      const error = (await next(stream(fresh, query)).catch((e: unknown) => e)) as { response?: Response };
      return error.response?.status;
    };
    expect(await refused(deep)).toBe(400);
    expect(await refused('subscription { nope }')).toBe(400);
    const costly = await next(
      stream(
        client,
        '{ connections(first: 1000) { edges { node { resourceOperations(first: 1000) { edges { node { id } } } } } } }',
      ),
    );
    expect(JSON.stringify(costly.errors)).toMatch(/QUERY_TOO_COMPLEX|cost/i);
  });

  it('refuses an operation without a valid key, and a subscription without the subscribe scope', async () => {
    const anonymous = await fetch(`${url}/graphql/stream`, { method: 'PUT' });
    expect(anonymous.status).toBe(401);
    const reader = sseClient(url, { singleConnection: true, headers: as('reader') });
    const refused = await next(stream(reader, EVENTS)).catch((error: unknown) => error);
    expect(JSON.stringify(refused)).toMatch(/FORBIDDEN|subscribe/);
  });
});
