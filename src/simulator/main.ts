/** `npm run simulator`: the Catena simulator on its own. */

import { loadSimulatorConfig, SimulatorConfigError } from './config.ts';
import { createSimulator } from './index.ts';

async function main(): Promise<void> {
  let config: ReturnType<typeof loadSimulatorConfig>;
  try {
    config = loadSimulatorConfig(process.env);
  } catch (error) {
    if (!(error instanceof SimulatorConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  const simulator = createSimulator(config.options);
  const url = await simulator.start(config.port, config.host);
  const { fixtures } = simulator;

  console.log(`Catena simulator listening on ${url}`);
  console.log(
    `  token URL   ${simulator.tokenUrl}  (client ${config.options.clientId} / ${config.options.clientSecret})`,
  );
  console.log(`  webhooks    ${config.options.webhookUrl ?? 'none (set SIMULATOR_WEBHOOK_URL)'}`);
  console.log(`  control     ${url}/_simulator/fixtures, /_simulator/requests, ...`);
  console.log('');
  console.table(
    fixtures.connections.map((c) => ({
      connection: c.id,
      fleet: c.fleetRef ?? fixtures.fleets.find((f) => f.id === c.fleetId)?.name ?? c.fleetId,
      tsp: c.sourceName,
      status: c.status,
      share: c.shareLevel,
    })),
  );

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the simulator`);
    simulator.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
