/**
 * The operations console: which writes are failing, for which fleet and TSP, and why. The window's
 * operations, live (use-operation-window.ts), in a table; the operation opened from it; failures by
 * TSP; and a form to send a write and watch it settle.
 */
import { Provider } from '@urql/preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { type ConsoleClient, createConsoleClient } from './client.ts';
import { OperationDetail } from './Detail.tsx';
import { FailureChart } from './FailureChart.tsx';
import { FiltersBar } from './FiltersBar.tsx';
import { type Filters, NO_FILTERS } from './filters.ts';
import { failureCounts } from './operations.ts';
import { OperationsTable } from './Table.tsx';
import { useConnections } from './use-connections.ts';
import { type Live, useOperationWindow } from './use-operation-window.ts';
import { WriteForm } from './WriteForm.tsx';

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
  const [selected, setSelected] = useState<string | null>(null);
  const [connectionsProblem, setConnectionsProblem] = useState<string | null>(null);
  useEffect(() => () => client.dispose(), [client]);
  const connections = useConnections(client, setConnectionsProblem);
  const operations = useOperationWindow(client, filters);
  const { table, version, live } = operations;

  const rows = useMemo(
    () => (filters.status ? table.all.filter((r) => r.status === filters.status) : table.all),
    [version, filters.status],
  );
  const counts = useMemo(() => failureCounts(table.all), [version]);
  const open = selected ? table.get(selected) : undefined;
  const problem = operations.problem ?? connectionsProblem;

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
            setConnectionsProblem(null);
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
      <FiltersBar
        filters={filters}
        onChange={(next) => {
          setFilters(next);
          setSelected(null);
        }}
        connections={connections}
        shown={rows.length}
        loading={operations.loading}
      />
      {problem ? (
        <p role="alert" class="error banner">
          {problem}
        </p>
      ) : null}
      <main class="layout">
        <OperationsTable
          rows={rows}
          version={version}
          added={operations.added}
          selected={selected}
          onOpen={(row) => setSelected(row.catenaId)}
        />
        <aside class="side">
          {open ? <OperationDetail key={open.catenaId} row={open} onClose={() => setSelected(null)} /> : null}
          <FailureChart counts={counts} operations={table.size} />
          <WriteForm client={client.urql} connections={connections} onSent={operations.offer} />
        </aside>
      </main>
    </Provider>
  );
}
