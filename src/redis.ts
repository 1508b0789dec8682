/**
 * The gateway's Redis connections (REDIS_URL): one for commands, failing fast while Redis is away so
 * nothing waits on it, and one for the event stream's blocking reads, which wait out an outage and
 * go on after it. Reconnection is automatic for both.
 */
import { Redis } from 'ioredis';
import type { Logger } from './logger.ts';
import type { RedisClients } from './subscriptions/redis.ts';

export function createRedisClients(
  url: string,
  logger: Logger,
): RedisClients & { close(): Promise<void>; ping(): Promise<boolean> } {
  const common = {
    lazyConnect: true,
    connectTimeout: 2_000,
    retryStrategy: (times: number) => Math.min(100 * 2 ** Math.min(times, 5), 2_000),
  };
  const command = new Redis(url, {
    ...common,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 2_000,
  });
  const reader = new Redis(url, { ...common, enableOfflineQueue: true, maxRetriesPerRequest: null });
  let down = false;
  for (const [name, client] of [
    ['commands', command],
    ['event stream', reader],
  ] as const) {
    client.on('error', (error) => {
      if (!down) logger.error({ err: error, redis: name }, 'Redis is unavailable; retrying');
      down = true;
    });
    client.on('ready', () => {
      if (down) logger.info({ redis: name }, 'Redis is back');
      down = false;
    });
    // The first connection may fail; the retry strategy keeps trying.
    client.connect().catch(() => undefined);
  }
  return {
    command,
    reader,
    async ping() {
      try {
        return (await command.ping()) === 'PONG';
      } catch {
        return false;
      }
    },
    async close() {
      command.disconnect();
      reader.disconnect();
    },
  };
}
