import { describe, expect, it } from 'vitest';
import { uuidV7 } from '../src/ids.ts';

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('uuidV7', () => {
  it('makes unique RFC 9562 v7 ids that sort in the order they were made, within a millisecond too', () => {
    const now = Date.now();
    // More ids than one refill of the random pool holds, most within the same millisecond.
    const ids = Array.from({ length: 5_000 }, (_, i) => uuidV7(now + Math.floor(i / 1_000)));
    for (const id of ids) expect(id).toMatch(V7);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    expect(Number.parseInt(ids[0]?.replace(/-/g, '').slice(0, 12) ?? '', 16)).toBe(now);
  });

  it('fills the random part with fresh bytes for every id', () => {
    const tails = new Set(Array.from({ length: 1_000 }, () => uuidV7().slice(19)));
    expect(tails.size).toBe(1_000);
  });
});
