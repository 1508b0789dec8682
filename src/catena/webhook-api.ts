/**
 * Catena's webhook subscription API (`/v2/notifications/webhooks`): create, list, read, update,
 * delete, activate a stale subscription, replay its dead letters, its delivery logs and metrics.
 * Used by the webhooks CLI and the embedded setup, never on a request's hot path.
 */
import { z } from 'zod';
import { dateArg, sizeArg, uuidArg } from './arguments.ts';
import type { CallOptions, PageArgs } from './client.ts';
import type { WebhookStatus } from './enums.ts';
import { CatenaMethodNotAllowedError, CatenaNotFoundError } from './errors.ts';
import { type CursorPage, cursorPageSchema } from './schemas.ts';
import type { CatenaRequest } from './transport.ts';
import {
  type Webhook,
  type WebhookCreate,
  type WebhookLog,
  type WebhookMetrics,
  type WebhookRead,
  type WebhookUpdate,
  webhookLogSchema,
  webhookMetricsSchema,
  webhookReadSchema,
  webhookSchema,
} from './webhooks.ts';

export interface WebhookListArgs extends PageArgs {
  eventName?: string;
  status?: WebhookStatus;
}

export interface WebhookLogArgs extends PageArgs {
  startDate?: Date | string;
  endDate?: Date | string;
  status?: 'success' | 'failed';
}

const webhookPath = (id?: string, suffix = '') =>
  `/v2/notifications/webhooks${id === undefined ? '' : `/${uuidArg('webhookId', id)}`}${suffix}`;

export function createWebhookApi(request: CatenaRequest) {
  return {
    /** One subscription, or one per action when `event_name` is a catch-all like `resource_operation.*`. */
    async create(input: WebhookCreate, call: CallOptions = {}): Promise<Webhook[]> {
      const answer = await request('POST', webhookPath(), {
        body: input,
        schema: z.union([webhookSchema, z.array(webhookSchema)]),
        ...call,
      });
      return Array.isArray(answer) ? answer : [answer];
    },
    async list(args: WebhookListArgs = {}, call: CallOptions = {}): Promise<CursorPage<WebhookRead>> {
      return request('GET', webhookPath(), {
        query: {
          event_name: args.eventName,
          status: args.status,
          cursor: args.cursor,
          size: sizeArg(args.size),
        },
        schema: cursorPageSchema(webhookReadSchema),
        ...call,
      });
    },
    async get(id: string, call: CallOptions = {}): Promise<WebhookRead> {
      return request('GET', webhookPath(id), { schema: webhookReadSchema, ...call });
    },
    async update(id: string, patch: WebhookUpdate, call: CallOptions = {}): Promise<WebhookRead> {
      return request('PATCH', webhookPath(id), { body: patch, schema: webhookReadSchema, ...call });
    },
    async delete(id: string, call: CallOptions = {}): Promise<void> {
      await request('DELETE', webhookPath(id), { schema: z.unknown(), ...call });
    },
    /**
     * Reactivates a `stale` subscription (Catena never does it by itself), with the newer docs'
     * `POST .../activate`; where that route is not there (the SDK's OpenAPI has none), with
     * `PATCH {status: 'active'}`.
     */
    async activate(id: string, call: CallOptions = {}): Promise<WebhookRead> {
      try {
        return await request('POST', webhookPath(id, '/activate'), { schema: webhookReadSchema, ...call });
      } catch (error) {
        if (!(error instanceof CatenaNotFoundError || error instanceof CatenaMethodNotAllowedError))
          throw error;
        return request('PATCH', webhookPath(id), {
          body: { status: 'active' },
          schema: webhookReadSchema,
          ...call,
        });
      }
    },
    /** Re-sends the subscription's dead-letter queue. */
    async replay(id: string, call: CallOptions = {}): Promise<void> {
      await request('POST', webhookPath(id, '/replay'), { schema: z.unknown(), ...call });
    },
    async logs(
      id: string,
      args: WebhookLogArgs = {},
      call: CallOptions = {},
    ): Promise<CursorPage<WebhookLog>> {
      return request('GET', webhookPath(id, '/logs'), {
        query: {
          start_date: dateArg('startDate', args.startDate),
          end_date: dateArg('endDate', args.endDate),
          status: args.status,
          cursor: args.cursor,
          size: sizeArg(args.size),
        },
        schema: cursorPageSchema(webhookLogSchema),
        ...call,
      });
    },
    async metrics(id: string, call: CallOptions = {}): Promise<WebhookMetrics> {
      return request('GET', webhookPath(id, '/metrics'), { schema: webhookMetricsSchema, ...call });
    },
  };
}
