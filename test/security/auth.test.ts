import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import { Writable } from 'node:stream';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type App, buildApp } from '../../src/app.ts';
import { loadApiKeys } from '../../src/auth/api-keys.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { createSimulator } from '../../src/simulator/index.ts';
import { apiKeysFile, gqlAs } from '../helpers/auth.ts';
import { next, sseClient, stream, wsClient } from '../helpers/subscriptions.ts';

const sim = createSimulator();
const apps: App[] = [];
let logs = '';

async function gateway(env: Record<string, string>): Promise<string> {
  const config = loadConfig({ LOG_LEVEL: 'debug', ...env });
  const capture = new Writable({
    write(chunk, _encoding, done) {
      logs += chunk.toString();
      done();
    },
  });
  const app = buildApp(
    { ...config, catena: { ...config.catena, apiUrl: sim.url, tokenUrl: sim.tokenUrl } },
    { logger: createLogger('debug', capture) },
  );
  apps.push(app);
  return app.start(0, '127.0.0.1');
}

const QUERY = '{ connections(first: 1) { edges { node { catenaId } } } }';
const STATUS =
  'subscription($c: UUID!, $id: UUID!) { operationStatus(connectionId: $c, id: $id) { status } }';

/** The first answer of operationStatus for `op` over `client`. */
async function firstStatus(
  client: Parameters<typeof stream>[0],
  op: { connection_id: string; id: string } | undefined,
) {
  const first = await next(
    stream<{ operationStatus: { status: string } }>(client, STATUS, { c: op?.connection_id, id: op?.id }),
  );
  return first.data?.operationStatus.status;
}
const keysFile = apiKeysFile([{ id: 'ops', scopes: ['read', 'write', 'subscribe'] }]);
const key = keysFile.keys.ops ?? '';
let url: string;

beforeAll(async () => {
  await sim.start();
  url = await gateway({ GATEWAY_AUTH: 'api-key', GATEWAY_API_KEYS_FILE: keysFile.path });
});

afterAll(async () => {
  for (const app of apps) await app.stop();
  await sim.stop();
});

describe('API keys', () => {
  it('answers with data for a valid key', async () => {
    const res = await gqlAs(url, `Bearer ${key}`, QUERY);
    expect(res.status).toBe(200);
    expect(res.errors).toBeUndefined();
  });

  it.each([
    ['no Authorization header', undefined],
    ['an unknown key', 'Bearer cgw_not-a-key'],
    ['a Basic credential', `Basic ${Buffer.from(`user:${key}`).toString('base64')}`],
    ['an empty Bearer', 'Bearer '],
    ['the key without Bearer', key],
    ['the key with a typo', `Bearer ${key}x`],
    ['an 8 KiB credential', `Bearer ${'x'.repeat(8 * 1024)}`],
    ['two credentials', `Bearer ${key} Bearer ${key}`],
  ])('answers 401 to %s', async (_, authorization) => {
    const res = await gqlAs(url, authorization, QUERY);
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(JSON.stringify(res)).not.toContain(key);
  });

  it('authenticates SSE subscriptions by header', async () => {
    const refused = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: 'subscription { resourceOperationEvents { eventId } }' }),
    });
    expect(refused.status).toBe(401);
    await refused.body?.cancel();
    const op = (await sim.control.seedOperations({ count: 1 }))[0];
    const client = sseClient(url, { headers: { authorization: `Bearer ${key}` } });
    expect(await firstStatus(client, op)).toBe('SUCCESS');
  });

  it("answers 431 to headers over Node's limit, and stays healthy", async () => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${'x'.repeat(64 * 1024)}` },
      body: JSON.stringify({ query: QUERY }),
    }).catch((e: unknown) => e);
    expect(res instanceof Response ? res.status : 'connection closed').toSatisfy(
      (v) => v === 431 || v === 'connection closed',
    );
    expect((await gqlAs(url, `Bearer ${key}`, QUERY)).status).toBe(200);
  });

  it.each([
    ['no connection_init payload', undefined],
    ['an unknown key', { authorization: 'Bearer nope' }],
    ['a malformed authorization', { authorization: 42 }],
  ] as [string, unknown][])('closes a WebSocket with 4401 for %s', async (_, payload) => {
    const socket = new WebSocket(`${url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ type: 'connection_init', ...(payload ? { payload } : {}) }));
    const code = await new Promise<number>((resolve) => socket.once('close', (c: number) => resolve(c)));
    expect(code).toBe(4401);
  });

  it('accepts a WebSocket whose connection_init carries the key', async () => {
    const client = wsClient(url, { connectionParams: { authorization: `Bearer ${key}` } });
    const op = (await sim.control.seedOperations({ count: 1 }))[0];
    expect(await firstStatus(client, op)).toBe('SUCCESS');
  });

  it('never writes a key to the logs', async () => {
    await gqlAs(url, `Bearer ${key}`, QUERY);
    await gqlAs(url, `Bearer ${key}-wrong`, QUERY);
    expect(logs.length).toBeGreaterThan(0);
    expect(logs).not.toContain(key);
  });

  it.each([
    ['not JSON', 'not json', /cannot be read as JSON/],
    ['an empty list', '[]', /at least one key/],
    ['a bad digest', JSON.stringify([{ id: 'a', sha256: 'abc', scopes: ['read'] }]), /64-hex-digit/],
    ['an unknown scope', JSON.stringify([{ id: 'a', sha256: 'a'.repeat(64), scopes: ['admin'] }]), /scopes/],
    [
      'a repeated id',
      JSON.stringify([
        { id: 'a', sha256: 'a'.repeat(64), scopes: ['read'] },
        { id: 'a', sha256: 'b'.repeat(64), scopes: ['read'] },
      ]),
      /repeats the ids a/,
    ],
  ])('refuses a keys file with %s, saying why', async (_, content, message) => {
    const { path } = apiKeysFile([{ id: 'x', scopes: ['read'] }]);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path, content);
    await expect(loadApiKeys(path)).rejects.toThrow(message);
  });
});

describe('JWT', () => {
  const ISSUER = 'https://auth.example.test/';
  const AUDIENCE = 'catena-gateway';
  let sign: (
    claims: Record<string, unknown>,
    options?: { expiresIn?: string; issuer?: string; audience?: string },
  ) => Promise<string>;
  let foreign: (claims: Record<string, unknown>) => Promise<string>;
  let publicPem: string;
  let jwtUrl: string;
  let jwksUrl: string;
  const jwks = createServer();

  beforeAll(async () => {
    const keys = await generateKeyPair('RS256', { extractable: true });
    const other = await generateKeyPair('RS256');
    publicPem = await exportSPKI(keys.publicKey);
    const jwk = { ...(await exportJWK(keys.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    sign = (claims, options = {}) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setSubject('alice')
        .setIssuer(options.issuer ?? ISSUER)
        .setAudience(options.audience ?? AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(options.expiresIn ?? '5m')
        .sign(keys.privateKey);
    foreign = (claims) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256' })
        .setSubject('mallory')
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setExpirationTime('5m')
        .sign(other.privateKey);
    jwks.on('request', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const { port } = jwks.address() as { port: number };
    const common = { GATEWAY_AUTH: 'jwt', GATEWAY_JWT_ISSUER: ISSUER, GATEWAY_JWT_AUDIENCE: AUDIENCE };
    jwtUrl = await gateway({ ...common, GATEWAY_JWT_PUBLIC_KEY: publicPem });
    jwksUrl = await gateway({ ...common, GATEWAY_JWT_JWKS_URL: `http://127.0.0.1:${port}/jwks.json` });
  });

  afterAll(() => new Promise((resolve) => jwks.close(resolve)));

  const unsigned = (claims: Record<string, unknown>) => {
    const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    return `${part({ alg: 'none', typ: 'JWT' })}.${part({ sub: 'eve', iss: ISSUER, aud: AUDIENCE, exp: Math.floor(Date.now() / 1000) + 300, ...claims })}.`;
  };
  const hmacWithPublicKey = (claims: Record<string, unknown>) => {
    const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const head = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ sub: 'eve', iss: ISSUER, aud: AUDIENCE, exp: Math.floor(Date.now() / 1000) + 300, ...claims })}`;
    return `${head}.${createHmac('sha256', publicPem).update(head).digest('base64url')}`;
  };

  it('maps scopes and fleet claims onto the viewer, with a public key and with a JWKS', async () => {
    const token = await sign({
      scope: 'catena:read catena:subscribe',
      catena_fleet_refs: ['acme-logistics'],
    });
    for (const base of [jwtUrl, jwksUrl]) {
      const res = await gqlAs<{ connections: { edges: { node: { fleetRef: string } }[] } }>(
        base,
        `Bearer ${token}`,
        '{ connections(first: 100) { edges { node { fleetRef } } } }',
      );
      expect(res.errors).toBeUndefined();
      expect(new Set(res.data?.connections.edges.map((e) => e.node.fleetRef))).toEqual(
        new Set(['acme-logistics']),
      );
    }
    const { writeCases } = await import('../fixtures/write-bodies.ts');
    const { graphqlInput, mutationDocument } = await import('../helpers/mutations.ts');
    const refused = await gqlAs<{ result: { __typename: string } }>(
      jwtUrl,
      `Bearer ${token}`,
      mutationDocument('createTrailer'),
      {
        input: graphqlInput('createTrailer', writeCases(sim.fixtures).createTrailer.body),
      },
    );
    expect(refused.data?.result.__typename).toBe('ForbiddenError');
  });

  it.each([
    ['an expired token', () => sign({ scope: 'catena:read' }, { expiresIn: '-1m' })],
    ['another issuer', () => sign({ scope: 'catena:read' }, { issuer: 'https://evil.test/' })],
    ['another audience', () => sign({ scope: 'catena:read' }, { audience: 'someone-else' })],
    ['a token signed by another key', () => foreign({ scope: 'catena:read' })],
    ['an unsigned token (alg none)', async () => unsigned({ scope: 'catena:read' })],
    ['an HS256 token keyed with the public key', async () => hmacWithPublicKey({ scope: 'catena:read' })],
    ['garbage', async () => 'a.b.c'],
  ])('answers 401 to %s', async (_, make) => {
    const res = await gqlAs(jwtUrl, `Bearer ${await make()}`, QUERY);
    expect(res.status).toBe(401);
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('grants nothing a token does not claim', async () => {
    const token = await sign({ scope: 'profile email' });
    const res = await gqlAs(jwtUrl, `Bearer ${token}`, QUERY);
    expect(res.status).toBe(403);
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
