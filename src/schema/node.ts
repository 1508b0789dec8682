import { loadNode, loadNodes, MAX_NODES } from '../resolvers/node.ts';
import { builder } from './builder.ts';

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
    resolve: (_, { ids }, ctx) => loadNodes(ctx, ids),
  }),
}));
