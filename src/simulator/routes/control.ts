/**
 * `/_simulator/*`: the control API over HTTP, for standalone use (no token, not counted, no
 * latency). Bodies mirror `SimulatorControl`; `times: null` in a fault means unlimited.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { SimulatorContext } from '../context.ts';
import { badRequest } from '../errors.ts';
import { jsonBody } from '../http.ts';
import { CONNECTION_STATES, OPERATION_STATES } from '../model/enums.ts';
import { SUBSCRIPTION_STATES } from '../model/notifications.ts';
import type { FaultSpec } from '../types.ts';

const configSchema = z.object({
  latencyMs: z.number().int().min(0).optional(),
  processingMs: z.number().int().min(0).optional(),
  tokenTtlSeconds: z.number().int().min(1).optional(),
  webhookDeliveryPaused: z.boolean().optional(),
  writeAnswerShape: z.enum(['full', 'short']).optional(),
});

const webhookPatchSchema = z.object({ status: z.enum(SUBSCRIPTION_STATES) });

const matcher = {
  method: z.string().optional(),
  route: z.string().optional(),
  times: z
    .number()
    .int()
    .min(1)
    .nullable()
    .optional()
    .transform((t) => (t === null ? Number.POSITIVE_INFINITY : t)),
};
const faultSchema = z.discriminatedUnion('kind', [
  z.object({
    ...matcher,
    kind: z.literal('status'),
    status: z.number().int().min(400).max(599),
    retryAfterSeconds: z.number().int().min(0).optional(),
  }),
  z.object({ ...matcher, kind: z.literal('drop'), phase: z.enum(['before', 'after']).optional() }),
  z.object({
    ...matcher,
    kind: z.literal('delay'),
    delayMs: z.number().int().min(0),
    phase: z.enum(['before', 'after']).optional(),
  }),
]);

const seedSchema = z.object({
  count: z.number().int().min(1).max(100_000),
  connectionIds: z.array(z.string()).optional(),
  status: z.enum(OPERATION_STATES).optional(),
});

function parse<T extends z.ZodType>(schema: T, request: FastifyRequest): z.output<T> {
  const result = schema.safeParse(jsonBody(request) ?? {});
  if (!result.success) throw badRequest(z.prettifyError(result.error));
  return result.data;
}

/** Drops keys whose value is undefined, so the result fits the exact optional-property types. */
const connectionPatchSchema = z.object({
  description: z.string().optional(),
  status: z.enum(CONNECTION_STATES).optional(),
});

function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function registerControlRoutes(app: FastifyInstance, ctx: SimulatorContext): void {
  const control = ctx.control;
  app.get('/_simulator/requests', async () => control.requestCounts());
  app.delete('/_simulator/requests', async (_request, reply) => {
    control.resetRequestCounts();
    return reply.code(204).send();
  });
  app.put('/_simulator/config', async (request) => {
    control.configure(defined(parse(configSchema, request)));
    return { ...ctx.knobs };
  });
  app.post('/_simulator/faults', async (request, reply) => {
    const fault = defined(parse(faultSchema, request)) as FaultSpec;
    return reply.code(201).send({ id: control.addFault(fault) });
  });
  app.delete('/_simulator/faults', async (_request, reply) => {
    control.clearFaults();
    return reply.code(204).send();
  });
  app.post('/_simulator/tokens/revoke', async (_request, reply) => {
    control.revokeTokens();
    return reply.code(204).send();
  });
  app.post('/_simulator/operations/seed', async (request, reply) => {
    const spec = defined(parse(seedSchema, request));
    return reply.code(201).send(control.seedOperations(spec));
  });
  app.get('/_simulator/deliveries', async () => control.deliveries());
  app.post('/_simulator/reset', async (_request, reply) => {
    control.reset();
    return reply.code(204).send();
  });
  app.get('/_simulator/fixtures', async () => ctx.fixtures);
  app.patch('/_simulator/webhooks/:id', async (request, reply) => {
    const { id } = request.params as { id: string };
    const { status } = parse(webhookPatchSchema, request);
    return reply.code(control.setWebhookStatus(id, status) ? 204 : 404).send();
  });
  app.patch('/_simulator/connections/:id', async (request, reply) => {
    const { id } = request.params as { id: string };
    const patch = defined(parse(connectionPatchSchema, request));
    return reply.code(control.updateConnection(id, patch) ? 204 : 404).send();
  });
}
