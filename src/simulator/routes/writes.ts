/**
 * Telematics service: the twelve writes (api-facts §2, `WRITES` in catena/bodies.ts). Checks run in
 * Catena's order: query and body validation (422), connection (404), share level (403), update
 * target (404), referenced ids (422), uniqueness (409); then the operation is recorded.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { WRITE_NAMES, WRITES, type WriteName } from '../../catena/bodies.ts';
import type { SimulatorContext } from '../context.ts';
import { conflict, forbidden, notFound, validationError, zodDetails } from '../errors.ts';
import { type CatenaRouter, jsonBody, pathUuid } from '../http.ts';
import { resolvePayload } from '../payload.ts';
import { createQueryReader } from '../query.ts';
import type { ConnectionRecord, EntityRecord, Store } from '../store.ts';
import { writeResponseView } from '../store.ts';

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
  writeName: WriteName,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<unknown> {
  const spec = WRITES[writeName];
  const query = createQueryReader(request.url);
  const sync = query.bool('is_sync', false);
  query.finish();
  const targetId = spec.operation === 'update' ? pathUuid(request, 'id') : undefined;
  const raw = jsonBody(request);
  const parsed = spec.body.safeParse(raw);
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
    writeName,
    { ...body, connection_id: connection.id },
    (resource, id) => ctx.store.entityOn(connection.id, resource, id),
    target,
  );
  if (details.length > 0) throw validationError(details);
  assertUnique(ctx.store, connection, spec.resource, body, target);

  const op = ctx.processor.submit({ spec, connection, payload, sync, ...(target ? { target } : {}) });
  const status = !sync ? 202 : op.status === 'success' ? 200 : 502;
  return reply.code(status).send(writeResponseView(op));
}

export function registerWriteRoutes(router: CatenaRouter, ctx: SimulatorContext): void {
  for (const writeName of WRITE_NAMES) {
    const spec = WRITES[writeName];
    const method = spec.operation === 'create' ? 'POST' : 'PATCH';
    const url = spec.operation === 'create' ? spec.path : `${spec.path}/:id`;
    router.route(method, url, (request, reply) => handleWrite(ctx, writeName, request, reply));
  }
}
