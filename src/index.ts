/** `npm start`: configuration from the environment, then the gateway (and, embedded, the simulator). */
import { buildApp } from './app.ts';
import { ConfigError, resolveConfig } from './config.ts';
import { isSupportedNode, SUPPORTED_NODE } from './node-version.ts';

async function main(): Promise<void> {
  let resolved: Awaited<ReturnType<typeof resolveConfig>>;
  try {
    resolved = await resolveConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const { config, embedded } = resolved;
  const { tokenUrl } = config.catena;
  const app = buildApp(config, { exampleIds: embedded?.exampleIds });
  const url = await app.start();
  const { logger } = app;
  if (embedded) {
    const [secret] = config.webhookSecrets;
    if (secret) embedded.deliverWebhooksTo(url, secret);
    logger.info(
      { catena: embedded.apiUrl },
      'embedded Catena simulator started (set CATENA_API_URL to use a real Catena)',
    );
  }
  if (!isSupportedNode(process.versions.node))
    logger.warn({ node: process.version, supported: SUPPORTED_NODE }, 'this Node version is not supported');
  if (config.auth.defaulted) logger.warn('GATEWAY_AUTH is not set: client authentication is off');
  if (config.webhookSecrets.length === 0)
    logger.warn('CATENA_WEBHOOK_SECRETS is not set: the webhook receiver is off');
  app.catena.verifyCredentials(AbortSignal.timeout(10_000)).then(
    () => logger.info({ tokenUrl }, 'Catena credentials accepted'),
    (error: unknown) =>
      logger.error(
        { tokenUrl, err: error },
        'Catena authentication failed: check CATENA_TOKEN_URL and the client credentials',
      ),
  );
  logger.info({ url: `${url}/graphql` }, 'catena-gateway listening');
  console.log(`\n  GraphiQL: ${url}/graphql\n  Console:  ${url}/console\n`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    await app.stop();
    await embedded?.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
