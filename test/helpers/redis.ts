import { execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

async function answers(url: string): Promise<boolean> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 1_000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/** Whether the Redis tests can run; when not, says so and why, once per file. */
export const redisAvailable = await answers(REDIS_URL);
if (!redisAvailable) {
  console.warn(
    `\n  SKIPPED: the multi-replica Redis tests need Redis at ${REDIS_URL} and none answers.\n` +
      '  Set REDIS_URL, or start one: redis-server --daemonize yes --port 6379 --save "" --appendonly no\n',
  );
}

/** Appended to the name of a suite that skips without Redis, so the reason shows in the report. */
export const redisSkipReason = redisAvailable ? '' : ` (skipped: no Redis answers at ${REDIS_URL})`;

/** A key prefix of its own, so test files and runs sharing one Redis never see each other. */
export const uniquePrefix = () => `test:${randomUUID().slice(0, 8)}:`;

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * A private redis-server on a spare port, that a test may stop and start again; by default it keeps
 * nothing on disk, `args` may say otherwise (e.g. `--appendonly yes --dir <tmp>`).
 */
export async function privateRedis(args: string[] = []) {
  const port = await freePort();
  let child: ReturnType<typeof spawn> | undefined;
  const url = `redis://127.0.0.1:${port}`;
  const start = async () => {
    child = spawn('redis-server', ['--port', String(port), '--save', '', '--appendonly', 'no', ...args], {
      stdio: 'ignore',
    });
    for (let i = 0; i < 100 && !(await answers(url)); i++) await new Promise((r) => setTimeout(r, 50));
  };
  const stop = async () => {
    const exiting = child && new Promise((resolve) => child?.once('exit', resolve));
    child?.kill('SIGKILL');
    await exiting;
    child = undefined;
  };
  await start();
  return { url, start, stop };
}

/** Whether a `redis-server` binary is here, for the tests that start their own (see `privateRedis`). */
export const hasRedisServer = (() => {
  try {
    execFileSync('redis-server', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** Appended to the name of a suite that starts its own redis-server, when it skips. */
export const redisServerSkipReason = hasRedisServer
  ? ''
  : ' (skipped: it starts its own redis-server, and none is installed)';
