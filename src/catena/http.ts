/**
 * One HTTP attempt against Catena with undici, and the mapping of what comes back (or fails to)
 * onto the error catalogue. Retries, auth and parsing of success bodies live in transport.ts.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Dispatcher } from 'undici';
import {
  CatenaBadGatewayError,
  CatenaBadRequestError,
  type CatenaCallInfo,
  CatenaConflictError,
  CatenaConnectionError,
  type CatenaError,
  CatenaForbiddenError,
  CatenaGatewayTimeoutError,
  CatenaHttpError,
  CatenaMethodNotAllowedError,
  CatenaNotFoundError,
  CatenaRateLimitedError,
  CatenaServerError,
  CatenaTimeoutError,
  CatenaTspRejectedError,
  CatenaUnauthorizedError,
  CatenaUnavailableError,
  CatenaValidationError,
} from './errors.ts';
import { type CatenaErrorBody, errorBodySchema, writeAnswerSchema } from './schemas.ts';

export interface HttpResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface HttpAttemptOptions {
  dispatcher: Dispatcher;
  method: Dispatcher.HttpMethod;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  signal?: AbortSignal;
  call: CatenaCallInfo;
}

/** Errors raised before a TCP connection exists: the request never left this process. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_CONNECT_TIMEOUT',
  'EHOSTUNREACH',
]);

/**
 * Sends one request and reads the whole body. The timeout covers the full exchange (headers and
 * body). Transport failures become `CatenaTimeoutError` or `CatenaConnectionError`; an abort by
 * the caller's own signal is rethrown as the signal's reason.
 */
export async function sendOnce(url: URL, options: HttpAttemptOptions): Promise<HttpResponse> {
  const caller = options.signal;
  if (caller?.aborted) throw caller.reason;
  // One controller for both the deadline and the caller's signal: cheaper per call than
  // AbortSignal.timeout() combined with AbortSignal.any(), which the profile showed on hot reads.
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  const onAbort = () => controller.abort(caller?.reason);
  caller?.addEventListener('abort', onAbort, { once: true });
  try {
    // The dispatcher's own request(): undici's top-level request() would parse the URL again.
    const res = await options.dispatcher.request({
      origin: url.origin,
      path: `${url.pathname}${url.search}`,
      method: options.method,
      headers: options.headers,
      body: options.body,
      signal: controller.signal,
    });
    return { status: res.statusCode, headers: res.headers, body: await res.body.text() };
  } catch (error) {
    if (caller?.aborted) throw caller.reason;
    if (timedOut) {
      throw new CatenaTimeoutError(
        `Catena did not answer ${options.call.method} ${options.call.path} within ${options.timeoutMs} ms`,
        options.timeoutMs,
        { call: options.call, cause: error },
      );
    }
    const code = errorCode(error);
    throw new CatenaConnectionError(
      `Could not reach Catena for ${options.call.method} ${options.call.path}: ${code ?? describe(error)}`,
      !(code && NOT_SENT_CODES.has(code)),
      { call: options.call, cause: error },
    );
  } finally {
    clearTimeout(timer);
    caller?.removeEventListener('abort', onAbort);
  }
}

function errorCode(error: unknown): string | undefined {
  // undici wraps connect failures; the system code may sit on the error or on its cause.
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    const nested = (e as { errors?: unknown[] }).errors?.[0];
    if (nested && typeof (nested as { code?: unknown }).code === 'string')
      return (nested as { code: string }).code;
  }
  return undefined;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** `JSON.parse`, or `undefined` for a body that is not JSON (an HTML error page, say). */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function retryAfterHeader(headers: IncomingHttpHeaders): number | undefined {
  const raw = headers['retry-after'];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/** Turns a non-2xx answer into the matching catalogue error. */
export function toCatenaError(res: HttpResponse, call: CatenaCallInfo): CatenaError {
  const json = parseJson(res.body);
  const parsed = errorBodySchema.safeParse(json);
  const body: CatenaErrorBody = parsed.success ? parsed.data : {};
  const detailText = typeof body.detail === 'string' ? body.detail : null;
  const where = `${call.method} ${call.path}`;
  const message = `Catena answered ${res.status}${body.message ? ` ${body.message}` : ''} to ${where}${
    detailText ? `: ${detailText}` : ''
  }`;
  const options = { status: res.status, detail: detailText, call };

  switch (res.status) {
    case 400:
      return new CatenaBadRequestError(message, options);
    case 401:
      return new CatenaUnauthorizedError(message, options);
    case 403:
      return new CatenaForbiddenError(message, options);
    case 404:
      return new CatenaNotFoundError(message, options);
    case 405:
      return new CatenaMethodNotAllowedError(message, options);
    case 409:
      return new CatenaConflictError(message, options);
    case 422:
      return new CatenaValidationError(message, Array.isArray(body.detail) ? body.detail : [], options);
    case 429: {
      const advice =
        body.detail && typeof body.detail === 'object' && !Array.isArray(body.detail)
          ? body.detail.retry_after_seconds
          : undefined;
      return new CatenaRateLimitedError(message, advice ?? retryAfterHeader(res.headers), options);
    }
    case 502: {
      const operation = writeAnswerSchema.safeParse(json);
      return operation.success
        ? new CatenaTspRejectedError(`The TSP rejected the write (${where})`, operation.data, options)
        : new CatenaBadGatewayError(message, options);
    }
    case 503:
      return new CatenaUnavailableError(message, options);
    case 504:
      return new CatenaGatewayTimeoutError(message, options);
    default:
      return res.status >= 500
        ? new CatenaServerError(message, options)
        : new CatenaHttpError(message, options);
  }
}
