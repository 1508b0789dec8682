/**
 * One catalogue of Catena failures. Every error carries a stable machine `code`, the HTTP `status`
 * when Catena answered, the call it belongs to and its `cause`. Callers branch on the class or the
 * code, never on message text. Messages are for logs: they may quote Catena's `detail`, so the
 * GraphQL layer must never show them to clients as they are.
 */
import {
  type CatenaValidationIssue,
  completeWriteAnswer,
  type ResourceOperation,
  type WriteAnswer,
  type WriteFacts,
} from './schemas.ts';

export type CatenaErrorCode =
  | 'CATENA_BAD_REQUEST'
  | 'CATENA_UNAUTHORIZED'
  | 'CATENA_FORBIDDEN'
  | 'CATENA_NOT_FOUND'
  | 'CATENA_METHOD_NOT_ALLOWED'
  | 'CATENA_CONFLICT'
  | 'CATENA_VALIDATION_FAILED'
  | 'CATENA_RATE_LIMITED'
  | 'CATENA_SERVER_ERROR'
  | 'CATENA_TSP_REJECTED'
  | 'CATENA_BAD_GATEWAY'
  | 'CATENA_UNAVAILABLE'
  | 'CATENA_GATEWAY_TIMEOUT'
  | 'CATENA_HTTP_ERROR'
  | 'CATENA_TIMEOUT'
  | 'CATENA_CONNECTION_FAILED'
  | 'CATENA_INVALID_RESPONSE'
  | 'CATENA_AUTH_FAILED'
  | 'CATENA_INVALID_ARGUMENT';

/** Which call failed: enough to log it, never the token or the body. */
export interface CatenaCallInfo {
  method: string;
  /** Path without the query string. */
  path: string;
}

export interface CatenaErrorOptions {
  status?: number;
  /** Catena's `detail` when it was a string. */
  detail?: string | null;
  call?: CatenaCallInfo;
  cause?: unknown;
}

export class CatenaError extends Error {
  readonly code: CatenaErrorCode;
  readonly status: number | undefined;
  readonly detail: string | null | undefined;
  readonly call: CatenaCallInfo | undefined;

  constructor(code: CatenaErrorCode, message: string, options: CatenaErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.status = options.status;
    this.detail = options.detail;
    this.call = options.call;
  }
}

export class CatenaBadRequestError extends CatenaError {
  constructor(message: string, options?: CatenaErrorOptions) {
    super('CATENA_BAD_REQUEST', message, { status: 400, ...options });
  }
}

/** Catena refused our token even after one refresh. */
export class CatenaUnauthorizedError extends CatenaError {
  constructor(message: string, options?: CatenaErrorOptions) {
    super('CATENA_UNAUTHORIZED', message, { status: 401, ...options });
  }
}

export class CatenaForbiddenError extends CatenaError {
  constructor(message: string, options?: CatenaErrorOptions) {
    super('CATENA_FORBIDDEN', message, { status: 403, ...options });
  }
}

export class CatenaNotFoundError extends CatenaError {
  constructor(message: string, options?: CatenaErrorOptions) {
    super('CATENA_NOT_FOUND', message, { status: 404, ...options });
  }
}

export class CatenaMethodNotAllowedError extends CatenaError {
  constructor(message: string, options?: CatenaErrorOptions) {
    super('CATENA_METHOD_NOT_ALLOWED', message, { status: 405, ...options });
  }
}

export class CatenaConflictError extends CatenaError {
  constructor(message: string, options?: CatenaErrorOptions) {
    super('CATENA_CONFLICT', message, { status: 409, ...options });
  }
}

/** 422: Catena's `detail[]`, one issue per offending field (`path` is Catena's, snake_case). */
export class CatenaValidationError extends CatenaError {
  constructor(
    message: string,
    readonly issues: CatenaValidationIssue[],
    options?: CatenaErrorOptions,
  ) {
    super('CATENA_VALIDATION_FAILED', message, { status: 422, ...options });
  }
}

export class CatenaRateLimitedError extends CatenaError {
  constructor(
    message: string,
    /** Catena's advice (`detail.retry_after_seconds`, else a `Retry-After` header), if any. */
    readonly retryAfterSeconds: number | undefined,
    options?: CatenaErrorOptions,
  ) {
    super('CATENA_RATE_LIMITED', message, { status: 429, ...options });
  }
}

/** 500, 501 and other 5xx answers that say nothing more specific. */
export class CatenaServerError extends CatenaError {
  constructor(message: string, options?: CatenaErrorOptions) {
    super('CATENA_SERVER_ERROR', message, { status: 500, ...options });
  }
}

/**
 * A sync write the TSP refused (502 whose body is the failed operation). `answer` is the body as
 * Catena sent it; `operation` the full model, completed from `facts` (what the request said) where
 * the answer leaves fields out, else with Catena's fields alone (`unknown` where it has none).
 */
export class CatenaTspRejectedError extends CatenaError {
  readonly operation: ResourceOperation;

  constructor(
    message: string,
    readonly answer: WriteAnswer,
    options?: CatenaErrorOptions & { facts?: WriteFacts },
  ) {
    super('CATENA_TSP_REJECTED', message, { status: 502, ...options });
    this.operation = completeWriteAnswer(
      answer,
      options?.facts ?? { resource: 'unknown', operation_type: 'unknown' },
    );
  }
}

/** 502 without an operation body: a proxy in front of Catena failed. */
export class CatenaBadGatewayError extends CatenaError {
  constructor(message: string, options?: CatenaErrorOptions) {
    super('CATENA_BAD_GATEWAY', message, { status: 502, ...options });
  }
}

export class CatenaUnavailableError extends CatenaError {
  constructor(message: string, options?: CatenaErrorOptions) {
    super('CATENA_UNAVAILABLE', message, { status: 503, ...options });
  }
}

export class CatenaGatewayTimeoutError extends CatenaError {
  constructor(message: string, options?: CatenaErrorOptions) {
    super('CATENA_GATEWAY_TIMEOUT', message, { status: 504, ...options });
  }
}

/** Any other status we have no class for. */
export class CatenaHttpError extends CatenaError {
  constructor(message: string, options?: CatenaErrorOptions) {
    super('CATENA_HTTP_ERROR', message, options);
  }
}

/** Our per-call timeout fired before Catena answered. Catena may still have processed the call. */
export class CatenaTimeoutError extends CatenaError {
  constructor(
    message: string,
    readonly timeoutMs: number,
    options?: CatenaErrorOptions,
  ) {
    super('CATENA_TIMEOUT', message, options);
  }
}

export class CatenaConnectionError extends CatenaError {
  constructor(
    message: string,
    /**
     * False when the connection was never established (refused, DNS), so Catena provably did not
     * see the request; true when it broke after the request may have been sent.
     */
    readonly requestMayHaveBeenSent: boolean,
    options?: CatenaErrorOptions,
  ) {
    super('CATENA_CONNECTION_FAILED', message, options);
  }
}

/** Catena answered 2xx with a body we cannot read. */
export class CatenaInvalidResponseError extends CatenaError {
  constructor(message: string, options?: CatenaErrorOptions) {
    super('CATENA_INVALID_RESPONSE', message, options);
  }
}

/** The token endpoint refused our client credentials (OAuth2 `error` in `oauthError`). */
export class CatenaAuthError extends CatenaError {
  constructor(
    message: string,
    readonly oauthError: string | undefined,
    options?: CatenaErrorOptions,
  ) {
    super('CATENA_AUTH_FAILED', message, options);
  }
}

/** The client refused a call before sending it (e.g. a date window over 45 days). */
export class CatenaArgumentError extends CatenaError {
  constructor(
    message: string,
    readonly argument: string,
  ) {
    super('CATENA_INVALID_ARGUMENT', message);
  }
}
