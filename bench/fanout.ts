/**
 * `npm run bench -- fanout`: N WebSocket (and SSE) subscribers to `resourceOperationEvents`, events
 * injected as signed gzip webhooks at a fixed rate, latency measured from each webhook POST to its
 * receipt at every client. Processes: the simulator, one or two gateways (two share a Redis), and
 * this load generator.
 *
 * Env: FANOUT_SIZES (default "1000,5000,10000"), FANOUT_SSE (1000), FANOUT_EVENTS (20),
 * FANOUT_RATE (events/s, 5), FANOUT_REPLICAS (1 or 2), REDIS_URL (for 2 replicas).
 */
import type { ChildProcess } from 'node:child_process';
import { createHmac, randomUUID } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { gzipSync } from 'node:zlib';
import { Agent, request } from 'undici';
import WebSocket from 'ws';
import { cpuOf, percentile, rssOf, spawnProcess } from './processes.ts';

// FANOUT_SIZES="" runs no WebSocket scenario (SSE only).
const SIZES = (process.env.FANOUT_SIZES ?? '1000,5000,10000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const SSE = Number(process.env.FANOUT_SSE ?? 1000);
const EVENTS = Number(process.env.FANOUT_EVENTS ?? 20);
const RATE = Number(process.env.FANOUT_RATE ?? 5);
const REPLICAS = Number(process.env.FANOUT_REPLICAS ?? 1);
const SECRET = 'bench-webhook-secret';
const QUERY = 'subscription { resourceOperationEvents { eventId type operation { catenaId status } } }';

interface Gateway {
  url: string;
  child: ChildProcess;
}

async function startGateways(simUrl: string): Promise<Gateway[]> {
  const prefix = `bench:${randomUUID().slice(0, 8)}:`;
  return Promise.all(
    Array.from({ length: REPLICAS }, async (_, i) => {
      const port = 4900 + i;
      const child = await spawnProcess(
        'src/index.ts',
        {
          PORT: String(port),
          CATENA_API_URL: simUrl,
          CATENA_TOKEN_URL: `${simUrl}/realms/catena/protocol/openid-connect/token`,
          CATENA_CLIENT_ID: 'dev',
          CATENA_CLIENT_SECRET: 'dev',
          CATENA_WEBHOOK_SECRETS: SECRET,
          GATEWAY_AUTH: 'off',
          LOG_LEVEL: 'warn',
          ...(REPLICAS > 1
            ? { REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', REDIS_KEY_PREFIX: prefix }
            : {}),
        },
        'GraphiQL',
        // BENCH_PROFILE_DIR: a CPU profile of each gateway, written when it stops.
        process.env.BENCH_PROFILE_DIR
          ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`]
          : [],
      );
      return { url: `http://127.0.0.1:${port}`, child };
    }),
  );
}

/** Where each event's clock started, by operation id; and every latency observed. */
const sentAt = new Map<string, number>();
let latencies: number[] = [];

function openWs(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
    socket.once('error', reject);
    socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init' })));
    socket.on('message', (raw: Buffer) => {
      const message = JSON.parse(raw.toString()) as {
        type: string;
        payload?: { data?: Record<string, { operation: { catenaId: string } }> };
      };
      if (message.type === 'connection_ack') {
        socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: QUERY } }));
        resolve(socket);
      } else if (message.type === 'next') {
        record(message.payload?.data?.resourceOperationEvents?.operation.catenaId);
      }
    });
  });
}

function record(operationId: string | undefined) {
  const start = operationId && sentAt.get(operationId);
  if (start) latencies.push(performance.now() - start);
}

async function openSse(url: string, dispatcher: Agent, signal: AbortSignal): Promise<void> {
  const res = await request(`${url}/graphql`, {
    method: 'POST',
    dispatcher,
    signal,
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ query: QUERY }),
  });
  let buffer = '';
  res.body.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
      const data = buffer
        .slice(0, end)
        .split('\n')
        .find((line) => line.startsWith('data: '));
      buffer = buffer.slice(end + 2);
      if (data) record(JSON.parse(data.slice(6)).data?.resourceOperationEvents?.operation.catenaId);
    }
  });
  res.body.on('error', () => undefined);
}

async function activeSubscriptions(gateways: Gateway[]): Promise<number> {
  let total = 0;
  for (const g of gateways) {
    const text = await (await request(`${g.url}/metrics`)).body.text();
    for (const m of text.matchAll(/catena_gateway_subscriptions_active\{transport="\w+"\} (\d+)/g))
      total += Number(m[1]);
  }
  return total;
}

async function inject(gateways: Gateway[], template: Record<string, unknown>) {
  const agent = new Agent({ connections: 16 });
  for (let i = 0; i < EVENTS; i++) {
    const id = randomUUID();
    const record = { ...template, id, status: 'success', updated_at: new Date().toISOString(), logs: [] };
    const body = JSON.stringify({
      version: '1.0',
      event_name: 'resource_operation.succeeded',
      data: [record],
      webhook_id: randomUUID(),
      id: randomUUID(),
    });
    const timestamp = new Date().toISOString().replace(/\.\d{3}Z$/, '+00:00');
    const signature = createHmac('sha256', SECRET).update(`${timestamp}.${body}`).digest('base64');
    const target = gateways[i % gateways.length];
    sentAt.set(id, performance.now());
    const res = await request(`${target?.url}/webhooks/catena`, {
      method: 'POST',
      dispatcher: agent,
      headers: {
        'content-type': 'application/json',
        'content-encoding': 'gzip',
        'x-catena-signature': signature,
        'x-catena-timestamp': timestamp,
      },
      body: gzipSync(body),
    });
    await res.body.dump();
    if (res.statusCode !== 202) throw new Error(`webhook answered ${res.statusCode}`);
    await sleep(1000 / RATE);
  }
  await agent.close();
}

async function scenario(gateways: Gateway[], template: Record<string, unknown>, ws: number, sse: number) {
  latencies = [];
  sentAt.clear();
  const pids = gateways.map((g) => g.child.pid ?? 0);
  const rssBefore = pids.reduce((sum, pid) => sum + rssOf(pid), 0);
  const sockets: WebSocket[] = [];
  for (let i = 0; i < ws; i += 250) {
    const batch = Array.from({ length: Math.min(250, ws - i) }, (_, j) =>
      openWs(gateways[(i + j) % gateways.length]?.url ?? ''),
    );
    sockets.push(...(await Promise.all(batch)));
  }
  const sseAgent = new Agent({ connections: sse + 10, pipelining: 0 });
  const abort = new AbortController();
  await Promise.all(
    Array.from({ length: sse }, (_, i) =>
      openSse(gateways[i % gateways.length]?.url ?? '', sseAgent, abort.signal),
    ),
  );
  const subscribers = ws + sse;
  const settle = Date.now() + 30_000;
  while ((await activeSubscriptions(gateways)) < subscribers && Date.now() < settle) await sleep(100);
  await sleep(500);
  const rssIdle = pids.reduce((sum, pid) => sum + rssOf(pid), 0);
  const cpuBefore = pids.reduce((sum, pid) => sum + cpuOf(pid), 0);
  const started = performance.now();
  await inject(gateways, template);
  const expected = subscribers * EVENTS;
  const deadline = Date.now() + 20_000;
  while (latencies.length < expected && Date.now() < deadline) await sleep(50);
  const seconds = (performance.now() - started) / 1000;
  const cpu = pids.reduce((sum, pid) => sum + cpuOf(pid), 0) - cpuBefore;
  const sorted = [...latencies].sort((a, b) => a - b);
  for (const socket of sockets) socket.terminate();
  abort.abort();
  await sseAgent.close().catch(() => undefined);
  await sleep(1_000);
  return {
    scenario: `${ws} ws + ${sse} sse, ${gateways.length} replica${gateways.length > 1 ? 's' : ''}`,
    'p50 ms': round(percentile(sorted, 0.5)),
    'p99 ms': round(percentile(sorted, 0.99)),
    'max ms': round(sorted.at(-1) ?? Number.NaN),
    lost: expected - latencies.length,
    'KB RSS/idle sub': round((rssIdle - rssBefore) / subscribers / 1024),
    'gateway CPU %': round((cpu / seconds) * 100),
  };
}

const round = (n: number) => Math.round(n * 100) / 100;

async function main() {
  const sim = await spawnProcess('src/simulator/main.ts', { SIMULATOR_PORT: '4890' }, ':4890');
  const simUrl = 'http://127.0.0.1:4890';
  const gateways = await startGateways(simUrl);
  try {
    const fixtures = (await (await request(`${simUrl}/_simulator/fixtures`)).body.json()) as {
      connections: { id: string; fleetRef: string | null; sourceName: string }[];
      partnerId: string;
    };
    const connection = fixtures.connections[0];
    const template = {
      created_at: new Date().toISOString(),
      partner_id: fixtures.partnerId,
      connection_id: connection?.id,
      fleet_ref: connection?.fleetRef,
      source_name: connection?.sourceName,
      resource: 'vehicle',
      operation_type: 'create',
      payload: {},
    };
    console.log(
      `node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model}), ${Math.round(totalmem() / 2 ** 30)} GiB`,
    );
    console.log(
      `${EVENTS} events at ${RATE}/s per scenario; latency = webhook POST start -> receipt at each client\n`,
    );
    const rows = [];
    for (const size of SIZES) rows.push(await scenario(gateways, template, size, 0));
    if (SSE > 0) rows.push(await scenario(gateways, template, 0, SSE));
    console.table(rows);
  } finally {
    for (const g of gateways) g.child.kill('SIGTERM');
    sim.kill('SIGTERM');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
