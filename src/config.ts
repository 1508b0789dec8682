/**
 * The gateway's environment (contract §1) as one zod model. `loadConfig(env)` is pure: it reads
 * only the object it is given and reports every bad variable at once in a `ConfigError`.
 */
import { z } from 'zod';
import type { EmbeddedCatena } from './embedded.ts';
import { readWebhookState } from './subscriptions/webhook-state.ts';

/** Catena's Keycloak token endpoint, used when `CATENA_API_URL` points at a real Catena. */
export const CATENA_TOKEN_URL =
  'https://auth.catenatelematics.com/realms/catena/protocol/openid-connect/token';
export const DEFAULT_WEBHOOK_SECRET = 'dev-webhook-secret';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const AUTH_MODES = ['off', 'api-key', 'jwt'] as const;

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });
const port = z.coerce
  .number({ error: 'must be a number' })
  .int('must be a whole number')
  .min(0, 'must be 0..65535')
  .max(65535, 'must be 0..65535');
const positiveMs = z.coerce.number({ error: 'must be a number' }).int().positive('must be > 0');
const boolean = z
  .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1');

const envSchema = z
  .object({
    PORT: optional(port),
    HOST: optional(z.string().min(1)),
    CATENA_API_URL: optional(httpUrl),
    CATENA_TOKEN_URL: optional(httpUrl),
    CATENA_CLIENT_ID: optional(z.string()),
    CATENA_CLIENT_SECRET: optional(z.string()),
    CATENA_TIMEOUT_MS: optional(positiveMs),
    CATENA_WEBHOOK_SECRETS: optional(z.string()),
    CATENA_WEBHOOK_SECRETS_FILE: optional(z.string()),
    REDIS_URL: optional(z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' })),
    REDIS_KEY_PREFIX: optional(z.string().max(100)),
    GATEWAY_AUTH: optional(z.enum(AUTH_MODES, { error: `must be one of ${AUTH_MODES.join(', ')}` })),
    GATEWAY_API_KEYS_FILE: optional(z.string()),
    GATEWAY_JWT_JWKS_URL: optional(httpUrl),
    GATEWAY_JWT_PUBLIC_KEY: optional(z.string()),
    GATEWAY_JWT_ISSUER: optional(z.string()),
    GATEWAY_JWT_AUDIENCE: optional(z.string()),
    LOG_LEVEL: optional(z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` })),
    NODE_ENV: optional(z.string()),
    GATEWAY_CORS_ORIGINS: optional(z.string()),
    GATEWAY_GRAPHIQL: optional(boolean),
    GATEWAY_INTROSPECTION: optional(boolean),
    GATEWAY_TRUSTED_DOCUMENTS_FILE: optional(z.string()),
    GATEWAY_RATE_LIMIT: optional(
      z.coerce.number({ error: 'must be a number' }).int().min(0, 'must be 0 (off) or more'),
    ),
    GATEWAY_MAX_BODY_BYTES: optional(positiveMs),
    GATEWAY_MAX_SETTLED_WAITS: optional(
      z.coerce.number({ error: 'must be a number' }).int().min(1, 'must be 1 or more'),
    ),
    GATEWAY_TRACING: optional(z.enum(['off', 'otlp', 'console'], { error: 'must be off, otlp or console' })),
  })
  .superRefine((env, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (env.CATENA_API_URL) {
      if (!env.CATENA_CLIENT_ID) issue('CATENA_CLIENT_ID', 'is required when CATENA_API_URL is set');
      if (!env.CATENA_CLIENT_SECRET) issue('CATENA_CLIENT_SECRET', 'is required when CATENA_API_URL is set');
      if (!env.GATEWAY_AUTH) {
        issue('GATEWAY_AUTH', 'must be chosen explicitly (off, api-key or jwt) when CATENA_API_URL is set');
      }
    } else if (env.CATENA_TOKEN_URL) {
      issue('CATENA_TOKEN_URL', 'only applies with CATENA_API_URL (the embedded simulator has its own)');
    }
    if (env.CATENA_WEBHOOK_SECRETS !== undefined && splitList(env.CATENA_WEBHOOK_SECRETS).length === 0) {
      issue('CATENA_WEBHOOK_SECRETS', 'must list at least one secret');
    }
    if (env.GATEWAY_AUTH === 'api-key' && !env.GATEWAY_API_KEYS_FILE) {
      issue('GATEWAY_API_KEYS_FILE', 'is required when GATEWAY_AUTH=api-key');
    }
    if (env.GATEWAY_AUTH === 'jwt' && !env.GATEWAY_JWT_JWKS_URL && !env.GATEWAY_JWT_PUBLIC_KEY) {
      issue('GATEWAY_JWT_JWKS_URL', 'or GATEWAY_JWT_PUBLIC_KEY is required when GATEWAY_AUTH=jwt');
    }
  });

export type AuthMode = (typeof AUTH_MODES)[number];
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  server: { port: number; host: string };
  catena: {
    /** `embedded`: no CATENA_API_URL, the gateway starts the simulator in-process and points itself at it. */
    mode: 'embedded' | 'remote';
    /** Set in remote mode; in embedded mode the simulator's URL is known only once it listens. */
    apiUrl?: string;
    tokenUrl?: string;
    clientId: string;
    clientSecret: string;
    timeoutMs: number;
  };
  /** Webhook signing secrets, newest first; empty turns the receiver off. */
  webhookSecrets: string[];
  /** A file `npm run webhooks -- register` keeps secrets in; its secrets are added at start. */
  webhookSecretsFile?: string;
  redisUrl?: string;
  /** Prefix of every Redis key and channel, so gateways can share a Redis. */
  redisKeyPrefix: string;
  auth: {
    mode: AuthMode;
    /** True when the mode was defaulted rather than chosen (the gateway warns at start). */
    defaulted: boolean;
    apiKeysFile?: string;
    jwt?: { jwksUrl?: string; publicKey?: string; issuer?: string; audience?: string };
  };
  logLevel: LogLevel;
  /** OpenTelemetry: off, OTLP over HTTP (OTEL_EXPORTER_OTLP_ENDPOINT), or the console. */
  tracing: 'off' | 'otlp' | 'console';
  /** Abuse protection and production hardening. */
  security: {
    /** NODE_ENV=production: GraphiQL and introspection default to off. */
    production: boolean;
    /** Origins allowed by CORS; empty: no cross-origin access; ['*']: any. */
    corsOrigins: string[];
    graphiql: boolean;
    introspection: boolean;
    /** When set, only the documents in this file (persisted operations) may run. */
    trustedDocumentsFile?: string;
    /** Requests per minute per viewer; 0 turns the limit off. */
    rateLimitPerMinute: number;
    maxBodyBytes: number;
    /** `ResourceOperation.settled` waits one viewer may hold open at once, per replica. */
    maxSettledWaits: number;
  };
}

/** Every problem with the environment, one line per variable. */
export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  - ${i}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function splitList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Reads the gateway's configuration from `env` (pass `process.env`). Throws `ConfigError`. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`),
    );
  }
  const e = parsed.data;
  const embedded = !e.CATENA_API_URL;
  const jwtVars = [
    e.GATEWAY_JWT_JWKS_URL,
    e.GATEWAY_JWT_PUBLIC_KEY,
    e.GATEWAY_JWT_ISSUER,
    e.GATEWAY_JWT_AUDIENCE,
  ];
  return {
    server: { port: e.PORT ?? 4000, host: e.HOST ?? '127.0.0.1' },
    catena: {
      mode: embedded ? 'embedded' : 'remote',
      apiUrl: e.CATENA_API_URL?.replace(/\/+$/, ''),
      tokenUrl: embedded ? undefined : (e.CATENA_TOKEN_URL ?? CATENA_TOKEN_URL),
      clientId: e.CATENA_CLIENT_ID ?? 'dev',
      clientSecret: e.CATENA_CLIENT_SECRET ?? 'dev',
      timeoutMs: e.CATENA_TIMEOUT_MS ?? 10_000,
    },
    webhookSecrets:
      e.CATENA_WEBHOOK_SECRETS !== undefined
        ? splitList(e.CATENA_WEBHOOK_SECRETS)
        : embedded
          ? [DEFAULT_WEBHOOK_SECRET]
          : [],
    webhookSecretsFile: e.CATENA_WEBHOOK_SECRETS_FILE,
    redisUrl: e.REDIS_URL,
    redisKeyPrefix: e.REDIS_KEY_PREFIX ?? 'catena-gateway:',
    auth: {
      mode: e.GATEWAY_AUTH ?? 'off',
      defaulted: e.GATEWAY_AUTH === undefined,
      apiKeysFile: e.GATEWAY_API_KEYS_FILE,
      jwt: jwtVars.some(Boolean)
        ? {
            jwksUrl: e.GATEWAY_JWT_JWKS_URL,
            publicKey: e.GATEWAY_JWT_PUBLIC_KEY,
            issuer: e.GATEWAY_JWT_ISSUER,
            audience: e.GATEWAY_JWT_AUDIENCE,
          }
        : undefined,
    },
    logLevel: e.LOG_LEVEL ?? 'info',
    tracing: e.GATEWAY_TRACING ?? 'off',
    security: {
      production: e.NODE_ENV === 'production',
      corsOrigins:
        e.GATEWAY_CORS_ORIGINS !== undefined ? splitList(e.GATEWAY_CORS_ORIGINS) : embedded ? ['*'] : [],
      graphiql: e.GATEWAY_GRAPHIQL ?? e.NODE_ENV !== 'production',
      introspection: e.GATEWAY_INTROSPECTION ?? e.NODE_ENV !== 'production',
      trustedDocumentsFile: e.GATEWAY_TRUSTED_DOCUMENTS_FILE,
      // With authentication off every caller is one viewer: a shared limit would throttle everyone.
      rateLimitPerMinute: e.GATEWAY_RATE_LIMIT ?? (e.GATEWAY_AUTH && e.GATEWAY_AUTH !== 'off' ? 1200 : 0),
      maxBodyBytes: e.GATEWAY_MAX_BODY_BYTES ?? 512 * 1024,
      maxSettledWaits: e.GATEWAY_MAX_SETTLED_WAITS ?? 20,
    },
  };
}

/** A configuration whose Catena endpoints are known (embedded mode knows them once it listens). */
export type ResolvedConfig = Config & { catena: Config['catena'] & { apiUrl: string; tokenUrl: string } };

/**
 * `npm start`'s configuration: `loadConfig(env)`, with the secrets of the webhook secrets file
 * added, and in embedded mode the simulator started in this process and the gateway pointed at it.
 */
export async function resolveConfig(
  env: Record<string, string | undefined>,
): Promise<{ config: ResolvedConfig; embedded?: EmbeddedCatena }> {
  let config = loadConfig(env);
  if (config.webhookSecretsFile) {
    const { secrets } = await readWebhookState(config.webhookSecretsFile);
    config = { ...config, webhookSecrets: [...new Set([...secrets, ...config.webhookSecrets])] };
  }
  const { apiUrl, tokenUrl } = config.catena;
  if (config.catena.mode === 'remote' && apiUrl && tokenUrl)
    return { config: { ...config, catena: { ...config.catena, apiUrl, tokenUrl } } };
  // Loaded only here: a gateway in front of a real Catena never loads the simulator.
  const { startEmbeddedCatena } = await import('./embedded.ts');
  const embedded = await startEmbeddedCatena(config.server.host);
  return {
    config: { ...config, catena: { ...config.catena, apiUrl: embedded.apiUrl, tokenUrl: embedded.tokenUrl } },
    embedded,
  };
}
