/**
 * The window's operations, live: the event feed is opened first (so nothing created while the
 * pages load is missed), then every page is read into the table; each event then adds or updates
 * its row. A dropped connection resumes the feed after the last event it delivered; where the
 * gateway's event log no longer reaches back that far (it restarted, or the outage outlasted the
 * log), the window is read again into the rows it has, and the feed starts afresh.
 */

import { LRUCache } from 'lru-cache';
import { useEffect, useReducer, useRef, useState } from 'preact/hooks';
import type { ConsoleClient } from './client.ts';
import { EventsSubscription, OperationsQuery } from './documents.ts';
import { type Filters, type WindowFacts, windowQuery } from './filters.ts';
import type { ConsoleOperationsQuery } from './generated/graphql.ts';
import { resilientSubscription } from './live.ts';
import { OperationTable, type Row } from './operations.ts';

/** The most rows one window holds; a larger window is cut, and the page says so. */
export const MAX_ROWS = 20_000;

export type Live = 'connecting' | 'live' | 'reconnecting' | 'refused';

export interface Loading {
  rows: number;
  done: boolean;
  /** The window holds more than MAX_ROWS. */
  cut: boolean;
}

export interface OperationWindow {
  table: OperationTable;
  /** Bumped on every change of the table. */
  version: number;
  /** The rows the last change added (the table keeps the rows in view still by them). */
  added: readonly Row[];
  loading: Loading;
  live: Live;
  problem: string | null;
  /** Adds an operation the page wrote, if the filters let it in. */
  offer(op: Row): void;
}

export function useOperationWindow(client: ConsoleClient, filters: Filters): OperationWindow {
  const table = useRef(new OperationTable()).current;
  const [version, bump] = useReducer((n: number) => n + 1, 0);
  const added = useRef<readonly Row[]>([]);
  const accepts = useRef<(op: WindowFacts) => boolean>(() => false);
  const [loading, setLoading] = useState<Loading>({ rows: 0, done: false, cut: false });
  const [live, setLive] = useState<Live>('connecting');
  const [problem, setProblem] = useState<string | null>(null);
  // Bumped to read the window again without leaving it (the feed could not resume).
  const [resyncs, resync] = useReducer((n: number) => n + 1, 0);
  const shown = useRef<{ client: ConsoleClient; key: string } | null>(null);

  const apply = (rows: Row[]) => {
    added.current = table.upsert(rows).added;
    bump(0);
  };

  // The filters that decide what is read (status only decides what is shown).
  const key = JSON.stringify([
    filters.window,
    filters.connectionId,
    filters.sourceName,
    filters.fleetRefs,
    filters.resource,
  ]);
  useEffect(() => {
    let cancelled = false;
    if (shown.current?.client !== client || shown.current.key !== key) {
      shown.current = { client, key };
      table.clear();
      added.current = [];
      setLive('connecting');
      bump(0);
    }
    setProblem(null);
    setLoading({ rows: 0, done: false, cut: false });
    const query = windowQuery(filters);
    accepts.current = query.accepts;
    // The events delivered lately: a replay that overlaps them shows each once.
    const seen = new LRUCache<string, true>({ max: 5000 });
    let after: string | null = null;
    const offSocket = client.onSocket((state) => {
      if (state === 'open') setLive('live');
      else if (state === 'closed') setLive(client.refused ? 'refused' : 'reconnecting');
    });
    const stopEvents = resilientSubscription(
      client.urql,
      EventsSubscription,
      () => ({ after, filter: query.events }),
      {
        data: ({ resourceOperationEvents: event }) => {
          after = event.eventId;
          setLive('live');
          if (seen.has(event.eventId)) return;
          seen.set(event.eventId, true);
          if (query.accepts(event.operation)) apply([event.operation]);
        },
        mayRetry: () => !client.refused,
        failed: (error) => {
          if (error.graphQLErrors.some((e) => e.extensions?.code === 'RESUME_POINT_UNAVAILABLE')) resync(0);
          else
            setProblem(
              client.refused
                ? 'The gateway refused the credential: type another and Connect.'
                : error.message,
            );
        },
        reconnecting: () => setLive('reconnecting'),
      },
    );
    (async () => {
      let cursor: string | null = null;
      let rows = 0;
      for (;;) {
        const result = await client.urql
          .query(OperationsQuery, { filter: query.list, after: cursor })
          .toPromise();
        if (cancelled) return;
        if (result.error) {
          setProblem(result.error.message);
          setLoading({ rows, done: true, cut: false });
          return;
        }
        const page: ConsoleOperationsQuery['resourceOperations'] | undefined =
          result.data?.resourceOperations;
        if (!page) return;
        apply(page.edges.map((e) => e.node));
        rows += page.edges.length;
        const cut = rows >= MAX_ROWS && page.pageInfo.hasNextPage;
        setLoading({ rows, done: !page.pageInfo.hasNextPage || cut, cut });
        if (!page.pageInfo.hasNextPage || cut) return;
        cursor = page.pageInfo.endCursor ?? null;
      }
    })();
    return () => {
      cancelled = true;
      stopEvents();
      offSocket();
    };
  }, [client, key, resyncs]);

  return {
    table,
    version,
    added: added.current,
    loading,
    live,
    problem,
    offer: (op) => {
      if (accepts.current(op)) apply([op]);
    },
  };
}
