/** The seed's fixed tables: fleets, connections (with their TSP credentials) and driver names. */
import type { ConnectionState, ShareLevel, Tsp } from './model/enums.ts';

export const FLEETS = [
  { key: 'acme', ref: 'acme-logistics', name: 'Acme Logistics' },
  { key: 'globex', ref: 'globex-freight', name: 'Globex Freight' },
  { key: 'umbrella', ref: null, name: 'Umbrella Transport' },
] as const;

export interface ConnectionSeed {
  key: string;
  fleet: (typeof FLEETS)[number]['key'];
  tsp: Tsp;
  status: ConnectionState;
  share: ShareLevel;
  credentials: Record<string, string>;
  secrets: string[];
}

export const CONNECTIONS: ConnectionSeed[] = [
  {
    key: 'acme-samsara',
    fleet: 'acme',
    tsp: 'samsara',
    status: 'active',
    share: 'read_write',
    credentials: { api_key: 'samsara_api_2f9c1d' },
    secrets: ['api_key'],
  },
  {
    key: 'acme-motive',
    fleet: 'acme',
    tsp: 'motive',
    status: 'active',
    share: 'read_write',
    credentials: {
      client_id: 'acme-motive-client',
      client_secret: 'm0t1ve-s3cret',
      access_token: 'mt-at-81f2',
    },
    secrets: ['client_secret', 'access_token'],
  },
  {
    key: 'globex-geotab',
    fleet: 'globex',
    tsp: 'geotab',
    status: 'active',
    share: 'read_write',
    credentials: {
      database: 'globex_freight',
      username: 'api@globex-freight.example',
      password: 'g30tab!',
      server: 'my.geotab.com',
    },
    secrets: ['password'],
  },
  {
    key: 'globex-omnitracs',
    fleet: 'globex',
    tsp: 'omnitracs',
    status: 'active',
    share: 'read',
    credentials: { client_id: 'globex-omnitracs', client_secret: '0mn1-s3cret' },
    secrets: ['client_secret'],
  },
  {
    key: 'umbrella-catena-simulator',
    fleet: 'umbrella',
    tsp: 'catena_simulator',
    status: 'active',
    share: 'read_write',
    credentials: { api_key: 'sim-key-umbrella' },
    secrets: ['api_key'],
  },
  {
    key: 'umbrella-verizon',
    fleet: 'umbrella',
    tsp: 'verizon_connect',
    status: 'stale',
    share: 'read_write',
    credentials: { username: 'umbrella-api', password: 'vz-pa55', account_id: 'VZ-55012' },
    secrets: ['password'],
  },
];

export const DRIVERS = [
  ['Ana', 'Silva'],
  ['Ben', 'Okafor'],
  ['Chen', 'Wei'],
  ['Dana', 'Kowalski'],
  ['Eli', 'Haddad'],
  ['Fay', 'Nguyen'],
  ['Gus', 'Moreau'],
  ['Hana', 'Sato'],
  ['Ivan', 'Petrov'],
  ['Jo', 'Mensah'],
  ['Kai', 'Larsen'],
  ['Lea', 'Rossi'],
  ['Max', 'Fischer'],
  ['Nia', 'Owusu'],
  ['Omar', 'Aziz'],
  ['Pia', 'Berg'],
  ['Raj', 'Patel'],
  ['Sol', 'Ortega'],
] as const;
