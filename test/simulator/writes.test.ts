import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { WRITE_NAMES, WRITES, type WriteName } from '../../src/catena/bodies.ts';
import type { Simulator } from '../../src/simulator/index.ts';
import { writeCases } from '../fixtures/write-bodies.ts';
import { waitFor } from '../helpers/wait-for.ts';
import { type createApi, pathOf, startReceiver, startSimulator } from './support.ts';

type Op = Record<string, unknown> & { id: string; status: string; logs: Record<string, unknown>[] };

const WRITE_MODEL_KEYS = [
  'partner_id',
  'connection_id',
  'resource',
  'operation_type',
  'payload',
  'id',
  'created_at',
  'updated_at',
  'deleted_at',
  'resource_id',
  'source_id',
  'status',
  'logs',
];

describe('writes', () => {
  let sim: Simulator;
  let api: ReturnType<typeof createApi>;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeAll(async () => {
    receiver = await startReceiver();
    ({ sim, api } = await startSimulator({ processingMs: 40, webhookUrl: receiver.url }));
  });
  afterAll(async () => {
    await sim.stop();
    await receiver.close();
  });
  beforeEach(() => {
    receiver.setResponder(() => 202);
  });

  const write = (name: WriteName, body: Record<string, unknown>, id?: string, sync?: boolean) => {
    const { method, path } = pathOf(name, id);
    return api.call<Op>(method, path, {
      json: body,
      ...(sync !== undefined ? { query: { is_sync: sync } } : {}),
    });
  };
  const read = async (op: Op) =>
    (
      await api.call<Op>(
        'GET',
        `/v2/integrations/connections/${String(op.connection_id)}/resource-operations/${op.id}`,
      )
    ).body;

  it.each(WRITE_NAMES)('%s: 202 pending, then success with ids, a log and both webhooks', async (name) => {
    const { id, body } = writeCases(sim.fixtures)[name];
    const res = await write(name, body, id);
    expect(res.status).toBe(202);
    expect(Object.keys(res.body)).toEqual(WRITE_MODEL_KEYS);
    expect(res.body).toMatchObject({
      partner_id: sim.fixtures.partnerId,
      connection_id: body.connection_id,
      resource: WRITES[name].resource,
      operation_type: WRITES[name].operation,
      status: 'pending',
      resource_id: null,
      source_id: null,
      deleted_at: null,
      logs: [],
    });
    expect(res.body.payload).not.toHaveProperty('connection_id');

    const listed = await api.call<{ items: Op[] }>(
      'GET',
      '/v2/integrations/connections/resource-operations',
      {
        query: { connection_id: String(body.connection_id), size: 1000 },
      },
    );
    expect(listed.body.items.find((op) => op.id === res.body.id)).toMatchObject({
      source_name: 'samsara',
      fleet_ref: 'acme-logistics',
    });

    const done = await waitFor(
      async () => {
        const op = await read(res.body);
        return op.status !== 'pending' && op;
      },
      { what: `${name} to settle` },
    );
    expect(done.status).toBe('success');
    expect(done.resource_id).toEqual(id ?? expect.stringMatching(/^[0-9a-f-]{36}$/));
    expect(typeof done.source_id).toBe('string');
    expect(Date.parse(String(done.updated_at))).toBeGreaterThan(Date.parse(String(res.body.updated_at)));
    expect(done.logs).toEqual([
      expect.objectContaining({
        status: 'success',
        error_type: null,
        resource_operation_id: res.body.id,
        response_status_code: WRITES[name].operation === 'create' ? 201 : 200,
        response_headers: { 'X-Request-Id': expect.any(String) },
      }),
    ]);

    const succeeded = await waitFor(() => receiver.events('resource_operation.succeeded', res.body.id)[0], {
      what: 'succeeded webhook',
    });
    expect(succeeded.envelope.data[0]).toMatchObject({
      status: 'success',
      resource_id: done.resource_id,
      source_name: 'samsara',
    });
    expect(receiver.events('resource_operation.created', res.body.id)).toHaveLength(1);
  });

  it('resolves referenced Catena ids to TSP ids in the payload', async () => {
    const { body } = writeCases(sim.fixtures).sendGroupMessage;
    const [u0, u1, u2] = sim.fixtures.users.filter((u) => u.connectionId === body.connection_id);
    const res = await write('sendGroupMessage', { ...body, recipient_ids: [u1?.id, u2?.id] });
    expect(res.body.payload).toEqual({
      sender_id: u0?.id,
      recipient_ids: [u1?.id, u2?.id],
      message_text: body.message_text,
      source_sender_id: u0?.sourceId,
      source_recipient_ids: [u1?.sourceId, u2?.sourceId],
    });
  });

  it('a created record can be updated afterwards', async () => {
    const { body } = writeCases(sim.fixtures).createVehicle;
    const created = await write('createVehicle', body, undefined, true);
    expect(created.status).toBe(200);
    const updated = await write(
      'updateVehicle',
      { connection_id: body.connection_id, notes: 'x' },
      String(created.body.resource_id),
      true,
    );
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      resource_id: created.body.resource_id,
      source_id: created.body.source_id,
    });
  });

  it('fails with three tsp logs on simulate-failure, and delivers resource_operation.failed', async () => {
    const { body } = writeCases(sim.fixtures).sendMessage;
    const res = await write('sendMessage', { ...body, message_text: 'please simulate-failure now' });
    const done = await waitFor(
      async () => {
        const op = await read(res.body);
        return op.status !== 'pending' && op;
      },
      { what: 'the failure' },
    );
    expect(done).toMatchObject({ status: 'failed', resource_id: null, source_id: null });
    expect(done.logs).toHaveLength(3);
    expect(done.logs.every((log) => log.status === 'failed' && log.error_type === 'tsp')).toBe(true);
    expect(done.logs.map((log) => log.response_status_code)).toEqual([500, 503, 503]);
    const failed = await waitFor(() => receiver.events('resource_operation.failed', res.body.id)[0], {
      what: 'failed webhook',
    });
    expect(failed.envelope.data[0]).toMatchObject({ status: 'failed' });
  });

  it('fails with one validation log on simulate-validation-failure (in a nested string)', async () => {
    const { body } = writeCases(sim.fixtures).createWorkflow;
    const res = await write('createWorkflow', {
      ...body,
      stops: [{ stop_type: 'PICKUP', instructions: 'simulate-validation-failure' }],
    });
    const done = await waitFor(
      async () => {
        const op = await read(res.body);
        return op.status !== 'pending' && op;
      },
      { what: 'the failure' },
    );
    expect(done.status).toBe('failed');
    expect(done.logs).toEqual([
      expect.objectContaining({ error_type: 'validation', response_status_code: 400 }),
    ]);
  });

  it('fails with an auth log when the connection is stale', async () => {
    const stale = sim.fixtures.connections.find((c) => c.status === 'stale');
    const user = sim.fixtures.users.find((u) => u.connectionId === stale?.id);
    const res = await write('updateUser', { connection_id: stale?.id, notes: 'x' }, user?.id, true);
    expect(res.status).toBe(502);
    expect(res.body.logs).toEqual([
      expect.objectContaining({ error_type: 'auth', response_status_code: 401 }),
    ]);
  });

  it('sync writes answer 200 success or 502 with the failed operation, and send no webhook', async () => {
    const before = receiver.received.length;
    const { body, id } = writeCases(sim.fixtures).updateTrailer;
    const ok = await write('updateTrailer', body, id, true);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'success', resource_id: id });
    const failed = await write('updateTrailer', { ...body, notes: 'simulate-failure' }, id, true);
    expect(failed.status).toBe(502);
    expect(failed.body).toMatchObject({ status: 'failed', resource_id: null, source_id: null });
    expect(failed.body.logs).toHaveLength(3);
    expect((await read(failed.body)).status).toBe('failed');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(
      receiver.received
        .slice(before)
        .filter((r) => [ok.body.id, failed.body.id].includes(String(r.envelope.data[0]?.id))),
    ).toEqual([]);
  });
});
