/**
 * `npm run webhooks -- <command>`: operate the gateway's subscription to Catena's
 * `resource_operation.*` webhooks through Catena's notifications API.
 *
 *   register <gateway-public-url> [--secret S]  subscribe <url>/webhooks/catena; the secret (generated
 *                                               if not given) is stored in the state file
 *   status                                      the subscriptions, their status and delivery metrics
 *   activate [webhook-id ...]                   reactivate stale subscriptions (default: all stale)
 *   replay [webhook-id ...]                     re-send dead-lettered events (default: all ours)
 *
 * Catena is reached with the gateway's environment (CATENA_API_URL, CATENA_TOKEN_URL,
 * CATENA_CLIENT_ID, CATENA_CLIENT_SECRET). The state file is CATENA_WEBHOOK_SECRETS_FILE, or
 * ./catena-webhooks.json; start the gateway with the same CATENA_WEBHOOK_SECRETS_FILE.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { type CatenaClient, createCatenaClient, walkPages } from '../catena/client.ts';
import { CatenaConflictError, CatenaError } from '../catena/errors.ts';
import type { WebhookRead } from '../catena/webhooks.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { readWebhookState, writeWebhookState } from './webhook-state.ts';

export const DEFAULT_STATE_FILE = 'catena-webhooks.json';
const EVENT_NAME = 'resource_operation.*';

export interface CliOutput {
  log(line: string): void;
  error(line: string): void;
}

const USAGE = `usage: npm run webhooks -- <command>
  register <gateway-public-url> [--secret <secret>]
  status
  activate [webhook-id ...]
  replay [webhook-id ...]`;

/** Runs one command; resolves the process exit code. */
export async function runWebhooksCli(
  argv: string[],
  env: Record<string, string | undefined>,
  out: CliOutput = console,
): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { secret: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command || !['register', 'status', 'activate', 'replay'].includes(command)) {
    out.error(USAGE);
    return values.help ? 0 : 2;
  }
  let config: ReturnType<typeof loadConfig>;
  try {
    // Client authentication is irrelevant to this tool, which serves no clients.
    config = loadConfig({ GATEWAY_AUTH: 'off', ...env });
  } catch (error) {
    if (error instanceof ConfigError) {
      out.error(error.message);
      return 2;
    }
    throw error;
  }
  if (config.catena.mode !== 'remote' || !config.catena.apiUrl || !config.catena.tokenUrl) {
    out.error('CATENA_API_URL is not set: the webhook tool talks to a Catena (or to `npm run simulator`).');
    return 2;
  }
  const catena = createCatenaClient({
    apiUrl: config.catena.apiUrl,
    tokenUrl: config.catena.tokenUrl,
    clientId: config.catena.clientId,
    clientSecret: config.catena.clientSecret,
  });
  const stateFile = config.webhookSecretsFile ?? DEFAULT_STATE_FILE;
  try {
    switch (command) {
      case 'register':
        return await register(catena, stateFile, rest[0], values.secret, out);
      case 'status':
        return await status(catena, stateFile, out);
      case 'activate':
        return await forEach(catena, stateFile, rest, out, 'activate');
      default:
        return await forEach(catena, stateFile, rest, out, 'replay');
    }
  } catch (error) {
    out.error(error instanceof CatenaError ? `Catena refused: ${error.message}` : String(error));
    return 1;
  } finally {
    await catena.close();
  }
}

async function register(
  catena: CatenaClient,
  stateFile: string,
  publicUrl: string | undefined,
  given: string | undefined,
  out: CliOutput,
): Promise<number> {
  if (!publicUrl || !/^https?:\/\//.test(publicUrl)) {
    out.error('register needs the public base URL of the gateway, e.g. https://gateway.example.com');
    return 2;
  }
  const secret = given ?? randomBytes(32).toString('base64url');
  const url = `${publicUrl.replace(/\/+$/, '')}/webhooks/catena`;
  let created: Awaited<ReturnType<CatenaClient['webhooks']['create']>>;
  try {
    created = await catena.webhooks.create({ url, event_name: EVENT_NAME, secret });
  } catch (error) {
    if (error instanceof CatenaConflictError) {
      out.error(`Catena already has a ${EVENT_NAME} subscription for ${url}; see \`status\`.`);
      return 1;
    }
    throw error;
  }
  const state = await readWebhookState(stateFile);
  const now = new Date().toISOString();
  await writeWebhookState(stateFile, {
    secrets: [secret, ...state.secrets.filter((s) => s !== secret)],
    subscriptions: [
      ...created.map((w) => ({ id: w.id, eventName: w.event_name, url, createdAt: now })),
      ...state.subscriptions,
    ],
  });
  for (const w of created) out.log(`subscribed ${w.event_name} -> ${url} (${w.id}, ${w.status})`);
  out.log(`secret stored in ${stateFile}; start the gateway with CATENA_WEBHOOK_SECRETS_FILE=${stateFile}`);
  return 0;
}

/** Our subscriptions: those in the state file, else every resource_operation one Catena lists. */
async function ours(catena: CatenaClient, stateFile: string): Promise<WebhookRead[]> {
  const state = await readWebhookState(stateFile);
  const all: WebhookRead[] = [];
  for await (const webhook of walkPages((cursor) => catena.webhooks.list({ cursor, size: 1000 })))
    all.push(webhook);
  const known = new Set(state.subscriptions.map((s) => s.id));
  return known.size > 0
    ? all.filter((w) => known.has(w.id))
    : all.filter((w) => w.event_name.startsWith('resource_operation.'));
}

async function status(catena: CatenaClient, stateFile: string, out: CliOutput): Promise<number> {
  const subscriptions = await ours(catena, stateFile);
  if (subscriptions.length === 0) {
    out.log('no resource_operation subscriptions; run `register` first');
    return 1;
  }
  for (const w of subscriptions) {
    const m = await catena.webhooks.metrics(w.id);
    const day = (map: Record<string, number | null>) => map['24h'] ?? 0;
    out.log(
      [
        w.id,
        w.event_name.padEnd(29),
        w.status.padEnd(8),
        `24h: ${day(m.http_success_attempts)}/${day(m.http_attempts)} delivered`,
        `dlq: ${m.dlq_count}`,
        `ewma: ${m.ewma_success_rate ?? '-'}`,
        w.url,
      ].join('  '),
    );
  }
  const stale = subscriptions.filter((w) => w.status === 'stale').length;
  if (stale > 0) out.log(`${stale} stale: deliveries are held; run \`activate\`, then \`replay\``);
  return stale > 0 ? 3 : 0;
}

async function forEach(
  catena: CatenaClient,
  stateFile: string,
  ids: string[],
  out: CliOutput,
  action: 'activate' | 'replay',
): Promise<number> {
  const targets =
    ids.length > 0
      ? ids
      : (await ours(catena, stateFile))
          .filter((w) => action === 'replay' || w.status === 'stale')
          .map((w) => w.id);
  if (targets.length === 0) {
    out.log(action === 'activate' ? 'no stale subscription' : 'no subscription to replay');
    return 0;
  }
  for (const id of targets) {
    if (action === 'activate') {
      const w = await catena.webhooks.activate(id);
      out.log(`${id}: ${w.status}`);
    } else {
      await catena.webhooks.replay(id);
      out.log(`${id}: dead-letter queue replayed`);
    }
  }
  return 0;
}

// Run as a script (`tsx src/subscriptions/webhooks-cli.ts ...`), not when imported by tests.
if (import.meta.url === `file://${process.argv[1]}`) {
  runWebhooksCli(process.argv.slice(2), process.env).then((code) => process.exit(code));
}
