/**
 * The operations console: which writes are failing, for which fleet and TSP, and why. The window's
 * operations fill the table page by page while the event feed keeps it live; a dropped connection
 * resumes the feed after the last event seen, so no row goes missing.
 */

import facts from 'virtual:schema-facts';
import { Provider } from '@urql/preact';
import { useEffect, useMemo, useReducer, useRef, useState } from 'preact/hooks';
import { type ConsoleClient, createConsoleClient } from './client.ts';
import { OperationDetail } from './Detail.tsx';
import { ConnectionsQuery, EventsSubscription, OperationsQuery } from './documents.ts';
import { FailureChart } from './FailureChart.tsx';
import { words } from './format.ts';
import type {
  ConsoleConnectionsQuery,
  ConsoleOperationsQuery,
  Resource,
  ResourceOperationEventFilter,
  ResourceOperationFilter,
  TspSource,
} from './generated/graphql.ts';
import { RecentKeys, resilientSubscription } from './live.ts';
import { failureCounts, OperationTable, type Row } from './operations.ts';
import { OperationsTable } from './Table.tsx';
import { WriteForm } from './WriteForm.tsx';

type Connection = NonNullable<ConsoleConnectionsQuery['connections']['edges'][number]>['node'];
type WindowFacts = Pick<Row, 'createdAt' | 'connectionId' | 'sourceName' | 'fleetRef' | 'resource'>;
type Live = 'connecting' | 'live' | 'reconnecting' | 'refused';

/** The most rows one window holds; a larger window is cut, and the page says so. */
export const MAX_ROWS = 20_000;
const WINDOWS = { '1h': 1, '6h': 6, '24h': 24, '7d': 24 * 7 } as const;
type Window = keyof typeof WINDOWS;

interface Filters {
  window: Window;
  connectionId: string;
  sourceName: string;
  fleetRefs: string;
  resource: string;
  status: string;
}
const NO_FILTERS: Filters = {
  window: '24h',
  connectionId: '',
  sourceName: '',
  fleetRefs: '',
  resource: '',
  status: '',
};

const fleetList = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

const LIVE_TEXT: Record<Live, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  refused: 'Not connected: the credential was refused',
};

export function App() {
  const [credential, setCredential] = useState('');
  const [client, setClient] = useState<ConsoleClient>(() => createConsoleClient(''));
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [connections, setConnections] = useState<Connection[]>([]);
  const [live, setLive] = useState<Live>('connecting');
  const [problem, setProblem] = useState<string | null>(null);
  const [loading, setLoading] = useState<{ rows: number; done: boolean; cut: boolean }>({
    rows: 0,
    done: false,
    cut: false,
  });
  const [selected, setSelected] = useState<string | null>(null);
  const table = useRef(new OperationTable()).current;
  const [version, bump] = useReducer((n: number) => n + 1, 0);
  const added = useRef<readonly Row[]>([]);
  /** Whether an operation belongs in the table as filtered now (an event's, or a write's sent from here). */
  const inWindow = useRef<(op: WindowFacts) => boolean>(() => false);

  useEffect(() => () => client.dispose(), [client]);

  // Connections (for the filter and the write form), every page of them.
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const all: Connection[] = [];
      let after: string | null = null;
      for (let page = 0; page < 50; page++) {
        const result = await client.urql.query(ConnectionsQuery, { after }).toPromise();
        if (cancelled) return;
        if (result.error) {
          setProblem(result.error.message);
          return;
        }
        const connectionPage: ConsoleConnectionsQuery['connections'] | undefined = result.data?.connections;
        if (!connectionPage) return;
        all.push(...connectionPage.edges.map((e) => e.node));
        if (!connectionPage.pageInfo.hasNextPage) break;
        after = connectionPage.pageInfo.endCursor ?? null;
      }
      setConnections(all);
    })();
    return () => {
      cancelled = true;
    };
  }, [client]);

  // The window: the event feed first (nothing created while the pages load is missed), then the pages.
  useEffect(() => {
    let cancelled = false;
    table.clear();
    added.current = [];
    setSelected(null);
    setProblem(null);
    setLoading({ rows: 0, done: false, cut: false });
    bump(0);
    const from = new Date(Date.now() - WINDOWS[filters.window] * 3_600_000).toISOString();
    const fleetRefs = fleetList(filters.fleetRefs);
    inWindow.current = (op) =>
      op.createdAt >= from &&
      (!filters.connectionId || op.connectionId === filters.connectionId) &&
      (!filters.sourceName || op.sourceName === filters.sourceName) &&
      (fleetRefs.length === 0 || fleetRefs.includes(op.fleetRef ?? '')) &&
      (!filters.resource || op.resource === filters.resource);
    const listFilter: ResourceOperationFilter = {
      from,
      ...(filters.connectionId ? { connectionId: filters.connectionId } : {}),
      ...(filters.sourceName ? { sourceName: filters.sourceName as TspSource } : {}),
      ...(fleetRefs.length ? { fleetRefs } : {}),
      ...(filters.resource ? { resource: filters.resource as Resource } : {}),
    };
    const eventFilter: ResourceOperationEventFilter = {
      ...(filters.connectionId ? { connectionIds: [filters.connectionId] } : {}),
      ...(fleetRefs.length ? { fleetRefs } : {}),
      ...(filters.resource ? { resources: [filters.resource as Resource] } : {}),
    };
    const seen = new RecentKeys();
    let after: string | null = null;
    const apply = (rows: Row[]) => {
      const { added: fresh } = table.upsert(rows);
      added.current = fresh;
      bump(0);
    };
    const offSocket = client.onSocket((state, code) => {
      if (state === 'open') setLive('live');
      else if (state === 'closed') setLive(code === 4401 || code === 4403 ? 'refused' : 'reconnecting');
    });
    const stopEvents = resilientSubscription(
      client.urql,
      EventsSubscription,
      () => ({ after, filter: eventFilter }),
      {
        data: ({ resourceOperationEvents: event }) => {
          after = event.eventId;
          setLive('live');
          if (!seen.add(event.eventId)) return;
          // The feed filters by connection, fleet and resource; the window and the TSP are ours to check.
          if (inWindow.current(event.operation)) apply([event.operation]);
        },
        failed: (error) => setProblem(error.message),
        reconnecting: () => setLive((l) => (l === 'refused' ? l : 'reconnecting')),
      },
    );
    (async () => {
      let cursor: string | null = null;
      let rows = 0;
      for (;;) {
        const result = await client.urql
          .query(OperationsQuery, { filter: listFilter, after: cursor })
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
  }, [client, filters.window, filters.connectionId, filters.sourceName, filters.fleetRefs, filters.resource]);
  const rows = useMemo(
    () => (filters.status ? table.all.filter((r) => r.status === filters.status) : table.all),
    [version, filters.status],
  );
  const counts = useMemo(() => failureCounts(table.all), [version]);
  const open = selected ? table.get(selected) : undefined;

  const tsps = useMemo(() => [...new Set(connections.map((c) => c.sourceName))].sort(), [connections]);
  const set = (key: keyof Filters) => (event: Event) =>
    setFilters((f) => ({ ...f, [key]: (event.currentTarget as HTMLInputElement).value }));

  return (
    <Provider value={client.urql}>
      <header class="top">
        <h1>
          Operations console <span class="muted">catena-gateway</span>
        </h1>
        <p class={`live ${live}`} role="status" aria-live="polite" data-live={live}>
          <span class="dot" aria-hidden="true" /> {LIVE_TEXT[live]}
        </p>
        <form
          class="credential"
          onSubmit={(event) => {
            event.preventDefault();
            setLive('connecting');
            setClient(createConsoleClient(credential.trim()));
          }}
        >
          <label for="credential">API key or JWT</label>
          <input
            id="credential"
            type="password"
            autoComplete="off"
            value={credential}
            onInput={(e) => setCredential(e.currentTarget.value)}
            placeholder="kept in this page only"
          />
          <button type="submit">Connect</button>
        </form>
      </header>
      <form class="filters" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
        <div class="field">
          <label for="f-window">Window</label>
          <select id="f-window" value={filters.window} onChange={set('window')}>
            <option value="1h">last hour</option>
            <option value="6h">last 6 hours</option>
            <option value="24h">last 24 hours</option>
            <option value="7d">last 7 days</option>
          </select>
        </div>
        <div class="field">
          <label for="f-connection">Connection</label>
          <select id="f-connection" value={filters.connectionId} onChange={set('connectionId')}>
            <option value="">all</option>
            {connections.map((c) => (
              <option key={c.catenaId} value={c.catenaId}>
                {c.fleetRef ?? c.catenaId} · {words(c.sourceName)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="f-tsp">TSP</label>
          <select id="f-tsp" value={filters.sourceName} onChange={set('sourceName')}>
            <option value="">all</option>
            {(tsps.length ? tsps : facts.enums.TspSource).map((t) => (
              <option key={t} value={t}>
                {words(t)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="f-fleet">Fleets</label>
          <input
            id="f-fleet"
            type="search"
            placeholder="fleet refs, comma-separated"
            value={filters.fleetRefs}
            onChange={set('fleetRefs')}
          />
        </div>
        <div class="field">
          <label for="f-resource">Resource</label>
          <select id="f-resource" value={filters.resource} onChange={set('resource')}>
            <option value="">all</option>
            {facts.enums.Resource.map((r) => (
              <option key={r} value={r}>
                {words(r)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="f-status">Status</label>
          <select id="f-status" value={filters.status} onChange={set('status')}>
            <option value="">all</option>
            {['PENDING', 'SUCCESS', 'FAILED'].map((s) => (
              <option key={s} value={s}>
                {words(s)}
              </option>
            ))}
          </select>
        </div>
        <p class="count" aria-live="polite" data-rows={rows.length} data-loaded={loading.done}>
          {rows.length.toLocaleString()} operations
          {loading.done ? '' : ` (loading… ${loading.rows.toLocaleString()})`}
          {loading.cut ? `; the window holds more than ${MAX_ROWS.toLocaleString()}: narrow it` : ''}
        </p>
      </form>
      {problem ? (
        <p role="alert" class="error banner">
          {problem}
        </p>
      ) : null}
      <main class="layout">
        <OperationsTable
          rows={rows}
          version={version}
          added={added.current}
          selected={selected}
          onOpen={(row) => setSelected(row.catenaId)}
        />
        <aside class="side">
          {open ? <OperationDetail key={open.catenaId} row={open} onClose={() => setSelected(null)} /> : null}
          <FailureChart counts={counts} operations={table.size} />
          <WriteForm
            client={client.urql}
            connections={connections}
            onSent={(op) => {
              if (inWindow.current(op)) {
                added.current = table.upsert([
                  { ...op, logs: op.logs.map((l) => ({ errorType: l.errorType })) },
                ]).added;
                bump(0);
              }
            }}
          />
        </aside>
      </main>
    </Provider>
  );
}
