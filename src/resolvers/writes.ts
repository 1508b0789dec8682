/**
 * The twelve writes: validate the input (nothing reaches Catena otherwise), send it once, map
 * Catena's refusals to typed results, and honour idempotency keys.
 */
import { createHash } from 'node:crypto';
import { canSeeConnection } from '../auth/viewer.ts';
import type { WriteName } from '../catena/bodies.ts';
import type { ResourceOperation } from '../catena/schemas.ts';
import type { GatewayContext } from '../context.ts';
import { ClientError } from '../errors.ts';
import type { IdempotentOutcome } from '../idempotency/store.ts';
import {
  ConflictError,
  type FieldError,
  ForbiddenError,
  InputValidationError,
  TspRejectedError,
} from './write-errors.ts';
import { writeInput } from './write-input.ts';
import { mayHaveWritten, toWriteError } from './write-refusals.ts';

/** How Catena carries a write out: queued (`is_sync=false`) or now, with the TSP's outcome. */
export type WriteMode = 'ASYNC' | 'SYNC';

export interface WriteArgs {
  /** The record to update (updates only). */
  id?: string;
  input: Record<string, unknown>;
  mode?: WriteMode | null;
  idempotencyKey?: string | null;
}

export const MAX_IDEMPOTENCY_KEY = 255;
/** How long a retry waits for a concurrent call with the same key before giving up. */
const SETTLE_TIMEOUT_MS = 30_000;

/**
 * The answer to a retry of a finished call: the operation as it is now (an async write recorded
 * while `pending` has usually settled since), read through the request's loader; the recorded
 * snapshot only when Catena cannot say.
 */
async function replay(ctx: GatewayContext, outcome: IdempotentOutcome): Promise<ResourceOperation> {
  if (outcome.kind === 'uncertain') {
    throw new ConflictError(
      'The first call with this idempotency key may have reached Catena but its outcome is unknown; ' +
        'look for the operation in resourceOperations before writing again with a new key.',
    );
  }
  const { operation } = outcome;
  if (outcome.rejected) throw new TspRejectedError(operation);
  if (operation.status !== 'pending') return operation;
  try {
    const current = await ctx.loaders.operationByKey.load({
      connectionId: operation.connection_id,
      id: operation.id,
    });
    return current ?? operation;
  } catch (error) {
    ctx.logger.debug({ err: error, operationId: operation.id }, 'replaying the recorded snapshot');
    return operation;
  }
}

export async function performWrite(
  ctx: GatewayContext,
  name: WriteName,
  args: WriteArgs,
): Promise<ResourceOperation> {
  if (!ctx.viewer.scopes.has('write'))
    throw new ForbiddenError('This credential may not write (no write scope).');
  // Everything that needs no upstream state first, so a refused input costs no Catena call.
  const body = checkedBody(name, args);
  await assertConnectionInScope(ctx, String(body.connection_id));
  const sync = args.mode === 'SYNC';
  const send = async (): Promise<ResourceOperation> => {
    const method = ctx.catena.writes[name] as (...a: unknown[]) => Promise<ResourceOperation>;
    const options = { sync, requestId: ctx.requestId };
    try {
      const operation = await (args.id === undefined
        ? method(body, options)
        : method(args.id, body, options));
      await announce(ctx, operation);
      return operation;
    } catch (error) {
      const mapped = toWriteError(error, name, args.id);
      if (mapped instanceof TspRejectedError) await announce(ctx, mapped.operation);
      throw mapped;
    }
  };

  const given = args.idempotencyKey;
  if (given === undefined || given === null) return send();
  const key = `${ctx.viewerId}:${name}:${given}`;
  const fingerprint = createHash('sha256')
    .update(JSON.stringify({ id: args.id ?? null, sync, body }))
    .digest('base64url');

  let claim = await storeCall(() => ctx.idempotency.claim(key, fingerprint));
  if (claim.state === 'running') {
    if (claim.fingerprint !== fingerprint) throw differentInput();
    await storeCall(() => ctx.idempotency.settled(key, SETTLE_TIMEOUT_MS));
    claim = await storeCall(() => ctx.idempotency.claim(key, fingerprint));
    if (claim.state === 'running') {
      throw new ConflictError('A call with this idempotency key is still in progress.');
    }
  }
  if (claim.state === 'done') {
    if (claim.fingerprint !== fingerprint) {
      ctx.metrics?.idempotency('conflict');
      throw differentInput();
    }
    ctx.metrics?.idempotency('replayed');
    return replay(ctx, claim.outcome);
  }
  ctx.metrics?.idempotency('new');

  // Once Catena has answered, failing to record it must not hide the answer: log it and go on.
  const record = (what: () => Promise<void>) =>
    what().catch((error: unknown) =>
      ctx.logger.error({ err: error, key: given }, 'could not record an idempotency key'),
    );
  try {
    const operation = await send();
    await record(() =>
      ctx.idempotency.finish(key, fingerprint, { kind: 'operation', operation, rejected: false }),
    );
    return operation;
  } catch (error) {
    if (error instanceof TspRejectedError) {
      const outcome = { kind: 'operation' as const, operation: error.operation, rejected: true };
      await record(() => ctx.idempotency.finish(key, fingerprint, outcome));
    } else if (mayHaveWritten(error)) {
      await record(() => ctx.idempotency.finish(key, fingerprint, { kind: 'uncertain' }));
    } else {
      await record(() => ctx.idempotency.release(key));
    }
    throw error;
  }
}

/** Catena's body for the write; the input's and the idempotency key's problems in one refusal. */
function checkedBody(name: WriteName, args: WriteArgs): Record<string, unknown> {
  const key = args.idempotencyKey;
  const keyErrors: FieldError[] =
    typeof key === 'string' && (key.length === 0 || key.length > MAX_IDEMPOTENCY_KEY)
      ? [{ path: ['idempotencyKey'], message: `must be 1 to ${MAX_IDEMPOTENCY_KEY} characters` }]
      : [];
  let body: Record<string, unknown>;
  try {
    body = writeInput(name).toBody(args.input);
  } catch (error) {
    if (error instanceof InputValidationError && keyErrors.length > 0) {
      throw new InputValidationError([...error.fieldErrors, ...keyErrors]);
    }
    throw error;
  }
  if (keyErrors.length > 0) throw new InputValidationError(keyErrors);
  return body;
}

/**
 * Our own writes are events too: an async write is CREATED now (Catena's own `created` webhook for
 * it is then a duplicate); a sync write's outcome is final, and Catena sends no webhook for it.
 * The write happened whatever becomes of this, so a failure to publish is only logged.
 */
async function announce(ctx: GatewayContext, operation: ResourceOperation): Promise<void> {
  try {
    await ctx.hub.ingest(operation, 'write');
  } catch (error) {
    ctx.logger.warn({ err: error, operationId: operation.id }, 'could not publish the event of a write');
  }
}

/** A viewer limited to some fleets or connections writes only through those. */
async function assertConnectionInScope(ctx: GatewayContext, connectionId: string): Promise<void> {
  const { viewer } = ctx;
  if (!viewer.fleetRefs && !viewer.connectionIds) return;
  if (viewer.connectionIds && !viewer.connectionIds.has(connectionId.toLowerCase())) throw outOfScope();
  if (viewer.fleetRefs) {
    const connection = await ctx.directory.get(connectionId);
    if (!connection || !canSeeConnection(viewer, connection.id, connection.fleet_ref)) throw outOfScope();
  }
}

const outOfScope = () => new ForbiddenError('This credential may not write through this connection.');

/** The idempotency store being away (Redis down) is said plainly, not masked as a bug. */
async function storeCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch {
    throw new ClientError(
      'SERVICE_UNAVAILABLE',
      'Idempotency keys cannot be honoured right now; retry shortly, or write without one.',
      'idempotencyKey',
    );
  }
}

function differentInput() {
  return new ConflictError('This idempotency key was already used with a different input.');
}
