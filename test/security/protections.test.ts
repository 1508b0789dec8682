import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type GraphQLError, getIntrospectionQuery, Kind, parse } from 'graphql';
import { createYoga } from 'graphql-yoga';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { WRITES, type WriteName } from '../../src/catena/bodies.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { examples } from '../../src/schema/examples.ts';
import { schema } from '../../src/schema/index.ts';
import { corsFor } from '../../src/security/http.ts';
import { createSecurity } from '../../src/security/index.ts';
import { loadTrustedDocuments, sha256 } from '../../src/security/trusted-documents.ts';
import { post, SMALL_QUERY, send, sleep, wsRun } from '../helpers/abuse.ts';
import { useGateway } from '../helpers/gateway.ts';
import { mutationDocument } from '../helpers/mutations.ts';
import { freePort, REDIS_URL, redisAvailable, redisSkipReason, uniquePrefix } from '../helpers/redis.ts';
import { collect, disposeClients, sseClient, stream, wsClient } from '../helpers/subscriptions.ts';

const ORIGIN = 'https://app.example.com';
const STATUS =
  'subscription($c: UUID!, $id: UUID!) { operationStatus(connectionId: $c, id: $id) { status } }';
const BATCHING_QUERY = `query($filter: ResourceOperationFilter) {
  resourceOperations(first: 200, filter: $filter) {
    edges { node { id catenaId connection { catenaId sourceName } logs { status } } }
  }
}`;
const trustedFile = join(tmpdir(), `trusted-ok-${process.pid}-${Date.now()}.json`);
writeFileSync(trustedFile, JSON.stringify({ [sha256(SMALL_QUERY)]: SMALL_QUERY, [sha256(STATUS)]: STATUS }));
const persisted = (document: string) => ({
  extensions: { persistedQuery: { version: 1, sha256Hash: sha256(document) } },
});

const dev = useGateway({}, { GATEWAY_CORS_ORIGINS: ORIGIN });
const enabled = useGateway(
  {},
  { NODE_ENV: 'production', GATEWAY_GRAPHIQL: 'true', GATEWAY_INTROSPECTION: 'true' },
);
const trusted = useGateway({}, { GATEWAY_TRUSTED_DOCUMENTS_FILE: trustedFile });
const limited = useGateway(
  {},
  { GATEWAY_RATE_LIMIT: '3' },
  { app: { security: { rateLimitWindowMs: 1_000 } } },
);
// Nothing listens on this Redis port: the limiter must fail open.
const lines: string[] = [];
const down = useGateway(
  {},
  { GATEWAY_RATE_LIMIT: '1', REDIS_URL: `redis://127.0.0.1:${await freePort()}` },
  { app: { logger: pino({ level: 'warn' }, { write: (line: string) => void lines.push(line) }) } },
);

describe('query limits', () => {
  it('let every GraphiQL example, test mutation, the 200-item batching query and introspection through', () => {
    const security = createSecurity(loadConfig({}).security, { logger: createLogger('silent') });
    const yoga = createYoga({ schema, plugins: security.plugins });
    const documents = [
      ...examples().map((e) => ({ name: e.name, query: e.query, variables: e.variables })),
      ...Object.keys(WRITES).map((name) => ({
        name,
        query: mutationDocument(name as WriteName),
        variables: {},
      })),
      { name: 'batching', query: BATCHING_QUERY, variables: {} },
      // GraphiQL's own schema fetch (introspection is on outside production).
      { name: 'introspection', query: getIntrospectionQuery(), variables: {} },
    ];
    let checked = 0;
    for (const { name, query, variables } of documents) {
      for (const definition of parse(query).definitions) {
        if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
        const params = { query, variables, operationName: definition.name?.value };
        const enveloped = yoga.getEnveloped({ params });
        const errors: readonly GraphQLError[] = enveloped.validate(enveloped.schema, enveloped.parse(query));
        expect(
          errors.map((e) => e.message),
          `${name} ${params.operationName ?? ''}`,
        ).toEqual([]);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(25);
  });

  it('answers the batching query over HTTP', async () => {
    const res = await post(dev.url, {
      query: BATCHING_QUERY,
      variables: { filter: { fleetRefs: ['acme-logistics'] } },
    });
    expect(res.body?.errors).toBeUndefined();
  });

  it('re-checks a document with every request’s variables (no cached verdict)', async () => {
    const query =
      'query($n: Int) { connections(first: $n) { edges { node { resourceOperations(first: $n) { edges { node { id } } } } } } }';
    expect((await post(dev.url, { query, variables: { n: 2 } })).body?.errors).toBeUndefined();
    const bomb = await post(dev.url, { query, variables: { n: 1000 } });
    expect(bomb.body?.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost' });
  });

  it('answers a batch of 10 operations', async () => {
    const res = await post(dev.url, Array(10).fill({ query: '{ __typename }' }));
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(10);
  });
});

describe('CSRF and CORS', () => {
  it('needs no CSRF header on JSON POSTs (GraphiQL, graphql-sse) and takes GETs that carry it', async () => {
    expect((await post(dev.url, { query: SMALL_QUERY })).body?.data).toBeTruthy();
    const path = `/graphql?query=${encodeURIComponent(SMALL_QUERY)}`;
    const get = await send(dev.url, { method: 'GET', path, headers: { 'x-graphql-yoga-csrf': '1' } });
    expect(get.body?.data).toBeTruthy();
    const page = await send(dev.url, { method: 'GET', headers: { accept: 'text/html' } });
    expect(page.text).toContain('catena-gateway');
  });

  it('streams a subscription over SSE (a JSON POST) with CSRF prevention on', async () => {
    const op = dev.sim.fixtures.operations[0];
    const results = await collect(stream(sseClient(dev.url), STATUS, { c: op?.connectionId, id: op?.id }));
    await disposeClients();
    expect(results[0]?.data).toEqual({ operationStatus: { status: op?.status.toUpperCase() } });
  });

  const preflight = (origin: string) =>
    send(dev.url, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });

  it('answers a preflight from an allowed origin, with credentials', async () => {
    const res = await preflight(ORIGIN);
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe(ORIGIN);
    expect(res.headers['access-control-allow-credentials']).toBe('true');
    expect(res.headers['access-control-allow-methods']).toBe('GET, POST');
    const real = await post(dev.url, { query: SMALL_QUERY }, { origin: ORIGIN });
    expect(real.headers['access-control-allow-origin']).toBe(ORIGIN);
  });

  it('gives a denied origin no CORS headers, so the browser refuses', async () => {
    const res = await preflight('https://evil.example');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const real = await post(dev.url, { query: SMALL_QUERY }, { origin: 'https://evil.example' });
    expect(real.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('reads "*" as any origin without credentials, and [] as no cross-origin access', () => {
    const from = (origin: string) => new Request('http://gateway/graphql', { headers: { origin } });
    expect(corsFor(['*'])(from('https://x.example'))).toMatchObject({ origin: ['*'], credentials: false });
    expect(corsFor([])(from('https://x.example'))).toBe(false);
  });
});

describe('production switches', () => {
  it('serves GraphiQL and introspection in production when GATEWAY_GRAPHIQL/GATEWAY_INTROSPECTION say so', async () => {
    const page = await send(enabled.url, { method: 'GET', headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.text).toContain('catena-gateway');
    const schemaTypes = await post(enabled.url, { query: '{ __schema { queryType { name } } }' });
    expect(schemaTypes.body?.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('suggests field names outside production', async () => {
    const res = await post(dev.url, { query: '{ connectionz }' });
    expect(res.body?.errors?.[0]?.message).toMatch(/Did you mean/);
  });
});

describe('trusted documents', () => {
  it('runs a trusted document by its hash over HTTP', async () => {
    const res = await post(trusted.url, persisted(SMALL_QUERY));
    expect(res.body?.data).toBeTruthy();
  });

  it('runs a trusted subscription by its hash over graphql-ws', async () => {
    const op = trusted.sim.fixtures.operations[0];
    const res = await wsRun(trusted.url, {
      query: '',
      variables: { c: op?.connectionId, id: op?.id },
      ...persisted(STATUS),
    });
    expect(res.body).toEqual({ data: { operationStatus: { status: op?.status.toUpperCase() } } });
  });

  it('refuses to start with a file whose keys are not the hashes of their documents', () => {
    const file = join(tmpdir(), `trusted-bad-${process.pid}.json`);
    writeFileSync(file, JSON.stringify({ [sha256('{ a }')]: '{ b }' }));
    expect(() => loadTrustedDocuments(file)).toThrow(/not the sha256 of their document/);
  });
});

describe('the rate limit', () => {
  it('answers 429 with Retry-After past the limit, and lets the viewer in again after the window', async () => {
    for (let i = 0; i < 3; i++)
      expect((await post(limited.url, { query: '{ __typename }' })).status).toBe(200);
    const refused = await post(limited.url, { query: SMALL_QUERY });
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBe('1');
    expect(refused.body?.errors?.[0]?.extensions).toEqual({ code: 'RATE_LIMITED', retryAfterSeconds: 1 });
    await sleep(1_050);
    expect((await post(limited.url, { query: SMALL_QUERY })).body?.data).toBeTruthy();
  });

  it('gives a batch that crosses the limit the Retry-After of its refused operations', async () => {
    await sleep(1_050); // a fresh window
    const batch = (n: number) =>
      post(
        limited.url,
        Array.from({ length: n }, () => ({ query: SMALL_QUERY })),
      );
    const within = await batch(2);
    expect(within.status).toBe(200);
    expect(within.headers['retry-after']).toBeUndefined();

    const crossing = await batch(4);
    expect(crossing.status).toBe(200);
    const results = crossing.body as unknown as {
      data?: unknown;
      errors?: { extensions?: Record<string, unknown> }[];
    }[];
    expect(results.map((r) => r.errors?.[0]?.extensions?.code ?? 'ok')).toEqual([
      'ok',
      'RATE_LIMITED',
      'RATE_LIMITED',
      'RATE_LIMITED',
    ]);
    const waits = results.flatMap((r) => r.errors ?? []).map((e) => Number(e.extensions?.retryAfterSeconds));
    expect(crossing.headers['retry-after']).toBe(String(Math.max(...waits)));
    expect(crossing.headers['retry-after']).toBe('1');
  });

  it('counts every subscriber of a shared live stream', async () => {
    await sleep(1_050); // a fresh window
    const EVENTS = 'subscription { resourceOperationEvents { eventId } }';
    // Over one WebSocket: three share one execution and wait for events; the fourth joins the same
    // stream and is still over the limit.
    const client = wsClient(limited.url);
    const streams = [1, 2, 3, 4].map(() => stream(client, EVENTS));
    // The refusal is the only result any of them gets (no event is sent).
    const refused = await Promise.race(streams.map((s) => s.next()));
    expect(refused.value?.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    await disposeClients();
  });

  it('lets traffic through when Redis is down, and says so once', async () => {
    for (let i = 0; i < 3; i++)
      expect((await post(down.url, { query: SMALL_QUERY })).body?.data).toBeTruthy();
    expect(lines.filter((line) => line.includes('rate limiter'))).toHaveLength(1);
  });
});

const prefix = uniquePrefix();
const shared = { GATEWAY_RATE_LIMIT: '4', REDIS_URL, REDIS_KEY_PREFIX: prefix };
const replicas = redisAvailable ? [useGateway({}, shared), useGateway({}, shared)] : [];

describe.skipIf(!redisAvailable)(
  `the rate limit across replicas (needs Redis at ${REDIS_URL})${redisSkipReason}`,
  () => {
    it('is shared by two gateways on one Redis, under the key prefix', async () => {
      const [a, b] = replicas;
      if (!a || !b) throw new Error('no replicas');
      for (const gw of [a, b, a, b])
        expect((await post(gw.url, { query: '{ __typename }' })).status).toBe(200);
      const refused = await post(b.url, { query: SMALL_QUERY });
      expect(refused.status).toBe(429);
      expect(a.count('GET /v2/integrations/connections') + b.count('GET /v2/integrations/connections')).toBe(
        0,
      );
      const redis = new Redis(REDIS_URL);
      try {
        expect(await redis.get(`${prefix}rate:anonymous`)).toBe('5');
      } finally {
        redis.disconnect();
      }
    });
  },
);
