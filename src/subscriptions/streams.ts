/**
 * Async iterators whose resources are released however they end: drained, failed, or returned
 * early, even before their first `next()` (when a generator's `finally` would never run).
 */
export function withCleanup<T>(
  source: AsyncIterator<T>,
  cleanup: () => void | Promise<void>,
): AsyncIterableIterator<T> {
  let released = false;
  const release = async () => {
    if (released) return;
    released = true;
    await cleanup();
  };
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next() {
      try {
        const result = await source.next();
        if (result.done) await release();
        return result;
      } catch (error) {
        await release();
        throw error;
      }
    },
    async return(value?: unknown) {
      // Release first: a generator suspended inside `for await` only handles `return()` after its
      // pending `next()` settles, and releasing the inner stream is what settles it.
      await release();
      await source.return?.(value);
      return { done: true, value: value as T };
    },
    async throw(error?: unknown) {
      await release();
      if (source.throw) return source.throw(error);
      throw error;
    },
  };
}
