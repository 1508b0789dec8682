/**
 * The standalone simulator's environment (contract §1). Pure: reads only the object it is given
 * and reports every bad variable at once.
 */
import { z } from 'zod';
import type { SimulatorOptions } from './types.ts';

const integer = (fallback: number, min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max))
    .optional()
    .transform((v) => v ?? fallback);

const envSchema = z.object({
  SIMULATOR_PORT: integer(4010, 0, 65_535),
  SIMULATOR_HOST: z.string().min(1).default('127.0.0.1'),
  SIMULATOR_CLIENT_ID: z.string().min(1).default('dev'),
  SIMULATOR_CLIENT_SECRET: z.string().min(1).default('dev'),
  SIMULATOR_WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
  SIMULATOR_WEBHOOK_SECRET: z.string().min(1).default('dev-webhook-secret'),
  SIMULATOR_LATENCY_MS: integer(0, 0, 60_000),
  SIMULATOR_PROCESSING_MS: integer(1500, 0, 600_000),
});

export interface SimulatorConfig {
  port: number;
  host: string;
  options: SimulatorOptions;
}

/** Every problem with the environment, one line per variable (as the gateway's ConfigError). */
export class SimulatorConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid simulator environment:\n${issues.map((i) => `  - ${i}`).join('\n')}`);
    this.name = 'SimulatorConfigError';
  }
}

/** Reads the simulator's configuration from `env` (pass `process.env`). Throws `SimulatorConfigError`. */
export function loadSimulatorConfig(env: Record<string, string | undefined>): SimulatorConfig {
  // An empty variable counts as unset, as shells and .env files commonly produce them.
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    throw new SimulatorConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? 'environment');
        return `${name}: ${issue.message} (got ${JSON.stringify(env[name])})`;
      }),
    );
  }
  const e = parsed.data;
  return {
    port: e.SIMULATOR_PORT,
    host: e.SIMULATOR_HOST,
    options: {
      clientId: e.SIMULATOR_CLIENT_ID,
      clientSecret: e.SIMULATOR_CLIENT_SECRET,
      webhookSecret: e.SIMULATOR_WEBHOOK_SECRET,
      latencyMs: e.SIMULATOR_LATENCY_MS,
      processingMs: e.SIMULATOR_PROCESSING_MS,
      ...(e.SIMULATOR_WEBHOOK_URL !== undefined ? { webhookUrl: e.SIMULATOR_WEBHOOK_URL } : {}),
    },
  };
}
