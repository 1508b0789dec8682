import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { createSimulator } from '../../src/simulator/index.ts';
import type { OperationEvent } from '../../src/subscriptions/events.ts';
import { readWebhookState } from '../../src/subscriptions/webhook-state.ts';
import { runWebhooksCli } from '../../src/subscriptions/webhooks-cli.ts';
import { writableConnection } from '../fixtures/write-bodies.ts';
import { waitFor } from '../helpers/wait-for.ts';

const sim = createSimulator({ processingMs: 20 });
let env: Record<string, string>;
let stateFile: string;
let gateway: App | undefined;

async function cli(...argv: string[]) {
  const lines: string[] = [];
  const code = await runWebhooksCli(argv, env, { log: (l) => lines.push(l), error: (l) => lines.push(l) });
  return { code, output: lines.join('\n') };
}

beforeAll(async () => {
  await sim.start();
  stateFile = join(await mkdtemp(join(tmpdir(), 'catena-webhooks-')), 'state.json');
  env = {
    CATENA_API_URL: sim.url,
    CATENA_TOKEN_URL: sim.tokenUrl,
    CATENA_CLIENT_ID: 'dev',
    CATENA_CLIENT_SECRET: 'dev',
    CATENA_WEBHOOK_SECRETS_FILE: stateFile,
  };
});

afterAll(async () => {
  await gateway?.stop();
  await sim.stop();
});

describe('npm run webhooks', () => {
  it('registers the gateway, whose receiver then verifies deliveries with the stored secret', async () => {
    const config = loadConfig({ ...env, GATEWAY_AUTH: 'off' });
    // The port must be known before registering, so the gateway starts with the secret read later.
    const placeholder = buildApp(
      { ...config, catena: { ...config.catena, apiUrl: sim.url, tokenUrl: sim.tokenUrl } },
      { logger: createLogger('silent') },
    );
    const url = await placeholder.start(0, '127.0.0.1');
    const port = Number(new URL(url).port);
    await placeholder.stop();

    const { code, output } = await cli('register', url);
    expect(code, output).toBe(0);
    const state = await readWebhookState(stateFile);
    expect(state.secrets).toHaveLength(1);
    expect(state.subscriptions.map((s) => s.eventName).sort()).toEqual([
      'resource_operation.created',
      'resource_operation.failed',
      'resource_operation.succeeded',
    ]);
    expect((await stat(stateFile)).mode & 0o777).toBe(0o600);
    expect(await readFile(stateFile, 'utf8')).not.toContain('dev-webhook-secret');

    gateway = buildApp(
      {
        ...config,
        webhookSecrets: state.secrets,
        catena: { ...config.catena, apiUrl: sim.url, tokenUrl: sim.tokenUrl },
      },
      { logger: createLogger('silent') },
    );
    await gateway.start(port, '127.0.0.1');
    const seen: OperationEvent[] = [];
    gateway.services.hub.onEvent((e) => seen.push(e));
    const op = await gateway.catena.writes.createTrailer({
      connection_id: writableConnection(sim.fixtures).id,
      trailer_name: 'cli',
    });
    await waitFor(() => seen.filter((e) => e.operation.id === op.id).length === 2, {
      what: 'created and succeeded',
    });
    expect(
      sim.control
        .deliveries()
        .filter((d) => d.operationId === op.id)
        .every((d) => d.status === 202),
    ).toBe(true);
  });

  it('shows the subscriptions and their delivery metrics', async () => {
    const { code, output } = await cli('status');
    expect(code, output).toBe(0);
    expect(output.match(/active/g)).toHaveLength(3);
    expect(output).toMatch(/24h: \d+\/\d+ delivered/);
  });

  it('reactivates stale subscriptions and replays their dead letters', async () => {
    const [first] = (await readWebhookState(stateFile)).subscriptions;
    if (!first) throw new Error('no subscription');
    expect(sim.control.setWebhookStatus(first.id, 'stale')).toBe(true);
    const stale = await cli('status');
    expect(stale.code).toBe(3);
    expect(stale.output).toMatch(/1 stale/);
    expect(await cli('activate')).toMatchObject({ code: 0, output: `${first.id}: active` });
    expect((await cli('replay', first.id)).output).toBe(`${first.id}: dead-letter queue replayed`);
    expect((await cli('status')).code).toBe(0);
  });

  it('explains what it needs', async () => {
    expect((await cli('frobnicate')).code).toBe(2);
    const saved = env;
    env = { CATENA_WEBHOOK_SECRETS_FILE: stateFile };
    const missing = await cli('status');
    env = saved;
    expect(missing).toMatchObject({ code: 2, output: expect.stringMatching(/CATENA_API_URL is not set/) });
    expect((await cli('register', 'not-a-url')).code).toBe(2);
  });
});
