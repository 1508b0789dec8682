import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected loadConfig to throw');
}

describe('loadConfig', () => {
  it('defaults to the embedded simulator on 127.0.0.1:4000 with auth off', () => {
    const config = loadConfig({});
    expect(config.server).toEqual({ port: 4000, host: '127.0.0.1' });
    expect(config.catena.mode).toBe('embedded');
    expect(config.catena.apiUrl).toBeUndefined();
    expect(config.webhookSecrets).toEqual(['dev-webhook-secret']);
    expect(config.auth).toMatchObject({ mode: 'off', defaulted: true });
    expect(config.redisUrl).toBeUndefined();
  });

  it('talks to a real Catena with Keycloak as the default token URL', () => {
    const config = loadConfig({
      CATENA_API_URL: 'https://api.catenatelematics.com/',
      CATENA_CLIENT_ID: 'id',
      CATENA_CLIENT_SECRET: 'secret',
      GATEWAY_AUTH: 'off',
      CATENA_WEBHOOK_SECRETS: ' new-secret , old-secret ,',
      PORT: '8080',
    });
    expect(config.catena).toMatchObject({
      mode: 'remote',
      apiUrl: 'https://api.catenatelematics.com',
      tokenUrl: 'https://auth.catenatelematics.com/realms/catena/protocol/openid-connect/token',
      clientId: 'id',
      clientSecret: 'secret',
    });
    expect(config.webhookSecrets).toEqual(['new-secret', 'old-secret']);
    expect(config.server.port).toBe(8080);
    expect(config.auth.defaulted).toBe(false);
  });

  it('turns the webhook receiver off with a real Catena and no secrets', () => {
    const config = loadConfig({
      CATENA_API_URL: 'http://127.0.0.1:4010',
      CATENA_CLIENT_ID: 'dev',
      CATENA_CLIENT_SECRET: 'dev',
      GATEWAY_AUTH: 'off',
    });
    expect(config.webhookSecrets).toEqual([]);
  });

  it('treats blank variables as unset', () => {
    expect(loadConfig({ PORT: '', REDIS_URL: '  ' }).server.port).toBe(4000);
  });

  it('reports every bad variable at once', () => {
    const error = configError({
      PORT: 'eighty',
      CATENA_API_URL: 'not a url',
      REDIS_URL: 'http://localhost:6379',
      GATEWAY_AUTH: 'magic',
      LOG_LEVEL: 'loud',
    });
    const vars = error.issues.map((issue) => issue.split(':')[0]);
    expect(vars).toEqual(
      expect.arrayContaining(['PORT', 'CATENA_API_URL', 'REDIS_URL', 'GATEWAY_AUTH', 'LOG_LEVEL']),
    );
    expect(error.message).toContain('PORT: must be a number');
  });

  it('requires credentials and an explicit auth mode with a real Catena', () => {
    const error = configError({ CATENA_API_URL: 'https://api.catenatelematics.com' });
    expect(error.issues).toEqual(
      expect.arrayContaining([
        'CATENA_CLIENT_ID: is required when CATENA_API_URL is set',
        'CATENA_CLIENT_SECRET: is required when CATENA_API_URL is set',
        expect.stringMatching(/^GATEWAY_AUTH: must be chosen explicitly/),
      ]),
    );
  });

  it('refuses settings that cannot work together', () => {
    const error = configError({
      CATENA_TOKEN_URL: 'http://127.0.0.1/token',
      GATEWAY_AUTH: 'api-key',
      CATENA_WEBHOOK_SECRETS: ' , ',
      PORT: '70000',
    });
    expect(error.issues).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^CATENA_TOKEN_URL: only applies with CATENA_API_URL/),
        'GATEWAY_API_KEYS_FILE: is required when GATEWAY_AUTH=api-key',
        'CATENA_WEBHOOK_SECRETS: must list at least one secret',
        'PORT: must be 0..65535',
      ]),
    );
  });
});
