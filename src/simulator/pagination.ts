/**
 * Catena's cursor pages (`_CursorPage[...]`, api-facts §5.5), keyset-based: a cursor holds the
 * direction and the sort key of the item it continues from, so pages stay stable while new items
 * arrive. Items must be sorted ascending by their key (created_at, then id).
 */
import { badRequest } from './errors.ts';

export type SortKey = readonly [string, string];

export interface CursorPage<T> {
  items: T[];
  current_page: string | null;
  current_page_backwards: string | null;
  previous_page: string | null;
  next_page: string | null;
}

interface Cursor {
  /** 'f' = items after `k`, 'b' = items before `k`. */
  d: 'f' | 'b';
  k: [string, string];
  /** Whether the item at `k` itself is included (re-fetching the current page). */
  i: boolean;
}

function encode(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

function decode(raw: string): Cursor {
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(raw)) throw new Error('not base64url');
    const value: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (value === null || typeof value !== 'object') throw new Error('not an object');
    const { d, k, i } = value as Record<string, unknown>;
    if ((d !== 'f' && d !== 'b') || typeof i !== 'boolean') throw new Error('bad direction');
    if (!Array.isArray(k) || k.length !== 2 || typeof k[0] !== 'string' || typeof k[1] !== 'string') {
      throw new Error('bad key');
    }
    return { d, k: [k[0], k[1]], i };
  } catch {
    // fastapi-pagination answers an undecodable cursor with 400 "Invalid cursor value".
    throw badRequest('Invalid cursor value');
  }
}

/** Throws Catena's 400 when `raw` is not a cursor this simulator issued. */
export function assertCursor(raw: string | undefined): void {
  if (raw !== undefined) decode(raw);
}

export function compareKeys(a: SortKey, b: SortKey): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  if (a[1] !== b[1]) return a[1] < b[1] ? -1 : 1;
  return 0;
}

export function paginate<T>(
  sorted: readonly T[],
  keyOf: (item: T) => SortKey,
  rawCursor: string | undefined,
  size: number,
): CursorPage<T> {
  let start = 0;
  let end = Math.min(size, sorted.length);
  if (rawCursor !== undefined) {
    const cursor = decode(rawCursor);
    if (cursor.d === 'f') {
      const first = sorted.findIndex((item) => {
        const cmp = compareKeys(keyOf(item), cursor.k);
        return cursor.i ? cmp >= 0 : cmp > 0;
      });
      start = first === -1 ? sorted.length : first;
      end = Math.min(start + size, sorted.length);
    } else {
      const after = sorted.findIndex((item) => {
        const cmp = compareKeys(keyOf(item), cursor.k);
        return cursor.i ? cmp > 0 : cmp >= 0;
      });
      end = after === -1 ? sorted.length : after;
      start = Math.max(0, end - size);
    }
  }
  const items = sorted.slice(start, end);
  const firstItem = items[0];
  const lastItem = items[items.length - 1];
  if (firstItem === undefined || lastItem === undefined) {
    return { items, current_page: null, current_page_backwards: null, previous_page: null, next_page: null };
  }
  const firstKey = [...keyOf(firstItem)] as [string, string];
  const lastKey = [...keyOf(lastItem)] as [string, string];
  return {
    items,
    current_page: encode({ d: 'f', k: firstKey, i: true }),
    current_page_backwards: encode({ d: 'b', k: lastKey, i: true }),
    previous_page: start > 0 ? encode({ d: 'b', k: firstKey, i: false }) : null,
    next_page: end < sorted.length ? encode({ d: 'f', k: lastKey, i: false }) : null,
  };
}
