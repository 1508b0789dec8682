import { serverAudits } from 'graphql-http';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { createSimulator } from '../../src/simulator/index.ts';
import { useGateway } from '../helpers/gateway.ts';

const gw = useGateway();

describe('the gateway server', () => {
  it('answers GraphQL in process through yoga.fetch', async () => {
    const res = await gw.app.fetch('http://gateway/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ connections(first: 2) { edges { node { catenaId } } } }' }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: { connections: { edges: unknown[] } } };
    expect(body.data.connections.edges).toHaveLength(2);
  });

  it('serves GraphiQL with the example operations to a browser', async () => {
    const res = await request(`${gw.url}/graphql`, { headers: { accept: 'text/html' } });
    const html = await res.body.text();
    expect(res.statusCode).toBe(200);
    expect(html).toContain('catena-gateway');
    expect(html).toContain('RecentOperations');
  });

  it('reports liveness and readiness', async () => {
    for (const path of ['/health', '/ready']) {
      const res = await request(`${gw.url}${path}`);
      await res.body.dump();
      expect(res.statusCode, path).toBe(200);
    }
  });

  it('answers queries over GET, as contract §2 has them', async () => {
    const query = encodeURIComponent('{ connections(first: 1) { edges { node { catenaId } } } }');
    const res = await request(`${gw.url}/graphql?query=${query}`, {
      headers: { accept: 'application/json' },
    });
    expect(res.statusCode).toBe(200);
    expect(((await res.body.json()) as { data: unknown }).data).toBeTruthy();
  });

  it('streams a subscription over GET with Accept: text/event-stream, as contract §2 has it', async () => {
    const [op] = (await gw.app.catena.listResourceOperations({ size: 1 })).items;
    const query = encodeURIComponent(
      `subscription { operationStatus(connectionId: "${op?.connection_id}", id: "${op?.id}") { status } }`,
    );
    const res = await request(`${gw.url}/graphql?query=${query}`, {
      headers: { accept: 'text/event-stream' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/event-stream/);
    const text = await res.body.text(); // a finished operation: one result, then complete
    expect(text).toMatch(/event: next\ndata: \{"data":\{"operationStatus":\{"status":"SUCCESS"\}\}\}/);
    expect(text).toMatch(/event: complete/);
  });

  it('passes every MUST of the GraphQL over HTTP audits', async () => {
    const audits = serverAudits({ url: `${gw.url}/graphql`, fetchFn: fetch });
    const musts = audits.filter((audit) => audit.name.startsWith('MUST'));
    expect(musts.length).toBeGreaterThan(10);
    const failures: string[] = [];
    for (const audit of musts) {
      const result = await audit.fn();
      if (result.status !== 'ok') failures.push(`${audit.name}: ${result.reason}`);
    }
    expect(failures).toEqual([]);
  });
});

describe('graceful shutdown', () => {
  it('finishes in-flight requests, then refuses new connections', async () => {
    const sim = createSimulator({ latencyMs: 400 });
    await sim.start();
    const config = loadConfig({});
    const app = buildApp(
      { ...config, catena: { ...config.catena, apiUrl: sim.url, tokenUrl: sim.tokenUrl } },
      { logger: createLogger('silent') },
    );
    const url = await app.start(0, '127.0.0.1');
    try {
      const inFlight = request(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ connections(first: 1) { edges { node { catenaId } } } }' }),
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
      const stopped = app.stop();
      const res = await inFlight;
      expect(res.statusCode).toBe(200);
      expect(((await res.body.json()) as { data: unknown }).data).toBeTruthy();
      await stopped;
      await expect(request(`${url}/health`)).rejects.toThrow();
    } finally {
      await sim.stop();
    }
  });
});
