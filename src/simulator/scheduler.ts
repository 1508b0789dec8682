/**
 * Every timer the simulator starts goes through here, so `stop()` and `reset()` can cancel them all
 * and leave no stray timers behind.
 */
export interface Scheduler {
  /** Runs `fn` after `ms`, unless cleared first; returns a function that cancels it. */
  after(ms: number, fn: () => void): () => void;
  /** Resolves after `ms`, or at once when the scheduler is cleared (held responses then finish). */
  sleep(ms: number): Promise<void>;
  /** Cancels every pending timer and releases every sleeper. */
  clear(): void;
  /** `clear()`, and from now on schedules nothing (for `stop()`). */
  dispose(): void;
}

export function createScheduler(): Scheduler {
  const timers = new Map<NodeJS.Timeout, (() => void) | undefined>();
  let disposed = false;

  const clear = () => {
    for (const [timer, release] of timers) {
      clearTimeout(timer);
      release?.();
    }
    timers.clear();
  };

  return {
    after(ms, fn) {
      if (disposed) return () => {};
      const timer = setTimeout(() => {
        timers.delete(timer);
        fn();
      }, ms);
      timers.set(timer, undefined);
      return () => {
        clearTimeout(timer);
        timers.delete(timer);
      };
    },
    sleep(ms) {
      if (ms <= 0 || disposed) return Promise.resolve();
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          timers.delete(timer);
          resolve();
        }, ms);
        timers.set(timer, resolve);
      });
    },
    clear,
    dispose() {
      disposed = true;
      clear();
    },
  };
}
