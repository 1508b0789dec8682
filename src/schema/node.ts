import { decodeGlobalID } from '@pothos/plugin-relay';
import type { GatewayContext } from '../context.ts';
import { UserInputError } from '../errors.ts';
import { canonicalUuid, UUID_PATTERN } from '../ids.ts';
import { getConnection } from '../resolvers/connections.ts';
import { getResourceOperation } from '../resolvers/resource-operations.ts';
import { builder } from './builder.ts';

/** `nodes` refuses more ids than this in one call. */
export const MAX_NODES = 100;

/** Resolves a global id; one that does not decode, or names no object, is `null` like an unknown one. */
function loadNode(ctx: GatewayContext, globalId: string): Promise<unknown> {
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

builder.queryFields((t) => ({
  node: t.field({
    type: builder.nodeInterfaceRef(),
    nullable: true,
    description: 'Any object by its global id; null when it does not exist.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_, { id }, ctx) => loadNode(ctx, id),
  }),
  nodes: t.field({
    type: [builder.nodeInterfaceRef()],
    nullable: { list: false, items: true },
    description: `Objects by global id, in the order asked (at most ${MAX_NODES}); null where one does not exist.`,
    args: { ids: t.arg.idList({ required: true }) },
    resolve: (_, { ids }, ctx) => {
      if (ids.length > MAX_NODES) throw new UserInputError(`nodes takes at most ${MAX_NODES} ids`, 'ids');
      return ids.map((id) => loadNode(ctx, id));
    },
  }),
}));
