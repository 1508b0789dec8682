/**
 * The deterministic seed: one partner, three fleets, six connections on different TSPs (one
 * read-only, one stale), a few TSP records per connection and 36 past operations spread over the
 * last 20 hours (inside the list endpoint's default one-day window). Ids derive from names, so they
 * are the same on every run; timestamps are relative to `now`.
 */
import { tspSourceId, uuidFromName, vinFromName } from './ids.ts';
import { WRITE_ENDPOINTS } from './model/writes.ts';
import { CONNECTIONS, DRIVERS, FLEETS } from './seed-data.ts';
import { pastOperation } from './seed-operations.ts';
import type { ConnectionRecord, EntityRecord, FleetRecord, StoreData } from './store.ts';
import type { ResourceOperation, SimulatorFixtures } from './types.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface Seed {
  data: StoreData;
  fixtures: SimulatorFixtures;
}

export function buildSeed(now: number): Seed {
  const iso = (ms: number) => new Date(ms).toISOString();
  const partnerId = uuidFromName('partner');
  const fleets: FleetRecord[] = FLEETS.map((f) => ({
    id: uuidFromName(`fleet:${f.key}`),
    ref: f.ref,
    name: f.name,
  }));
  const connections: ConnectionRecord[] = CONNECTIONS.map((c, index) => {
    const fleet = fleets[FLEETS.findIndex((f) => f.key === c.fleet)];
    if (fleet === undefined) throw new Error(`unknown fleet ${c.fleet}`);
    return {
      id: uuidFromName(`connection:${c.key}`),
      created_at: iso(now - (120 - index * 10) * DAY),
      updated_at: iso(now - (5 + index) * DAY),
      fleet_id: fleet.id,
      fleet_ref: fleet.ref,
      tsp_id: uuidFromName(`tsp:${c.tsp}`),
      source_name: c.tsp,
      status: c.status,
      description: `${c.tsp} connection for ${fleet.name}`,
      share_level: c.share,
      credentials: c.credentials,
      secretFields: c.secrets,
    };
  });

  const entities: EntityRecord[] = [];
  const fixtures: SimulatorFixtures = {
    partnerId,
    partnerName: 'catena-simulator-partner',
    fleets: fleets.map((f) => ({ ...f })),
    connections: connections.map((c) => ({
      id: c.id,
      fleetId: c.fleet_id,
      fleetRef: c.fleet_ref,
      tspId: c.tsp_id,
      sourceName: c.source_name,
      status: c.status,
      shareLevel: c.share_level,
      description: c.description,
    })),
    users: [],
    vehicles: [],
    trailers: [],
    workflows: [],
    operations: [],
  };

  connections.forEach((connection, c) => {
    const base = { connectionId: connection.id };
    const make = (
      resource: EntityRecord['resource'],
      key: string,
      name: string,
      attributes: Record<string, unknown>,
    ) => {
      const entity: EntityRecord = {
        ...base,
        id: uuidFromName(`${resource}:${connection.id}:${key}`),
        sourceId: tspSourceId(connection.source_name, `${resource}:${connection.id}:${key}`),
        resource,
        name,
        attributes,
      };
      entities.push(entity);
      return entity;
    };
    for (let i = 0; i < 3; i++) {
      const [first, last] = DRIVERS[c * 3 + i] ?? ['Pat', 'Doe'];
      const username = `${first}.${last}`.toLowerCase();
      const user = make('user', `u${i}`, username, {
        username,
        first_name: first,
        last_name: last,
        is_driver: true,
      });
      fixtures.users.push({
        id: user.id,
        sourceId: user.sourceId,
        connectionId: connection.id,
        name: `${first} ${last}`,
        username,
      });
      const vin = vinFromName(`${connection.id}:v${i}`);
      const vehicleName = `Truck ${c + 1}0${i + 1}`;
      const vehicle = make('vehicle', `v${i}`, vehicleName, { vehicle_name: vehicleName, vin });
      fixtures.vehicles.push({
        id: vehicle.id,
        sourceId: vehicle.sourceId,
        connectionId: connection.id,
        name: vehicleName,
        vin,
      });
    }
    for (let i = 0; i < 2; i++) {
      const vin = vinFromName(`${connection.id}:t${i}`);
      const trailerName = `Trailer ${c + 1}${i + 1}`;
      const trailer = make('trailer', `t${i}`, trailerName, { trailer_name: trailerName, vin });
      fixtures.trailers.push({
        id: trailer.id,
        sourceId: trailer.sourceId,
        connectionId: connection.id,
        name: trailerName,
        vin,
      });
      const workflowName = `route-${c + 1}-${i + 1}`;
      const workflow = make('workflow', `w${i}`, workflowName, { source_workflow_id: workflowName });
      fixtures.workflows.push({
        id: workflow.id,
        sourceId: workflow.sourceId,
        connectionId: connection.id,
        name: workflowName,
      });
    }
  });

  const writable = connections.filter((c) => c.share_level === 'read_write');
  const operations: ResourceOperation[] = [];
  const lookupOn = (connectionId: string) => (resource: EntityRecord['resource'], id: string) =>
    entities.find((e) => e.id === id && e.connectionId === connectionId && e.resource === resource);
  const count = 36;
  for (let i = 0; i < count; i++) {
    const connection = writable[i % writable.length];
    const writeName = WRITE_ENDPOINTS[i % WRITE_ENDPOINTS.length]?.operationId;
    if (connection === undefined || writeName === undefined) continue;
    const created = now - 20 * HOUR + Math.round((i * 19 * HOUR) / count);
    const op = pastOperation({
      index: i,
      key: `seed:${i}`,
      writeName,
      connection,
      partnerId,
      created,
      entities,
      lookupOn,
    });
    operations.push(op);
    fixtures.operations.push({
      id: op.id,
      connectionId: op.connection_id,
      resource: op.resource,
      status: op.status,
    });
  }
  return {
    data: { partnerId, partnerName: fixtures.partnerName, fleets, connections, entities, operations },
    fixtures,
  };
}
