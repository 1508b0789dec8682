import { describe, expect, it } from 'vitest';
import { useGateway } from '../helpers/gateway.ts';

const gw = useGateway();
const DOCUMENT =
  'query($n: Int) { connections(first: $n) { edges { node { resourceOperations(first: $n) { edges { node { id } } } } } } }';

describe('the cost limit with cached validation', () => {
  it('checks every request with its own variables, whatever the same document did before', async () => {
    const cheap = await gw.gql(DOCUMENT, { n: 5 });
    expect(cheap.errors).toBeUndefined();
    gw.resetCounts();
    const costly = await gw.gql(DOCUMENT, { n: 1000 });
    expect(costly.status).toBe(400);
    expect(costly.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost' });
    expect(Object.values(gw.sim.control.requestCounts()).reduce((a, b) => a + b, 0)).toBe(0);
    expect((await gw.gql(DOCUMENT, { n: 5 })).errors).toBeUndefined();
  });
});
