import { MockAgent } from 'undici';
import { type CatenaClient, type CatenaClientOptions, createCatenaClient } from '../../src/catena/client.ts';

/** A Catena at the HTTP boundary only (undici MockAgent): for answers the simulator never gives. */
export interface MockCatena {
  origin: string;
  agent: MockAgent;
  /** A client whose token requests always succeed and whose other calls need intercepts. */
  client: CatenaClient;
  close(): Promise<void>;
}

export const MOCK_ORIGIN = 'https://catena.test';

export function createMockCatena(options: Partial<CatenaClientOptions> = {}): MockCatena {
  const agent = new MockAgent();
  agent.disableNetConnect();
  agent
    .get(MOCK_ORIGIN)
    .intercept({ path: '/token', method: 'POST' })
    .reply(200, { access_token: 'token', expires_in: 3600, token_type: 'Bearer' })
    .persist();
  const client = createCatenaClient({
    apiUrl: MOCK_ORIGIN,
    tokenUrl: `${MOCK_ORIGIN}/token`,
    clientId: 'id',
    clientSecret: 'secret',
    dispatcher: agent,
    ...options,
  });
  return { origin: MOCK_ORIGIN, agent, client, close: () => agent.close() };
}
