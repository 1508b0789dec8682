/**
 * `useSharedSubscriptions()`: identical live subscriptions are executed once, over WebSocket and
 * SSE alike (both reach Yoga's `subscribe`). Clients whose `resourceOperationEvents` subscription
 * has the same document, variables, viewer and transport, and that resume from nothing (no `after`,
 * no SSE `Last-Event-ID`), join one execution whose results each of them receives.
 *
 * The execution runs on its own copy of the first subscriber's context, without that client's
 * abort signal (the first client leaving must not cancel the Catena reads the others still need)
 * and with a request id of its own.
 */
import { randomUUID } from 'node:crypto';
import { type DocumentNode, getOperationAST, Kind, print } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Viewer } from '../auth/viewer.ts';
import type { CallOptions } from '../catena/client.ts';
import { createLoaders } from '../catena/loaders.ts';
import type { GatewayContext } from '../context.ts';
import { createSharedStreams, type SharedStreams } from './shared-streams.ts';

/** Who a viewer is and what it may see: clients share a stream only when all of this is equal. */
const viewerKey = (viewer: Viewer) =>
  JSON.stringify([
    viewer.id,
    [...viewer.scopes].sort(),
    viewer.fleetRefs ? [...viewer.fleetRefs].sort() : null,
    viewer.connectionIds ? [...viewer.connectionIds].sort() : null,
  ]);

/**
 * The sharing key of a subscription, or undefined when it must run on its own: only a document
 * whose one operation has the one root field `resourceOperationEvents`, without `after`, is a pure
 * live stream. `audience` says who may share it (the transport and the viewer's access).
 */
function shareKeyOf(
  document: DocumentNode,
  variables: Record<string, unknown> | null | undefined,
  audience: string,
): string | undefined {
  const operation = getOperationAST(document);
  if (operation?.operation !== 'subscription') return undefined;
  const fields = operation.selectionSet.selections;
  const [field] = fields;
  if (fields.length !== 1 || field?.kind !== Kind.FIELD || field.name.value !== 'resourceOperationEvents')
    return undefined;
  const after = field.arguments?.find((a) => a.name.value === 'after')?.value;
  if (
    after &&
    after.kind !== Kind.NULL &&
    !(after.kind === Kind.VARIABLE && variables?.[after.name.value] == null)
  ) {
    return undefined;
  }
  return JSON.stringify([textOf(document), variables ?? {}, audience]);
}

/** The document's text: Yoga parses with locations, so the source is at hand without printing. */
const textOf = (document: DocumentNode) => document.loc?.source.body ?? print(document);

/**
 * The context of a shared execution: the first subscriber's viewer and services, but neither its
 * abort signal nor its request id (the execution outlives that client and serves the others).
 */
function detached(ctx: GatewayContext): GatewayContext {
  const requestId = randomUUID();
  const call: CallOptions = { requestId };
  return { ...ctx, requestId, call, loaders: createLoaders(ctx.catena, call) };
}

export function useSharedSubscriptions(
  shared: SharedStreams = createSharedStreams(),
): Plugin<GatewayContext> {
  return {
    onSubscribe({ args, subscribeFn, setSubscribeFn }) {
      const ctx = args.contextValue;
      if (ctx.lastEventId || !ctx.viewer) return;
      const key = shareKeyOf(args.document, args.variableValues, `${ctx.transport} ${viewerKey(ctx.viewer)}`);
      if (!key) return;
      setSubscribeFn((subscribeArgs) =>
        shared.join(key, async () => subscribeFn({ ...subscribeArgs, contextValue: detached(ctx) })),
      );
    },
  };
}
