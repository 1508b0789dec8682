/**
 * The Catena client: connections, resource operations, the twelve writes and the webhook
 * subscription API (webhook-api.ts), over one keep-alive undici dispatcher. Every call goes through `request()`
 * (transport.ts). Arguments Catena would refuse are refused first (arguments.ts), before any network call.
 */
import { Agent, type Dispatcher } from 'undici';
import { z } from 'zod';
import { checkWindow, listArg, sizeArg, uuidArg } from './arguments.ts';
import { createTokenProvider } from './auth.ts';
import {
  type CreateWriteName,
  type UpdateWriteName,
  WRITES,
  type WriteBody,
  type WriteName,
} from './bodies.ts';
import type { OperationType, Resource, TspSource } from './enums.ts';
import { CatenaArgumentError, CatenaTspRejectedError } from './errors.ts';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry.ts';
import {
  type Connection,
  type CursorPage,
  completeWriteAnswer,
  connectionPageSchema,
  connectionSchema,
  operationAcceptSchema,
  type ResourceOperation,
  resourceOperationPageSchema,
  resourceOperationSchema,
  writeAnswerSchema,
} from './schemas.ts';
import { type CallEvent, type CatenaRequest, createTransport, type RetryEvent } from './transport.ts';
import { createWebhookApi } from './webhook-api.ts';

export type { WebhookListArgs, WebhookLogArgs } from './webhook-api.ts';

export const USER_AGENT = 'catena-gateway/0.1.0';
export interface CatenaClientOptions {
  apiUrl: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /** Injected for tests (undici MockAgent) or sharing; by default the client owns a keep-alive Agent. */
  dispatcher?: Dispatcher;
  /** Per attempt, covering the whole exchange. Default 10 s. */
  timeoutMs?: number;
  userAgent?: string;
  retry?: Partial<RetryPolicy>;
  onRetry?: (event: RetryEvent) => void;
  /** Told about every attempt of every API call (metrics). */
  onCall?: (event: CallEvent) => void;
}

/** Per-call options. */
export interface CallOptions {
  signal?: AbortSignal;
  requestId?: string;
}

export interface WriteOptions extends CallOptions {
  /** `is_sync=true`: Catena calls the TSP now and answers 200, or 502 (`CatenaTspRejectedError`). */
  sync?: boolean;
}

export interface PageArgs {
  cursor?: string | null;
  /** 1..1000; Catena's default is 300. */
  size?: number;
}

export interface ConnectionFilter {
  tspId?: string;
  fleetIds?: readonly string[];
  fleetRefs?: readonly string[];
}

export interface ResourceOperationFilter {
  resource?: Resource;
  connectionId?: string;
  sourceName?: TspSource;
  fleetRefs?: readonly string[];
  operation?: OperationType;
  /** Needs `resource`. */
  sourceId?: string;
  /** Catena defaults to now - 1 day. */
  from?: Date | string;
  /** Catena defaults to now. At most 45 days after `from`. */
  to?: Date | string;
}

/** The twelve writes, one method each, named as the gateway's mutations (contract §3). */
export type CatenaWrites = {
  [N in CreateWriteName]: (body: WriteBody<N>, options?: WriteOptions) => Promise<ResourceOperation>;
} & {
  [N in UpdateWriteName]: (
    id: string,
    body: WriteBody<N>,
    options?: WriteOptions,
  ) => Promise<ResourceOperation>;
};

/** Every item of a Catena list, following `next_page` until Catena gives none. */
export async function* walkPages<T>(page: (cursor: string | undefined) => Promise<CursorPage<T>>) {
  let cursor: string | undefined;
  do {
    const answer = await page(cursor);
    yield* answer.items;
    cursor = answer.next_page ?? undefined;
  } while (cursor);
}

export function createCatenaClient(options: CatenaClientOptions) {
  const ownsDispatcher = !options.dispatcher;
  const dispatcher =
    options.dispatcher ??
    new Agent({ keepAliveTimeout: 10_000, keepAliveMaxTimeout: 60_000, connections: 128 });
  const retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const timeoutMs = options.timeoutMs ?? 10_000;
  const userAgent = options.userAgent ?? USER_AGENT;
  const tokens = createTokenProvider({
    tokenUrl: options.tokenUrl,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    dispatcher,
    timeoutMs,
    userAgent,
    retry,
  });
  const request: CatenaRequest = createTransport({
    apiUrl: options.apiUrl.replace(/\/+$/, ''),
    tokens,
    dispatcher,
    timeoutMs,
    userAgent,
    retry,
    onRetry: options.onRetry,
    onCall: options.onCall,
  });

  async function getResourceOperation(connectionId: string, id: string, call: CallOptions = {}) {
    const path = `/v2/integrations/connections/${uuidArg('connectionId', connectionId)}/resource-operations/${uuidArg('id', id)}`;
    return request('GET', path, { schema: resourceOperationSchema, ...call });
  }

  async function listConnections(args: ConnectionFilter & PageArgs = {}, call: CallOptions = {}) {
    return request('GET', '/v2/integrations/connections', {
      query: {
        tsp_id: args.tspId === undefined ? undefined : uuidArg('tspId', args.tspId),
        fleet_ids: listArg('fleetIds', args.fleetIds),
        fleet_refs: listArg('fleetRefs', args.fleetRefs),
        cursor: args.cursor,
        size: sizeArg(args.size),
      },
      schema: connectionPageSchema,
      ...call,
    }) as Promise<CursorPage<Connection>>;
  }

  async function getConnection(id: string, call: CallOptions = {}) {
    return request('GET', `/v2/integrations/connections/${uuidArg('id', id)}`, {
      schema: connectionSchema,
      ...call,
    });
  }

  async function listResourceOperations(
    args: ResourceOperationFilter & PageArgs = {},
    call: CallOptions = {},
  ) {
    if (args.sourceId !== undefined && args.resource === undefined) {
      throw new CatenaArgumentError('sourceId needs resource', 'sourceId');
    }
    const { from, to } = checkWindow(args.from, args.to);
    return request('GET', '/v2/integrations/connections/resource-operations', {
      query: {
        resource: args.resource,
        connection_id:
          args.connectionId === undefined ? undefined : uuidArg('connectionId', args.connectionId),
        source_name: args.sourceName,
        fleet_refs: listArg('fleetRefs', args.fleetRefs),
        operation: args.operation,
        source_id: args.sourceId,
        from_datetime: from,
        to_datetime: to,
        cursor: args.cursor,
        size: sizeArg(args.size),
      },
      schema: resourceOperationPageSchema,
      ...call,
    }) as Promise<CursorPage<ResourceOperation>>;
  }

  const writeAnswer = z.union([writeAnswerSchema, operationAcceptSchema]);

  async function write(name: WriteName, id: string | undefined, body: object, opts: WriteOptions = {}) {
    const spec = WRITES[name];
    const facts = { resource: spec.resource, operation_type: spec.operation };
    const path = spec.operation === 'update' ? `${spec.path}/${uuidArg('id', id ?? '')}` : spec.path;
    let answer: z.infer<typeof writeAnswer>;
    try {
      answer = await request(spec.operation === 'update' ? 'PATCH' : 'POST', path, {
        query: { is_sync: opts.sync ?? false },
        body,
        schema: writeAnswer,
        write: true,
        signal: opts.signal,
        requestId: opts.requestId,
      });
    } catch (error) {
      if (!(error instanceof CatenaTspRejectedError)) throw error;
      throw new CatenaTspRejectedError(error.message, error.answer, {
        facts,
        ...(error.call ? { call: error.call } : {}),
      });
    }
    if ('status' in answer) return completeWriteAnswer(answer, facts);
    // Older Catena versions acknowledge an async write with its id only: read the operation.
    const connectionId = (body as { connection_id?: unknown }).connection_id;
    if (typeof connectionId !== 'string')
      throw new CatenaArgumentError('connection_id is required', 'connection_id');
    return getResourceOperation(connectionId, answer.id, opts);
  }

  const writes = Object.fromEntries(
    (Object.keys(WRITES) as WriteName[]).map((name) => [
      name,
      WRITES[name].operation === 'update'
        ? (id: string, body: object, opts?: WriteOptions) => write(name, id, body, opts)
        : (body: object, opts?: WriteOptions) => write(name, undefined, body, opts),
    ]),
  ) as CatenaWrites;

  return {
    listConnections,
    getConnection,
    listResourceOperations,
    getResourceOperation,

    /** Every connection matching `filter`, page after page. */
    iterateConnections: (filter: ConnectionFilter & { size?: number } = {}, call: CallOptions = {}) =>
      walkPages((cursor) => listConnections({ ...filter, cursor }, call)),

    /** Every resource operation matching `filter`, page after page. */
    iterateResourceOperations: (
      filter: ResourceOperationFilter & { size?: number } = {},
      call: CallOptions = {},
    ) => walkPages((cursor) => listResourceOperations({ ...filter, cursor }, call)),

    writes,

    webhooks: createWebhookApi(request),

    /** Resolves when the client credentials work (a still-valid cached token counts). */
    async verifyCredentials(signal?: AbortSignal): Promise<void> {
      await tokens.getToken(signal);
    },

    /** Token requests sent so far (tests prove single flight with it). */
    get tokenRequestCount() {
      return tokens.requestCount;
    },

    /** Closes the keep-alive pool if the client created it. */
    async close() {
      if (ownsDispatcher) await dispatcher.close();
    },
  };
}

export type CatenaClient = ReturnType<typeof createCatenaClient>;
