/**
 * The operations table: a fixed row height and only the rows in view (plus a few) in the DOM, so
 * 10,000 rows scroll as smoothly as 10. Rows that arrive above the ones in view push nothing: the
 * scroll position moves with them. Keyboard: Up/Down/Home/End/PageUp/PageDown move the focused
 * row, Enter or Space opens it. The rows are an ARIA grid of divs, as virtualised grids are, since a
 * <table> cannot place its rows absolutely.
 */
import type { JSX } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { formatClock, formatDay, formatTime, shortId, words } from './format.ts';
import type { Row } from './operations.ts';

export const ROW_HEIGHT = 36;
const OVERSCAN = 8;

/** The columns, in order: a class (the stylesheet sizes it, and hides some on a phone), a title, a cell. */
const COLUMNS: { name: string; title: string; cell(row: Row): JSX.Element | string }[] = [
  {
    name: 'c-time',
    title: 'Created',
    cell: (row) => (
      <time dateTime={row.createdAt} title={formatTime(row.createdAt)}>
        <span class="day">{formatDay(row.createdAt)}, </span>
        {formatClock(row.createdAt)}
      </time>
    ),
  },
  {
    name: 'c-status',
    title: 'Status',
    cell: (row) => <span class={`badge ${row.status.toLowerCase()}`}>{words(row.status)}</span>,
  },
  {
    name: 'c-resource',
    title: 'Resource',
    cell: (row) => (
      <>
        {words(row.resource)} <span class="muted">{words(row.operationType)}</span>
      </>
    ),
  },
  { name: 'c-fleet', title: 'Fleet', cell: (row) => row.fleetRef ?? '—' },
  { name: 'c-tsp', title: 'TSP', cell: (row) => words(row.sourceName) || '—' },
  {
    name: 'c-error',
    title: 'Error',
    cell: (row) => (row.status === 'FAILED' ? words(row.logs.at(-1)?.errorType ?? 'unknown') : ''),
  },
  {
    name: 'c-id',
    title: 'Operation',
    cell: (row) => <code title={row.catenaId}>{shortId(row.catenaId)}</code>,
  },
];

export interface TableProps {
  rows: readonly Row[];
  version: number;
  selected: string | null;
  onOpen(row: Row): void;
  /** Rows added in the last change and where they went, to keep the rows in view still. */
  added: readonly Row[];
}

export function OperationsTable({ rows, version, selected, onOpen, added }: TableProps) {
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);
  const [focused, setFocused] = useState(0);
  const anchor = useRef<{ id: string; offset: number } | null>(null);

  useLayoutEffect(() => {
    const element = viewport.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setHeight(element.clientHeight));
    observer.observe(element);
    setHeight(element.clientHeight);
    return () => observer.disconnect();
  }, []);

  // Keep the first row in view where it was when rows were inserted above it.
  useLayoutEffect(() => {
    const element = viewport.current;
    const kept = anchor.current;
    if (!element || !kept || element.scrollTop === 0 || added.length === 0) return;
    const at = rows.findIndex((r) => r.catenaId === kept.id);
    if (at < 0) return;
    const top = at * ROW_HEIGHT + kept.offset;
    if (top !== element.scrollTop) {
      element.scrollTop = top;
      setScrollTop(top);
    }
  }, [version]);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
  /** Remembers the row at the top of the view, as the rows are now. */
  const remember = (top: number) => {
    const row = rows[Math.floor(top / ROW_HEIGHT)];
    anchor.current = row ? { id: row.catenaId, offset: top % ROW_HEIGHT } : null;
  };

  const move = (to: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, to));
    setFocused(next);
    const element = viewport.current;
    if (!element) return;
    const top = next * ROW_HEIGHT;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + ROW_HEIGHT > element.scrollTop + element.clientHeight)
      element.scrollTop = top + ROW_HEIGHT - element.clientHeight;
    // The row is in the page already unless the move went past the rows rendered around the view:
    // then it is, once the scroll has rendered it.
    const focusRow = () => {
      const target = element.querySelector<HTMLElement>(`[aria-rowindex="${next + 2}"]`);
      target?.focus({ preventScroll: true });
      return target !== null;
    };
    if (!focusRow()) requestAnimationFrame(() => requestAnimationFrame(focusRow));
  };
  const page = Math.max(1, Math.floor(height / ROW_HEIGHT) - 1);
  const onKeyDown = (event: KeyboardEvent) => {
    // The row the key was pressed on (the focus may have moved since the last render).
    const focused = Number((event.currentTarget as HTMLElement).getAttribute('aria-rowindex')) - 2;
    const keys: Record<string, number> = {
      ArrowDown: focused + 1,
      ArrowUp: focused - 1,
      PageDown: focused + page,
      PageUp: focused - page,
      Home: 0,
      End: rows.length - 1,
    };
    const to = keys[event.key];
    if (to !== undefined) {
      event.preventDefault();
      move(to);
    } else if (event.key === 'Enter' || event.key === ' ') {
      const row = rows[focused];
      if (row) {
        event.preventDefault();
        onOpen(row);
      }
    }
  };

  // One row takes the Tab key (roving tabindex): the focused one, or the first in view if it is not.
  const tabbable = focused >= first && focused < last ? focused : first;
  const shown = [];
  for (let i = first; i < last; i++) {
    const row = rows[i] as Row;
    shown.push(
      <div
        key={row.catenaId}
        role="row"
        class={`row${row.catenaId === selected ? ' selected' : ''}`}
        aria-rowindex={i + 2}
        aria-selected={row.catenaId === selected}
        tabIndex={i === tabbable ? 0 : -1}
        style={{ transform: `translateY(${i * ROW_HEIGHT}px)` }}
        data-id={row.catenaId}
        data-status={row.status}
        onClick={() => {
          setFocused(i);
          onOpen(row);
        }}
        onFocus={() => setFocused(i)}
        onKeyDown={onKeyDown}
      >
        {COLUMNS.map((column) => (
          <span key={column.name} role="gridcell" class={column.name}>
            {column.cell(row)}
          </span>
        ))}
      </div>,
    );
  }

  return (
    <div
      class="table"
      role="grid"
      aria-readonly="true"
      aria-label="Resource operations, newest first"
      aria-rowcount={rows.length + 1}
    >
      <div role="rowgroup" class="thead">
        <div role="row" class="row head" aria-rowindex={1}>
          {COLUMNS.map((column) => (
            <span key={column.name} role="columnheader" class={column.name}>
              {column.title}
            </span>
          ))}
        </div>
      </div>
      <div
        ref={viewport}
        class="viewport"
        role="rowgroup"
        onScroll={(event) => {
          const top = (event.currentTarget as HTMLDivElement).scrollTop;
          remember(top);
          setScrollTop(top);
        }}
      >
        <div class="spacer" style={{ height: `${rows.length * ROW_HEIGHT}px` }}>
          {shown}
        </div>
        {rows.length === 0 ? <p class="empty">No operations in this window.</p> : null}
      </div>
    </div>
  );
}
