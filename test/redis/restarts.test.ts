/**
 * Live delivery across Redis restarts: two replicas on a private redis-server (no persistence) that
 * this test kills and starts again five times while webhooks keep coming, as Catena sends them
 * (a refused delivery is retried until it is accepted, and some accepted ones are delivered again
 * after a restart). Every subscriber, on each replica, over WebSocket and SSE, must receive every
 * accepted state exactly once: nothing lost at a restart, nothing doubled by a re-delivery that
 * Redis no longer remembers.
 */
import { randomUUID } from 'node:crypto';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../src/app.ts';
import type { ResourceOperation } from '../../src/catena/schemas.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { createSimulator } from '../../src/simulator/index.ts';
import { hasRedisServer, privateRedis, redisServerSkipReason, uniquePrefix } from '../helpers/redis.ts';
import { disposeClients, type Result, sseClient, stream, wsClient } from '../helpers/subscriptions.ts';
import { waitFor } from '../helpers/wait-for.ts';
import { deliver, envelope } from '../helpers/webhooks.ts';

const RESTARTS = 5;
const EVENTS = `subscription { resourceOperationEvents { eventId type operation { catenaId status } } }`;
type EventData = {
  resourceOperationEvents: { eventId: string; type: string; operation: { catenaId: string } };
};

/** One webhook delivery, as Catena would send it again: the same body and delivery id. */
interface Delivery {
  body: string;
  state: string;
}

describe.skipIf(!hasRedisServer)(
  `two replicas across ${RESTARTS} Redis restarts${redisServerSkipReason}`,
  () => {
    const sim = createSimulator({ processingMs: 200 });
    let redis: Awaited<ReturnType<typeof privateRedis>>;
    const apps: App[] = [];
    const urls: string[] = [];
    let base: ResourceOperation;

    beforeAll(async () => {
      redis = await privateRedis();
      await sim.start();
      const prefix = uniquePrefix();
      for (let i = 0; i < 2; i++) {
        const config = loadConfig({ REDIS_URL: redis.url, REDIS_KEY_PREFIX: prefix });
        const app = buildApp(
          { ...config, catena: { ...config.catena, apiUrl: sim.url, tokenUrl: sim.tokenUrl } },
          { logger: createLogger('silent') },
        );
        urls.push(await app.start(0, '127.0.0.1'));
        apps.push(app);
      }
      const [op] = (await apps[0]?.catena.listResourceOperations({ size: 1 }))?.items ?? [];
      if (!op) throw new Error('no operation');
      base = op;
    });

    afterAll(async () => {
      await disposeClients();
      for (const app of apps) await app.stop();
      await sim.stop();
      await redis?.stop();
    });

    const ready = async (url: string) => {
      const res = await request(`${url}/ready`);
      await res.body.dump();
      return res.statusCode === 200;
    };

    /** Delivers until accepted, as Catena retries a refused delivery; counts the refusals. */
    let refused = 0;
    const deliverUntilAccepted = async (delivery: Delivery, replica: number) => {
      for (let attempt = 0; ; attempt++) {
        const url = urls[(replica + attempt) % urls.length] ?? '';
        const status = await deliver(url, delivery.body)
          .then((res) => res.status)
          .catch(() => 0);
        if (status === 202) return;
        refused++;
        if (attempt > 400) throw new Error(`a delivery was refused ${attempt} times (last ${status})`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };

    it('brings every accepted state to every subscriber exactly once, on WebSocket and SSE', async () => {
      // Two subscribers per replica and transport.
      const received: { name: string; states: string[] }[] = [];
      const live = urls.flatMap((url, replica) =>
        (['ws', 'sse'] as const).map((transport) => {
          const client = transport === 'ws' ? wsClient(url) : sseClient(url);
          const entry = { name: `replica ${replica} over ${transport}`, states: [] as string[] };
          received.push(entry);
          const iterator = stream<EventData>(client, EVENTS);
          const done = (async () => {
            for await (const result of iterator as AsyncIterable<Result<EventData>>) {
              if (result.errors) throw new Error(`${entry.name}: ${JSON.stringify(result.errors)}`);
              const event = result.data?.resourceOperationEvents;
              if (event) entry.states.push(`${event.operation.catenaId}:${event.type}`);
            }
          })();
          return { iterator, done };
        }),
      );
      await waitFor(() => apps.every((app) => app.stats().subscribers >= 1), { what: 'subscribers' });
      const probe = (() => {
        let clock = Date.now();
        return (status: ResourceOperation['status'], op: ResourceOperation): Delivery => {
          clock += 1000;
          const record = { ...op, status, updated_at: new Date(clock).toISOString() };
          const type = status === 'pending' ? 'CREATED' : 'SUCCEEDED';
          const name = status === 'pending' ? 'resource_operation.created' : 'resource_operation.succeeded';
          return { body: envelope(name, [record]), state: `${op.id}:${type}` };
        };
      })();

      // The stream is live on both replicas before the faults start.
      const first = { ...base, id: randomUUID() };
      const warm = probe('pending', first);
      await deliverUntilAccepted(warm, 0);
      await waitFor(() => received.every((r) => r.states.includes(warm.state)), {
        what: 'a first event everywhere',
      });

      const accepted: Delivery[] = [warm];
      let producing = true;
      const producer = (async () => {
        for (let n = 0; producing; n++) {
          const op = { ...base, id: randomUUID() };
          for (const status of ['pending', 'success'] as const) {
            const delivery = probe(status, op);
            await deliverUntilAccepted(delivery, n % 2);
            accepted.push(delivery);
          }
          await new Promise((resolve) => setTimeout(resolve, 15));
        }
      })();

      let redelivered = 0;
      for (let round = 0; round < RESTARTS; round++) {
        await new Promise((resolve) => setTimeout(resolve, 300));
        await redis.stop();
        await new Promise((resolve) => setTimeout(resolve, 600));
        await redis.start();
        await waitFor(async () => (await ready(urls[0] ?? '')) && (await ready(urls[1] ?? '')), {
          timeoutMs: 10_000,
          what: 'both replicas ready again',
        });
        // Redis came back empty: Catena delivers again what it had delivered before (to either replica).
        for (const [i, delivery] of accepted.slice(-4).entries()) {
          await deliverUntilAccepted(delivery, i % 2);
          redelivered++;
        }
      }
      producing = false;
      await producer;

      const expected = [...new Set(accepted.map((d) => d.state))].sort();
      await waitFor(() => received.every((r) => r.states.length >= expected.length), {
        timeoutMs: 15_000,
        what: `${expected.length} states at every subscriber`,
      });
      await new Promise((resolve) => setTimeout(resolve, 500)); // room for a late double
      for (const { name, states } of received) {
        expect({ name, states: [...states].sort() }).toEqual({ name, states: expected });
      }
      // The faults really happened: deliveries were refused while Redis was away.
      expect(refused).toBeGreaterThan(0);
      expect(redelivered).toBe(RESTARTS * 4);
      for (const { iterator } of live) await iterator.return?.();
      await Promise.allSettled(live.map((l) => l.done));
    });
  },
);
