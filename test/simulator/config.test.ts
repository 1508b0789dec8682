import { describe, expect, it } from 'vitest';
import { loadSimulatorConfig, SimulatorConfigError } from '../../src/simulator/config.ts';

describe('loadSimulatorConfig', () => {
  it('defaults every variable', () => {
    expect(loadSimulatorConfig({})).toEqual({
      port: 4010,
      host: '127.0.0.1',
      options: {
        clientId: 'dev',
        clientSecret: 'dev',
        webhookSecret: 'dev-webhook-secret',
        latencyMs: 0,
        processingMs: 1500,
      },
    });
  });

  it('reads every variable', () => {
    const result = loadSimulatorConfig({
      SIMULATOR_PORT: '5000',
      SIMULATOR_HOST: '0.0.0.0',
      SIMULATOR_CLIENT_ID: 'id',
      SIMULATOR_CLIENT_SECRET: 'secret',
      SIMULATOR_WEBHOOK_URL: 'http://127.0.0.1:4000/webhooks/catena',
      SIMULATOR_WEBHOOK_SECRET: 'whsec',
      SIMULATOR_LATENCY_MS: '25',
      SIMULATOR_PROCESSING_MS: '10',
    });
    expect(result).toEqual({
      port: 5000,
      host: '0.0.0.0',
      options: {
        clientId: 'id',
        clientSecret: 'secret',
        webhookUrl: 'http://127.0.0.1:4000/webhooks/catena',
        webhookSecret: 'whsec',
        latencyMs: 25,
        processingMs: 10,
      },
    });
  });

  it('reports every bad variable at once', () => {
    let error: unknown;
    try {
      loadSimulatorConfig({
        SIMULATOR_PORT: '70000',
        SIMULATOR_WEBHOOK_URL: 'ftp://x',
        SIMULATOR_LATENCY_MS: 'slow',
        SIMULATOR_PROCESSING_MS: '-5',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SimulatorConfigError);
    expect((error as SimulatorConfigError).issues.map((e) => e.split(':')[0]).sort()).toEqual([
      'SIMULATOR_LATENCY_MS',
      'SIMULATOR_PORT',
      'SIMULATOR_PROCESSING_MS',
      'SIMULATOR_WEBHOOK_URL',
    ]);
  });
});
