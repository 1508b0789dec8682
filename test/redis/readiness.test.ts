/**
 * `/ready` against Redis as production should not run it: it stays 200 (the gateway serves), and
 * its body warns of a Redis that evicts keys or persists nothing; a well-set Redis gets no warning.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { createSimulator } from '../../src/simulator/index.ts';
import { hasRedisServer, privateRedis, redisServerSkipReason, uniquePrefix } from '../helpers/redis.ts';
import { waitFor } from '../helpers/wait-for.ts';

describe.skipIf(!hasRedisServer)(`/ready and how Redis is set up${redisServerSkipReason}`, () => {
  const sim = createSimulator();
  const cleanups: (() => Promise<void> | void)[] = [];
  beforeAll(() => sim.start());
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    await sim.stop();
  });

  async function readyWith(args: string[]) {
    const redis = await privateRedis(args);
    cleanups.push(() => redis.stop());
    const config = loadConfig({ REDIS_URL: redis.url, REDIS_KEY_PREFIX: uniquePrefix() });
    const app: App = buildApp(
      { ...config, catena: { ...config.catena, apiUrl: sim.url, tokenUrl: sim.tokenUrl } },
      { logger: createLogger('silent') },
    );
    const url = await app.start(0, '127.0.0.1');
    cleanups.push(() => app.stop());
    const ready = async () => {
      const res = await request(`${url}/ready`);
      return {
        status: res.statusCode,
        body: (await res.body.json()) as { ready: boolean; warnings: string[] },
      };
    };
    // Not ready until the Redis connection is up (a moment after start).
    await waitFor(async () => (await ready()).status === 200, { what: 'ready' });
    return ready();
  }

  it('warns of a Redis that evicts keys and persists nothing, and stays ready', async () => {
    const { status, body } = await readyWith(['--maxmemory', '64mb', '--maxmemory-policy', 'allkeys-lru']);
    expect(status).toBe(200);
    expect(body.ready).toBe(true);
    expect(body.warnings).toEqual([
      expect.stringMatching(/^Redis evicts keys \(maxmemory-policy allkeys-lru, 0 evicted so far\)/),
      expect.stringMatching(/^Redis persists nothing/),
    ]);
  });

  it('has nothing to say of a Redis with noeviction and an append-only file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'catena-redis-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const { status, body } = await readyWith([
      '--maxmemory',
      '64mb',
      '--maxmemory-policy',
      'noeviction',
      '--appendonly',
      'yes',
      '--dir',
      dir,
    ]);
    expect({ status, body }).toEqual({ status: 200, body: { ready: true, problems: [], warnings: [] } });
  });
});
