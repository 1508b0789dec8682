import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { WRITE_NAMES } from '../../src/catena/bodies.ts';
import { type CatenaClientOptions, createCatenaClient } from '../../src/catena/client.ts';
import {
  CatenaArgumentError,
  CatenaAuthError,
  CatenaBadGatewayError,
  CatenaBadRequestError,
  CatenaConflictError,
  CatenaConnectionError,
  CatenaForbiddenError,
  CatenaGatewayTimeoutError,
  CatenaMethodNotAllowedError,
  CatenaNotFoundError,
  CatenaRateLimitedError,
  CatenaServerError,
  CatenaTimeoutError,
  CatenaTspRejectedError,
  CatenaUnauthorizedError,
  CatenaUnavailableError,
  CatenaValidationError,
} from '../../src/catena/errors.ts';
import { createSimulator } from '../../src/simulator/index.ts';
import type { FaultSpec } from '../../src/simulator/types.ts';
import { writableConnection, writeCases } from '../fixtures/write-bodies.ts';
import { waitFor } from '../helpers/wait-for.ts';

const TOKEN_ROUTE = 'POST /realms/catena/protocol/openid-connect/token';
const CONNECTION_ROUTE = '/v2/integrations/connections/:connection_id';
const LIST_OPS_ROUTE = '/v2/integrations/connections/resource-operations';
const CREATE_VEHICLE_ROUTE = '/v2/telematics/vehicles';

const sim = createSimulator({ processingMs: 30 });
const clients: ReturnType<typeof createCatenaClient>[] = [];

function client(overrides: Partial<CatenaClientOptions> = {}) {
  const c = createCatenaClient({
    apiUrl: sim.url,
    tokenUrl: sim.tokenUrl,
    clientId: 'dev',
    clientSecret: 'dev',
    timeoutMs: 2_000,
    retry: { baseDelayMs: 5, maxDelayMs: 20 },
    ...overrides,
  });
  clients.push(c);
  return c;
}

const count = (key: string) => sim.control.requestCounts()[key] ?? 0;
const fault = (spec: FaultSpec) => sim.control.addFault(spec);
const failWith = (status: number, route = CONNECTION_ROUTE, extra: Partial<FaultSpec> = {}) =>
  fault({ kind: 'status', status, route, method: 'GET', ...extra } as FaultSpec);

let connectionId: string;

beforeAll(async () => {
  await sim.start();
  connectionId = writableConnection(sim.fixtures).id;
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await sim.stop();
});

beforeEach(() => {
  sim.control.reset();
  sim.control.configure({ processingMs: 30 });
});

describe('tokens', () => {
  it('makes exactly one token request for 100 concurrent calls', async () => {
    const c = client();
    const results = await Promise.all(Array.from({ length: 100 }, () => c.getConnection(connectionId)));
    expect(results.every((r) => r.id === connectionId)).toBe(true);
    expect(count(TOKEN_ROUTE)).toBe(1);
    expect(c.tokenRequestCount).toBe(1);
  });

  it('reuses the token, then renews it shortly before it expires', async () => {
    sim.control.configure({ tokenTtlSeconds: 1 });
    const c = client();
    await c.getConnection(connectionId);
    await c.getConnection(connectionId);
    expect(count(TOKEN_ROUTE)).toBe(1);
    await sleep(950); // past 90 % of the 1 s lifetime, still before expiry
    await c.getConnection(connectionId);
    expect(count(TOKEN_ROUTE)).toBe(2);
    expect(count(`GET ${CONNECTION_ROUTE}`)).toBe(3);
  });

  it('renews the token once and retries when Catena refuses it', async () => {
    const c = client();
    await c.getConnection(connectionId);
    sim.control.revokeTokens();
    await expect(c.getConnection(connectionId)).resolves.toMatchObject({ id: connectionId });
    expect(count(TOKEN_ROUTE)).toBe(2);
    expect(count(`GET ${CONNECTION_ROUTE}`)).toBe(3);
  });

  it('gives up with CatenaUnauthorizedError when the renewed token is refused too', async () => {
    const c = client();
    failWith(401, CONNECTION_ROUTE, { times: 2 });
    const error = await c.getConnection(connectionId).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CatenaUnauthorizedError);
    expect(error).toMatchObject({ code: 'CATENA_UNAUTHORIZED', status: 401 });
    expect(count(TOKEN_ROUTE)).toBe(2);
    expect(count(`GET ${CONNECTION_ROUTE}`)).toBe(2);
  });

  it('reports refused client credentials as CatenaAuthError', async () => {
    const c = client({ clientSecret: 'wrong' });
    const error = await c.getConnection(connectionId).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CatenaAuthError);
    expect(error).toMatchObject({ code: 'CATENA_AUTH_FAILED', status: 401, oauthError: 'invalid_client' });
    expect(count(`GET ${CONNECTION_ROUTE}`)).toBe(0);
  });
});

describe('error mapping', () => {
  it.each([
    [400, CatenaBadRequestError, 'CATENA_BAD_REQUEST'],
    [405, CatenaMethodNotAllowedError, 'CATENA_METHOD_NOT_ALLOWED'],
    [500, CatenaServerError, 'CATENA_SERVER_ERROR'],
    [502, CatenaBadGatewayError, 'CATENA_BAD_GATEWAY'],
    [503, CatenaUnavailableError, 'CATENA_UNAVAILABLE'],
    [504, CatenaGatewayTimeoutError, 'CATENA_GATEWAY_TIMEOUT'],
  ])('maps %i to its error class with a stable code', async (status, type, code) => {
    failWith(status, CONNECTION_ROUTE, { times: Number.POSITIVE_INFINITY });
    const error = await client()
      .getConnection(connectionId)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(type);
    expect(error).toMatchObject({ code, status, call: { method: 'GET' } });
    expect((error as Error).message).not.toMatch(/Bearer|token/i);
  });

  it('maps an unknown id to CatenaNotFoundError', async () => {
    const error = await client()
      .getConnection('00000000-0000-4000-8000-000000000000')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CatenaNotFoundError);
    expect(error).toMatchObject({ code: 'CATENA_NOT_FOUND', status: 404 });
  });

  it('maps a write to a read-only connection to CatenaForbiddenError', async () => {
    const readOnly = sim.fixtures.connections.find((c) => c.shareLevel === 'read');
    expect(readOnly).toBeDefined();
    const error = await client()
      .writes.createTrailer({ connection_id: readOnly?.id ?? '', trailer_name: 'T' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CatenaForbiddenError);
    expect(error).toMatchObject({ status: 403 });
  });

  it('maps a duplicate to CatenaConflictError', async () => {
    const vehicle = sim.fixtures.vehicles.find((v) => v.connectionId === connectionId);
    const error = await client()
      .writes.createVehicle({ connection_id: connectionId, vin: vehicle?.vin })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CatenaConflictError);
    expect(error).toMatchObject({ code: 'CATENA_CONFLICT', status: 409 });
  });

  it("maps a 422 to CatenaValidationError with Catena's field paths", async () => {
    const [driver] = sim.fixtures.users.filter((u) => u.connectionId === connectionId);
    const error = await client()
      .writes.sendMessage({
        connection_id: connectionId,
        sender_id: driver?.id ?? '',
        recipient_id: '00000000-0000-4000-8000-000000000000',
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CatenaValidationError);
    const issues = (error as CatenaValidationError).issues;
    expect(issues.map((i) => i.path)).toContain('recipient_id');
    expect(issues.every((i) => i.message.length > 0)).toBe(true);
  });

  it('maps a 429 to CatenaRateLimitedError carrying the advised delay', async () => {
    failWith(429, CONNECTION_ROUTE, { retryAfterSeconds: 120 });
    const error = await client()
      .getConnection(connectionId)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CatenaRateLimitedError);
    expect(error).toMatchObject({ code: 'CATENA_RATE_LIMITED', retryAfterSeconds: 120 });
    // 120 s is past the client's cap: the advice goes back to the caller instead of a long wait.
    expect(count(`GET ${CONNECTION_ROUTE}`)).toBe(1);
  });

  it('maps a sync write the TSP refused to CatenaTspRejectedError carrying the failed operation', async () => {
    const cases = writeCases(sim.fixtures, undefined, 'simulate-failure');
    const error = await client()
      .writes.createTrailer(cases.createTrailer.body as never, { sync: true })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CatenaTspRejectedError);
    const { operation } = error as CatenaTspRejectedError;
    expect(operation).toMatchObject({ status: 'failed', resource: 'trailer', resource_id: null });
    expect(operation.logs?.some((log) => log.status === 'failed' && log.error_type === 'tsp')).toBe(true);
  });

  it('reports a call over its timeout as CatenaTimeoutError', async () => {
    fault({ kind: 'delay', delayMs: 400, route: CONNECTION_ROUTE });
    const error = await client({ timeoutMs: 100 })
      .getConnection(connectionId)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CatenaTimeoutError);
    expect(error).toMatchObject({ code: 'CATENA_TIMEOUT', timeoutMs: 100 });
  });

  it("stops a call when the caller's signal aborts, with the caller's reason", async () => {
    const c = client({ timeoutMs: 2_000 });
    await c.getConnection(connectionId); // the token is in hand: only the slow call is left
    fault({ kind: 'delay', delayMs: 1_500, route: CONNECTION_ROUTE });
    const gone = new Error('the client went away');
    const controller = new AbortController();
    const started = performance.now();
    setTimeout(() => controller.abort(gone), 50);
    const error = await c.getConnection(connectionId, { signal: controller.signal }).catch((e: unknown) => e);
    expect(error).toBe(gone);
    expect(performance.now() - started).toBeLessThan(1_000);
    // Already aborted: nothing is sent.
    const before = count(`GET ${CONNECTION_ROUTE}`);
    await expect(c.getConnection(connectionId, { signal: AbortSignal.abort(gone) })).rejects.toBe(gone);
    expect(count(`GET ${CONNECTION_ROUTE}`)).toBe(before);
  });

  it('reports an unreachable Catena as CatenaConnectionError that was never sent', async () => {
    const port = await closedPort();
    const c = client({ apiUrl: `http://127.0.0.1:${port}`, tokenUrl: `http://127.0.0.1:${port}/token` });
    const error = await c.getConnection(connectionId).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CatenaConnectionError);
    expect(error).toMatchObject({ code: 'CATENA_CONNECTION_FAILED', requestMayHaveBeenSent: false });
  });
});

describe('retries', () => {
  it('retries a read on 503 up to the attempt limit', async () => {
    failWith(503, CONNECTION_ROUTE, { times: Number.POSITIVE_INFINITY });
    await expect(client().getConnection(connectionId)).rejects.toBeInstanceOf(CatenaUnavailableError);
    expect(count(`GET ${CONNECTION_ROUTE}`)).toBe(3);
  });

  it('recovers a read from a 429, a 502, a 504 and a dropped connection', async () => {
    failWith(429, CONNECTION_ROUTE, { retryAfterSeconds: 0 });
    await expect(client().getConnection(connectionId)).resolves.toMatchObject({ id: connectionId });
    for (const status of [502, 504]) failWith(status);
    await expect(client().getConnection(connectionId)).resolves.toMatchObject({ id: connectionId });
    fault({ kind: 'drop', route: CONNECTION_ROUTE });
    await expect(client().getConnection(connectionId)).resolves.toMatchObject({ id: connectionId });
    expect(count(`GET ${CONNECTION_ROUTE}`)).toBe(2 + 3 + 2);
  });

  it('does not retry a read after a 500 or a timeout', async () => {
    failWith(500);
    await expect(client().getConnection(connectionId)).rejects.toBeInstanceOf(CatenaServerError);
    fault({ kind: 'delay', delayMs: 300, route: CONNECTION_ROUTE });
    await expect(client({ timeoutMs: 100 }).getConnection(connectionId)).rejects.toBeInstanceOf(
      CatenaTimeoutError,
    );
    expect(count(`GET ${CONNECTION_ROUTE}`)).toBe(2);
  });

  it('retries a write that Catena refused with 429, creating one operation', async () => {
    const before = await countOperations();
    fault({ kind: 'status', status: 429, retryAfterSeconds: 0, route: CREATE_VEHICLE_ROUTE, method: 'POST' });
    const op = await client().writes.createVehicle(writeCases(sim.fixtures).createVehicle.body as never);
    expect(op.status).toBe('pending');
    expect(count(`POST ${CREATE_VEHICLE_ROUTE}`)).toBe(2);
    expect(await countOperations()).toBe(before + 1);
  });

  it.each([
    ['a 503', { kind: 'status', status: 503 }, CatenaUnavailableError, 0],
    ['a 500', { kind: 'status', status: 500 }, CatenaServerError, 0],
    [
      'a timeout after Catena processed it',
      { kind: 'delay', delayMs: 400, phase: 'after' },
      CatenaTimeoutError,
      1,
    ],
    [
      'a connection dropped after Catena processed it',
      { kind: 'drop', phase: 'after' },
      CatenaConnectionError,
      1,
    ],
  ] as const)('never repeats a write after %s', async (_, spec, type, created) => {
    const before = await countOperations();
    fault({ ...spec, route: CREATE_VEHICLE_ROUTE, method: 'POST' } as FaultSpec);
    const error = await client({ timeoutMs: 150 })
      .writes.createVehicle(writeCases(sim.fixtures).createVehicle.body as never)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(type);
    expect(count(`POST ${CREATE_VEHICLE_ROUTE}`)).toBe(1);
    expect(await countOperations()).toBe(before + created);
  });
});

describe('arguments Catena would refuse', () => {
  const day = 86_400_000;
  it.each([
    ['a window over 45 days', { from: new Date(Date.now() - 46 * day), to: new Date() }, 'from'],
    ['a default window stretched past 45 days', { from: new Date(Date.now() - 46 * day) }, 'from'],
    ['from after to', { from: new Date(), to: new Date(Date.now() - day) }, 'from'],
    ['sourceId without resource', { sourceId: 'abc' }, 'sourceId'],
    ['101 fleet refs', { fleetRefs: Array.from({ length: 101 }, (_, i) => `f${i}`) }, 'fleetRefs'],
    ['size 0', { size: 0 }, 'size'],
    ['size 1001', { size: 1001 }, 'size'],
    ['a connection id that is not a UUID', { connectionId: '../../admin' }, 'connectionId'],
    ['an unparseable date', { from: 'yesterday' }, 'from'],
    [
      'filter values making a URL over 8,000 octets',
      { fleetRefs: Array.from({ length: 100 }, (_, i) => `${i}`.padEnd(255, 'r')) },
      'fleetRefs',
    ],
  ])('refuses %s without calling Catena', async (_, args, argument) => {
    const error = await client()
      .listResourceOperations(args)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CatenaArgumentError);
    expect(error).toMatchObject({ code: 'CATENA_INVALID_ARGUMENT', argument });
    expect(count(`GET ${LIST_OPS_ROUTE}`)).toBe(0);
  });

  it('accepts exactly 45 days', async () => {
    const to = new Date();
    const page = await client().listResourceOperations({ from: new Date(to.getTime() - 45 * day), to });
    expect(page.items.length).toBeGreaterThan(0);
  });
});

describe('reads', () => {
  it('filters connections by repeated fleet_refs', async () => {
    const refs = [...new Set(sim.fixtures.connections.map((c) => c.fleetRef).filter((r) => r !== null))];
    expect(refs.length).toBeGreaterThanOrEqual(2);
    const page = await client().listConnections({ fleetRefs: refs.slice(0, 2) });
    const expected = sim.fixtures.connections.filter(
      (c) => c.fleetRef && refs.slice(0, 2).includes(c.fleetRef),
    );
    expect(page.items.map((c) => c.id).sort()).toEqual(expected.map((c) => c.id).sort());
  });

  it('walks every operation exactly once, whatever the page size', async () => {
    sim.control.seedOperations({ count: 230 });
    const c = client();
    const all = (await c.listResourceOperations({ size: 1000 })).items.map((op) => op.id);
    expect(all.length).toBeGreaterThanOrEqual(230);
    for (const size of [1, 7, 100, 999]) {
      const seen: string[] = [];
      for await (const op of c.iterateResourceOperations({ size })) seen.push(op.id);
      expect(seen, `size ${size}`).toEqual(all);
    }
  });

  it('walks back with previous_page to the same items', async () => {
    const c = client();
    const first = await c.listResourceOperations({ size: 5 });
    const second = await c.listResourceOperations({ size: 5, cursor: first.next_page });
    const back = await c.listResourceOperations({ size: 5, cursor: second.previous_page });
    expect(back.items.map((op) => op.id)).toEqual(first.items.map((op) => op.id));
  });
});

describe('writes', () => {
  it.each(WRITE_NAMES)('%s: async answers pending, then Catena finishes it', async (name) => {
    const c = client();
    const { id, body } = writeCases(sim.fixtures)[name];
    const op = await invoke(c, name, id, body, false);
    expect(op).toMatchObject({ status: 'pending', connection_id: connectionId, resource_id: null });
    const done = await waitFor(
      async () => {
        const current = await c.getResourceOperation(connectionId, op.id);
        return current.status !== 'pending' && current;
      },
      { what: `${name} to finish` },
    );
    expect(done).toMatchObject({ status: 'success', id: op.id });
    expect(done.resource_id).toBeTruthy();
    expect(done.logs?.[0]).toMatchObject({ status: 'success', resource_operation_id: op.id });
  });

  it.each(WRITE_NAMES)('%s: sync answers the outcome at once', async (name) => {
    const { id, body } = writeCases(sim.fixtures)[name];
    const op = await invoke(client(), name, id, body, true);
    expect(op).toMatchObject({ status: 'success' });
    expect(op.source_id).toBeTruthy();
  });
});

describe('webhook subscriptions', () => {
  it('reactivates with POST .../activate, or with PATCH status where Catena has no such route', async () => {
    const c = client();
    const [id] = sim.control.registerWebhook({ url: 'https://hooks.example.com/x', secret: 'a-long-secret' });
    if (!id) throw new Error('no subscription');
    sim.control.setWebhookStatus(id, 'stale');
    expect((await c.webhooks.activate(id)).status).toBe('active');
    expect(count('POST /v2/notifications/webhooks/:webhook_id/activate')).toBe(1);

    sim.control.setWebhookStatus(id, 'stale');
    fault({
      kind: 'status',
      status: 404,
      method: 'POST',
      route: '/v2/notifications/webhooks/:webhook_id/activate',
    });
    expect((await c.webhooks.activate(id)).status).toBe('active');
    expect(count('PATCH /v2/notifications/webhooks/:webhook_id')).toBe(1);
  });
});

async function invoke(
  c: ReturnType<typeof createCatenaClient>,
  name: (typeof WRITE_NAMES)[number],
  id: string | undefined,
  body: Record<string, unknown>,
  sync: boolean,
) {
  const method = c.writes[name] as (...args: unknown[]) => ReturnType<typeof c.getResourceOperation>;
  return id === undefined ? method(body, { sync }) : method(id, body, { sync });
}

async function countOperations(): Promise<number> {
  let n = 0;
  for await (const _ of client().iterateResourceOperations({ size: 1000 })) n++;
  return n;
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}
