import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../../src/simulator/index.ts';
import { type createApi, startSimulator } from './support.ts';

const OPERATIONS = '/v2/integrations/connections/resource-operations';

interface Page {
  items: { id: string; created_at: string }[];
  current_page: string | null;
  current_page_backwards: string | null;
  previous_page: string | null;
  next_page: string | null;
}

describe('cursor pagination', () => {
  let sim: Simulator;
  let api: ReturnType<typeof createApi>;
  let allIds: string[];

  beforeAll(async () => {
    ({ sim, api } = await startSimulator());
    sim.control.seedOperations({ count: 250 });
    const all = await api.call<Page>('GET', OPERATIONS, { query: { size: 1000 } });
    allIds = all.body.items.map((op) => op.id);
  });
  afterAll(() => sim.stop());

  const page = async (size: number, cursor?: string | null) =>
    (await api.call<Page>('GET', OPERATIONS, { query: { size, ...(cursor ? { cursor } : {}) } })).body;

  it('holds the seed plus the bulk operations in a stable created_at, id order', () => {
    expect(allIds).toHaveLength(sim.fixtures.operations.length + 250);
    expect(new Set(allIds).size).toBe(allIds.length);
  });

  it.each([1, 2, 7, 50, 300, 1000])(
    'walks forward then backward with size %i, visiting each item once',
    async (size) => {
      const pages: Page[] = [];
      let current = await page(size);
      expect(current.previous_page).toBeNull();
      pages.push(current);
      while (current.next_page !== null) {
        current = await page(size, current.next_page);
        pages.push(current);
      }
      expect(pages.flatMap((p) => p.items.map((op) => op.id))).toEqual(allIds);
      expect(pages.every((p) => p.items.length > 0 && p.items.length <= size)).toBe(true);

      const backward: string[][] = [];
      let previous: Page | undefined = current;
      backward.unshift(previous.items.map((op) => op.id));
      while (previous?.previous_page) {
        previous = await page(size, previous.previous_page);
        backward.unshift(previous.items.map((op) => op.id));
      }
      expect(backward.flat()).toEqual(allIds);
    },
  );

  it('returns the same items in the same order after next_page then previous_page', async () => {
    const first = await page(25);
    const second = await page(25, first.next_page);
    const back = await page(25, second.previous_page);
    expect(back.items).toEqual(first.items);
    expect(back.previous_page).toBeNull();
    const third = await page(25, second.next_page);
    expect((await page(25, third.previous_page)).items).toEqual(second.items);
  });

  it('re-fetches a page with current_page and current_page_backwards', async () => {
    const first = await page(10);
    const second = await page(10, first.next_page);
    expect((await page(10, second.current_page)).items).toEqual(second.items);
    expect((await page(10, second.current_page_backwards)).items).toEqual(second.items);
  });

  it('keeps cursors stable when newer operations arrive', async () => {
    const first = await page(10);
    sim.control.seedOperations({ count: 3 });
    const second = await page(10, first.next_page);
    const firstIds = first.items.map((op) => op.id);
    expect(second.items.filter((op) => firstIds.includes(op.id))).toEqual([]);
    expect(String(second.items[0]?.created_at) >= String(first.items[9]?.created_at)).toBe(true);
  });

  it.each(['garbage!', 'eyJub3QiOiJhIGN1cnNvciJ9', '%%%'])(
    'answers 400 for the cursor %s',
    async (cursor) => {
      const res = await api.call('GET', OPERATIONS, { query: { cursor } });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ code: 400, message: 'Bad Request', detail: 'Invalid cursor value' });
    },
  );

  it('paginates connections the same way', async () => {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: Page } = await api.call<Page>('GET', '/v2/integrations/connections', {
        query: { size: 4, ...(cursor ? { cursor } : {}) },
      });
      ids.push(...res.body.items.map((c) => c.id));
      cursor = res.body.next_page;
    } while (cursor !== null);
    expect(ids).toEqual(sim.fixtures.connections.map((c) => c.id));
  });
});
