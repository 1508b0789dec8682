/**
 * `GET /ready`: 200 when the gateway can serve (Catena accepts its credentials, Redis answers when
 * configured), 503 otherwise. Yoga's `useReadinessCheck` does the same but tests a URLPattern
 * against every request that is not `/ready` (~1 % of a by-id read's CPU); a path compare is enough.
 *
 * The JSON body says why, and names what works but is unsafe: a Redis that evicts keys (its
 * `maxmemory-policy` may drop dedupe keys, latest states and the event log under memory pressure)
 * or has no persistence. Those are warnings, not a 503: the replicas still serve, and their
 * in-process dedupe window covers a short loss.
 */
import type { Plugin } from 'graphql-yoga';
import type { Redis } from 'ioredis';
import type { Logger } from '../logger.ts';

export interface Readiness {
  ready: boolean;
  /** What is not ready. */
  problems: string[];
  /** What works, but is not safe for production. */
  warnings: string[];
}

export function useReadiness(check: () => Promise<Readiness>, endpoint = '/ready'): Plugin {
  const answer = (fetchAPI: { Response: typeof Response }, readiness: Readiness) =>
    new fetchAPI.Response(JSON.stringify(readiness), {
      status: readiness.ready ? 200 : 503,
      headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
    });
  return {
    onRequest({ url, fetchAPI, endResponse }) {
      if (url.pathname !== endpoint) return;
      return check().then(
        (readiness) => endResponse(answer(fetchAPI, readiness)),
        () =>
          endResponse(
            answer(fetchAPI, { ready: false, problems: ['the readiness check failed'], warnings: [] }),
          ),
      );
    },
  };
}

/** `INFO` fields, `name:value` per line. */
function infoFields(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const at = line.indexOf(':');
    if (at > 0) fields.set(line.slice(0, at), line.slice(at + 1).trim());
  }
  return fields;
}

async function configValue(redis: Redis, name: string): Promise<string | undefined> {
  try {
    const answer = (await redis.config('GET', name)) as string[];
    return answer[1];
  } catch {
    return undefined;
  }
}

/**
 * What a Redis's own report says against production use. INFO where it can (managed Redis services
 * often refuse CONFIG).
 */
export async function redisWarnings(redis: Redis): Promise<string[]> {
  const info = infoFields(String(await redis.info()));
  const warnings: string[] = [];
  const policy = info.get('maxmemory_policy') ?? 'noeviction';
  const evicted = Number(info.get('evicted_keys') ?? 0);
  const capped = Number(info.get('maxmemory') ?? 0) > 0;
  if ((capped && policy !== 'noeviction') || evicted > 0) {
    warnings.push(
      `Redis evicts keys (maxmemory-policy ${policy}, ${evicted} evicted so far): dedupe keys, latest states and the event log can vanish under memory pressure; set maxmemory-policy noeviction`,
    );
  }
  // Whether snapshots are configured is only in CONFIG; where that is refused, say nothing.
  const save = info.get('aof_enabled') === '1' ? 'aof' : await configValue(redis, 'save');
  if (save === '') {
    warnings.push(
      'Redis persists nothing (appendonly no, no save points): a restart loses dedupe keys and the event log; enable appendonly',
    );
  }
  return warnings;
}

export interface ReadinessChecks {
  /** Catena accepts the gateway's credentials (`verifyCredentials` throws if not). */
  catena: { verifyCredentials(signal: AbortSignal): Promise<void> };
  redis?: { ping(): Promise<boolean>; command: Redis };
  logger: Logger;
}

/** The checks `/ready` runs; each new warning is logged once. */
export function readinessCheck({ catena, redis, logger }: ReadinessChecks): () => Promise<Readiness> {
  const logged = new Set<string>();
  return async () => {
    const problems: string[] = [];
    const warnings: string[] = [];
    if (redis) {
      if (await redis.ping()) warnings.push(...(await redisWarnings(redis.command).catch(() => [])));
      else problems.push('Redis does not answer');
    }
    try {
      await catena.verifyCredentials(AbortSignal.timeout(5_000));
    } catch (error) {
      logger.warn({ err: error }, 'not ready: Catena authentication failed');
      problems.push('Catena refuses the credentials or does not answer');
    }
    if (problems.includes('Redis does not answer')) logger.warn('not ready: Redis does not answer');
    for (const warning of warnings) {
      if (logged.size < 100 && !logged.has(warning)) {
        logged.add(warning);
        logger.warn(warning);
      }
    }
    return { ready: problems.length === 0, problems, warnings };
  };
}
