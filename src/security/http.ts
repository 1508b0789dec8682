/**
 * What is decided from the HTTP request line and headers alone, before Yoga reads anything: the
 * body size limit, and CORS.
 *
 * Body size: a POST must declare its size (Content-Length) and stay within the limit. Every GraphQL
 * client sends its JSON as one string with a Content-Length (fetch, undici, GraphiQL, graphql-sse),
 * so a chunked POST is refused with 411 instead of being counted while streaming: the decision is
 * made on the headers, before a byte of the body is read, and Node's parser guarantees the body is
 * no longer than declared. The refusal closes the connection, so the unread body is not drained.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CORSOptions } from 'graphql-yoga';
import type { ErrorCode } from '../error-codes.ts';

function refuse(res: ServerResponse, status: number, code: ErrorCode, message: string, extra = {}): true {
  const body = JSON.stringify({ errors: [{ message, extensions: { code, ...extra } }] });
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    connection: 'close',
  });
  res.end(body);
  return true;
}

/** `guardRequest(req, res)`: true when it answered (refused) the request itself. */
export function createBodyGuard(maxBodyBytes: number) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.method !== 'POST') return false;
    const declared = req.headers['content-length'];
    if (declared === undefined) {
      return refuse(
        res,
        411,
        'LENGTH_REQUIRED',
        'A POST must have a Content-Length header (no chunked bodies).',
      );
    }
    const size = Number(declared);
    if (!Number.isSafeInteger(size) || size > maxBodyBytes) {
      return refuse(
        res,
        413,
        'PAYLOAD_TOO_LARGE',
        `The request body is over the limit of ${maxBodyBytes} bytes.`,
        {
          maxBytes: maxBodyBytes,
        },
      );
    }
    return false;
  };
}

/**
 * Yoga's CORS options from the allow-list. `['*']`: any origin, without credentials (echoing any
 * origin with credentials would let every site act as the user). `[]`: no CORS headers at all, so
 * browsers keep cross-origin pages out. A list: the listed origins, with credentials; any other
 * origin gets no CORS headers (a preflight still answers 204, and the browser refuses).
 * Yoga's own handling is not used as is: it treats `[]` as "any origin" and a one-item list as
 * that origin for every caller.
 */
export function corsFor(origins: string[]): (request: Request) => CORSOptions {
  const common = { methods: ['GET', 'POST'], exposedHeaders: ['Retry-After'], maxAge: 600 };
  if (origins.includes('*')) return () => ({ ...common, origin: ['*'], credentials: false });
  const allowed = new Set(origins);
  return (request) => {
    const origin = request.headers.get('origin');
    return origin && allowed.has(origin) ? { ...common, origin: [origin], credentials: true } : false;
  };
}
