/**
 * `useActiveSubscriptions()`: open subscriptions by transport (the `/metrics` gauge), counted per
 * subscriber once its stream opens and uncounted however the stream ends. Counting here, around each
 * subscriber's own stream, rather than in the resolvers, keeps shared executions (one execution,
 * many subscribers) counted right without telling the sharing mechanism about it.
 */
import type { Plugin } from 'graphql-yoga';
import type { GatewayContext } from '../context.ts';
import { withCleanup } from './streams.ts';

export function useActiveSubscriptions(): Plugin<GatewayContext> {
  return {
    onSubscribe({ args }) {
      const ctx = args.contextValue;
      const counts = ctx.activeSubscriptions;
      if (!counts) return;
      return {
        onSubscribeResult({ result, setResult }) {
          if (!(Symbol.asyncIterator in result)) return; // refused: an error result, no stream
          counts[ctx.transport]++;
          setResult(
            withCleanup(result[Symbol.asyncIterator](), () => {
              counts[ctx.transport]--;
            }),
          );
        },
      };
    },
  };
}
