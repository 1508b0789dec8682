/**
 * Abuse protection, in one place: query limits, argument sizes, body size, batching, CSRF, CORS,
 * production schema hiding, trusted documents, a per-viewer rate limit and open `settled` waits. `createSecurity` turns
 * the `security` block of the config into Yoga options, envelope plugins and a guard for the raw
 * HTTP request.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BatchingOptions, CORSOptions, Plugin } from 'graphql-yoga';
import type { Redis } from 'ioredis';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { useArgumentLimits } from './argument-limits.ts';
import { useCsrfPrevention } from './csrf.ts';
import { corsFor, createBodyGuard } from './http.ts';
import { QUERY_LIMITS, type QueryLimits, useQueryLimits, useSchemaHiding } from './query-limits.ts';
import {
  createMemoryRateLimiter,
  createRedisRateLimiter,
  type RateLimiter,
  useRateLimit,
} from './rate-limit.ts';
import { loadTrustedDocuments, useTrustedDocuments } from './trusted-documents.ts';
import { createSettledWaits, type SettledWaits } from './waits.ts';

export { QUERY_LIMITS } from './query-limits.ts';

/** Operations one HTTP request may batch: enough for a client's dataloader-style batching. */
export const MAX_BATCH = 10;

export { CSRF_HEADER } from './csrf.ts';

export interface SecurityOptions {
  /** Redis commands: the rate limit is then shared by every replica. */
  redis?: Redis;
  /** Prefix of the rate limit's Redis keys (config.redisKeyPrefix). */
  prefix?: string;
  logger: Logger;
  /** The rate limit's window [60 s]; tests shorten it. */
  rateLimitWindowMs?: number;
  /** Overrides of QUERY_LIMITS. */
  limits?: Partial<QueryLimits>;
}

export interface Security {
  yogaOptions: {
    cors: (request: Request) => CORSOptions;
    batching: BatchingOptions;
    /** No file uploads in this API: multipart bodies are refused (415) rather than parsed. */
    multipart: false;
    /**
     * Yoga's own body limit is off: `guardRequest` has already refused any POST without a
     * Content-Length or over the limit, and Node's HTTP parser never delivers more than declared.
     * Yoga's check pipes every body through a counting TransformStream (~5 % of a read's CPU).
     */
    maxRequestBodySize: false;
    /**
     * Yoga caches parse and validation results by document text, but the checks here depend on the
     * request too (the cost on its variables, graphql-ws trusted documents on its hash): a document
     * found cheap with `first: $n = 5` must not be waved through with `$n = 1000`. Parsing and
     * validating again costs well under a millisecond next to a Catena round trip.
     */
    /** Off only with trusted documents (graphql-ws sends them as query "", which a text-keyed cache would mix up). */
    parserAndValidationCache: boolean;
    graphiql: boolean;
  };
  /** Envelope plugins for createYoga (they apply to graphql-ws too, through getEnveloped). */
  plugins: Plugin[];
  /** Checks a GraphQL HTTP request before Yoga reads it; true when it answered (refused) it. */
  guardRequest(req: IncomingMessage, res: ServerResponse): boolean;
  /** The limits on open `settled` waits (they count against the rate limit too). */
  waits: SettledWaits;
}

export function createSecurity(config: Config['security'], options: SecurityOptions): Security {
  const windowMs = options.rateLimitWindowMs ?? 60_000;
  const limit = config.rateLimitPerMinute;
  const plugins: Plugin[] = [
    useCsrfPrevention(),
    ...(config.trustedDocumentsFile
      ? useTrustedDocuments(loadTrustedDocuments(config.trustedDocumentsFile))
      : []),
    ...useQueryLimits({ ...QUERY_LIMITS, ...options.limits }),
    useArgumentLimits(),
    ...(config.introspection ? [] : useSchemaHiding()),
  ];
  let rateLimit: { limiter: RateLimiter; limit: number; windowMs: number } | undefined;
  if (limit > 0) {
    const limiter = options.redis
      ? createRedisRateLimiter(options.redis, {
          limit,
          windowMs,
          prefix: options.prefix ?? '',
          logger: options.logger,
        })
      : createMemoryRateLimiter({ limit, windowMs });
    plugins.push(useRateLimit(limiter, { limit, windowMs }));
    rateLimit = { limiter, limit, windowMs };
  }
  return {
    yogaOptions: {
      cors: corsFor(config.corsOrigins),
      batching: { limit: MAX_BATCH },
      multipart: false,
      maxRequestBodySize: false,
      parserAndValidationCache: !config.trustedDocumentsFile,
      graphiql: config.graphiql,
    },
    plugins,
    guardRequest: createBodyGuard(config.maxBodyBytes),
    waits: createSettledWaits({ maxPerViewer: config.maxSettledWaits, rateLimit }),
  };
}
