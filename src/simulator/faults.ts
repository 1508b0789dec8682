/** Injected faults and per-route request counters, both keyed by `${METHOD} ${route pattern}`. */
import { randomUUID } from 'node:crypto';
import type { FaultSpec } from './types.ts';

export interface ActiveFault {
  id: string;
  spec: FaultSpec;
  remaining: number;
}

export interface FaultRegistry {
  add(spec: FaultSpec): string;
  clear(): void;
  /** The first fault matching this request, with one use consumed. */
  take(method: string, route: string): FaultSpec | undefined;
}

export function createFaultRegistry(): FaultRegistry {
  let faults: ActiveFault[] = [];
  return {
    add(spec) {
      const id = randomUUID();
      faults.push({ id, spec, remaining: spec.times ?? 1 });
      return id;
    },
    clear() {
      faults = [];
    },
    take(method, route) {
      const fault = faults.find(
        (f) =>
          f.remaining > 0 &&
          (f.spec.method === undefined || f.spec.method.toUpperCase() === method.toUpperCase()) &&
          (f.spec.route === undefined || f.spec.route === route),
      );
      if (fault === undefined) return undefined;
      fault.remaining -= 1;
      if (fault.remaining <= 0) faults = faults.filter((f) => f !== fault);
      return fault.spec;
    },
  };
}

export interface RequestCounter {
  hit(method: string, route: string): void;
  snapshot(): Record<string, number>;
  reset(): void;
}

export function createRequestCounter(): RequestCounter {
  let counts = new Map<string, number>();
  return {
    hit(method, route) {
      const key = `${method.toUpperCase()} ${route}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    },
    snapshot: () => Object.fromEntries(counts),
    reset() {
      counts = new Map();
    },
  };
}
