/**
 * Telematics service: the twelve writes, as model/writes.ts describes them. Checks run in
 * Catena's order: query and body validation (422), connection (404), share level (403), update
 * target (404), referenced ids (422), uniqueness (409); then the operation is recorded.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { objectSchema } from '../body-validation.ts';
import type { SimulatorContext } from '../context.ts';
import { conflict, forbidden, notFound, validationError, zodDetails } from '../errors.ts';
import { type CatenaRouter, jsonBody, pathUuid } from '../http.ts';
import { WRITE_ENDPOINTS, type WriteEndpoint } from '../model/writes.ts';
import { resolvePayload } from '../payload.ts';
import { createQueryReader } from '../query.ts';
import type { ConnectionRecord, EntityRecord, Store } from '../store.ts';
import { shortWriteResponseView, writeResponseView } from '../store.ts';

/** The field that must be unique per connection, by resource. */
const UNIQUE_FIELDS: Partial<Record<string, string>> = { vehicle: 'vin', user: 'username' };

function assertUnique(
  store: Store,
  connection: ConnectionRecord,
  resource: string,
  body: Record<string, unknown>,
  target: EntityRecord | undefined,
): void {
  const field = UNIQUE_FIELDS[resource];
  const value = field === undefined ? undefined : body[field];
  if (field === undefined || typeof value !== 'string' || value === '') return;
  const wanted = value.toLowerCase();
  const clash = store.findEntity(
    connection.id,
    resource === 'vehicle' ? 'vehicle' : 'user',
    (entity) => entity.id !== target?.id && String(entity.attributes[field] ?? '').toLowerCase() === wanted,
  );
  if (clash)
    throw conflict(`A ${resource} with ${field} '${value}' already exists on connection ${connection.id}`);
}

async function handleWrite(
  ctx: SimulatorContext,
  spec: WriteEndpoint,
  bodySchema: z.ZodObject,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<unknown> {
  const query = createQueryReader(request.url);
  const sync = query.bool('is_sync', false);
  query.finish();
  const targetId = spec.operation === 'update' ? pathUuid(request, 'id') : undefined;
  const raw = jsonBody(request);
  const parsed = bodySchema.safeParse(raw);
  if (!parsed.success) throw validationError(zodDetails(parsed.error, raw));
  const body = parsed.data as Record<string, unknown>;

  const connectionId = String(body.connection_id).toLowerCase();
  const connection = ctx.store.connection(connectionId);
  if (connection === undefined) throw notFound(`Connection ${connectionId} not found`);
  if (connection.share_level !== 'read_write') {
    throw forbidden(
      `Connection ${connection.id} is shared read-only; writes need the read_write share level`,
    );
  }
  let target: EntityRecord | undefined;
  if (targetId !== undefined) {
    target = ctx.store.entityOn(connection.id, spec.resource, targetId);
    if (target === undefined)
      throw notFound(`No ${spec.resource} ${targetId} on connection ${connection.id}`);
  }
  const { payload, details } = resolvePayload(
    spec.operationId,
    { ...body, connection_id: connection.id },
    (resource, id) => ctx.store.entityOn(connection.id, resource, id),
    target,
  );
  if (details.length > 0) throw validationError(details);
  assertUnique(ctx.store, connection, spec.resource, body, target);

  const op = ctx.processor.submit({ spec, connection, payload, sync, ...(target ? { target } : {}) });
  const status = !sync ? 202 : op.status === 'success' ? 200 : 502;
  const view = ctx.knobs.writeAnswerShape === 'short' ? shortWriteResponseView(op) : writeResponseView(op);
  return reply.code(status).send(view);
}

export function registerWriteRoutes(router: CatenaRouter, ctx: SimulatorContext): void {
  for (const spec of WRITE_ENDPOINTS) {
    const bodySchema = objectSchema(spec.body);
    const url = spec.path.replace(/\{(\w+)\}/g, ':$1');
    router.route(spec.method, url, (request, reply) => handleWrite(ctx, spec, bodySchema, request, reply));
  }
}
