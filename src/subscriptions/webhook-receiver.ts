/**
 * `POST /webhooks/catena` (contract §5): Catena's signed, gzip-compressed deliveries become operation
 * events. Nothing is published before the signature, the timestamp and the envelope check out.
 *
 * 202 accepted (also a duplicate), 401 bad or missing signature or a stale timestamp, 400 malformed,
 * 413 too large, 503 when the event cannot be handed on (Catena retries 5xx, so nothing is lost).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import type { ResourceOperation } from '../catena/schemas.ts';
import {
  resourceOperationEventRecordSchema,
  verifyWebhook,
  WEBHOOK_HEADERS,
  webhookEnvelopeSchema,
} from '../catena/webhooks.ts';
import type { Logger } from '../logger.ts';
import type { OperationEventType } from './events.ts';
import type { EventHub } from './hub.ts';
import { BodyError, readBody } from './read-body.ts';
import type { DedupeStore } from './stores.ts';

export interface WebhookReceiverOptions {
  /** Signing secrets, any of which may have signed a delivery (rotation). Empty: the receiver is off. */
  secrets: string[];
  hub: EventHub;
  /** Remembers delivered envelope ids. */
  dedupe: DedupeStore;
  logger: Logger;
  /** Bytes on the wire [1 MiB]. */
  maxWireBytes?: number;
  /** Bytes after gunzip [8 MiB]. */
  maxBytes?: number;
  /** Accepted clock difference of `X-Catena-Timestamp` [5 min]. */
  toleranceMs?: number;
  /** Answer 503 rather than keep Catena waiting past its 3 s [2.5 s]. */
  deadlineMs?: number;
  /** Told the status of every answer (metrics). */
  onAnswer?: (status: number) => void;
  now?: () => number;
}

const EVENT_TYPES: Record<string, OperationEventType> = {
  'resource_operation.created': 'CREATED',
  'resource_operation.succeeded': 'SUCCEEDED',
  'resource_operation.failed': 'FAILED',
};
const ENVELOPE_TTL_MS = 15 * 24 * 60 * 60 * 1000;

class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export function createWebhookReceiver(options: WebhookReceiverOptions) {
  const {
    secrets,
    hub,
    dedupe,
    logger,
    maxWireBytes = 1024 * 1024,
    maxBytes = 8 * 1024 * 1024,
    toleranceMs = 5 * 60 * 1000,
    deadlineMs = 2_500,
    now = Date.now,
    onAnswer,
  } = options;

  async function handle(req: IncomingMessage): Promise<{ status: number; body: Record<string, unknown> }> {
    if (req.method !== 'POST') throw new Refusal(405, 'use POST');
    if (secrets.length === 0) throw new Refusal(503, 'the webhook receiver has no signing secret configured');
    const signature = header(req, WEBHOOK_HEADERS.signature);
    const timestamp = header(req, WEBHOOK_HEADERS.timestamp);
    if (!signature || !timestamp)
      throw new Refusal(401, 'X-Catena-Signature and X-Catena-Timestamp are required');
    const sentAt = Date.parse(timestamp);
    if (Number.isNaN(sentAt) || Math.abs(now() - sentAt) > toleranceMs) {
      throw new Refusal(401, 'X-Catena-Timestamp is missing, malformed or more than 5 minutes off');
    }

    const body = await readBody(req, { maxWireBytes, maxBytes });
    if (!verifyWebhook(secrets, timestamp, body, signature))
      throw new Refusal(401, 'the signature does not match');

    let json: unknown;
    try {
      json = JSON.parse(body.toString('utf8'));
    } catch {
      throw new Refusal(400, 'the body is not JSON');
    }
    const envelope = webhookEnvelopeSchema.safeParse(json);
    if (!envelope.success) throw new Refusal(400, `malformed envelope: ${summarize(envelope.error)}`);
    const eventName = envelope.data.event_name ?? header(req, WEBHOOK_HEADERS.eventType) ?? '';
    if (!eventName.startsWith('resource_operation.')) return { status: 202, body: { ignored: eventName } };

    const records: ResourceOperation[] = [];
    for (const [index, record] of envelope.data.data.entries()) {
      const parsed = resourceOperationEventRecordSchema.safeParse(record);
      if (!parsed.success) throw new Refusal(400, `malformed data[${index}]: ${summarize(parsed.error)}`);
      records.push(parsed.data);
    }

    const envelopeKey = envelope.data.id ? `envelope:${envelope.data.id}` : undefined;
    if (envelopeKey && !(await dedupe.firstTime(envelopeKey, ENVELOPE_TTL_MS))) {
      return { status: 202, body: { duplicate: true } };
    }
    try {
      let published = 0;
      for (const op of records) {
        if ((await hub.ingest(op, 'webhook', EVENT_TYPES[eventName])) === 'published') published++;
      }
      return { status: 202, body: { accepted: records.length, published } };
    } catch (error) {
      if (envelopeKey) await dedupe.forget(envelopeKey).catch(() => undefined);
      throw error;
    }
  }

  return async function receiveWebhook(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // A plain timer: an aborted timers/promises delay costs an AbortError and a DOMException per
    // delivery, and almost every delivery beats the deadline.
    let deadline: NodeJS.Timeout | undefined;
    let answer: { status: number; body: Record<string, unknown> };
    const work = handle(req);
    work.catch(() => undefined); // it may still fail after the deadline answered
    try {
      answer = await Promise.race([
        work,
        new Promise<never>((_, reject) => {
          deadline = setTimeout(
            () => reject(new Refusal(503, 'the event could not be handed on in time')),
            deadlineMs,
          );
        }),
      ]);
    } catch (error) {
      if (error instanceof Refusal || error instanceof BodyError) {
        answer = { status: error.status, body: { error: error.message } };
      } else {
        logger.error({ err: error }, 'webhook delivery could not be handed on');
        answer = { status: 503, body: { error: 'the event could not be handed on; retry' } };
      }
    } finally {
      clearTimeout(deadline);
    }
    onAnswer?.(answer.status);
    const level = answer.status >= 500 ? 'warn' : answer.status >= 400 ? 'info' : 'debug';
    logger[level](
      { status: answer.status, requestId: header(req, WEBHOOK_HEADERS.requestId), ...answer.body },
      'webhook delivery',
    );
    if (res.headersSent) return;
    const unread = !req.complete;
    res.writeHead(answer.status, {
      'content-type': 'application/json',
      ...(unread ? { connection: 'close' } : {}),
    });
    // A refused body may not have been read to its end: answer, then stop reading it.
    if (unread) res.once('finish', () => req.destroy());
    res.end(JSON.stringify(answer.body));
  };
}

function summarize(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}
