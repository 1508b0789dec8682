/**
 * Reads a request body with hard caps on the bytes received (counted while they arrive) and on the
 * bytes after decompression: a gzip bomb is stopped after `maxBytes` of output, never inflated whole.
 */
import type { IncomingMessage } from 'node:http';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';

const gunzipAsync = promisify(gunzip);

export class BodyError extends Error {
  constructor(
    readonly status: 400 | 413,
    message: string,
  ) {
    super(message);
    this.name = 'BodyError';
  }
}

export interface ReadBodyLimits {
  /** Bytes on the wire (compressed or not). */
  maxWireBytes: number;
  /** Bytes after decompression. */
  maxBytes: number;
}

/**
 * The raw bytes, refused once they pass `max` (counted as they arrive, so an oversized body is never
 * held whole; the caller answers and closes the connection). Plain listeners, not stream.pipeline:
 * the pipeline's teardown created an AbortError and a DOMException per delivery (BENCHMARKS.md).
 */
function readWire(req: IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        done();
        req.pause();
        reject(new BodyError(413, `the body is over ${max} bytes`));
      } else {
        chunks.push(chunk);
      }
    };
    const onEnd = () => {
      done();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (error: Error) => {
      done();
      reject(error);
    };
    const onClose = () => {
      if (req.complete) return;
      done();
      reject(new BodyError(400, 'the body ended before its Content-Length'));
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}

export async function readBody(req: IncomingMessage, limits: ReadBodyLimits): Promise<Buffer> {
  const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase().trim();
  if (encoding !== 'gzip' && encoding !== 'x-gzip' && encoding !== 'identity') {
    throw new BodyError(400, `Content-Encoding ${encoding} is not supported (gzip or identity)`);
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limits.maxWireBytes) {
    throw new BodyError(413, `the body is over ${limits.maxWireBytes} bytes`);
  }
  const wire = await readWire(req, limits.maxWireBytes);
  if (encoding === 'identity') return wire;
  try {
    // zlib stops inflating once the output passes maxOutputLength: a bomb is never inflated whole.
    return await gunzipAsync(wire, { maxOutputLength: limits.maxBytes });
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (code === 'ERR_BUFFER_TOO_LARGE') {
      throw new BodyError(413, `the decompressed body is over ${limits.maxBytes} bytes`);
    }
    if (code.startsWith('Z_')) throw new BodyError(400, 'the body is not valid gzip');
    throw error;
  }
}
