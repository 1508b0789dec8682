/**
 * The contract's commands as a user runs them: real processes, real ports, real signals.
 * `npm start` is `tsx src/index.ts` and `npm run simulator` is `tsx src/simulator/main.ts`; the
 * processes are started with the same entry points (through node --import tsx, not npm, so a
 * signal reaches the process itself).
 */
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { run, type Started, useProcessCleanup, waitForOutput } from './helpers/processes.ts';

useProcessCleanup();

async function graphql(url: string, query: string) {
  const res = await request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return (await res.body.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
}

/** `npm start` pointed at a standalone simulator, as with a real Catena. */
function runRemoteGateway(simUrl: string, clientSecret = 'dev'): Started {
  return run('src/index.ts', {
    PORT: '0',
    CATENA_API_URL: simUrl,
    CATENA_TOKEN_URL: `${simUrl}/realms/catena/protocol/openid-connect/token`,
    CATENA_CLIENT_ID: 'dev',
    CATENA_CLIENT_SECRET: clientSecret,
    GATEWAY_AUTH: 'off',
  });
}

const CONNECTIONS = '{ connections(first: 2) { edges { node { catenaId sourceName } } } }';

describe('npm start', () => {
  it('embeds the simulator, prints the GraphiQL URL, answers queries and stops on SIGTERM', async () => {
    const gateway = run('src/index.ts', { PORT: '0', LOG_LEVEL: 'info' });
    const [, url] = await waitForOutput(gateway, /GraphiQL: (http:\/\/\S+\/graphql)/);
    const body = await graphql(url ?? '', CONNECTIONS);
    expect(body.errors).toBeUndefined();
    expect(body.data).toMatchObject({ connections: { edges: expect.any(Array) } });
    expect(gateway.output()).toMatch(/GATEWAY_AUTH is not set/);
    gateway.child.kill('SIGTERM');
    expect(await gateway.exited).toBe(0);
  });

  it('reports every bad variable and exits non-zero', async () => {
    const gateway = run('src/index.ts', { PORT: 'eighty', LOG_LEVEL: 'loud', CATENA_API_URL: 'nope' });
    expect(await gateway.exited).toBe(1);
    for (const name of ['PORT', 'LOG_LEVEL', 'CATENA_API_URL'])
      expect(gateway.output()).toContain(`${name}:`);
  });
});

describe('npm run simulator, and the gateway pointed at it', () => {
  it('serves Catena on SIMULATOR_PORT and the gateway reads through it', async () => {
    const simulator = run('src/simulator/main.ts', { SIMULATOR_PORT: '0' });
    const [, simUrl] = await waitForOutput(simulator, /listening on (http:\/\/\S+)/);
    const gateway = runRemoteGateway(simUrl ?? '');
    const [, url] = await waitForOutput(gateway, /GraphiQL: (http:\/\/\S+\/graphql)/);
    const body = await graphql(url ?? '', CONNECTIONS);
    expect(body.errors).toBeUndefined();
    expect(body.data).toMatchObject({ connections: { edges: [expect.anything(), expect.anything()] } });
    await waitForOutput(gateway, /Catena credentials accepted/);

    const counts = await request(`${simUrl}/_simulator/requests`);
    const seen = JSON.stringify(await counts.body.json());
    expect(seen).toContain('GET /v2/integrations/connections');

    gateway.child.kill('SIGTERM');
    simulator.child.kill('SIGTERM');
    expect(await gateway.exited).toBe(0);
    expect(await simulator.exited).toBe(0);
  });

  it('says so at start when the Catena credentials do not work', async () => {
    const simulator = run('src/simulator/main.ts', { SIMULATOR_PORT: '0' });
    const [, simUrl] = await waitForOutput(simulator, /listening on (http:\/\/\S+)/);
    const gateway = runRemoteGateway(simUrl ?? '', 'wrong');
    await waitForOutput(gateway, /Catena authentication failed/);
    const [, url] = await waitForOutput(gateway, /GraphiQL: (http:\/\/\S+)\/graphql/);
    const ready = await request(`${url}/ready`);
    await ready.body.dump();
    expect(ready.statusCode).toBe(503);
  });
});
