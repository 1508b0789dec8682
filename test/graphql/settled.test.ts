/**
 * Write and await in one request: `ResourceOperation.settled` with `@defer`, read by real HTTP
 * clients (a multipart/mixed reader and a graphql-sse client), against the simulator, with the
 * outcome from a webhook, from the poller after a lost webhook, from a sync answer, and at a timeout.
 */
import { createClient } from 'graphql-sse';
import { afterEach, describe, expect, it } from 'vitest';
import { writeCases } from '../fixtures/write-bodies.ts';
import { useGateway } from '../helpers/gateway.ts';
import { multipartBodies, postMultipart } from '../helpers/incremental.ts';
import { graphqlInput, writeRoute } from '../helpers/mutations.ts';
import { waitFor } from '../helpers/wait-for.ts';

const gw = useGateway(
  { processingMs: 150 },
  { GATEWAY_MAX_SETTLED_WAITS: '3' },
  { deliverWebhooks: true, app: { events: { staleAfterMs: 200, maxPollIntervalMs: 1_000 } } },
);

afterEach(() => {
  gw.sim.control.configure({ webhookDeliveryPaused: false, processingMs: 150 });
  gw.sim.control.clearFaults();
});

const OUTCOME =
  'settled(timeoutSeconds: $t) { status resourceId sourceId logs { status errorType errorDetails } }';

const WRITE_AND_AWAIT = `mutation WriteAndAwait($input: CreateTrailerInput!, $mode: WriteMode, $t: Int) {
  createTrailer(input: $input, mode: $mode) {
    __typename
    ... on CreateTrailerSuccess {
      operation { catenaId status ... @defer(label: "outcome") { ${OUTCOME} } }
    }
    ... on Error { code message }
  }
}`;

const WRITE_AND_WAIT = WRITE_AND_AWAIT.replace(' ... @defer(label: "outcome") {', '').replace(
  `${OUTCOME} } }`,
  `${OUTCOME} }`,
);

interface Outcome {
  status: string;
  resourceId: string | null;
  sourceId: string | null;
  logs: { status: string; errorType: string | null; errorDetails: string | null }[];
}

const trailerInput = (marker = 'settled test') =>
  graphqlInput('createTrailer', writeCases(gw.sim.fixtures, undefined, marker).createTrailer.body);

/** Every part of a multipart/mixed answer, as JSON, and how long after the request each came. */
async function multipart(query: string, variables: Record<string, unknown>) {
  const started = Date.now();
  const response = await postMultipart(gw.url, query, variables);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^multipart\/mixed/);
  const bodies = await multipartBodies(response);
  // Only the last part's arrival is known here: it is when the whole answer ended.
  return bodies.map((body) => ({ at: Date.now() - started, body }));
}

type Initial = { createTrailer: { __typename: string; operation: { catenaId: string; status: string } } };
type Deferred = { incremental: { data: { settled: Outcome }; path: (string | number)[]; label?: string }[] };

/** The initial payload and the deferred outcome of a multipart write-and-await. */
function split(payloads: { body: Record<string, unknown> }[]) {
  const [initial, ...rest] = payloads.map((p) => p.body);
  const incremental = rest.flatMap((p) => (p as unknown as Deferred).incremental ?? []);
  return {
    initial: initial as { data: Initial; hasNext: boolean },
    outcome: incremental.map((i) => i.data.settled),
    paths: incremental.map((i) => i.path),
    last: rest.at(-1) as { hasNext: boolean } | undefined,
  };
}

describe('settled with @defer over multipart HTTP', () => {
  it('answers the write at once, then its outcome from the webhook, in one response', async () => {
    const payloads = await multipart(WRITE_AND_AWAIT, { input: trailerInput(), t: 30 });
    const { initial, outcome, paths, last } = split(payloads);
    expect(initial.hasNext).toBe(true);
    expect(initial.data.createTrailer.__typename).toBe('CreateTrailerSuccess');
    expect(initial.data.createTrailer.operation.status).toBe('PENDING');
    expect(paths).toEqual([['createTrailer', 'operation']]);
    expect(outcome).toHaveLength(1);
    expect(outcome[0]).toMatchObject({ status: 'SUCCESS', resourceId: expect.any(String) });
    expect(outcome[0]?.logs.map((l) => l.status)).toContain('SUCCESS');
    expect(last?.hasNext).toBe(false);
    // The outcome came by webhook: the simulator delivered one for this operation.
    const id = initial.data.createTrailer.operation.catenaId;
    expect(gw.sim.control.deliveries().some((d) => d.operationId === id && d.status === 202)).toBe(true);
  });

  it("delivers a failure with the TSP's error logs", async () => {
    const payloads = await multipart(WRITE_AND_AWAIT, { input: trailerInput('simulate-failure'), t: 30 });
    const { initial, outcome } = split(payloads);
    expect(initial.data.createTrailer.operation.status).toBe('PENDING');
    expect(outcome[0]?.status).toBe('FAILED');
    expect(outcome[0]?.resourceId).toBeNull();
    const failed = outcome[0]?.logs.filter((l) => l.status === 'FAILED') ?? [];
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((l) => l.errorType === 'TSP')).toBe(true);
  });

  it('reaches the outcome by polling Catena when the webhook is lost', async () => {
    gw.sim.control.configure({ webhookDeliveryPaused: true });
    const payloads = await multipart(WRITE_AND_AWAIT, { input: trailerInput(), t: 30 });
    const { initial, outcome } = split(payloads);
    const id = initial.data.createTrailer.operation.catenaId;
    expect(outcome[0]?.status).toBe('SUCCESS');
    expect(gw.sim.control.deliveries().filter((d) => d.operationId === id)).toEqual([]);
  });

  it('answers with the state at the timeout when the operation is still pending', async () => {
    gw.sim.control.configure({ processingMs: 60_000, webhookDeliveryPaused: true });
    const payloads = await multipart(WRITE_AND_AWAIT, { input: trailerInput(), t: 1 });
    const { initial, outcome, last } = split(payloads);
    expect(initial.data.createTrailer.operation.status).toBe('PENDING');
    expect(outcome[0]?.status).toBe('PENDING');
    expect(last?.hasNext).toBe(false);
    // Not before the timeout: the answer ended at least a second after the request.
    expect(payloads.at(-1)?.at).toBeGreaterThanOrEqual(900);
    await waitFor(() => gw.app.stats().polling === 0 && gw.app.services.waits.count === 0, {
      what: 'the wait and its poll to end',
    });
  });

  it('settles a SYNC write at once: its answer is already the outcome', async () => {
    gw.resetCounts();
    const payloads = await multipart(WRITE_AND_AWAIT, { input: trailerInput(), mode: 'SYNC', t: 30 });
    const { initial, outcome } = split(payloads);
    expect(initial.data.createTrailer.operation.status).toBe('SUCCESS');
    expect(outcome[0]?.status).toBe('SUCCESS');
    // One write call and nothing else: no read, no poll.
    expect(gw.sim.control.requestCounts()).toEqual({ [writeRoute('createTrailer')]: 1 });
  });
});

describe('settled over SSE', () => {
  it('streams the write, then its outcome, as two events of one request', async () => {
    const client = createClient({ url: `${gw.url}/graphql`, fetchFn: fetch, retryAttempts: 0 });
    try {
      const results: Record<string, unknown>[] = [];
      for await (const result of client.iterate({
        query: WRITE_AND_AWAIT,
        variables: { input: trailerInput(), t: 30 },
      })) {
        results.push(result as Record<string, unknown>);
      }
      const { initial, outcome } = split(results.map((body) => ({ body })));
      expect(initial.data.createTrailer.operation.status).toBe('PENDING');
      expect(outcome[0]?.status).toBe('SUCCESS');
    } finally {
      client.dispose();
    }
  });
});

describe('settled without @defer', () => {
  it('waits for the outcome and answers once', async () => {
    const res = await gw.gql<{ createTrailer: { operation: { status: string; settled: Outcome } } }>(
      WRITE_AND_WAIT,
      { input: trailerInput(), t: 30 },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.createTrailer.operation.status).toBe('PENDING');
    expect(res.data?.createTrailer.operation.settled.status).toBe('SUCCESS');
  });

  it('reads an operation settled long ago without waiting or asking Catena again', async () => {
    const written = await gw.gql<{ createTrailer: { operation: { catenaId: string; settled: Outcome } } }>(
      WRITE_AND_WAIT,
      { input: trailerInput(), t: 30 },
    );
    const id = written.data?.createTrailer.operation.catenaId;
    const connectionId = writeCases(gw.sim.fixtures).createTrailer.body.connection_id;
    gw.resetCounts();
    const res = await gw.gql<{ resourceOperation: { status: string; settled: { status: string } } }>(
      'query($c: UUID!, $id: UUID!) { resourceOperation(connectionId: $c, id: $id) { status settled { status } } }',
      { c: connectionId, id },
    );
    expect(res.data?.resourceOperation).toEqual({ status: 'SUCCESS', settled: { status: 'SUCCESS' } });
    expect(Object.values(gw.sim.control.requestCounts()).reduce((a, b) => a + b, 0)).toBe(1);
  });
});

describe('settled limits', () => {
  it('refuses a timeout out of 1..120 before anything is written', async () => {
    gw.resetCounts();
    for (const t of [0, 121, -5]) {
      const res = await gw.gql(WRITE_AND_WAIT, { input: trailerInput(), t });
      expect(res.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        argument: 'timeoutSeconds',
      });
      expect(res.errors?.[0]?.message).toBe('timeoutSeconds must be from 1 to 120');
    }
    expect(gw.sim.control.requestCounts()).toEqual({});
  });

  it('counts the wait in the cost: a page of waits is refused before it runs', async () => {
    gw.resetCounts();
    const res = await gw.gql(
      '{ resourceOperations(first: 20) { edges { node { catenaId settled(timeoutSeconds: 120) { status } } } } }',
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(gw.sim.control.requestCounts()).toEqual({});
  });

  it('holds at most GATEWAY_MAX_SETTLED_WAITS open waits per credential; the next is refused', async () => {
    gw.sim.control.configure({ processingMs: 60_000, webhookDeliveryPaused: true });
    const waiting = Array.from({ length: 3 }, () =>
      gw.gql<{ createTrailer: { operation: { settled: Outcome } } }>(WRITE_AND_WAIT, {
        input: trailerInput(),
        t: 2,
      }),
    );
    await waitFor(() => gw.app.services.waits.count === 3, { what: 'three waits to be open' });
    const metrics = await (await fetch(`${gw.url}/metrics`)).text();
    expect(metrics).toMatch(/^catena_gateway_settled_waits 3$/m);
    const refused = await gw.gql<{ createTrailer: { operation: { status: string } | null } }>(
      WRITE_AND_WAIT,
      {
        input: trailerInput(),
        t: 2,
      },
    );
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'TOO_MANY_WAITS', max: 3 });
    expect(refused.errors?.[0]?.path).toEqual(['createTrailer', 'operation', 'settled']);
    const answers = await Promise.all(waiting);
    expect(answers.map((a) => a.data?.createTrailer.operation.settled.status)).toEqual([
      'PENDING',
      'PENDING',
      'PENDING',
    ]);
    await waitFor(() => gw.app.services.waits.count === 0, { what: 'the waits to close' });
  });

  it('closes the wait when the client goes away', async () => {
    gw.sim.control.configure({ processingMs: 60_000, webhookDeliveryPaused: true });
    const abort = new AbortController();
    const pending = fetch(`${gw.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: WRITE_AND_WAIT, variables: { input: trailerInput(), t: 120 } }),
      signal: abort.signal,
    }).catch((error: unknown) => error);
    await waitFor(() => gw.app.services.waits.count === 1, { what: 'the wait to open' });
    abort.abort();
    await pending;
    await waitFor(() => gw.app.services.waits.count === 0 && gw.app.stats().subscribers === 0, {
      what: 'the wait to close with its client',
    });
  });
});

describe('settled and the rate limit', () => {
  const limited = useGateway({ processingMs: 100 }, { GATEWAY_RATE_LIMIT: '3' }, { deliverWebhooks: true });

  it('counts each wait as one more operation', async () => {
    const input = () =>
      graphqlInput('createTrailer', writeCases(limited.sim.fixtures, undefined, 'rate').createTrailer.body);
    // The operation and its wait: two of three.
    const first = await limited.gql<{ createTrailer: { operation: { settled: Outcome } } }>(WRITE_AND_WAIT, {
      input: input(),
      t: 30,
    });
    expect(first.data?.createTrailer.operation.settled.status).toBe('SUCCESS');
    // The third runs; its wait would be the fourth.
    const second = await limited.gql(WRITE_AND_WAIT, { input: input(), t: 30 });
    expect(second.errors?.[0]?.extensions).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfterSeconds: expect.any(Number),
    });
    expect(second.errors?.[0]?.path).toEqual(['createTrailer', 'operation', 'settled']);
    expect(limited.app.services.waits.count).toBe(0);
  });
});
