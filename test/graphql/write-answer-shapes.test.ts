/**
 * Catena's write pages show two shapes of answer: the full operation model, and a shorter one
 * without `resource`, `operation_type` and the logs' `status`/`error_type` (the sync examples of
 * update-vehicle, create-fuel-transaction, create-dvir-log). Every write, in both shapes, async,
 * sync and refused, must come back typed, with the right resource and operation type, and with no
 * Catena call beyond the write itself.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { WRITE_NAMES, WRITES, type WriteName } from '../../src/catena/bodies.ts';
import type { WriteAnswerShape } from '../../src/simulator/types.ts';
import { writableConnection, writeCases } from '../fixtures/write-bodies.ts';
import { useGateway } from '../helpers/gateway.ts';
import { graphqlInput, type WriteCall, write, writeRoute } from '../helpers/mutations.ts';

const gw = useGateway({ processingMs: 60_000 });

function validCall(name: WriteName, marker: string): WriteCall {
  const { id, body } = writeCases(gw.sim.fixtures, writableConnection(gw.sim.fixtures), marker)[name];
  return { id, input: graphqlInput(name, body) };
}

/** Every Catena request since the last reset, by route. */
const calls = () => Object.entries(gw.sim.control.requestCounts()).filter(([, n]) => n > 0);

// A first write fetches the token and caches the connection's fleet (for event routing); after it,
// a write costs exactly its one Catena call.
beforeAll(async () => {
  await write(gw, 'createTrailer', validCall('createTrailer', 'warm-up'));
});
afterAll(() => gw.sim.control.configure({ writeAnswerShape: 'full' }));

describe.each<WriteAnswerShape>(['full', 'short'])('write answers in the %s shape', (shape) => {
  beforeEach(() => {
    gw.sim.control.configure({ writeAnswerShape: shape });
    gw.resetCounts();
  });

  describe.each(WRITE_NAMES)('%s', (name) => {
    const Name = `${name[0]?.toUpperCase()}${name.slice(1)}`;
    const expected = {
      resource: WRITES[name].resource.toUpperCase(),
      operationType: WRITES[name].operation.toUpperCase(),
    };

    it('ASYNC: a typed PENDING success from the one write call', async () => {
      const res = await write(gw, name, validCall(name, 'shape test'));
      expect(res.errors).toBeUndefined();
      expect(res.data?.result).toMatchObject({
        __typename: `${Name}Success`,
        operation: { ...expected, status: 'PENDING', logs: [] },
      });
      expect(calls()).toEqual([[writeRoute(name), 1]]);
    });

    it('SYNC: a typed SUCCESS whose log reads SUCCESS', async () => {
      const res = await write(gw, name, { ...validCall(name, 'shape test'), mode: 'SYNC' });
      expect(res.errors).toBeUndefined();
      expect(res.data?.result).toMatchObject({
        __typename: `${Name}Success`,
        operation: { ...expected, status: 'SUCCESS', logs: [{ status: 'SUCCESS', errorType: null }] },
      });
      expect(calls()).toEqual([[writeRoute(name), 1]]);
    });

    it('SYNC refused by the TSP: TspRejectedError with FAILED logs', async () => {
      const res = await write(gw, name, { ...validCall(name, 'simulate-failure'), mode: 'SYNC' });
      expect(res.errors).toBeUndefined();
      const operation = res.data?.result.operation;
      expect(res.data?.result.__typename).toBe('TspRejectedError');
      expect(operation).toMatchObject({ ...expected, status: 'FAILED' });
      expect(operation?.logs.length).toBeGreaterThan(0);
      for (const log of operation?.logs ?? []) {
        // The short shape has no error_type: the gateway says what it knows, FAILED, and no category.
        expect(log).toEqual({ status: 'FAILED', errorType: shape === 'full' ? 'TSP' : null });
      }
      expect(calls()).toEqual([[writeRoute(name), 1]]);
    });
  });
});

describe('the short shape', () => {
  it('really leaves the fields out of the wire answer', async () => {
    gw.sim.control.configure({ writeAnswerShape: 'short' });
    const connection = writableConnection(gw.sim.fixtures);
    const { body } = writeCases(gw.sim.fixtures, connection, 'simulate-failure').createDvirLog;
    const res = await fetch(`${gw.sim.url}/v2/telematics/dvir-logs?is_sync=true`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await token()}` },
      body: JSON.stringify(body),
    });
    const answer = (await res.json()) as Record<string, unknown> & { logs: Record<string, unknown>[] };
    expect(res.status).toBe(502);
    expect(answer).not.toHaveProperty('resource');
    expect(answer).not.toHaveProperty('operation_type');
    expect(answer.logs[0]).not.toHaveProperty('status');
    expect(answer.logs[0]).not.toHaveProperty('error_type');
    expect(answer.logs[0]).toHaveProperty('response_status_code');
  });
});

async function token(): Promise<string> {
  const res = await fetch(gw.sim.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials&client_id=dev&client_secret=dev&scope=organization',
  });
  return ((await res.json()) as { access_token: string }).access_token;
}
