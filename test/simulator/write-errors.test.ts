import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WriteName } from '../../src/catena/bodies.ts';
import type { Simulator } from '../../src/simulator/index.ts';
import { writeCases } from '../fixtures/write-bodies.ts';
import { type createApi, pathOf, startSimulator } from './support.ts';

type Invalid = { detail: { path: string; input: string; error_type: string }[] };

describe('write refusals', () => {
  let sim: Simulator;
  let api: ReturnType<typeof createApi>;

  beforeAll(async () => {
    ({ sim, api } = await startSimulator({ processingMs: 60_000 }));
  });
  afterAll(() => sim.stop());

  const write = (name: WriteName, body: Record<string, unknown>, id?: string) => {
    const { method, path } = pathOf(name, id);
    return api.call<Record<string, unknown>>(method, path, { json: body });
  };

  it.each([['maybe'], ['2']])('answers 422 for is_sync=%s', async (value) => {
    const { body } = writeCases(sim.fixtures).createTrailer;
    const res = await api.call<Invalid>('POST', '/v2/telematics/trailers', {
      json: body,
      query: { is_sync: value },
    });
    expect(res.status).toBe(422);
    expect(res.body.detail[0]).toMatchObject({ path: 'query.is_sync', error_type: 'bool_parsing' });
  });

  it.each([
    ['createVehicle', { model_year: 2020.5 }, 'model_year', 'int_type', '2020.5'],
    [
      'createVehicle',
      { license_plate_country: 'US' },
      'license_plate_country',
      'string_pattern_mismatch',
      'US',
    ],
    ['createVehicle', { colour: 'red' }, 'colour', 'extra_forbidden', 'red'],
    ['createVehicle', { status: 'PARKED' }, 'status', 'enum', 'PARKED'],
    ['createUser', { connection_id: 'nope' }, 'connection_id', 'uuid_parsing', 'nope'],
    ['createUser', { default_time_zone: 'Mars/Olympus' }, 'default_time_zone', 'enum', 'Mars/Olympus'],
    ['createWorkflow', { stops: [{ stop_type: 'TELEPORT' }] }, 'stops.0.stop_type', 'enum', 'TELEPORT'],
    ['createDvirLog', { defects: ['brakes', 'warp_drive'] }, 'defects.1', 'enum', 'warp_drive'],
    ['createFuelTransaction', { latitude: 91 }, 'latitude', 'less_than_equal', '91'],
    ['createFuelTransaction', { total_cost: 'a lot' }, 'total_cost', 'string_pattern_mismatch', 'a lot'],
    ['createDvirLog', { log_type: null }, 'log_type', 'enum', 'null'],
    ['sendGroupMessage', { recipient_ids: 'u1' }, 'recipient_ids', 'list_type', 'u1'],
    ['createTrailer', { trailer_length: { feet: 53 } }, 'trailer_length', 'float_type', '{"feet":53}'],
  ] as const)('%s with %j answers 422 at %s', async (name, patch, path, errorType, input) => {
    const { body, id } = writeCases(sim.fixtures)[name];
    const res = await write(name, { ...body, ...patch }, id);
    expect(res.status).toBe(422);
    expect((res.body as unknown as Invalid).detail).toEqual([
      expect.objectContaining({ path, error_type: errorType, input }),
    ]);
  });

  it('answers 422 missing for an absent required field, and json_invalid for malformed JSON', async () => {
    const missing = await api.call<Invalid>('POST', '/v2/telematics/messages', {
      json: { message_text: 'hi' },
    });
    expect(missing.status).toBe(422);
    expect(missing.body.detail.map((d) => [d.path, d.error_type])).toEqual([
      ['connection_id', 'missing'],
      ['sender_id', 'missing'],
      ['recipient_id', 'missing'],
    ]);
    const malformed = await api.call<Invalid>('POST', '/v2/telematics/messages', {
      raw: '{"connection_id": ',
    });
    expect(malformed.status).toBe(422);
    expect(malformed.body.detail[0]).toMatchObject({ path: 'body', error_type: 'json_invalid' });
    const noBody = await api.call<Invalid>('POST', '/v2/telematics/messages');
    expect(noBody.body.detail[0]).toMatchObject({ path: 'body', error_type: 'missing' });
  });

  it('answers 404 for an unknown connection and 403 for a read-only one', async () => {
    const { body } = writeCases(sim.fixtures).createTrailer;
    const unknown = await write('createTrailer', { ...body, connection_id: crypto.randomUUID() });
    expect(unknown.status).toBe(404);
    const readOnly = sim.fixtures.connections.find((c) => c.shareLevel === 'read');
    const forbidden = await write('createTrailer', { ...body, connection_id: readOnly?.id });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body).toMatchObject({ code: 403, message: 'Forbidden' });
  });

  it('answers 404 when updating an unknown record or a record of another connection', async () => {
    const { body } = writeCases(sim.fixtures).updateVehicle;
    expect((await write('updateVehicle', body, crypto.randomUUID())).status).toBe(404);
    const foreign = sim.fixtures.vehicles.find((v) => v.connectionId !== body.connection_id);
    expect((await write('updateVehicle', body, foreign?.id)).status).toBe(404);
    const bad = await write('updateVehicle', body, 'not-a-uuid');
    expect(bad.status).toBe(422);
    expect((bad.body as unknown as Invalid).detail[0]).toMatchObject({ path: 'path.id' });
  });

  it.each([
    ['sendMessage', (u: string) => ({ sender_id: u }), 'sender_id'],
    ['sendMessage', (u: string) => ({ recipient_id: u }), 'recipient_id'],
    ['sendGroupMessage', (u: string) => ({ recipient_ids: [u] }), 'recipient_ids.0'],
    ['createDvirLog', (u: string) => ({ driver_id: u }), 'driver_id'],
    ['createDvirLog', (u: string) => ({ vehicle_id: u }), 'vehicle_id'],
    ['createDvirLog', (u: string) => ({ trailer_id: u }), 'trailer_id'],
    ['createFuelTransaction', (u: string) => ({ driver_id: u }), 'driver_id'],
    ['createFuelTransaction', (u: string) => ({ vehicle_id: u }), 'vehicle_id'],
  ] as const)('%s answers 422 when %s names an id not on the connection', async (name, patch, path) => {
    const { body } = writeCases(sim.fixtures)[name];
    const foreignUser = sim.fixtures.users.find((u) => u.connectionId !== body.connection_id);
    const res = await write(name, { ...body, ...patch(String(foreignUser?.id)) });
    expect(res.status).toBe(422);
    expect((res.body as unknown as Invalid).detail).toEqual([
      expect.objectContaining({ path, error_type: 'value_error' }),
    ]);
  });

  it('answers 409 for a duplicate vin or username on the same connection only', async () => {
    const vehicle = sim.fixtures.vehicles[0];
    const user = sim.fixtures.users[0];
    const dupVin = await write('createVehicle', { connection_id: vehicle?.connectionId, vin: vehicle?.vin });
    expect(dupVin.status).toBe(409);
    expect(dupVin.body).toMatchObject({ code: 409, message: 'Conflict' });
    const dupUser = await write('createUser', {
      connection_id: user?.connectionId,
      username: user?.username,
    });
    expect(dupUser.status).toBe(409);
    const elsewhere = sim.fixtures.connections.find(
      (c) => c.id !== vehicle?.connectionId && c.shareLevel === 'read_write',
    );
    expect((await write('createVehicle', { connection_id: elsewhere?.id, vin: vehicle?.vin })).status).toBe(
      202,
    );
  });
});
