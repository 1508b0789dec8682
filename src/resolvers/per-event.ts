/**
 * A subscription's context lives as long as the subscription; what its loaders cached must not:
 * every event is resolved with empty caches, so its nested fields (`connection`, `logs`) read what
 * Catena says now, not what an earlier event cached. One helper for every subscription, around the
 * event stream the resolver hands to graphql: the context and its loaders stay the same objects.
 */
import { clearLoaders, type Loaders } from '../catena/loaders.ts';

export function withFreshLoaders<T>(
  loaders: Loaders,
  events: AsyncIterableIterator<T>,
): AsyncIterableIterator<T> {
  return {
    async next() {
      const result = await events.next();
      // graphql resolves one event at a time: the caches of the previous one are no longer read.
      if (!result.done) clearLoaders(loaders);
      return result;
    },
    return: (value) => events.return?.(value) ?? Promise.resolve({ done: true, value }),
    throw: (error) => events.throw?.(error) ?? Promise.reject(error),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
