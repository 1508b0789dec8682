/**
 * Resumable SSE: every `resourceOperationEvents` message carries its eventId as the SSE `id:`, so a
 * client (or a browser's EventSource) reconnecting with `Last-Event-ID` resumes right after it
 * (the header stands for the `after` argument). Other streams are written exactly as Yoga does.
 */
import type { ExecutionResult } from 'graphql';
import type { FetchAPI, Plugin } from 'graphql-yoga';

const PING_MS = 12_000;

/** The eventId of a result of `resourceOperationEvents`, if it is one. */
function eventIdOf(result: ExecutionResult): string | undefined {
  const event = (result.data as { resourceOperationEvents?: { eventId?: unknown } } | null | undefined)
    ?.resourceOperationEvents;
  return typeof event?.eventId === 'string' ? event.eventId : undefined;
}

/**
 * Each result's `event: next` frame, encoded once: the subscribers of a shared execution
 * (shared-subscriptions.ts) receive the same result object, so a thousand SSE clients cost one
 * serialisation per event. Frames are only read after encoding (written to sockets as they are).
 */
const frames = new WeakMap<ExecutionResult, Uint8Array>();

function frameOf(result: ExecutionResult, encoder: TextEncoder): Uint8Array {
  let frame = frames.get(result);
  if (!frame) {
    const id = eventIdOf(result);
    frame = encoder.encode(`${id ? `id: ${id}\n` : ''}event: next\ndata: ${JSON.stringify(result)}\n\n`);
    frames.set(result, frame);
  }
  return frame;
}

/** GraphQL over SSE (distinct connections): `event: next` per result with its `id:`, then `complete`. */
function sseWithIds(results: AsyncIterable<ExecutionResult>, fetchAPI: FetchAPI): Response {
  // The server adapter's own stream and response types: its client-disconnect handling cancels them.
  const encoder = new fetchAPI.TextEncoder();
  const iterator = results[Symbol.asyncIterator]();
  let ping: NodeJS.Timeout | undefined;
  const stream = new fetchAPI.ReadableStream<Uint8Array>({
    start(controller) {
      // Start with a comment: some clients wait for a first byte before they report the stream open.
      controller.enqueue(encoder.encode(':\n\n'));
      ping = setInterval(() => {
        if (controller.desiredSize !== null && controller.desiredSize > 0)
          controller.enqueue(encoder.encode(':\n\n'));
      }, PING_MS);
    },
    async pull(controller) {
      try {
        const { value, done } = await iterator.next();
        if (value != null) controller.enqueue(frameOf(value, encoder));
        if (done) {
          controller.enqueue(encoder.encode('event: complete\ndata:\n\n'));
          clearInterval(ping);
          controller.close();
        }
      } catch (error) {
        clearInterval(ping);
        controller.error(error);
      }
    },
    async cancel() {
      clearInterval(ping);
      await iterator.return?.();
    },
  });
  return new fetchAPI.Response(stream, {
    headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' },
  });
}

/**
 * Whether Yoga answers this request's stream as SSE: it asks for `text/event-stream` and not for
 * `multipart/mixed` (Yoga prefers multipart when both are accepted; `@defer` over multipart must
 * stay multipart).
 */
function wantsEventStream(request: Request): boolean {
  const types = (request.headers.get('accept') ?? '')
    .split(',')
    .map((type) => type.split(';')[0]?.trim().toLowerCase());
  return types.includes('text/event-stream') && !types.includes('multipart/mixed');
}

export function useSseEventIds(): Plugin {
  return {
    onResultProcess({ request, result, setResultProcessor }) {
      const streamed = typeof (result as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function';
      if (streamed && wantsEventStream(request)) {
        setResultProcessor(
          (results, fetchAPI) => sseWithIds(results as AsyncIterable<ExecutionResult>, fetchAPI),
          'text/event-stream',
        );
      }
    },
  };
}

/** The SSE reconnection header, when it names an event to resume after. */
export function lastEventIdOf(request: Request | undefined): string | undefined {
  const id = request?.headers.get('last-event-id')?.trim();
  return id && id.length <= 200 ? id : undefined;
}
