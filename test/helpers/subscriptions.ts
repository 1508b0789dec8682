import { createClient as createSseClient, type Client as SseClient } from 'graphql-sse';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

export interface Result<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

const clients: (Client | SseClient)[] = [];

/** Closes every client the helpers opened (call it in afterEach). */
export async function disposeClients(): Promise<void> {
  for (const client of clients.splice(0)) await client.dispose();
}

/** A real graphql-ws client (graphql-transport-ws) to `httpUrl`/graphql. */
export function wsClient(httpUrl: string, options: Partial<Parameters<typeof createClient>[0]> = {}): Client {
  const client = createClient({
    url: `${httpUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    ...options,
  });
  clients.push(client);
  return client;
}

/**
 * A real GraphQL-over-SSE client: distinct connections mode to `httpUrl`/graphql, or with
 * `singleConnection` one stream for every operation, to `httpUrl`/graphql/stream.
 */
export function sseClient(
  httpUrl: string,
  options: { headers?: Record<string, string>; singleConnection?: boolean } = {},
): SseClient {
  const client = createSseClient({
    url: `${httpUrl}/graphql${options.singleConnection ? '/stream' : ''}`,
    singleConnection: options.singleConnection ?? false,
    retryAttempts: 0,
    headers: options.headers,
  });
  clients.push(client);
  return client;
}

/** Streams a subscription's results as they come. */
export function stream<T>(client: Client | SseClient, query: string, variables?: Record<string, unknown>) {
  return client.iterate({ query, variables }) as AsyncIterableIterator<Result<T>>;
}

/** Every result until the subscription completes (or `max` results, then it is returned). */
export async function collect<T>(iterator: AsyncIterableIterator<Result<T>>, max = Number.POSITIVE_INFINITY) {
  const results: Result<T>[] = [];
  for await (const result of iterator) {
    results.push(result);
    if (results.length >= max) {
      await iterator.return?.();
      break;
    }
  }
  return results;
}

const pending = new WeakMap<AsyncIterator<unknown>, Promise<IteratorResult<unknown>>>();

/**
 * The next result, failing after `timeoutMs`. A `next()` that timed out stays pending on the
 * iterator; the following call takes it over rather than let it swallow a result.
 */
export async function next<T>(
  iterator: AsyncIterableIterator<Result<T>>,
  timeoutMs = 5_000,
): Promise<Result<T>> {
  let call = pending.get(iterator) as Promise<IteratorResult<Result<T>>> | undefined;
  if (!call) {
    call = iterator.next();
    pending.set(iterator, call);
  }
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no subscription result within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const result = await Promise.race([call, timeout]);
    pending.delete(iterator);
    if (result.done) throw new Error('the subscription completed');
    return result.value;
  } finally {
    clearTimeout(timer);
  }
}

export interface SseFrame {
  id?: string;
  event?: string;
  data?: string;
}

/** Opens a GraphQL-over-SSE stream with fetch and yields its frames (comments skipped). */
export async function* sseFrames(
  httpUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
  signal?: AbortSignal,
): AsyncGenerator<SseFrame> {
  const res = await fetch(`${httpUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...headers },
    body: JSON.stringify({ query, variables }),
    signal,
  });
  if (!res.body) throw new Error(`no stream (status ${res.status})`);
  const decoder = new TextDecoder();
  let buffer = '';
  const reader = res.body.getReader();
  for (;;) {
    const { value: chunk, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
    if (done || !chunk) return;
    buffer += decoder.decode(chunk, { stream: true });
    let end = buffer.indexOf('\n\n');
    while (end !== -1) {
      const frame: SseFrame = {};
      for (const line of buffer.slice(0, end).split('\n')) {
        const [field, ...rest] = line.split(':');
        const value = rest.join(':').trimStart();
        if (field === 'id' || field === 'event' || field === 'data') frame[field] = value;
      }
      buffer = buffer.slice(end + 2);
      if (frame.event || frame.data) yield frame;
      end = buffer.indexOf('\n\n');
    }
  }
}
