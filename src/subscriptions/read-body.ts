/**
 * Reads a request body with hard caps on the bytes received and on the bytes after decompression,
 * while streaming: a gzip bomb is stopped after `maxBytes` of output, never inflated whole.
 */
import type { IncomingMessage } from 'node:http';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';

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

/** Passes bytes through until `limit`, then fails with a 413. */
class Limit extends Transform {
  private seen = 0;
  constructor(
    private readonly limit: number,
    private readonly what: string,
  ) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
    this.seen += chunk.length;
    if (this.seen > this.limit) done(new BodyError(413, `${this.what} is over ${this.limit} bytes`));
    else done(null, chunk);
  }
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
  const chunks: Buffer[] = [];
  const collect = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const stages: NodeJS.ReadWriteStream[] = [new Limit(limits.maxWireBytes, 'the body')];
  if (encoding !== 'identity')
    stages.push(createGunzip(), new Limit(limits.maxBytes, 'the decompressed body'));
  try {
    await pipeline([req, ...stages, collect]);
  } catch (error) {
    if (error instanceof BodyError) throw error;
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('Z_')) throw new BodyError(400, 'the body is not valid gzip');
    throw error;
  }
  return Buffer.concat(chunks);
}
