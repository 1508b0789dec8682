/**
 * JSON logs (pino). Secrets never reach a log line: tokens, keys, webhook secrets and connection
 * credentials are redacted wherever they appear in logged objects.
 */
import { pino } from 'pino';
import type { LogLevel } from './config.ts';

export type Logger = pino.Logger;

export const REDACTED_PATHS = [
  'authorization',
  '*.authorization',
  'headers.authorization',
  'req.headers.authorization',
  'headers["x-catena-signature"]',
  'access_token',
  '*.access_token',
  'client_secret',
  '*.client_secret',
  'clientSecret',
  '*.clientSecret',
  'secret',
  '*.secret',
  'webhookSecrets',
  '*.webhookSecrets',
  'credentials',
  '*.credentials',
  'apiKey',
  '*.apiKey',
];

export function createLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
  return pino(
    { level, base: { service: 'catena-gateway' }, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } },
    destination,
  );
}
