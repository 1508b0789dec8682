import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { writeCases } from '../fixtures/write-bodies.ts';
import { useGateway } from '../helpers/gateway.ts';
import { graphqlInput, write } from '../helpers/mutations.ts';
import { stream, wsClient } from '../helpers/subscriptions.ts';
import { waitFor } from '../helpers/wait-for.ts';
import { deliver, envelope } from '../helpers/webhooks.ts';

const gw = useGateway({ processingMs: 30 }, {}, { deliverWebhooks: true });

async function scrape(): Promise<string> {
  const res = await request(`${gw.url}/metrics`);
  expect(res.statusCode).toBe(200);
  return res.body.text();
}

const value = (text: string, pattern: RegExp) => Number(text.match(pattern)?.[1] ?? Number.NaN);

describe('GET /metrics', () => {
  it('counts GraphQL operations, Catena calls, webhooks, events, subscriptions and idempotency', async () => {
    await gw.gql(
      'query Recent { resourceOperations(first: 3) { edges { node { id connection { catenaId } } } } }',
    );
    const { body } = writeCases(gw.sim.fixtures).createTrailer;
    const input = graphqlInput('createTrailer', body);
    await write(gw, 'createTrailer', { input, key: 'metrics-key' });
    await write(gw, 'createTrailer', { input, key: 'metrics-key' });
    // A stream that stays open (operationStatus of a finished operation would end at once).
    stream(wsClient(gw.url), 'subscription { resourceOperationEvents { eventId } }');
    await waitFor(() => gw.app.stats().subscribers >= 1);
    await deliver(gw.url, envelope('resource_operation.created', [{}]));
    await waitFor(async () => /events_published_total\{source="webhook"/.test(await scrape()));

    const text = await scrape();
    expect(text).toMatch(
      /catena_gateway_graphql_operation_duration_seconds_count\{operation_name="Recent",operation_type="query",outcome="ok"\} 1/,
    );
    expect(
      value(
        text,
        /catena_gateway_upstream_requests_total\{method="GET",route="\/v2\/integrations\/connections\/resource-operations",status="200"\} (\d+)/,
      ),
    ).toBeGreaterThanOrEqual(1);
    expect(text).toMatch(
      /catena_gateway_upstream_request_duration_seconds_bucket\{le="[\d.]+",method="POST",route="\/v2\/telematics\/trailers"\}/,
    );
    expect(
      value(text, /catena_gateway_webhook_deliveries_total\{status="202"\} (\d+)/),
    ).toBeGreaterThanOrEqual(1);
    expect(value(text, /catena_gateway_webhook_deliveries_total\{status="400"\} (\d+)/)).toBe(1);
    expect(value(text, /catena_gateway_events_published_total\{source="write",type="CREATED"\} (\d+)/)).toBe(
      1,
    );
    expect(value(text, /catena_gateway_dedupe_hits_total (\d+)/)).toBeGreaterThanOrEqual(1); // Catena's own `created`
    expect(value(text, /catena_gateway_subscriptions_active\{transport="ws"\} (\d+)/)).toBe(1);
    expect(value(text, /catena_gateway_idempotency_total\{result="new"\} (\d+)/)).toBe(1);
    expect(value(text, /catena_gateway_idempotency_total\{result="replayed"\} (\d+)/)).toBe(1);
    expect(text).toMatch(/catena_gateway_pubsub_lag_seconds_count/);
    expect(text).toMatch(/catena_gateway_process_resident_memory_bytes/);
  });

  it('labels operations by name and outcome, never by URL', async () => {
    for (const n of [1, 2, 2]) {
      const query = `query Page${n} { resourceOperations(first: ${n}) { edges { cursor } } }`;
      const res = await request(`${gw.url}/graphql?query=${encodeURIComponent(query)}`, {
        headers: { accept: 'application/json' },
      });
      expect(res.statusCode).toBe(200);
      await res.body.dump();
    }
    await gw.gql('query Broken { resourceOperations(first: 1) { nope } }').catch(() => undefined);
    await gw.gql('query Missing($id: UUID!) { connection(id: $id) { catenaId } }', {
      id: '00000000-0000-4000-8000-000000000000',
    });
    const text = await scrape();
    const count = (labels: string) =>
      value(
        text,
        new RegExp(`catena_gateway_graphql_operation_duration_seconds_count\\{${labels}\\} (\\d+)`),
      );
    expect(count('operation_name="Page2",operation_type="query",outcome="ok"')).toBe(2);
    expect(count('operation_name="Broken",operation_type="query",outcome="rejected"')).toBe(1);
    expect(count('operation_name="Missing",operation_type="query",outcome="ok"')).toBe(1);
    expect(text).not.toMatch(/url="/);
    expect(text).not.toMatch(/graphql_envelop_/);
  });
});
