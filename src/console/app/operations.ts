/**
 * The table's rows: the operations of the window, newest first, one row per operation, merged from
 * the pages read and the events streamed. A row is replaced in place when a later state of its
 * operation arrives, so rows never move when their status changes.
 */
import type { OperationRowFragment } from './generated/graphql.ts';

export type Row = OperationRowFragment;

const TERMINAL = new Set(['SUCCESS', 'FAILED']);

/** Whether `next` is a later state than `known` of the same operation. */
export function isLater(next: Row, known: Row): boolean {
  if (next.updatedAt !== known.updatedAt) return next.updatedAt > known.updatedAt;
  return TERMINAL.has(next.status) && !TERMINAL.has(known.status);
}

/** Newest first; same instant: by id, so the order is total and stable. */
const before = (a: Row, b: Row) =>
  a.createdAt !== b.createdAt ? a.createdAt > b.createdAt : a.catenaId > b.catenaId;

export class OperationTable {
  private rows: Row[] = [];
  private readonly index = new Map<string, Row>();
  /** Bumped on every change; components re-render on it. */
  version = 0;

  get all(): readonly Row[] {
    return this.rows;
  }

  get size(): number {
    return this.rows.length;
  }

  get(id: string): Row | undefined {
    return this.index.get(id);
  }

  /** Adds or updates rows; returns how many were new (the table keeps its scroll anchor by it). */
  upsert(incoming: readonly Row[]): { added: Row[] } {
    const added: Row[] = [];
    let changed = false;
    for (const row of incoming) {
      const known = this.index.get(row.catenaId);
      if (!known) {
        this.index.set(row.catenaId, row);
        added.push(row);
        changed = true;
      } else if (isLater(row, known)) {
        this.index.set(row.catenaId, row);
        const at = this.rows.indexOf(known);
        if (at >= 0) this.rows[at] = row;
        changed = true;
      }
    }
    if (added.length > 0) {
      // Pages come in bulk, events one by one (newest: at the front); both keep the order.
      if (added.length === 1 && (this.rows.length === 0 || before(added[0] as Row, this.rows[0] as Row)))
        this.rows.unshift(added[0] as Row);
      else this.rows = [...this.rows, ...added].sort((a, b) => (before(a, b) ? -1 : 1));
    }
    if (changed) this.version += 1;
    return { added };
  }

  clear(): void {
    this.rows = [];
    this.index.clear();
    this.version += 1;
  }
}

export interface FailureCounts {
  /** Failed operations in the window. */
  total: number;
  /** Per TSP, most failures first: the count and its split by the last attempt's error type. */
  byTsp: { tsp: string; count: number; byErrorType: Record<string, number> }[];
  errorTypes: string[];
}

/** Failed operations by TSP and by the error type of their last attempt. */
export function failureCounts(rows: readonly Row[]): FailureCounts {
  const tsps = new Map<string, { count: number; byErrorType: Record<string, number> }>();
  const errorTypes = new Set<string>();
  let total = 0;
  for (const row of rows) {
    if (row.status !== 'FAILED') continue;
    total += 1;
    const tsp = row.sourceName ?? 'unknown TSP';
    const errorType = row.logs.at(-1)?.errorType ?? 'UNKNOWN';
    errorTypes.add(errorType);
    const entry = tsps.get(tsp) ?? { count: 0, byErrorType: {} };
    entry.count += 1;
    entry.byErrorType[errorType] = (entry.byErrorType[errorType] ?? 0) + 1;
    tsps.set(tsp, entry);
  }
  return {
    total,
    byTsp: [...tsps]
      .map(([tsp, e]) => ({ tsp, ...e }))
      .sort((a, b) => b.count - a.count || (a.tsp < b.tsp ? -1 : 1)),
    errorTypes: [...errorTypes].sort(),
  };
}
