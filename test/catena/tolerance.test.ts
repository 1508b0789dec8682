import type { MockAgent } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CatenaClient } from '../../src/catena/client.ts';
import { CONNECTION_STATUSES, RESOURCES } from '../../src/catena/enums.ts';
import {
  CatenaInvalidResponseError,
  CatenaRateLimitedError,
  CatenaUnavailableError,
} from '../../src/catena/errors.ts';
import { isKnown } from '../../src/catena/schemas.ts';
import { createMockCatena, MOCK_ORIGIN, type MockCatena } from '../helpers/mock-catena.ts';

// Catena's endpoints are provisional: these tests feed the client answers from a "future" Catena
// through undici's MockAgent (the HTTP boundary) and check that reads survive drift.
const ORIGIN = MOCK_ORIGIN;
const CONNECTION_ID = '0b6f8f3e-6f55-4b8e-9d55-2f0d3c8a1e11';
const OPERATION_ID = '6a2d7c1b-3e4f-4a5b-8c6d-7e8f9a0b1c2d';
const stamp = '2026-11-20T10:00:00Z';

let agent: MockAgent;
let client: CatenaClient;
let mock: MockCatena;

beforeEach(() => {
  mock = createMockCatena({ retry: { baseDelayMs: 1, maxDelayMs: 1 } });
  ({ agent, client } = mock);
});

afterEach(async () => {
  await mock.close();
});

const operation = (overrides: Record<string, unknown> = {}) => ({
  id: OPERATION_ID,
  created_at: stamp,
  updated_at: stamp,
  partner_id: CONNECTION_ID,
  connection_id: CONNECTION_ID,
  source_name: 'samsara',
  resource: 'vehicle',
  operation_type: 'create',
  status: 'pending',
  payload: {},
  ...overrides,
});

describe('reading drifted Catena answers', () => {
  it('keeps a connection with unknown enum values and extra fields', async () => {
    agent
      .get(ORIGIN)
      .intercept({ path: `/v2/integrations/connections/${CONNECTION_ID}`, method: 'GET' })
      .reply(200, {
        id: CONNECTION_ID,
        created_at: stamp,
        updated_at: stamp,
        fleet_id: null,
        tsp_id: CONNECTION_ID,
        source_name: 'brand_new_tsp',
        credentials: { api_key: '*****' },
        status: 'suspended',
        description: null,
        share_level: 'read_write',
        added_in_2027: { anything: true },
      });
    const connection = await client.getConnection(CONNECTION_ID);
    expect(connection.source_name).toBe('brand_new_tsp');
    expect(connection.status).toBe('suspended');
    expect(isKnown(CONNECTION_STATUSES, connection.status)).toBe(false);
    expect(connection).not.toHaveProperty('added_in_2027');
    expect(connection.fleet_ref).toBeUndefined();
  });

  it('keeps an operation with unknown resource, status and log error type, and no logs key', async () => {
    agent
      .get(ORIGIN)
      .intercept({ path: /^\/v2\/integrations\/connections\/resource-operations/, method: 'GET' })
      .reply(200, {
        items: [
          operation({ resource: 'trailer_hitch', status: 'cancelled', logs: undefined }),
          operation({
            logs: [
              {
                id: OPERATION_ID,
                created_at: stamp,
                updated_at: stamp,
                resource_operation_id: OPERATION_ID,
                status: 'failed',
                error_type: 'quota',
              },
            ],
          }),
        ],
        next_page: null,
        total: 2,
      });
    const page = await client.listResourceOperations({});
    expect(page.items.map((op) => [op.resource, op.status])).toEqual([
      ['trailer_hitch', 'cancelled'],
      ['vehicle', 'pending'],
    ]);
    expect(isKnown(RESOURCES, page.items[0]?.resource ?? '')).toBe(false);
    expect(page.items[0]?.logs).toBeUndefined();
    expect(page.items[1]?.logs?.[0]?.error_type).toBe('quota');
  });

  it('reads the operation when an older Catena acknowledges a write with its id only', async () => {
    const pool = agent.get(ORIGIN);
    pool
      .intercept({ path: '/v2/telematics/vehicles?is_sync=false', method: 'POST' })
      .reply(202, { id: OPERATION_ID });
    pool
      .intercept({
        path: `/v2/integrations/connections/${CONNECTION_ID}/resource-operations/${OPERATION_ID}`,
        method: 'GET',
      })
      .reply(200, operation());
    const op = await client.writes.createVehicle({ connection_id: CONNECTION_ID, vin: '1FTFW1E50NFA00001' });
    expect(op).toMatchObject({ id: OPERATION_ID, status: 'pending', source_name: 'samsara' });
  });

  it('refuses an answer that lacks what the gateway needs', async () => {
    agent
      .get(ORIGIN)
      .intercept({ path: `/v2/integrations/connections/${CONNECTION_ID}`, method: 'GET' })
      .reply(200, { id: 'not-a-uuid', status: 'active' });
    const error = await client.getConnection(CONNECTION_ID).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CatenaInvalidResponseError);
    expect(error).toMatchObject({ code: 'CATENA_INVALID_RESPONSE', status: 200 });
  });

  it('reads a Retry-After header when the 429 body carries no advice', async () => {
    agent
      .get(ORIGIN)
      .intercept({ path: `/v2/integrations/connections/${CONNECTION_ID}`, method: 'GET' })
      .reply(429, { code: 429, message: 'Too Many Requests' }, { headers: { 'retry-after': '30' } });
    const error = await client.getConnection(CONNECTION_ID).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CatenaRateLimitedError);
    expect(error).toMatchObject({ retryAfterSeconds: 30 });
  });

  it('maps an HTML error page from a proxy by its status', async () => {
    agent
      .get(ORIGIN)
      .intercept({ path: `/v2/integrations/connections/${CONNECTION_ID}`, method: 'GET' })
      .reply(503, '<html><body>Service Unavailable</body></html>')
      .times(3);
    const error = await client.getConnection(CONNECTION_ID).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CatenaUnavailableError);
    expect(error).toMatchObject({ status: 503, call: { method: 'GET' } });
  });
});
