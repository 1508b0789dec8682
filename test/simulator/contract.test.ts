/**
 * The simulator against Catena's own OpenAPI (the resource-operation pages' OpenAPI blocks, kept in
 * test/fixtures/catena-openapi), validated with Ajv, not with our zod schemas; and a real webhook
 * delivery checked with an independently computed signature. Runs on any clone: the fixtures are
 * committed, nothing is read from outside the repository.
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../../src/simulator/index.ts';
import { waitFor } from '../helpers/wait-for.ts';
import { createValidator } from './openapi.ts';
import { type createApi, startReceiver, startSimulator } from './support.ts';

describe('Catena OpenAPI contract: resource operations and error bodies', () => {
  const openapi = createValidator();
  const schemas = openapi.docs.integrations.components.schemas;
  const expectValid = (name: string, value: unknown) => openapi.expectValid('integrations', name, value);
  const undeclared = (name: string, value: Record<string, unknown>) =>
    openapi.undeclared('integrations', name, value);

  let sim: Simulator;
  let api: ReturnType<typeof createApi>;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeAll(async () => {
    receiver = await startReceiver();
    ({ sim, api } = await startSimulator({ processingMs: 30, webhookUrl: receiver.url }));
  });
  afterAll(async () => {
    await sim.stop();
    await receiver.close();
  });

  it('finds the schemas it validates against, and they do reject bad bodies', () => {
    for (const name of [
      'ResourceOperationRead',
      'UnprocessableEntity',
      'ValidationErrorDetail',
      'TooManyRequests',
    ]) {
      expect(schemas[name], name).toBeDefined();
    }
    const wrong = { path: 'size', input: 0, message: 'x', error_type: 'int_parsing' };
    expect(openapi.check('integrations', 'ValidationErrorDetail', wrong)).not.toEqual([]);
  });

  it('GET resource operation answers a ResourceOperationRead with only declared fields', async () => {
    const seeded = sim.fixtures.operations.find((op) => op.status === 'failed');
    if (!seeded) throw new Error('the seed has a failed operation');
    const res = await api.call(
      'GET',
      `/v2/integrations/connections/${seeded.connectionId}/resource-operations/${seeded.id}`,
    );
    expect(res.status).toBe(200);
    expectValid('ResourceOperationRead', res.body);
    expect(undeclared('ResourceOperationRead', res.body)).toEqual([]);
    const logs = res.body.logs as Record<string, unknown>[];
    expect(logs.length).toBeGreaterThan(0);
    for (const log of logs) expect(undeclared('ResourceOperationLogRead', log)).toEqual([]);
  });

  it('list answers the _CursorPage schema', async () => {
    const res = await api.call('GET', '/v2/integrations/connections/resource-operations', {
      query: { size: 5 },
    });
    expect(res.status).toBe(200);
    expectValid('_CursorPage_TypeVar_Customized_ResourceOperationRead_', res.body);
    expect((res.body.items as unknown[]).length).toBe(5);
  });

  it('error bodies match their schemas: 401, 404, 422, 400, 403, 405, 409', async () => {
    const unauthorized = await api.call('GET', '/v2/integrations/connections/resource-operations', {
      auth: false,
    });
    expect(unauthorized.status).toBe(401);
    expectValid('Unauthorized', unauthorized.body);

    const connectionId = sim.fixtures.connections[0]?.id;
    const missing = await api.call(
      'GET',
      `/v2/integrations/connections/${connectionId}/resource-operations/${crypto.randomUUID()}`,
    );
    expect(missing.status).toBe(404);
    expectValid('NotFound', missing.body);

    const invalid = await api.call('GET', '/v2/integrations/connections/resource-operations', {
      query: { size: 0, resource: 'spaceship', fleet_refs: Array.from({ length: 101 }, (_, i) => `f${i}`) },
    });
    expect(invalid.status).toBe(422);
    expectValid('UnprocessableEntity', invalid.body);
    for (const detail of invalid.body.detail as Record<string, unknown>[]) {
      expectValid('ValidationErrorDetail', detail);
      expect(undeclared('ValidationErrorDetail', detail)).toEqual([]);
    }

    const badCursor = await api.call('GET', '/v2/integrations/connections/resource-operations', {
      query: { cursor: '%%%' },
    });
    expect(badCursor.status).toBe(400);
    expectValid('BadRequest', badCursor.body);

    const readOnly = sim.fixtures.connections.find((c) => c.shareLevel === 'read');
    const forbidden = await api.call('POST', '/v2/telematics/trailers', {
      json: { connection_id: readOnly?.id },
    });
    expect(forbidden.status).toBe(403);
    expectValid('Forbidden', forbidden.body);

    const wrongMethod = await api.call('DELETE', '/v2/integrations/connections/resource-operations');
    expect(wrongMethod.status).toBe(405);
    expectValid('MethodNotAllowed', wrongMethod.body);

    const vehicle = sim.fixtures.vehicles[0];
    const duplicate = await api.call('POST', '/v2/telematics/vehicles', {
      json: { connection_id: vehicle?.connectionId, vin: vehicle?.vin },
    });
    expect(duplicate.status).toBe(409);
    expectValid('Conflict', duplicate.body);
  });

  it.each([
    [429, 'TooManyRequests'],
    [500, 'InternalServerError'],
    [504, 'GatewayTimeout'],
  ])('a %i fault answers the %s schema', async (status, schemaName) => {
    sim.control.addFault({
      kind: 'status',
      status,
      route: '/v2/integrations/connections/resource-operations',
    });
    const res = await api.call('GET', '/v2/integrations/connections/resource-operations');
    expect(res.status).toBe(status);
    expectValid(schemaName, res.body);
    if (status === 500) expect(res.body).toEqual({ message: 'Internal Server Error' });
    if (status === 429) expect(res.body.detail).toMatchObject({ retry_after_seconds: 1 });
  });

  it('a write read back after it settles is a valid ResourceOperationRead', async () => {
    const user = sim.fixtures.users[0];
    const write = await api.call('PATCH', `/v2/telematics/users/${user?.id}`, {
      json: { connection_id: user?.connectionId, phone_number: '+15550100' },
    });
    expect(write.status).toBe(202);
    const done = await waitFor(
      async () => {
        const res = await api.call(
          'GET',
          `/v2/integrations/connections/${user?.connectionId}/resource-operations/${write.body.id}`,
        );
        return res.body.status !== 'pending' && res;
      },
      { what: 'the operation to settle' },
    );
    expectValid('ResourceOperationRead', done.body);
    expect(done.body).toMatchObject({ status: 'success', resource_id: user?.id });
  });

  it('delivers a webhook signed as Catena documents it (checked with node:crypto)', async () => {
    const user = sim.fixtures.users[1];
    const write = await api.call('POST', '/v2/telematics/messages', {
      json: {
        connection_id: user?.connectionId,
        sender_id: user?.id,
        recipient_id: sim.fixtures.users[0]?.id,
      },
    });
    expect(write.status).toBe(202);
    const [delivery] = await waitFor(
      () => {
        const found = receiver.events('resource_operation.created', String(write.body.id));
        return found.length > 0 && found;
      },
      { what: 'the created webhook' },
    );
    if (!delivery) throw new Error('no delivery');
    const h = delivery.headers;
    expect(h['content-type']).toBe('application/json');
    expect(h['content-encoding']).toBe('gzip');
    expect(h['user-agent']).toBe('Catena-Webhook');
    expect(h.accept).toBe('application/json');
    expect(h['x-event-type']).toBe('resource_operation.created');
    expect(h['x-schema-version']).toBe('1.0');
    expect(h['x-source']).toBe('catena-notifications');
    expect(h['x-delivery-attempt']).toBe('1');
    expect(h['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(h['x-catena-timestamp']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);
    const expected = createHmac('sha256', 'dev-webhook-secret')
      .update(`${String(h['x-catena-timestamp'])}.${delivery.body}`)
      .digest('base64');
    expect(h['x-catena-signature']).toBe(expected);

    const envelope = delivery.envelope;
    expect(envelope).toMatchObject({
      version: '1.0',
      event_name: 'resource_operation.created',
      webhook_id: h['x-webhook-id'],
      timestamp: h['x-catena-timestamp'],
      delivery_attempt: 1,
    });
    expect(envelope.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(envelope.data).toHaveLength(1);
    expectValid('ResourceOperationRead', envelope.data[0]);
    expect(envelope.data[0]).toMatchObject({
      id: write.body.id,
      status: 'pending',
      fleet_ref: sim.fixtures.connections.find((c) => c.id === user?.connectionId)?.fleetRef,
      payload: { source_sender_id: user?.sourceId },
    });
  });
});
