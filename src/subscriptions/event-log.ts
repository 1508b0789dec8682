/**
 * A bounded, time-ordered log of published events, so `resourceOperationEvents(after:)` can replay
 * what a client missed and continue live. In memory here (one replica); the Redis stream keeps the
 * same contract for several.
 */
import { uuidV7 } from '../ids.ts';
import type { OperationEvent } from './events.ts';

export class ResumeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ResumeError';
  }
}

export interface EventLog {
  /** Stores the event and gives it its id (ids increase in append order). */
  append(event: Omit<OperationEvent, 'eventId'>): Promise<OperationEvent>;
  /** The events after `eventId`, oldest first; `ResumeError` if it is not (or no longer) in the log. */
  after(eventId: string): Promise<OperationEvent[]>;
  /** Orders two event ids of this log. */
  compare(a: string, b: string): number;
}

export interface EventLogLimits {
  /** Events kept at most [10,000]. */
  maxEvents?: number;
  /** And for at most this long [1 hour]. */
  maxAgeMs?: number;
  now?: () => number;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function createMemoryEventLog({
  maxEvents = 10_000,
  maxAgeMs = 60 * 60 * 1000,
  now = Date.now,
}: EventLogLimits = {}): EventLog {
  const entries: { event: OperationEvent; at: number }[] = [];
  let head = 0; // index of the oldest live entry; the array is compacted now and then

  const trim = () => {
    const oldest = now() - maxAgeMs;
    while (head < entries.length && (entries.length - head > maxEvents || (entries[head]?.at ?? 0) < oldest))
      head++;
    if (head > 1024 && head > entries.length / 2) {
      entries.splice(0, head);
      head = 0;
    }
  };

  return {
    async append(partial) {
      const event = { ...partial, eventId: uuidV7() };
      entries.push({ event, at: now() });
      trim();
      return event;
    },
    async after(eventId) {
      trim();
      // Ids are ordered: binary search for the resume point.
      let lo = head;
      let hi = entries.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (compare(entries[mid]?.event.eventId ?? '', eventId) < 0) lo = mid + 1;
        else hi = mid;
      }
      if (entries[lo]?.event.eventId !== eventId) {
        const oldest = entries[head]?.event.eventId;
        throw new ResumeError(
          oldest !== undefined && compare(eventId, oldest) < 0
            ? `event ${eventId} is no longer in the event log (it keeps ${maxEvents} events for ${maxAgeMs / 1000} s); re-read the state and subscribe without after`
            : `event ${eventId} is not in the event log`,
        );
      }
      return entries.slice(lo + 1).map((e) => e.event);
    },
    compare,
  };
}
