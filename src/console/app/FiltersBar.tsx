/** The filters above the table, and how many operations it holds. */
import facts from 'virtual:schema-facts';
import { useMemo } from 'preact/hooks';
import { type Filters, WINDOWS } from './filters.ts';
import { words } from './format.ts';
import type { Connection } from './use-connections.ts';
import { type Loading, MAX_ROWS } from './use-operation-window.ts';

interface Props {
  filters: Filters;
  onChange(filters: Filters): void;
  connections: Connection[];
  shown: number;
  loading: Loading;
}

export function FiltersBar({ filters, onChange, connections, shown, loading }: Props) {
  const tsps = useMemo(() => [...new Set(connections.map((c) => c.sourceName))].sort(), [connections]);
  const set = (key: keyof Filters) => (event: Event) =>
    onChange({ ...filters, [key]: (event.currentTarget as HTMLInputElement).value });
  const choice = (key: keyof Filters, label: string, options: [value: string, text: string][]) => (
    <div class="field">
      <label for={`f-${key}`}>{label}</label>
      <select id={`f-${key}`} value={filters[key]} onChange={set(key)}>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
  const all: [string, string] = ['', 'all'];
  return (
    <form class="filters" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
      {choice('window', 'Window', Object.entries(WINDOWS))}
      {choice('connectionId', 'Connection', [
        all,
        ...connections.map((c): [string, string] => [
          c.catenaId,
          `${c.fleetRef ?? c.catenaId} · ${words(c.sourceName)}`,
        ]),
      ])}
      {choice('sourceName', 'TSP', [
        all,
        ...(tsps.length ? tsps : facts.enums.TspSource).map((t): [string, string] => [t, words(t)]),
      ])}
      <div class="field">
        <label for="f-fleetRefs">Fleets</label>
        <input
          id="f-fleetRefs"
          type="search"
          placeholder="fleet refs, comma-separated"
          value={filters.fleetRefs}
          onChange={set('fleetRefs')}
        />
      </div>
      {choice('resource', 'Resource', [
        all,
        ...facts.enums.Resource.map((r): [string, string] => [r, words(r)]),
      ])}
      {choice('status', 'Status', [
        all,
        ...['PENDING', 'SUCCESS', 'FAILED'].map((s): [string, string] => [s, words(s)]),
      ])}
      <p class="count" aria-live="polite" data-rows={shown} data-loaded={loading.done}>
        {shown.toLocaleString()} operations
        {loading.done ? '' : ` (loading… ${loading.rows.toLocaleString()})`}
        {loading.cut ? `; the window holds more than ${MAX_ROWS.toLocaleString()}: narrow it` : ''}
      </p>
    </form>
  );
}
