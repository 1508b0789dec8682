import { createSchema, createYoga } from 'graphql-yoga';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { useOperationMetrics } from '../../src/observability/operation-metrics.ts';

function gateway(maxNames: number) {
  const registry = new Registry();
  const yoga = createYoga({
    schema: createSchema({
      typeDefs: 'type Query { ok: Int, fails: Int, both: Q } type Q { ok: Int, fails: Int }',
      resolvers: {
        Query: {
          ok: () => 1,
          fails: () => {
            throw new Error('no');
          },
          both: () => ({}),
        },
        Q: {
          ok: () => 1,
          fails: () => {
            throw new Error('no');
          },
        },
      },
    }),
    plugins: [useOperationMetrics({ registry, buckets: [0.01, 1], maxNames })],
    maskedErrors: false,
    logging: false,
  });
  const run = async (query: string) => {
    const res = await yoga.fetch('http://gateway/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    await res.text();
  };
  const count = async (labels: string) => {
    const text = await (await yoga.fetch('http://gateway/metrics')).text();
    const match = text.match(
      new RegExp(`catena_gateway_graphql_operation_duration_seconds_count\\{${labels}\\} (\\d+)`),
    );
    return Number(match?.[1] ?? 0);
  };
  return { run, count };
}

describe('useOperationMetrics', () => {
  it('tells ok, partial, error and rejected operations apart', async () => {
    const gw = gateway(10);
    await gw.run('query A { ok }');
    await gw.run('query B { both { ok fails } }');
    await gw.run('query C { fails }');
    await gw.run('query D { nope }');
    await gw.run('query E {');
    await gw.run('{ ok }');
    expect(await gw.count('operation_name="A",operation_type="query",outcome="ok"')).toBe(1);
    expect(await gw.count('operation_name="B",operation_type="query",outcome="partial"')).toBe(1);
    expect(await gw.count('operation_name="C",operation_type="query",outcome="partial"')).toBe(1);
    expect(await gw.count('operation_name="D",operation_type="query",outcome="rejected"')).toBe(1);
    expect(await gw.count('operation_name="anonymous",operation_type="unknown",outcome="rejected"')).toBe(1);
    expect(await gw.count('operation_name="anonymous",operation_type="query",outcome="ok"')).toBe(1);
  });

  it('counts names past the cap as "other", so clients cannot grow the registry', async () => {
    const gw = gateway(2);
    for (const name of ['One', 'Two', 'Three', 'Four', 'One']) await gw.run(`query ${name} { ok }`);
    expect(await gw.count('operation_name="One",operation_type="query",outcome="ok"')).toBe(2);
    expect(await gw.count('operation_name="Two",operation_type="query",outcome="ok"')).toBe(1);
    expect(await gw.count('operation_name="other",operation_type="query",outcome="ok"')).toBe(2);
  });
});
