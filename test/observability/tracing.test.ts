import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import { describe, expect, it } from 'vitest';
import { useGateway } from '../helpers/gateway.ts';

const spans = new InMemorySpanExporter();
const gw = useGateway({}, {}, { app: { spanProcessor: new SimpleSpanProcessor(spans) } });

describe('tracing (on by config)', () => {
  it('traces GraphQL operations and every Catena call with its route, status and request id', async () => {
    const res = await fetch(`${gw.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'trace-me-123' },
      body: JSON.stringify({
        query: 'query Traced { resourceOperations(first: 2) { edges { node { connection { catenaId } } } } }',
      }),
    });
    expect(res.status).toBe(200);
    const finished = spans.getFinishedSpans();
    expect(finished.some((s) => s.name.includes('Traced'))).toBe(true);
    const list = finished.find(
      (s) => s.name === 'catena GET /v2/integrations/connections/resource-operations',
    );
    expect(list?.attributes).toMatchObject({
      'http.response.status_code': 200,
      'catena.request_id': 'trace-me-123',
    });
    expect(finished.some((s) => s.name === 'catena GET /v2/integrations/connections/:id')).toBe(true);
  });
});
