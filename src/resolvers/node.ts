/** `node` and `nodes`: objects by global id. */
import { decodeGlobalID } from '@pothos/plugin-relay';
import type { GatewayContext } from '../context.ts';
import { UserInputError } from '../errors.ts';
import { canonicalUuid, UUID_PATTERN } from '../ids.ts';
import { getConnection } from './connections.ts';
import { getResourceOperation } from './resource-operations.ts';

/** `nodes` refuses more ids than this in one call. */
export const MAX_NODES = 100;

/** Resolves a global id; one that does not decode, or names no object, is `null` like an unknown one. */
export function loadNode(ctx: GatewayContext, globalId: string): Promise<unknown> {
  let decoded: { typename: string; id: string };
  try {
    decoded = decodeGlobalID(globalId);
  } catch {
    return Promise.resolve(null);
  }
  if (decoded.typename === 'Connection' && UUID_PATTERN.test(decoded.id))
    return getConnection(ctx, canonicalUuid(decoded.id));
  if (decoded.typename === 'ResourceOperation') {
    const [connectionId = '', id = ''] = decoded.id.split(':');
    if (UUID_PATTERN.test(connectionId) && UUID_PATTERN.test(id))
      return getResourceOperation(ctx, canonicalUuid(connectionId), canonicalUuid(id));
  }
  return Promise.resolve(null);
}

/** Global ids in the order asked, each as `loadNode` resolves it. */
export function loadNodes(ctx: GatewayContext, ids: readonly string[]): Promise<unknown>[] {
  if (ids.length > MAX_NODES) throw new UserInputError(`nodes takes at most ${MAX_NODES} ids`, 'ids');
  return ids.map((id) => loadNode(ctx, id));
}
