/**
 * Client mistakes are counted and logged at debug, never at error: an unknown id, and a request
 * the client aborts while the gateway waits on Catena.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { createSimulator } from '../../src/simulator/index.ts';
import { writableConnection } from '../fixtures/write-bodies.ts';
import { next, sseClient, stream } from '../helpers/subscriptions.ts';
import { waitFor } from '../helpers/wait-for.ts';

const sim = createSimulator({});
let app: App;
let url: string;
let lines: { level: number; msg?: string; clientMistake?: string }[] = [];

beforeAll(async () => {
  await sim.start();
  const config = loadConfig({ LOG_LEVEL: 'debug' });
  const capture = new Writable({
    write(chunk, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  app = buildApp(
    { ...config, catena: { ...config.catena, apiUrl: sim.url, tokenUrl: sim.tokenUrl } },
    { logger: createLogger('debug', capture) },
  );
  url = await app.start(0, '127.0.0.1');
});
afterAll(async () => {
  await app.stop();
  await sim.stop();
});

const metric = async (kind: string) => {
  const text = await (await fetch(`${url}/metrics`)).text();
  const match = new RegExp(`catena_gateway_client_mistakes_total\\{kind="${kind}"\\} (\\d+)`).exec(text);
  return Number(match?.[1] ?? 0);
};

describe('client mistakes in the logs', () => {
  it('an unknown operationStatus id: NOT_FOUND to the client, debug in the log, counted', async () => {
    lines = [];
    const connectionId = writableConnection(sim.fixtures).id;
    const result = await next(
      stream(
        sseClient(url),
        'subscription S($c: UUID!, $id: UUID!) { operationStatus(connectionId: $c, id: $id) { status } }',
        {
          c: connectionId,
          id: '00000000-0000-4000-8000-000000000009',
        },
      ),
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    await waitFor(() => lines.some((l) => l.clientMistake === 'not_found'), { what: 'the debug line' });
    expect(lines.filter((l) => l.level >= 50)).toEqual([]);
    expect(await metric('not_found')).toBeGreaterThan(0);
  });

  it('a request the client aborts: debug in the log, counted', async () => {
    lines = [];
    sim.control.configure({ latencyMs: 400 });
    try {
      const controller = new AbortController();
      const request = fetch(`${url}/graphql`, {
        method: 'POST',
        signal: controller.signal,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ connections(first: 5) { edges { cursor } } }' }),
      }).catch(() => 'aborted');
      setTimeout(() => controller.abort(), 100);
      expect(await request).toBe('aborted');
      await waitFor(() => lines.some((l) => l.clientMistake === 'aborted'), { what: 'the debug line' });
      expect(lines.filter((l) => l.level >= 50)).toEqual([]);
      expect(await metric('aborted')).toBeGreaterThan(0);
    } finally {
      sim.control.configure({ latencyMs: 0 });
    }
  });
});
