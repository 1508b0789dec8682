import { createHmac, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { request } from 'undici';

/** Catena's timestamp format, RFC 3339 UTC with an explicit offset. */
export const catenaTimestamp = (at = Date.now()) => new Date(at).toISOString().replace(/\.\d{3}Z$/, '+00:00');

export interface DeliveryOptions {
  secret?: string;
  timestamp?: string;
  gzip?: boolean;
  /** Sign this instead of the body (a forged signature). */
  signBody?: string;
  headers?: Record<string, string | undefined>;
  /** Send these bytes as they are (after signing `body`). */
  rawBody?: Buffer;
  /** Stream the body in 16 KiB chunks with no Content-Length (Transfer-Encoding: chunked). */
  chunked?: boolean;
}

/**
 * POSTs `body` to a receiver the way Catena does, computing the signature here, independently of the
 * gateway's code: Base64(HMAC-SHA256(secret, timestamp + "." + uncompressed body)).
 */
export async function deliver(url: string, body: string, options: DeliveryOptions = {}) {
  const timestamp = options.timestamp ?? catenaTimestamp();
  const signature = createHmac('sha256', options.secret ?? 'dev-webhook-secret')
    .update(`${timestamp}.${options.signBody ?? body}`)
    .digest('base64');
  const gzip = options.gzip ?? true;
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': 'Catena-Webhook',
    'x-catena-signature': signature,
    'x-catena-timestamp': timestamp,
    'x-request-id': randomUUID(),
    ...(gzip ? { 'content-encoding': 'gzip' } : {}),
  };
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (value === undefined) delete headers[name];
    else headers[name] = value;
  }
  const bytes = options.rawBody ?? (gzip ? gzipSync(body) : Buffer.from(body));
  const res = await request(`${url}/webhooks/catena`, {
    method: 'POST',
    headers,
    body: options.chunked ? Readable.from(chunksOf(bytes, 16 * 1024)) : bytes,
  });
  const text = await res.body.text();
  return { status: res.statusCode, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

function* chunksOf(bytes: Buffer, size: number) {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

/** A `resource_operation.*` envelope around `records`. */
export function envelope(eventName: string, records: unknown[], id: string = randomUUID()) {
  return JSON.stringify({
    version: '1.0',
    event_name: eventName,
    data: records,
    webhook_id: '8a5f3a52-6f55-4b8e-9d55-2f0d3c8a1e11',
    timestamp: catenaTimestamp(),
    id,
    delivery_attempt: 1,
  });
}
