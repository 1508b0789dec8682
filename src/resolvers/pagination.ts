/**
 * Relay cursor pagination over Catena's cursor pages.
 *
 * Catena's cursors mark page boundaries, not items, so an edge cursor records how to find its item
 * again: the Catena cursor and size of the page the item came from and its index there, plus, for
 * the last item of a page, that page's `next_page` (so paging forward costs no refetch). Fetching
 * the same (cursor, size) again yields the same page, whatever Catena's cursor semantics are.
 *
 * A cursor also carries a fingerprint of the query's filter (a cursor from another query is
 * refused rather than silently mixing result sets) and any values pinned at the first page, such as
 * the resource-operation time window Catena would otherwise slide with "now" between pages.
 */
import { createHash } from 'node:crypto';
import { MAX_PAGE_SIZE } from '../catena/arguments.ts';
import type { CursorPage } from '../catena/schemas.ts';
import { UserInputError } from '../errors.ts';

export const DEFAULT_PAGE_SIZE = 50;
/** `last` without `before` walks the list to its end; beyond this many Catena pages we refuse. */
export const MAX_PAGES_FOR_LAST = 20;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface PageResult<T> {
  edges: Edge<T>[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
}

/** Fetches one Catena page; `pinned` is what the first page pinned (see `PaginateOptions.pin`). */
export type FetchPage<T, P> = (cursor: string | undefined, size: number, pinned: P) => Promise<CursorPage<T>>;

export interface PaginateOptions<T, P> {
  args: PageArgs;
  /** The query's identity: filters and parent, everything but the paging arguments. */
  query: unknown;
  fetch: FetchPage<T, P>;
  /** Values fixed when the walk starts and reused by every later page (e.g. a default window). */
  pin: () => P;
}

interface CursorData<P> {
  /** Fingerprint of the query. */
  q: string;
  /** Catena cursor of the page (null: the first page) and the size it was fetched with. */
  a: string | null;
  s: number;
  /** Index of the item in that page. */
  j: number;
  /** Present on a page's last item only: the page's `next_page` (null at the end of the list). */
  n?: string | null;
  p: P;
}

function fingerprint(query: unknown): string {
  return createHash('sha256').update(JSON.stringify(query)).digest('base64url').slice(0, 12);
}

function encodeCursor<P>(data: CursorData<P>): string {
  return Buffer.from(JSON.stringify(data)).toString('base64url');
}

function decodeCursor<P>(raw: string, q: string, argument: string): CursorData<P> {
  let data: Partial<CursorData<P>> | undefined;
  try {
    data = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    data = undefined;
  }
  const valid =
    data !== null &&
    typeof data === 'object' &&
    typeof data.q === 'string' &&
    (data.a === null || typeof data.a === 'string') &&
    Number.isInteger(data.s) &&
    Number.isInteger(data.j) &&
    (data.s ?? 0) >= 1 &&
    (data.s ?? 0) <= MAX_PAGE_SIZE &&
    (data.j ?? -1) >= 0;
  if (!valid || !data) throw new UserInputError(`${argument} is not a valid cursor`, argument);
  if (data.q !== q) {
    throw new UserInputError(`${argument} is a cursor of another query (the filter changed)`, argument);
  }
  return data as CursorData<P>;
}

function sizeArg(name: 'first' | 'last', value: number): number {
  if (!Number.isInteger(value) || value < 1 || value > MAX_PAGE_SIZE) {
    throw new UserInputError(`${name} must be between 1 and ${MAX_PAGE_SIZE}`, name);
  }
  return value;
}

/** Validates the Relay arguments; throws `UserInputError` before anything is fetched. */
export function checkPageArgs(args: PageArgs): { forward: boolean; size: number } {
  const { first, after, last, before } = args;
  if (first != null && last != null) throw new UserInputError('Pass first or last, not both', 'last');
  if (first != null && before != null)
    throw new UserInputError('Use before with last, not with first', 'before');
  if (last != null && after != null) throw new UserInputError('Use after with first, not with last', 'after');
  if (last != null) return { forward: false, size: sizeArg('last', last) };
  if (before != null) throw new UserInputError('before needs last', 'before');
  return { forward: true, size: first == null ? DEFAULT_PAGE_SIZE : sizeArg('first', first) };
}

export async function paginate<T, P>(options: PaginateOptions<T, P>): Promise<PageResult<T>> {
  const { forward, size } = checkPageArgs(options.args);
  const q = fingerprint(options.query);
  const after = options.args.after ? decodeCursor<P>(options.args.after, q, 'after') : undefined;
  const before = options.args.before ? decodeCursor<P>(options.args.before, q, 'before') : undefined;
  const pinned = (after ?? before)?.p ?? options.pin();
  // Cursors are encoded when read: a page whose query selects no cursor (most) encodes none.
  const edge = (node: T, a: string | null, s: number, j: number, page: CursorPage<T>): Edge<T> => ({
    node,
    get cursor() {
      const last = j === page.items.length - 1;
      return encodeCursor({ q, a, s, j, ...(last ? { n: page.next_page ?? null } : {}), p: pinned });
    },
  });
  const fetch = (a: string | null, s: number) => options.fetch(a ?? undefined, s, pinned);
  const result = forward
    ? await forwardPage(size, after, fetch, edge)
    : await backwardPage(size, before, fetch, edge);
  return {
    edges: result.edges,
    pageInfo: {
      ...result.info,
      get startCursor() {
        return result.edges[0]?.cursor ?? null;
      },
      get endCursor() {
        return result.edges[result.edges.length - 1]?.cursor ?? null;
      },
    },
  };
}

type MakeEdge<T> = (node: T, a: string | null, s: number, j: number, page: CursorPage<T>) => Edge<T>;
type Fetch<T> = (a: string | null, s: number) => Promise<CursorPage<T>>;
interface Slice<T> {
  edges: Edge<T>[];
  info: { hasNextPage: boolean; hasPreviousPage: boolean };
}

async function forwardPage<T, P>(
  size: number,
  after: CursorData<P> | undefined,
  fetch: Fetch<T>,
  edge: MakeEdge<T>,
): Promise<Slice<T>> {
  const edges: Edge<T>[] = [];
  const hasPreviousPage = after !== undefined;
  let a: string | null;
  let s: number;
  let skip: number;
  if (!after) {
    [a, s, skip] = [null, size, 0];
  } else if (after.n === undefined) {
    [a, s, skip] = [after.a, after.s, after.j + 1]; // refetch the item's page, continue after it
  } else if (after.n === null) {
    return { edges, info: { hasNextPage: false, hasPreviousPage } }; // it was the very last item
  } else {
    [a, s, skip] = [after.n, size, 0];
  }
  for (;;) {
    const page = await fetch(a, s);
    const take = page.items.slice(skip, skip + size - edges.length);
    for (const [i, node] of take.entries()) edges.push(edge(node, a, s, skip + i, page));
    const leftInPage = page.items.length > skip + take.length;
    if (edges.length === size || !page.next_page || page.items.length === 0) {
      return { edges, info: { hasNextPage: leftInPage || Boolean(page.next_page), hasPreviousPage } };
    }
    [a, s, skip] = [page.next_page, Math.min(MAX_PAGE_SIZE, size - edges.length), 0];
  }
}

async function backwardPage<T, P>(
  size: number,
  before: CursorData<P> | undefined,
  fetch: Fetch<T>,
  edge: MakeEdge<T>,
): Promise<Slice<T>> {
  if (!before) return lastOfAll(size, fetch, edge);
  // The items before the cursor's item in its own page, then whole pages further back.
  const page = await fetch(before.a, before.s);
  let edges = page.items.slice(0, before.j).map((node, j) => edge(node, before.a, before.s, j, page));
  let previous = page.previous_page ?? null;
  while (edges.length < size && previous) {
    const s = Math.min(MAX_PAGE_SIZE, size - edges.length);
    const earlier = await fetch(previous, s);
    const cursor = previous;
    edges = [...earlier.items.map((node, j) => edge(node, cursor, s, j, earlier)), ...edges];
    previous = earlier.items.length === 0 ? null : (earlier.previous_page ?? null);
  }
  const hasPreviousPage = edges.length > size || previous !== null;
  return { edges: edges.slice(-size), info: { hasNextPage: true, hasPreviousPage } };
}

async function lastOfAll<T>(size: number, fetch: Fetch<T>, edge: MakeEdge<T>): Promise<Slice<T>> {
  let edges: Edge<T>[] = [];
  let a: string | null = null;
  let total = 0;
  for (let pages = 1; ; pages++) {
    const page = await fetch(a, MAX_PAGE_SIZE);
    const cursor = a;
    total += page.items.length;
    edges = [...edges, ...page.items.map((node, j) => edge(node, cursor, MAX_PAGE_SIZE, j, page))].slice(
      -size,
    );
    if (!page.next_page || page.items.length === 0) break;
    if (pages >= MAX_PAGES_FOR_LAST) {
      throw new UserInputError(
        `last without before would read more than ${MAX_PAGES_FOR_LAST * MAX_PAGE_SIZE} items; narrow the filter or page forward`,
        'last',
      );
    }
    a = page.next_page;
  }
  return { edges, info: { hasNextPage: false, hasPreviousPage: total > size } };
}
