/**
 * The one choke point every Catena API call goes through: base URL, query encoding, bearer token
 * (renewed once on a 401), User-Agent, request id, per-call timeout, retries by policy, mapping of
 * statuses to typed errors, and zod parsing of every success body.
 */
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Dispatcher } from 'undici';
import type { z } from 'zod';
import type { TokenProvider } from './auth.ts';
import { CatenaArgumentError, CatenaInvalidResponseError, CatenaUnauthorizedError } from './errors.ts';
import { type HttpResponse, parseJson, sendOnce, toCatenaError } from './http.ts';
import { type RetryPolicy, withRetries } from './retry.ts';

const tracer = trace.getTracer('catena-gateway');

export type QueryValue = string | number | boolean | Date | null | undefined | readonly string[];
export type QueryParams = Record<string, QueryValue>;

export interface RequestOptions<S extends z.ZodType> {
  query?: QueryParams;
  /** Sent as JSON. */
  body?: unknown;
  /** Parses the success body; a mismatch is a `CatenaInvalidResponseError`. */
  schema: S;
  /**
   * Whether the call changes state at Catena. Defaults to true for every method but GET. A write is
   * only retried when Catena provably did not process it.
   */
  write?: boolean;
  signal?: AbortSignal;
  /** Propagated as `X-Request-Id` so a call can be traced across both systems. */
  requestId?: string;
  timeoutMs?: number;
}

export interface RetryEvent {
  method: string;
  path: string;
  attempt: number;
  delayMs: number;
  error: unknown;
}

/** One attempt of a Catena call, as observed (for metrics and logs). */
export interface CallEvent {
  method: string;
  /** The path with ids replaced by `:id`, e.g. `/v2/telematics/vehicles/:id`. */
  route: string;
  /** The HTTP status, when Catena answered. */
  status?: number;
  /** The error code, when it did not (`CATENA_TIMEOUT`, `CATENA_CONNECTION_FAILED`). */
  error?: string;
  durationMs: number;
}

const ID_SEGMENT = /\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?=\/|$)/gi;
export const routeOf = (path: string) => path.replace(ID_SEGMENT, '/:id');

export interface TransportOptions {
  apiUrl: string;
  tokens: TokenProvider;
  dispatcher: Dispatcher;
  timeoutMs: number;
  userAgent: string;
  retry: RetryPolicy;
  onRetry?: (event: RetryEvent) => void;
  onCall?: (event: CallEvent) => void;
}

export type CatenaRequest = <S extends z.ZodType>(
  method: Dispatcher.HttpMethod,
  path: string,
  options: RequestOptions<S>,
) => Promise<z.output<S>>;

/** Builds the URL; arrays repeat the parameter (`?fleet_refs=a&fleet_refs=b`), as Catena expects. */
export function buildUrl(base: string, path: string, query: QueryParams = {}): URL {
  const url = new URL(path, `${base}/`);
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      for (const item of value) url.searchParams.append(name, item);
    } else {
      url.searchParams.append(name, value instanceof Date ? value.toISOString() : String(value));
    }
  }
  return url;
}

/**
 * The longest URL a call sends. Catena documents no limit; RFC 9110 (section 4.1) recommends that
 * every sender and recipient support URIs of at least 8,000 octets, and servers refuse longer
 * request lines or headers (the simulator, as Node, answers 431 past 16 KiB of headers).
 */
export const MAX_URL_OCTETS = 8000;

/** Refuses a URL over MAX_URL_OCTETS, naming the query parameter that takes the most of it. */
function checkUrlLength(url: URL, query: QueryParams = {}): void {
  if (url.href.length <= MAX_URL_OCTETS) return;
  const sizeOf = (name: string) => buildUrl(url.origin, '/', { [name]: query[name] }).search.length;
  const widest = Object.keys(query).sort((a, b) => sizeOf(b) - sizeOf(a))[0] ?? 'query';
  const argument = widest.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  throw new CatenaArgumentError(
    `${argument} makes the request too long for Catena (a URL of ${url.href.length} octets; at most ${MAX_URL_OCTETS})`,
    argument,
  );
}

export function createTransport(options: TransportOptions): CatenaRequest {
  return async function request(method, path, { query, body, schema, write, signal, requestId, timeoutMs }) {
    const url = buildUrl(options.apiUrl, path, query);
    checkUrlLength(url, query);
    const call = { method, path: url.pathname };
    const isWrite = write ?? method !== 'GET';
    const payload = body === undefined ? undefined : JSON.stringify(body);

    const send = async (token: string): Promise<HttpResponse> => {
      const headers: Record<string, string> = {
        authorization: `Bearer ${token}`,
        accept: 'application/json',
        'user-agent': options.userAgent,
      };
      if (payload !== undefined) headers['content-type'] = 'application/json';
      if (requestId) headers['x-request-id'] = requestId;
      const started = performance.now();
      const route = routeOf(call.path);
      // A no-op unless tracing is on (a global tracer provider is registered).
      const span = tracer.startSpan(`catena ${method} ${route}`, {
        kind: SpanKind.CLIENT,
        attributes: {
          'http.request.method': method,
          'url.template': route,
          'catena.request_id': requestId ?? '',
        },
      });
      const observe = (outcome: { status?: number; error?: string }) => {
        if (outcome.status !== undefined) span.setAttribute('http.response.status_code', outcome.status);
        if (outcome.error || (outcome.status ?? 0) >= 500) {
          span.setStatus({ code: SpanStatusCode.ERROR, message: outcome.error ?? String(outcome.status) });
        }
        span.end();
        options.onCall?.({ method, route, durationMs: performance.now() - started, ...outcome });
      };
      try {
        const res = await sendOnce(url, {
          dispatcher: options.dispatcher,
          method,
          headers,
          body: payload,
          timeoutMs: timeoutMs ?? options.timeoutMs,
          signal,
          call,
        });
        observe({ status: res.status });
        return res;
      } catch (error) {
        observe({ error: (error as { code?: string }).code ?? 'ERROR' });
        throw error;
      }
    };

    const res = await withRetries(
      async () => {
        const token = await options.tokens.getToken(signal);
        let answer = await send(token);
        if (answer.status === 401) {
          // Catena refused the token before doing anything, so resending (even a write) is safe.
          options.tokens.invalidate(token);
          answer = await send(await options.tokens.getToken(signal));
          if (answer.status === 401) {
            const error = toCatenaError(answer, call);
            throw new CatenaUnauthorizedError(`${error.message} (after renewing the token)`, {
              detail: error.detail,
              call,
            });
          }
        }
        if (answer.status < 200 || answer.status >= 300) throw toCatenaError(answer, call);
        return answer;
      },
      {
        write: isWrite,
        policy: options.retry,
        signal,
        onRetry: (info) => options.onRetry?.({ method, path: call.path, ...info }),
      },
    );

    const json = res.body === '' ? undefined : parseJson(res.body);
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new CatenaInvalidResponseError(
        `Catena's answer to ${method} ${call.path} does not match the expected shape`,
        { status: res.status, call, cause: parsed.error },
      );
    }
    return parsed.data;
  };
}
